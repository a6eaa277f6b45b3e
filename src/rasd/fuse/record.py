"""A cluster to one fused event dict (event-format.md), conflicts kept.

Every field the reports disagree on gets all its reported values with the
articles behind each under ``reported``; the field itself holds the best
value by one rule: **agreement** (the value most independent articles
report; a near-duplicate copy counts with its original), then
**precision** (the report that pins the day and the place most exactly),
then **recency** (the latest published report, then the latest ingested).
The place is the exception: precision comes first, because a region and a
base inside it are not in conflict, the base is simply more exact.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from rasd.fuse.cluster import Cluster
from rasd.fuse.mention import Mention
from rasd.model import SCHEMA_VERSION

SCALARS = ("fatalities", "injuries", "claim_status", "actor1", "suspected_actor1", "actor2")


def _key(value: Any) -> Any:
    """What makes two reported values the same value."""
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict) and value.get("id"):
        return ("id", str(value["id"]))
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _precision(m: Mention) -> int:
    return (m.geo_precision or 4) + (m.precision or 4)


def vote(
    reports: list[tuple[Any, Mention]], *, place_first: bool = False
) -> tuple[Any, list[dict[str, Any]]]:
    """(best value, reported values with their articles); reports carry no nulls."""
    groups: dict[str, list[tuple[Any, Mention]]] = {}
    for value, m in reports:
        groups.setdefault(_key(value), []).append((value, m))

    def rank(items: list[tuple[Any, Mention]]) -> tuple:
        agreement = len({m.origin for _, m in items})
        precision = min(_precision(m) for _, m in items)
        geo = min((m.geo_precision or 4) for _, m in items)
        own = [m for _, m in items if m.copy_of is None] or [m for _, m in items]
        recency = max(m.recency for m in own)  # a copy is as old as its original
        if place_first:
            return (-geo, agreement, -precision, recency)
        return (agreement, -precision, recency)

    ordered = sorted(groups.values(), key=rank, reverse=True)
    reported = [
        {"value": items[0][0], "article_ids": _unique(m.article_id for _, m in items)}
        for items in ordered
    ]
    return (ordered[0][0][0] if ordered else None), reported


def _unique(ids) -> list[str]:
    return list(dict.fromkeys(ids))


def _window(c: Cluster) -> tuple[str | None, str | None, str | None, int | None]:
    if not c.dated or c.start is None or c.end is None:
        return None, None, None, None
    span = (c.end - c.start).days
    precision = 1 if span == 0 else 2 if span < 7 else 3
    best: dt.date = c.start if span == 0 else c.end
    return best.isoformat(), c.start.isoformat(), c.end.isoformat(), precision


def _field(
    members: list[Mention], get: Callable[[dict[str, Any]], Any], *, skip=(None,)
) -> list[tuple[Any, Mention]]:
    out = []
    for m in members:
        v = get(m.data)
        if v not in skip:
            out.append((v, m))
    return out


def fused_event(c: Cluster) -> dict[str, Any]:
    """The event dict of cluster ``c``."""
    members = sorted(c.members, key=lambda m: m.seq)
    first = members[0].data
    reported: dict[str, list[dict[str, Any]]] = {}

    def best(name: str, reports: list[tuple[Any, Mention]], **kw: Any) -> Any:
        value, values = vote(reports, **kw)
        if len(values) > 1:
            reported[name] = values
        return value

    event_date, start, end, precision = _window(c)
    typed = _field(members, lambda d: d.get("sub_event_type"))
    sub_type = best("sub_event_type", typed)
    typer = next((m.data for v, m in typed if v == sub_type), first)
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "event_id": c.id,
        "article_ids": _unique(m.article_id for m in members),
        "event_date": event_date,
        "date_start": start,
        "date_end": end,
        "time_precision": precision,
        "event_type": typer.get("event_type"),
        "sub_event_type": sub_type,
        "plover_type": typer.get("plover_type"),
    }
    for name in SCALARS:
        skip = (None, "unknown") if name == "claim_status" else (None,)
        out[name] = best(name, _field(members, lambda d, n=name: d.get(n), skip=skip))
    if out["claim_status"] is None:
        out["claim_status"] = "unknown"
    out["location"] = best(
        "location", _field(members, lambda d: d.get("location")), place_first=True
    )
    out["targets"] = _union(members, "targets", lambda t: (t.get("kind"), t.get("text")))
    out["weapons"] = _weapons(members, reported)
    out["damage"] = _unique(x for m in members for x in m.data.get("damage") or ())
    out["evidence"] = [
        e for m in members if m.copy_of is None for e in m.data.get("evidence") or ()
    ]
    doubt = 1.0
    for m in {m.origin: m for m in members}.values():
        doubt *= 1.0 - float(m.data.get("confidence") or 0.5)
    out["confidence"] = round(min(0.99, 1.0 - doubt), 3)
    out["language"] = first.get("language", "ar")
    out["mention_ids"] = [m.event_id for m in members]
    out["reported"] = reported
    out["history"] = list(c.history)
    return out


def _union(members: list[Mention], name: str, key: Callable[[dict], Any]) -> list[dict]:
    seen: dict[Any, dict] = {}
    for m in members:
        for item in m.data.get(name) or ():
            seen.setdefault(key(item), item)
    return list(seen.values())


def _weapons(members: list[Mention], reported: dict[str, list]) -> list[dict[str, Any]]:
    """One weapon per kind; its count is voted among the articles that give one."""
    kinds: dict[str, list[tuple[dict, Mention]]] = {}
    for m in members:
        for w in m.data.get("weapons") or ():
            kinds.setdefault(w.get("kind"), []).append((w, m))
    out, disputed = [], []
    for kind, items in kinds.items():
        counts = [(w.get("count"), m) for w, m in items if w.get("count") is not None]
        count, values = vote(counts)
        models = [(w.get("model"), m) for w, m in items if w.get("model")]
        model, _ = vote(models)
        out.append({"kind": kind, "model": model, "count": count})
        if len(values) > 1:
            disputed += [
                {"value": {"kind": kind, "count": v["value"]}, "article_ids": v["article_ids"]}
                for v in values
            ]
    if disputed:
        reported["weapons"] = disputed
    return out
