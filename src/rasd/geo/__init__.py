"""The geo stage: places in Arabic text, down to the facility.

Owns the shipped gazetteer (``data/gazetteer.tsv.gz``, built by
``scripts/build_gazetteer.py`` from ``data/curated/*.tsv`` and the shared
GeoNames/IOM/OCHA files), toponym recognition (``recognize``: gazetteer
names through clitics, cue words, traps), resolution among homonyms with
ACLED geo precision (``resolve``), the pipeline stage ``geocode``
(``stage``) and the ``places``/``gazetteer`` commands (``commands``).
Word lists (cues, relations, stoplist) are data under ``data/``.

    from rasd.geo import find_places, lookup
    find_places("سقط صاروخ قرب قاعدة عين الأسد في الأنبار")
    lookup("الموصل")
"""

from rasd.geo.gazetteer import Entry, Gazetteer, gazetteer, lookup
from rasd.geo.recognize import PlaceMention, find_places
from rasd.geo.resolve import Context

__all__ = [
    "Context",
    "Entry",
    "Gazetteer",
    "PlaceMention",
    "find_places",
    "gazetteer",
    "lookup",
]
