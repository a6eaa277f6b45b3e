"""How well a mention fits a cluster: hard limits on date and place, then a
weighted mean of type, place, date, weapon, target, actor and claim
agreement (weights in ``data/settings.yaml``, explained in docs/fuse.md)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from rasd.fuse.cluster import Cluster
from rasd.fuse.mention import Mention
from rasd.fuse.settings import family, settings


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def date_score(m: Mention, c: Cluster, s: dict[str, Any]) -> float | None:
    """None when the windows cannot hold one event."""
    if m.start is None or not c.dated:
        return s["score"]["neutral"] if m.start is None and not c.dated else None
    slack = dt.timedelta(days=s["blocking"]["date_slack_days"])
    if m.start > c.end + slack or m.end < c.start - slack:
        return None
    return 1.0 if (m.start == m.end == c.start == c.end) else s["score"]["neutral"]


def place_score(m: Mention, c: Cluster, s: dict[str, Any]) -> float | None:
    """None when the places differ (or the countries do)."""
    if m.country and c.countries and m.country not in c.countries:
        return None
    a = c.anchor
    if not m.precise_place or a is None:
        if not m.country and not c.countries:  # neither names any place
            return s["score"]["neutral"] if m.name_key is None and not c.name_keys else None
        return s["score"]["coarse_place"]
    if m.gazetteer_id and m.gazetteer_id in c.gazetteer_ids:
        return 1.0
    if m.name_key and (m.country, m.name_key) in c.name_keys:
        return 1.0
    if m.lat is None or a.lat is None or m.lon is None or a.lon is None:
        return None
    p = s["place"]
    d = km(m.lat, m.lon, a.lat, a.lon)
    if d <= p["same_km"]:
        return 1.0
    if d > p["max_km"]:
        return None
    return 1.0 - 0.7 * (d - p["same_km"]) / (p["max_km"] - p["same_km"])


def type_score(m: Mention, c: Cluster, s: dict[str, Any]) -> float:
    t = s["score"]["type"]
    if m.sub_type and m.sub_type in c.sub_types:
        return t["same_sub_type"]
    if m.event_type and m.event_type in c.event_types:
        return t["same_event_type"]
    if m.event_type and not c.event_types:
        return s["score"]["neutral"]
    return t["same_family"] if family(m.event_type) == c.family else 0.0


def set_score(a: frozenset[str] | set[str], b: set[str], neutral: float) -> float:
    if not a or not b:
        return neutral
    return len(a & b) / len(a | b)


def weapon_score(m: Mention, c: Cluster, s: dict[str, Any]) -> float:
    neutral = s["score"]["neutral"]
    base = set_score(m.weapons, c.weapons, neutral)
    if m.weapons and c.weapons and base < s["score"]["weapons"]["same_group"]:
        groups = s["weapon_groups"]
        if {groups.get(k, k) for k in m.weapons} & {groups.get(k, k) for k in c.weapons}:
            return s["score"]["weapons"]["same_group"]
    return base


def agree(a: frozenset[str] | set[str], b: set[str], neutral: float) -> float:
    if not a or not b:
        return neutral
    return 1.0 if a & b else 0.0


def crossed_roles(m: Mention, c: Cluster) -> bool:
    """One report's attacker is the other's target: an attack and the
    answer to it, two events (battles excepted: either side may be named first)."""
    if "Battles" in c.event_types or m.event_type == "Battles":
        return False
    return bool(m.actors1 & c.actors2 or m.actors2 & c.actors1)


def score(m: Mention, c: Cluster, s: dict[str, Any] | None = None) -> float | None:
    """The fit of ``m`` to ``c`` in [0, 1], or None when they cannot be one event."""
    s = s or settings()
    if m.family != c.family:
        return None
    d = date_score(m, c, s)
    if d is None:
        return None
    p = place_score(m, c, s)
    if p is None:
        return None
    if crossed_roles(m, c):
        return None
    n = s["score"]["neutral"]
    w = s["score"]["weights"]
    parts = (
        (w["type"], type_score(m, c, s)),
        (w["place"], p),
        (w["date"], d),
        (w["weapons"], weapon_score(m, c, s)),
        (w["targets"], set_score(m.targets, c.targets, n)),
        (w["actors"], (agree(m.actors1, c.actors1, n) + agree(m.actors2, c.actors2, n)) / 2),
        (w["claim"], agree(frozenset([m.claim]) if m.claim else frozenset(), c.claims, n)),
    )
    return sum(wt * v for wt, v in parts) / sum(wt for wt, _ in parts)
