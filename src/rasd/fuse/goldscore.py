"""Scoring fusion on the gold clusters (``gold/articles.jsonl``, gold-format.md).

Gold articles carry a ``cluster`` key and their events a ``gold_id`` shared
by every article that reports the same real event. Two figures:

- ``oracle``: the gold events themselves, one mention per article, are
  fused; this measures fusion alone, whatever the extractor does;
- ``extracted``: each article goes through ``rasd.extract`` first, then
  fusion; the end-to-end figure.

A fused event pairs with a gold event when it holds one of the gold
event's articles, lies within its radius (or in its country) and its
window overlaps the gold window; pairs are chosen greedily, most shared
articles first. A gold event is *split* when more than one fused event
pairs-compatibly holds its articles.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasd.fuse.fusion import fuse
from rasd.fuse.score import km


def _gold_events(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    gold: dict[str, dict[str, Any]] = {}
    for row in rows:
        for ev in row.get("events") or ():
            g = gold.setdefault(ev["gold_id"], {**ev, "articles": []})
            g["articles"].append(row["id"])
    return gold


def gold_mention(row: dict[str, Any], ev: dict[str, Any], n: int) -> dict[str, Any]:
    """A gold event as the extractor would ideally emit it."""
    loc = ev.get("location") or {}
    radius = loc.get("radius_km")
    place = None
    if loc:
        place = {
            "name": loc.get("name"),
            "name_ar": loc.get("name_ar"),
            "country": loc.get("country"),
            "admin1": None,
            "lat": loc.get("lat") if radius is not None else None,
            "lon": loc.get("lon") if radius is not None else None,
            "geo_precision": None
            if radius is None
            else 1
            if radius <= 15
            else 2
            if radius <= 50
            else 3,
            "gazetteer_id": None,
        }
        if radius is None:
            place["name"] = None
    first = lambda v: v[0] if isinstance(v, list) and v else v  # noqa: E731
    actor = lambda v: {"name": v[0], "id": v[0].lower(), "kind": "other"} if v else None  # noqa: E731
    sub = first(ev.get("sub_event_types")) or ""
    from rasd.fuse.goldtypes import event_type_of

    return {
        "event_id": f"{row['id']}-g{n}",
        "article_ids": [row["id"]],
        "event_date": ev.get("date_end"),
        "date_start": ev.get("date_start"),
        "date_end": ev.get("date_end"),
        "time_precision": 1 if ev.get("date_start") == ev.get("date_end") else 2,
        "event_type": event_type_of(sub),
        "sub_event_type": sub,
        "plover_type": "ASSAULT",
        "actor1": actor(ev.get("actor1")),
        "claim_status": first(ev.get("claim_status")) or "unknown",
        "suspected_actor1": None,
        "actor2": actor(ev.get("actor2")),
        "targets": [],
        "weapons": [
            {"kind": w["kind"], "model": None, "count": w.get("count")}
            for w in ev.get("weapons") or ()
        ],
        "location": place,
        "fatalities": ev.get("fatalities"),
        "injuries": ev.get("injuries"),
        "damage": [],
        "evidence": [],
        "confidence": 0.6,
        "language": "ar",
    }


def compatible(fused: dict[str, Any], g: dict[str, Any]) -> bool:
    loc, gl = fused.get("location") or {}, g.get("location") or {}
    if gl:
        if gl.get("radius_km") is None or loc.get("lat") is None:
            if loc.get("country") != gl.get("country"):
                return False
        elif km(loc["lat"], loc["lon"], gl["lat"], gl["lon"]) > gl["radius_km"]:
            return False
    if fused.get("date_start") and g.get("date_start"):
        if fused["date_start"] > g["date_end"] or fused["date_end"] < g["date_start"]:
            return False
    return True


def score(fused: list[dict[str, Any]], gold: dict[str, dict[str, Any]]) -> dict[str, Any]:
    options = []
    for i, f in enumerate(fused):
        for gid, g in gold.items():
            shared = len(set(f["article_ids"]) & set(g["articles"]))
            if shared and compatible(f, g):
                options.append((shared, i, gid))
    options.sort(key=lambda o: -o[0])
    used_f, used_g = set(), set()
    for _, i, gid in options:
        if i not in used_f and gid not in used_g:
            used_f.add(i)
            used_g.add(gid)
    pairs = len(used_g)
    p = pairs / len(fused) if fused else 1.0
    r = pairs / len(gold) if gold else 1.0
    holders: dict[str, set[int]] = {}
    for _, i, gid in options:
        holders.setdefault(gid, set()).add(i)
    split = sorted(gid for gid, fs in holders.items() if len(fs) > 1)
    return {
        "gold_events": len(gold),
        "fused_events": len(fused),
        "pairs": pairs,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "split_gold_events": split,
    }


def score_gold(path: str | Path, *, extracted: bool = True) -> dict[str, Any]:
    rows = [
        json.loads(line)
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    gold = _gold_events(rows)
    mentions = [
        gold_mention(row, ev, n) for row in rows for n, ev in enumerate(row.get("events") or ())
    ]
    out: dict[str, Any] = {"oracle": score(fuse(mentions), gold)}
    if extracted:
        from rasd.extract.api import extract

        events = []
        for row in rows:
            for e in extract(row["text"], row.get("published"), row.get("lang"), id=row["id"]):
                events.append(e.to_dict())
        out["extracted"] = score(fuse(events), gold)
        out["extracted"]["mentions"] = len(events)
    return out
