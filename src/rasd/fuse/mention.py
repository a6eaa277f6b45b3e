"""One article-level event as fusion sees it: the fields that decide fusion,
read once from the event dict (event-format.md)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from rasd.fuse.settings import family
from rasd.text import match_form

DATE_FIELDS = ("date", "event_date")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _stated(event: dict[str, Any], start: dt.date | None, published: str | None) -> bool:
    """Whether the text itself dates the event. An event with no date evidence
    dated on its article's publication day took that day as a fallback: the
    event happened then or shortly before, so its date is soft."""
    if start is None or not published:
        return True
    if any(e.get("field") in DATE_FIELDS for e in event.get("evidence") or ()):
        return True
    end = _date(event.get("date_end") or event.get("event_date"))
    return not (start == end == _date(published))


@functools.lru_cache(maxsize=65536)
def _form(name: str) -> str:
    """The matching form of a place or actor name (names repeat: cached)."""
    return match_form(name)


def _actor_key(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return str(actor.get("id") or _form(actor.get("name") or "")) or None


@dataclass(slots=True)
class Mention:
    """An event reported by one article. ``seq`` is arrival order (the
    earliest mention names the fused event); ``copy_of`` is the article this
    one's article near-duplicates, so the two count as one report.
    ``stated`` is false when the date is only the publication day (see
    ``_stated``); such a date may be a day late, so fusion widens it back."""

    data: dict[str, Any]
    event_id: str
    article_id: str
    seq: int
    published: str | None
    copy_of: str | None
    start: dt.date | None
    end: dt.date | None
    precision: int | None
    family: str
    event_type: str | None
    sub_type: str | None
    lat: float | None
    lon: float | None
    gazetteer_id: str | None
    country: str | None
    name_key: str | None
    geo_precision: int | None
    weapons: frozenset[str]
    targets: frozenset[str]
    actors1: frozenset[str]
    actors2: frozenset[str]
    claim: str | None
    stated: bool = True
    fatalities: int | None = None
    admin1: str | None = None

    @classmethod
    def of(
        cls,
        event: dict[str, Any],
        *,
        seq: int = 0,
        published: str | None = None,
        copy_of: str | None = None,
    ) -> Mention:
        article_ids = event.get("article_ids") or [""]
        loc = event.get("location") or {}
        start = _date(event.get("date_start") or event.get("event_date"))
        end = _date(event.get("date_end") or event.get("event_date"))
        lat, lon = loc.get("lat"), loc.get("lon")
        name = loc.get("name") or loc.get("name_ar")
        actors1 = {_actor_key(event.get("actor1")), _actor_key(event.get("suspected_actor1"))}
        claim = event.get("claim_status")
        return cls(
            data=event,
            event_id=str(event.get("event_id") or ""),
            article_id=str(article_ids[0]),
            seq=seq,
            published=published,
            copy_of=copy_of,
            start=start,
            end=end if end else start,
            precision=event.get("time_precision"),
            family=family(event.get("event_type"), event.get("sub_event_type")),
            event_type=event.get("event_type"),
            sub_type=event.get("sub_event_type"),
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            gazetteer_id=loc.get("gazetteer_id"),
            country=loc.get("country"),
            name_key=_form(name) if name else None,
            geo_precision=loc.get("geo_precision"),
            weapons=frozenset(w["kind"] for w in event.get("weapons") or () if w.get("kind")),
            targets=frozenset(
                t["kind"]
                for t in event.get("targets") or ()
                if t.get("kind") not in (None, "other")
            ),
            actors1=frozenset(a for a in actors1 if a),
            actors2=frozenset(a for a in [_actor_key(event.get("actor2"))] if a),
            claim=claim if claim and claim != "unknown" else None,
            stated=_stated(event, start, published),
            fatalities=event.get("fatalities"),
            admin1=loc.get("admin1"),
        )

    @property
    def origin(self) -> str:
        """The article this report really comes from (a copy counts as its original)."""
        return self.copy_of or self.article_id

    @property
    def precise_place(self) -> bool:
        """A place finer than a region: region-level reports (geo_precision 3)
        are compared by country only, like reports naming only the country."""
        if self.geo_precision == 3:
            return False
        return self.lat is not None or bool(self.gazetteer_id) or self.name_key is not None

    @property
    def recency(self) -> tuple[str, int]:
        return (self.published or "", self.seq)
