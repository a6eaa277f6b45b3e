"""Fusion measured on the gold clusters (``gold/articles.jsonl``, gold-format.md).

Gold articles carry a ``cluster`` key and their events a ``gold_id`` shared
by every article that reports the same real event. Both figures are
scored by :func:`rasd.eval.score_fusion` (docs/eval.md, "Fusion"):

- ``given_gold``: the gold events themselves, one mention per article
  event, go through fusion; this measures fusion alone, whatever the
  extractor does (each article's gold says what *that* article says, so
  conflicting counts and claims are in the input);
- ``end_to_end``: the gold articles are ingested into a fresh SQLite store
  (read, clean, extract, geocode, fuse, exactly as ``rasd ingest`` does)
  and the store's fused events are scored, as ``rasd events --format
  jsonl`` then ``rasd eval --gold … --predicted … --fused`` would.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from rasd.fuse.fusion import fuse
from rasd.fuse.goldtypes import event_type_of


def _geo_precision(radius: float | None) -> int | None:
    if radius is None:
        return None
    return 1 if radius <= 15 else 2 if radius <= 50 else 3


def gold_mention(row: dict[str, Any], ev: dict[str, Any], n: int) -> dict[str, Any]:
    """A gold event as the extractor would ideally emit it (event-format.md)."""
    loc = ev.get("location") or {}
    radius = loc.get("radius_km")
    place = None
    if loc:
        place = {
            "name": loc.get("name") if radius is not None else None,
            "name_ar": loc.get("name_ar"),
            "country": loc.get("country"),
            "admin1": None,
            "lat": loc.get("lat") if radius is not None else None,
            "lon": loc.get("lon") if radius is not None else None,
            "geo_precision": _geo_precision(radius),
            "gazetteer_id": None,
        }

    def first(v: Any) -> Any:
        return v[0] if isinstance(v, list) and v else v

    def actor(v: Any) -> dict[str, Any] | None:
        return {"name": v[0], "id": v[0].lower(), "kind": "other"} if v else None

    sub = first(ev.get("sub_event_types")) or ""
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


def gold_mentions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [gold_mention(r, ev, n) for r in rows for n, ev in enumerate(r.get("events") or ())]


def fused_from_store(path: str | Path) -> list[dict[str, Any]]:
    """Ingest ``path`` into a fresh temporary SQLite store; its fused events."""
    from rasd.store import open_store
    from rasd.store.api import ingest

    with tempfile.TemporaryDirectory(prefix="rasd-gold-") as tmp:
        store = open_store(str(Path(tmp) / "gold.db"))
        try:
            ingest([str(path)], store)
            return store.events(limit=None)
        finally:
            store.close()


def _figures(report: Any) -> dict[str, Any]:
    f = report.figures
    out = {k: f[k] for k in ("real_events", "fused_events", "pairs", "split_events")}
    out.update(
        {
            "precision": round(f["events"]["precision"], 3),
            "recall": round(f["events"]["recall"], 3),
            "f1": round(f["events"]["f1"], 3),
            "merged_events": f["merged_events"],
            "article_coverage": round(f["article_coverage"], 3),
            "problems": [f"{d['problem']} {d['what']} ({d['article']})" for d in report.details],
        }
    )
    return out


def score_gold(path: str | Path, *, end_to_end: bool = True) -> dict[str, Any]:
    """Both figures (see the module docstring) as plain dicts."""
    from rasd.eval import read_gold, score_fusion

    gold = read_gold(str(path))
    out = {"given_gold": _figures(score_fusion(gold, fuse(gold_mentions(gold))))}
    if end_to_end:
        out["end_to_end"] = _figures(score_fusion(gold, fused_from_store(path)))
    return out
