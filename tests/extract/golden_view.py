"""The fields of an event the golden tests pin (a stable projection)."""

from __future__ import annotations

from typing import Any

from rasd.model import Event

# article name -> publication date given beside the text (None: the date line)
PUBLISHED: dict[str, str | None] = {}


def view(e: Event) -> dict[str, Any]:
    loc = [x.text for x in e.evidence if x.field == "location"]
    return {
        "sub_event_type": e.sub_event_type,
        "plover_type": e.plover_type,
        "event_date": e.window.best.isoformat() if e.window else None,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "claim_status": e.claim_status,
        "suspected_actor1": e.suspected_actor1.name if e.suspected_actor1 else None,
        "weapons": sorted([w.kind, w.count] for w in e.weapons),
        "targets": sorted({t.kind for t in e.targets}),
        "fatalities": e.fatalities,
        "injuries": e.injuries,
        "damage": sorted(e.damage),
        "country": e.location.country if e.location else None,
        "location_text": loc[0] if loc else None,
    }
