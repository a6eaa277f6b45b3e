"""rasd (رصد): Arabic news to conflict event data, with evidence for every field.

Stages, one folder each: ingest (readers, cleaning), text (Arabic
normalisation, numbers, dates), extract (events), geo (gazetteer,
geocoding), fuse (one record per real event), store (SQLite/PostgreSQL),
web (API and app), eval (scores). ``rasd.extract`` is the one-call API.
"""

from __future__ import annotations

__version__ = "0.1.0"


def extract(text: str, published=None, lang: str | None = None):
    """Events in ``text`` (see ``rasd.extract.api.extract``)."""
    from rasd.extract.api import extract as _extract

    return _extract(text, published=published, lang=lang)


__all__ = ["extract", "__version__"]
