"""Stages over one Article, named and run in order (after spaCy's pipeline).

A stage is a callable ``Article -> Article`` registered here by name with a
dotted path, so importing the pipeline imports nothing heavy; each declares
what it reads and what it writes. ``Pipeline(names)`` resolves the names on
first use. A failure inside one article raises a ``RasdError``; batch
drivers (``run_batch``) report it and go on with the next article.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rasd.errors import RasdError
from rasd.model import Article

StageFn = Callable[[Article], Article]


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    target: str  # "module:function"
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    doc: str


STAGES: dict[str, StageInfo] = {}


def register(
    name: str, target: str, *, reads: Iterable[str] = (), writes: Iterable[str] = (), doc: str = ""
) -> None:
    STAGES[name] = StageInfo(name, target, tuple(reads), tuple(writes), doc)


# --- the stages rasd knows (each owned by its folder) ----------------------
register(
    "segment",
    "rasd.ingest.segment:segment",
    reads=["text"],
    writes=["paragraphs", "title", "title_span"],
    doc="split the text into paragraphs; find the date line and headline",
)
register(
    "clean",
    "rasd.ingest.clean:mark_boilerplate",
    reads=["paragraphs"],
    writes=["paragraphs.kind"],
    doc="mark boilerplate lines (app prompts, share/subscribe, cookies)",
)
register(
    "sentences",
    "rasd.ingest.segment:split_sentences",
    reads=["paragraphs"],
    writes=["sentences"],
    doc="split content paragraphs into sentences",
)
register(
    "repeats",
    "rasd.ingest.clean:mark_repeats",
    reads=["paragraphs", "sentences"],
    writes=["paragraphs.repeat_of", "sentences.repeat_of"],
    doc="mark paragraphs and sentences that repeat earlier ones",
)
register(
    "dateline",
    "rasd.ingest.segment:read_dateline",
    reads=["paragraphs"],
    writes=["published"],
    doc="publication date from the date line when metadata gave none",
)
register(
    "identify",
    "rasd.ingest.identify:identify",
    reads=["body"],
    writes=["id", "language"],
    doc="content-hash id (when the input had none) and language",
)

register(
    "extract",
    "rasd.extract.stage:extract_article",
    reads=["sentences", "paragraphs", "published", "id"],
    writes=["events"],
    doc="events with actors, weapons, targets, casualties, claims, dates and place names",
)
register(
    "geocode",
    "rasd.geo.stage:geocode",
    reads=["events", "sentences"],
    writes=["events.location"],
    doc="resolve each event's place against the shipped gazetteer, down to the facility",
)

INGEST = ("segment", "clean", "sentences", "repeats", "dateline", "identify")
EXTRACT = ("extract", "geocode")
# what ``rasd ingest`` and ``rasd.extract`` run by default
DEFAULT = INGEST + EXTRACT


def _resolve(info: StageInfo) -> StageFn:
    module, _, func = info.target.partition(":")
    return getattr(importlib.import_module(module), func)


class Pipeline:
    """An ordered list of named stages, applied to one article at a time."""

    def __init__(self, names: Iterable[str] = INGEST) -> None:
        self.names = tuple(names)
        unknown = [n for n in self.names if n not in STAGES]
        if unknown:
            raise RasdError(f"unknown pipeline stage(s): {', '.join(unknown)}", value=unknown)
        self._fns: list[StageFn] | None = None

    def _stages(self) -> list[StageFn]:
        if self._fns is None:
            self._fns = [_resolve(STAGES[n]) for n in self.names]
        return self._fns

    def __call__(self, article: Article) -> Article:
        for fn in self._stages():
            article = fn(article)
        return article

    def run_batch(
        self, articles: Iterable[Article], on_error: Callable[[Article, RasdError], None]
    ) -> Iterator[Article]:
        """Apply to each article; a ``RasdError`` on one goes to ``on_error``, the batch goes on."""
        for article in articles:
            try:
                yield self(article)
            except RasdError as err:
                on_error(article, err)
