"""The fuse stage: one record per real-world event, across articles and time.

Owns near-duplicate article detection (``neardup``: MinHash with LSH
banding), event fusion (``mention``, ``cluster``, ``score``, ``fusion``:
blocking, pair scores, clustering; ``record``: fused records that keep every
reported value), the store tables and the incremental ``fuse_store``
(``schema``, ``persist``) with drop-in event queries over the fused table
(``queries``), on SQLite and PostgreSQL alike through one small adapter
(``backend``), exports (``export``), the CLI commands ``events`` and
``export`` (``commands``) and the measurement on the gold clusters
(``goldscore``). Thresholds, weights and event families are data in
``data/`` (``settings.yaml``, ``families.tsv``); docs/fusion.md explains them.
"""
