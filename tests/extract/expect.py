"""The check shared by the case tables of the extract tests (test_round3,
test_fields_dev3, test_fields_round5): a short invented text, its publication
date and what its events must hold.

``want`` keys: ``n`` (number of events); ``all`` (check every event) or
``last`` (check the last one; else the first); then any of ``sub_event_type``,
``actor1``, ``actor2`` (English names, None for none), ``claim_status``,
``fatalities``, ``injuries``, ``weapons`` (a set of (kind, count)), ``date``
(the window's first day, ISO) and ``place`` (the location's name).
"""

from __future__ import annotations

import rasd


def name_of(actor) -> str | None:
    return actor.name if actor is not None else None


FIELDS = {
    "sub_event_type": lambda ev: ev.sub_event_type,
    "actor1": lambda ev: name_of(ev.actor1),
    "actor2": lambda ev: name_of(ev.actor2),
    "claim_status": lambda ev: ev.claim_status,
    "fatalities": lambda ev: ev.fatalities,
    "injuries": lambda ev: ev.injuries,
    "weapons": lambda ev: {(w.kind, w.count) for w in ev.weapons},
    "date": lambda ev: str(ev.window.start) if ev.window is not None else None,
    "place": lambda ev: ev.location.name if ev.location is not None else None,
}


def check_case(text: str, published: str, want: dict) -> None:
    """Extract ``text`` and assert what ``want`` asks of its events."""
    events = rasd.extract(text, published)
    if "n" in want:
        assert len(events) == want["n"], [(e.sub_event_type, e.location) for e in events]
    assert events
    targets = events if want.get("all") else [events[-1] if want.get("last") else events[0]]
    for ev in targets:
        for key, read in FIELDS.items():
            if key in want:
                assert read(ev) == want[key], key
