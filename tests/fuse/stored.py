"""Store fixtures for fuse tests: articles carrying hand-made events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasd.model import Actor, Article, DateWindow, Event, Evidence, Place, Published, Target, Weapon


def to_event(d: dict[str, Any]) -> Event:
    """A model Event from a helper event dict (so ``put_articles`` stores it)."""
    window = DateWindow(
        dt.date.fromisoformat(d["date_start"]),
        dt.date.fromisoformat(d["date_end"]),
        d["time_precision"],
    )
    actor = lambda a: Actor(**a) if a else None  # noqa: E731
    return Event(
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        plover_type=d["plover_type"],
        event_id=d["event_id"],
        article_ids=list(d["article_ids"]),
        window=window,
        actor1=actor(d["actor1"]),
        claim_status=d["claim_status"],
        actor2=actor(d["actor2"]),
        targets=[Target(**t) for t in d["targets"]],
        weapons=[Weapon(**w) for w in d["weapons"]],
        location=Place(**d["location"]) if d["location"] else None,
        fatalities=d["fatalities"],
        injuries=d["injuries"],
        evidence=[Evidence(**e) for e in d["evidence"]],
        confidence=d["confidence"],
    )


def article(
    aid: str, text: str, events: list[dict[str, Any]], *, published: str = "2023-10-25"
) -> Article:
    day = dt.date.fromisoformat(published)
    return Article(
        text=text,
        id=aid,
        source=f"outlet-{aid}",
        published=Published(DateWindow(day, day, 1), origin="metadata"),
        events=[to_event(e) for e in events],
    )
