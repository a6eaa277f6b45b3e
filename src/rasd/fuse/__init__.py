"""The fuse stage: one record per real-world event, across articles and time.

Owns near-duplicate article detection (``neardup``: MinHash with LSH
banding), event fusion (``fusion``: blocking, pair scores, clustering,
fused records that keep every reported value), the SQLite tables and the
incremental ``fuse_store`` (``schema``, ``persist``), drop-in event queries
over the fused table (``queries``), exports (``export``) and the CLI
commands ``events`` and ``export`` (``commands``). Thresholds, weights and
event families are data in ``data/`` (``settings.yaml``, ``families.tsv``).
"""
