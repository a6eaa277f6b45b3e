"""Scoring place names: mention recognition (IDRISI) and event locations (gold).

**Recognition** (``score_mentions``) compares predicted place-mention spans
with gold spans in the IDRISI location-mention format (one JSON object per
tweet: ``text`` and ``location_mentions`` with ``startIdx``, ``endIdx``,
``type``): precision, recall and F1 on

- *exact* spans;
- *exact, loose* spans: a prediction that differs from gold only by a
  leading ``#`` or clitic letters (و ف ب ل ك, at most three) that the
  annotators sometimes included counts as exact;
- *overlapping* spans: each prediction pairs with at most one gold span it
  overlaps.

IDRISI's offsets were made by string search: every gold ``startIdx`` is
the first occurrence of the mention's text in the tweet, and a name said
twice is marked twice at that same place. So both sides are compared as
sets of first-occurrence spans: each predicted mention is moved to the
first occurrence of its text, and duplicates collapse.

``split`` gives each tweet a fixed side (``dev`` or ``heldout``, one in
five) from a hash of its text, so rules can be tuned on one part and
checked on the other.

**Locations** (``score_locations``) answers "is the event put in the right
place?" apart from whether it was found: per article, gold and predicted
events are paired on dates (and sub-event type, when they agree) without
looking at the place, then each pair's predicted location is checked
against the gold radius (or country, radius null).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from rasd.errors import EvalError
from rasd.eval.gold import _dates_overlap, _distance, as_event_dict, jsonl_records
from rasd.eval.matching import best_pairs
from rasd.eval.report import Report

LOOSE_PREFIX = "#وفبلك"
HELDOUT_SHARE = 5  # one tweet in five is held out

Span = tuple[int, int]
Finder = Callable[[str], Iterable[Any]]  # text -> mentions with start/end (or text)


class PlacesReport(Report):
    """A ``Report`` of kind ``places`` or ``locations`` with its own text form."""

    __slots__ = ()

    def to_text(self, *, max_details: int = 40) -> str:
        f = self.figures
        lines = []
        if self.kind == "places":
            lines.append(f"places: {f['gold']} gold mentions, {f['predicted']} predicted")
            for name in ("exact", "exact_loose", "overlap"):
                m = f[name]
                lines.append(
                    f"  {name:<12} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
                )
            for side in ("dev", "heldout"):
                m, e = f[side]["overlap"], f[side]["exact_loose"]
                lines.append(
                    f"  {side:<8} overlap F1 {m['f1']:.3f}  exact-loose F1 {e['f1']:.3f}"
                    f"  ({f[side]['gold']} gold)"
                )
            lines.append(f"  overlap recall by type: {f['overlap_recall_by_type']}")
        else:
            lines.append(
                f"locations: {f['within_radius']}/{f['paired_events']} paired events within "
                f"the gold radius ({f['accuracy']:.3f}); {f['without_location']} without a place"
            )
        if self.details and max_details:
            lines.append("")
            lines.append("where it went wrong:")
            for d in self.details[:max_details]:
                lines.append(f"  {d['article']}: {d['problem']}: {d['what']}")
        return "\n".join(lines)


# --- recognition -------------------------------------------------------------


def read_mentions(path: str | Path) -> list[dict[str, Any]]:
    """IDRISI records from a JSONL file or every ``*.jsonl`` of a folder
    (each record gets ``"file"``: the file's stem)."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise EvalError(f"{path}: no .jsonl files", value=str(path))
    records = []
    for f in files:
        for n, rec in jsonl_records(f):
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise EvalError(f"{f}:{n}: a record needs a text", value=str(rec)[:80])
            mentions = rec.get("location_mentions") or []
            for m in mentions:
                if not {"startIdx", "endIdx"} <= set(m):
                    raise EvalError(f"{f}:{n}: mention without startIdx/endIdx", value=m)
            records.append({**rec, "location_mentions": mentions, "file": f.stem})
    return records


def split(text: str) -> str:
    """``"heldout"`` for one text in five (fixed by a hash), else ``"dev"``."""
    return "heldout" if zlib.crc32(text.encode("utf-8")) % HELDOUT_SHARE == 0 else "dev"


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _loose_equal(text: str, gold: Span, pred: Span) -> bool:
    if gold == pred:
        return True
    if gold[1] != pred[1]:
        return False
    a, b = sorted((gold[0], pred[0]))
    return b - a <= 3 and all(ch in LOOSE_PREFIX for ch in text[a:b])


def predicted_spans(text: str, mentions: Iterable[Any]) -> list[tuple[Span, ...]]:
    """One item per distinct predicted surface text: the spans it may stand
    for (where it was found, and the first occurrence of that text; see the
    module doc)."""
    by_surface: dict[str, set[Span]] = {}
    for m in mentions:
        start, end = _get(m, "start"), _get(m, "end")
        surface = _get(m, "text") or text[start:end]
        spans = by_surface.setdefault(surface, set())
        spans.add((start, end))
        at = text.find(surface)
        if at >= 0:
            spans.add((at, at + len(surface)))
    return [tuple(sorted(v)) for _, v in sorted(by_surface.items(), key=lambda kv: min(kv[1]))]


def _get(m: Any, name: str) -> Any:
    return m.get(name) if isinstance(m, Mapping) else getattr(m, name)


class _Tally:
    def __init__(self) -> None:
        self.gold = self.pred = self.exact = self.loose = self.overlap = 0
        self.by_type: dict[str, list[int]] = {}

    def add(
        self, text: str, gold: list[tuple[int, int, str]], pred: list[tuple[Span, ...]]
    ) -> list[str]:
        """Count one record; return its problems (missed / spurious spans)."""
        self.gold += len(gold)
        self.pred += len(pred)
        spans = [(a, b) for a, b, _ in gold]
        self.exact += sum(any(p in spans for p in item) for item in pred)
        self.loose += sum(
            any(_loose_equal(text, g, p) for g in spans for p in item) for item in pred
        )
        used: set[int] = set()
        hit_pred: set[int] = set()
        for i, item in enumerate(pred):
            for k, (a, b) in enumerate(spans):
                if k not in used and any(a < p[1] and p[0] < b for p in item):
                    used.add(k)
                    hit_pred.add(i)
                    self.overlap += 1
                    break
        for k, (_a, _b, t) in enumerate(gold):
            tally = self.by_type.setdefault(t, [0, 0])
            tally[0] += 1
            tally[1] += k in used
        problems = [
            f"missed {text[a:b]!r} ({t})" for k, (a, b, t) in enumerate(gold) if k not in used
        ]
        problems += [
            f"spurious {text[item[0][0] : item[0][1]]!r}"
            for i, item in enumerate(pred)
            if i not in hit_pred
        ]
        return problems

    def figures(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.pred,
            "exact": prf(self.exact, self.pred, self.gold),
            "exact_loose": prf(self.loose, self.pred, self.gold),
            "overlap": prf(self.overlap, self.pred, self.gold),
            "overlap_recall_by_type": {
                t: round(v[1] / v[0], 3) for t, v in sorted(self.by_type.items())
            },
        }


def score_mentions(records: Iterable[Mapping[str, Any]], find: Finder | None = None) -> Report:
    """Recognition figures over IDRISI-style records: all, ``dev``,
    ``heldout`` and per file. ``find(text)`` returns mentions (objects or
    dicts with ``start``, ``end``, maybe ``text``); rasd's own by default."""
    if find is None:
        from rasd.geo import find_places as find
    every, sides, files = _Tally(), {"dev": _Tally(), "heldout": _Tally()}, {}
    details = []
    for n, rec in enumerate(records):
        text = rec["text"]
        gold = sorted(
            {(m["startIdx"], m["endIdx"], m.get("type") or "?") for m in rec["location_mentions"]}
        )
        pred = predicted_spans(text, find(text))
        problems = every.add(text, gold, pred)
        sides[split(text)].add(text, gold, pred)
        files.setdefault(rec.get("file") or "-", _Tally()).add(text, gold, pred)
        where = f"{rec.get('file') or '-'}#{n}"
        details += [{"article": where, "problem": p, "what": text[:120]} for p in problems]
    figures = every.figures()
    figures["dev"] = {
        k: v for k, v in sides["dev"].figures().items() if k != "overlap_recall_by_type"
    }
    figures["heldout"] = {
        k: v for k, v in sides["heldout"].figures().items() if k != "overlap_recall_by_type"
    }
    figures["files"] = {name: t.figures()["overlap"] for name, t in sorted(files.items())}
    return PlacesReport("places", figures, details)


# --- event locations ---------------------------------------------------------


def _type_cost(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    if not _dates_overlap(gold, pred):
        return None
    return 0.0 if pred.get("sub_event_type") in (gold.get("sub_event_types") or ()) else 1.0


def within(gold_loc: Mapping[str, Any], pred_loc: Mapping[str, Any] | None) -> bool:
    """Whether a predicted location lies within the gold radius (or country)."""
    if not pred_loc:
        return False
    radius = gold_loc.get("radius_km")
    if radius is None:
        return (
            str(gold_loc.get("country") or "").upper() == str(pred_loc.get("country") or "").upper()
        )
    dist = _distance(gold_loc, pred_loc)
    return dist is not None and dist <= float(radius)


def score_locations(
    gold_records: Iterable[Mapping[str, Any]],
    predicted_events_by_article: Mapping[str, Iterable[Any]],
) -> Report:
    """Share of gold events (with a location) whose paired prediction lies
    within the gold radius; events are paired without looking at places."""
    pairs = right = unlocated = 0
    by_precision: dict[int, list[int]] = {}
    details = []
    for rec in gold_records:
        aid = str(rec["id"])
        gold = [g for g in rec.get("events") or [] if g.get("location")]
        pred = [as_event_dict(e) for e in predicted_events_by_article.get(aid, ())]
        if not gold or not pred:
            continue
        cost = [[_type_cost(g, p) for p in pred] for g in gold]
        for gi, pi in best_pairs(cost):
            g, p = gold[gi]["location"], pred[pi].get("location")
            pairs += 1
            ok = within(g, p)
            right += ok
            unlocated += not p
            prec = int((p or {}).get("geo_precision") or 0)
            tally = by_precision.setdefault(prec, [0, 0])
            tally[0] += 1
            tally[1] += ok
            if not ok:
                got = "nothing"
                if p:
                    got = f"{p.get('name') or p.get('name_ar')} ({p.get('country')}"
                    dist = _distance(g, p)
                    got += f", {dist:.0f} km)" if dist is not None else ")"
                want = g.get("name") or g.get("country")
                details.append(
                    {
                        "article": aid,
                        "problem": "wrong place",
                        "what": f"{gold[gi].get('gold_id') or gi}: got {got}, gold {want} "
                        f"(radius {g.get('radius_km')} km)",
                    }
                )
    figures = {
        "paired_events": pairs,
        "within_radius": right,
        "accuracy": round(right / pairs, 3) if pairs else 0.0,
        "without_location": unlocated,
        "by_geo_precision": {
            str(k): {"pairs": v[0], "within": v[1]} for k, v in sorted(by_precision.items())
        },
    }
    return PlacesReport("locations", figures, details)
