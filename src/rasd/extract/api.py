"""The one-call extraction API: text in, events out (``rasd.extract``).

``extract`` builds an :class:`~rasd.model.Article`, runs the ingest stages
(segmentation, boilerplate, sentences, date line, id) and then the
extraction and geocoding stages (``rasd.pipeline.DEFAULT``); a notebook can call it the same
way the CLI does.
"""

from __future__ import annotations

import datetime as dt

from rasd.errors import ExtractError
from rasd.model import Article, DateWindow, Event, Published
from rasd.pipeline import DEFAULT, Pipeline


def _published(value: dt.date | str | None) -> Published | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip()[:10])
        except ValueError as err:
            raise ExtractError(f"published must be YYYY-MM-DD, got {value!r}", value=value) from err
    if isinstance(value, dt.datetime):
        value = value.date()
    return Published(DateWindow(value, value, 1), origin="metadata")


_pipeline: Pipeline | None = None


def process(article: Article) -> Article:
    """The default pipeline: ingest stages, then extraction and geocoding."""
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline(DEFAULT)
    return _pipeline(article)


def extract_article(article: Article) -> Article:
    """The extraction stage alone, on an already ingested article."""
    from rasd.extract.stage import extract_article as _stage

    return _stage(article)


def extract(
    text: str,
    published: dt.date | str | None = None,
    lang: str | None = None,
    *,
    id: str | None = None,
) -> list[Event]:
    """Events reported in ``text`` (an Arabic news article or sentence)."""
    article = Article(text=text, id=id, published=_published(published), language=lang)
    return process(article).events
