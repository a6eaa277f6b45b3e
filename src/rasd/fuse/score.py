"""How well a mention fits a cluster: hard limits on date and place, then a
weighted mean of type, place, date, weapon, target, actor, claim and
fatality agreement (weights in ``data/settings.yaml``, explained in
docs/fusion.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasd.fuse.cluster import Cluster
from rasd.fuse.mention import Mention
from rasd.fuse.settings import settings
from rasd.geo.gazetteer import km


def window(x: Mention | Cluster, s: dict[str, Any]) -> tuple[dt.date, dt.date]:
    """The days ``x`` may have happened on: its window, reaching back
    ``soft_back_days`` when its date is only a publication day."""
    assert x.start is not None and x.end is not None
    if x.stated:
        return x.start, x.end
    return x.start - dt.timedelta(days=s["blocking"]["soft_back_days"]), x.end


def date_score(m: Mention, c: Cluster, s: dict[str, Any]) -> float | None:
    """None when the windows cannot hold one event."""
    if m.start is None or not c.dated:
        return s["score"]["neutral"] if m.start is None and not c.dated else None
    slack = dt.timedelta(days=s["blocking"]["date_slack_days"])
    (mlo, mhi), (clo, chi) = window(m, s), window(c, s)
    if mlo > chi + slack or mhi < clo - slack:
        return None
    return 1.0 if (m.start == m.end == c.start == c.end) else s["score"]["neutral"]


def place_score(m: Mention, c: Cluster, s: dict[str, Any]) -> float | None:
    """None when the places differ (or the countries do)."""
    if m.country and c.countries and m.country not in c.countries:
        return None
    a = c.anchor
    if not m.precise_place or a is None:
        if m.admin1 and c.regions and (m.country, m.admin1) not in c.regions:
            return None  # a region-level report, and another region
        if not m.country and not c.countries:  # neither names any place
            return s["score"]["neutral"] if m.name_key is None and not c.name_keys else None
        if a is None and not m.precise_place and _same_place(m, c):
            return s["score"]["same_region"]  # both name only the same region
        return s["score"]["coarse_place"]
    if _same_place(m, c):
        return 1.0
    if m.lat is None or a.lat is None or m.lon is None or a.lon is None:
        return None
    p = s["place"]
    d = km(m.lat, m.lon, a.lat, a.lon)
    if d <= p["same_km"]:
        return 1.0
    far = max(max_km(m, s), max_km(a, s))
    if d > far:
        return None
    return 1.0 - 0.7 * (d - p["same_km"]) / (far - p["same_km"])


def _same_place(m: Mention, c: Cluster) -> bool:
    """``m`` names a place (gazetteer id, or name in a country) a member named."""
    if m.gazetteer_id and m.gazetteer_id in c.gazetteer_ids:
        return True
    return bool(m.name_key and (m.country, m.name_key) in c.name_keys)


def max_km(m: Mention, s: dict[str, Any]) -> float:
    """How far two reports of one event may place it: a place "near" or "in"
    a larger place (geo precision 2) is a town or district centroid, so it
    may lie farther from the spot another report names."""
    p = s["place"]
    return p["near_max_km"] if m.geo_precision == 2 else p["max_km"]


def type_score(m: Mention, c: Cluster, s: dict[str, Any]) -> float:
    t = s["score"]["type"]
    if m.sub_type and m.sub_type in c.sub_types:
        return t["same_sub_type"]
    if m.event_type and m.event_type in c.event_types:
        return t["same_event_type"]
    if m.event_type and not c.event_types:
        return s["score"]["neutral"]
    return t["same_family"] if m.family == c.family else 0.0


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


def _roles(m: Mention, c: Cluster, s: dict[str, Any]) -> str:
    """How actors compare. ``unordered`` where either side may be named first
    (protests: "police dispersed protesters", "protesters clashed with
    police"; two battle reports); ``ordered`` when one report is a battle
    (attacker and target compared, but a battle's sides do not cross);
    ``strict`` otherwise (attacker and target, and crossed roles count)."""
    if m.family not in s["score"]["roles_matter"]:
        return "unordered"
    battle, battles = m.event_type == "Battles", "Battles" in c.event_types
    if battle and c.event_types == {"Battles"}:
        return "unordered"
    return "ordered" if battle or battles else "strict"


def crossed_roles(m: Mention, c: Cluster, s: dict[str, Any]) -> int:
    """2 when the roles are swapped (each report's attacker is the other's
    target: an attack and the answer to it, two events); 1 when only one
    side crosses (one report names as attacker who the other names as
    target, the other side unknown: as often a misread role as a reprisal);
    0 otherwise, and always unless roles are ``strict`` (``_roles``).
    A single crossing vetoes a merge only when both reports name weapons and
    no kind is shared (rockets at a base, artillery back)."""
    if _roles(m, c, s) != "strict":
        return 0
    # an actor a report names on both sides says nothing about roles
    m1, m2 = m.actors1 - m.actors2, m.actors2 - m.actors1
    c1, c2 = c.actors1 - c.actors2, c.actors2 - c.actors1
    one, two = bool(m1 & c2), bool(m2 & c1)
    return 2 if one and two else 1 if one or two else 0


def share(values: frozenset | tuple, c: Cluster, key: str, neutral: float) -> float:
    """The share of the cluster's members reporting ``key`` that report one
    of ``values`` (neutral when either side reports nothing)."""
    votes = c.said.get(key)
    if not values or not votes:
        return neutral
    return max(votes[v] for v in values) / votes[None]


def count_score(n: int | None, c: Cluster, s: dict[str, Any]) -> float:
    """Mean agreement of a death toll with those the cluster's members give:
    equal 1, close (tolls grow and outlets round) ``close``, else ``far``."""
    f = s["score"]["fatalities"]
    votes = c.said.get("fatalities")
    if n is None or not votes:
        return s["score"]["neutral"]
    total = 0.0
    for k, times in votes.items():
        if k is None:
            continue
        if k == n:
            total += times
        elif abs(n - k) <= max(1, f["close_share"] * max(n, k)):
            total += times * f["close"]
        else:
            total += times * f["far"]
    return total / votes[None]


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
    n = s["score"]["neutral"]
    w = s["score"]["weights"]
    weapons = weapon_score(m, c, s)
    crossed = crossed_roles(m, c, s)
    if crossed == 2 or (crossed == 1 and m.weapons and c.weapons and not m.weapons & c.weapons):
        return None  # a reprisal: roles swapped, or one crossed and other arms used
    if _roles(m, c, s) == "unordered":  # either side may be named first: who took part
        actors = share(m.actors1 | m.actors2, c, "actors", n)
    else:
        actors = (share(m.actors1, c, "actor1", n) + share(m.actors2, c, "actor2", n)) / 2
    if crossed:
        actors = 0.0
    parts = (
        (w["type"], type_score(m, c, s)),
        (w["place"], p),
        (w["date"], d),
        (w["weapons"], weapons),
        (w["targets"], set_score(m.targets, c.targets, n)),
        (w["actors"], actors),
        (w["claim"], share((m.claim,) if m.claim else (), c, "claim", n)),
        (w["fatalities"], count_score(m.fatalities, c, s)),
    )
    return sum(wt * v for wt, v in parts) / sum(wt for wt, _ in parts)
