"""Fusion settings, read once from ``data/settings.yaml`` and ``data/families.tsv``."""

from __future__ import annotations

import functools
from typing import Any

from rasd import resources
from rasd.errors import ResourceError


@functools.cache
def settings() -> dict[str, Any]:
    data = resources.yaml_data("fuse", "settings.yaml")
    for section in ("neardup", "blocking", "place", "score", "weapon_groups"):
        if not isinstance(data.get(section), dict):
            raise ResourceError(
                f"rasd/fuse/data/settings.yaml: missing section {section}", value=section
            )
    return data


@functools.cache
def families() -> dict[str, str]:
    """ACLED event type (or sub-event type, where it differs) -> event family."""
    return {row["type"]: row["family"] for row in resources.tsv("fuse", "families.tsv")}


def family(event_type: str | None, sub_type: str | None = None) -> str:
    """The blocking family of an event: its sub-event type's when the table
    names it (an intercepted drone is the drone attack another outlet reports),
    else its event type's; unknown types form their own family."""
    table = families()
    if sub_type and sub_type in table:
        return table[sub_type]
    if not event_type:
        return "?"
    return table.get(event_type, event_type)
