"""ACLED sub-event type -> event type (read from ``data/subtypes.tsv``)."""

from __future__ import annotations

from rasd import resources


def event_type_of(sub_event_type: str) -> str:
    table = {r["sub_event_type"]: r["event_type"] for r in resources.tsv("fuse", "subtypes.tsv")}
    return table.get(sub_event_type, "Explosions/Remote violence")
