"""Fusion scoring: one fused event per real event, across articles.

Gold events that share a ``gold_id`` (articles of one cluster retelling the
same event) are one real event. A fused event (``article_ids`` plus place
and dates) may pair with a real event when it cites at least one of the
real event's articles and passes the gold-format place and date test
against it. Pairs maximise their number, then minimise distance. A real
event is **split** when a fused event left unpaired could also have paired
with it (a duplicate), **merged** when it is left unpaired although a fused
event (paired with another real event) could have paired with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasd.eval.gold import as_event_dict, pair_cost
from rasd.eval.matching import best_pairs
from rasd.eval.report import Report, prf


def real_events(gold_records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Gold events grouped by ``gold_id`` (an event without one stands alone)."""
    by_id: dict[str, dict[str, Any]] = {}
    for rec in gold_records:
        for i, ev in enumerate(rec.get("events") or []):
            key = ev.get("gold_id") or f"{rec['id']}#{i}"
            real = by_id.setdefault(key, {"gold_id": key, "event": ev, "articles": set()})
            real["articles"].add(str(rec["id"]))
    return list(by_id.values())


def score_fusion(gold_records: Iterable[Mapping[str, Any]], fused_events: Iterable[Any]) -> Report:
    """P/R/F1 of fused events against real events, with splits and merges."""
    gold_records = list(gold_records)
    gold_articles = {str(r["id"]) for r in gold_records}
    reals = real_events(gold_records)
    fused = [
        ev
        for ev in map(as_event_dict, fused_events)
        if gold_articles & {str(a) for a in ev.get("article_ids") or ()}
    ]
    cost = [[_cost(real, ev) for ev in fused] for real in reals]
    pairs = best_pairs(cost) if reals and fused else []
    paired_r = {r for r, _ in pairs}
    paired_f = {f for _, f in pairs}
    # split: a real event that an extra (unpaired) fused event also retells;
    # merged: an unpaired real event that a fused event (used elsewhere) covers
    split = [
        reals[r]["gold_id"]
        for r, row in enumerate(cost)
        if any(c is not None and f not in paired_f for f, c in enumerate(row))
    ]
    merged = [
        reals[r]["gold_id"]
        for r, row in enumerate(cost)
        if r not in paired_r and any(c is not None for c in row)
    ]
    coverage = [
        len(reals[r]["articles"] & set(map(str, fused[f]["article_ids"])))
        / len(reals[r]["articles"])
        for r, f in pairs
    ]
    split_set, merged_set = set(split), set(merged)
    details = []
    for r, real in enumerate(reals):
        gid = real["gold_id"]
        if r not in paired_r and gid not in merged_set:
            details.append(_detail(real, "missed"))
        if gid in split_set:
            details.append(_detail(real, "split"))
        if gid in merged_set:
            details.append(_detail(real, "merged"))
    figures = {
        "real_events": len(reals),
        "fused_events": len(fused),
        "pairs": len(pairs),
        "events": prf(len(pairs), len(fused) - len(pairs), len(reals) - len(pairs)),
        "split_events": len(split),
        "merged_events": len(merged),
        "article_coverage": sum(coverage) / len(coverage) if coverage else 0.0,
    }
    return Report("fusion", figures, details)


def _cost(real: Mapping[str, Any], fused: Mapping[str, Any]) -> float | None:
    if not real["articles"] & {str(a) for a in fused.get("article_ids") or ()}:
        return None
    return pair_cost(real["event"], fused)


def _detail(real: Mapping[str, Any], problem: str) -> dict[str, Any]:
    return {
        "article": ",".join(sorted(real["articles"])),
        "problem": problem,
        "what": real["gold_id"],
    }
