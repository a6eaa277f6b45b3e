"""rasd's data model: plain dataclasses shared by every stage.

One ``Article`` holds the text exactly once (``text``, as decoded from the
input); everything else about it is a span of character offsets into that
text: paragraphs, sentences, the title, the date line, evidence. Stages
add spans; nothing ever rewrites ``text``. Events follow
``shared/spec/event-format.md`` and serialise with ``to_dict``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

ParagraphKind = Literal["title", "dateline", "body", "boilerplate"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` character offsets into an article's ``text``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the original text. ``repeat_of`` points at the earlier
    paragraph it repeats word for word (news sites repeat the lede), so
    later stages can skip it while offsets stay intact."""

    start: int
    end: int
    kind: ParagraphKind = "body"
    repeat_of: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    repeat_of: int | None = None


@dataclass(frozen=True, slots=True)
class DateWindow:
    """A calendar window that surely holds something, with ACLED precision
    (1 day known, 2 week known, 3 month known)."""

    start: dt.date
    end: dt.date
    precision: int

    @property
    def best(self) -> dt.date:
        """The single date to report: the day itself, else the window's end
        (news reports the latest moment a vague window allows)."""
        return self.start if self.start == self.end else self.end


@dataclass(frozen=True, slots=True)
class Published:
    """When the article was published, and where that came from.

    ``raw``/``start``/``end`` give the date expression and its offsets when
    it was read from the text (the scraped page's first line); they are
    None when the date came from metadata (JSONL field, HTML meta tag)."""

    window: DateWindow
    raw: str | None = None
    start: int | None = None
    end: int | None = None
    origin: str = "text"  # "text" | "metadata"

    @property
    def date(self) -> dt.date:
        return self.window.best

    @property
    def precision(self) -> int:
        return self.window.precision


@dataclass(slots=True)
class Article:
    """One news article: the decoded text plus spans over it."""

    text: str
    id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: Published | None = None
    language: str | None = None
    origin: str = ""  # "PATH" or "PATH:LINE" it was read from, for messages
    title_span: Span | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # derived values stages share within one process (e.g. paragraph matching
    # forms); never stored, never compared
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def content_paragraphs(self) -> list[Paragraph]:
        """Paragraphs that carry article content and are not repeats."""
        return [p for p in self.paragraphs if p.kind != "boilerplate" and p.repeat_of is None]

    def content_sentences(self) -> list[Sentence]:
        """Sentences later stages should read: not boilerplate, not repeats."""
        keep = {i for i, p in enumerate(self.paragraphs) if p.kind != "boilerplate"}
        return [s for s in self.sentences if s.paragraph in keep and s.repeat_of is None]

    @property
    def body(self) -> str:
        """The article without boilerplate lines (repeats kept: they are the article's own)."""
        if not self.paragraphs:
            return self.text.strip()
        return "\n".join(
            self.text[p.start : p.end] for p in self.paragraphs if p.kind != "boilerplate"
        )

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        """The article object of ``shared/spec/cli.md``."""
        pub = self.published
        out: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": pub.date.isoformat() if pub else None,
            "published_precision": pub.precision if pub else None,
            "published_raw": pub.raw if pub else None,
            "language": self.language,
        }
        if with_text:
            out["text"] = self.text
            out["body"] = self.body
        return out


# --- events (shared/spec/event-format.md) ---------------------------------


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    id: str
    kind: str  # state_forces | armed_group | civilians | government | other
    name_ar: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Weapon:
    kind: str
    model: str | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    name_ar: str | None = None
    admin1: str | None = None
    gazetteer_id: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    field: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    event_type: str
    sub_event_type: str
    plover_type: str
    event_id: str = ""
    article_ids: list[str] = field(default_factory=list)
    window: DateWindow | None = None
    actor1: Actor | None = None
    claim_status: str = "unknown"
    suspected_actor1: Actor | None = None
    actor2: Actor | None = None
    targets: list[Target] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    location: Place | None = None
    fatalities: int | None = None
    injuries: int | None = None
    damage: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    language: str = "ar"

    def to_dict(self) -> dict[str, Any]:
        w = self.window
        return {
            "schema_version": SCHEMA_VERSION,
            "event_id": self.event_id,
            "article_ids": list(self.article_ids),
            "event_date": w.best.isoformat() if w else None,
            "date_start": w.start.isoformat() if w else None,
            "date_end": w.end.isoformat() if w else None,
            "time_precision": w.precision if w else None,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover_type": self.plover_type,
            "actor1": _maybe(self.actor1),
            "claim_status": self.claim_status,
            "suspected_actor1": _maybe(self.suspected_actor1),
            "actor2": _maybe(self.actor2),
            "targets": [asdict(t) for t in self.targets],
            "weapons": [asdict(x) for x in self.weapons],
            "location": _maybe(self.location),
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "damage": list(self.damage),
            "evidence": [asdict(e) for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "language": self.language,
        }


def _maybe(obj: Any) -> dict[str, Any] | None:
    return asdict(obj) if obj is not None else None
