"""Article-level scoring against gold events (shared/spec/gold-format.md).

Per article, predicted and gold events pair when the predicted place lies
within the gold radius (or, radius null, in the gold country) and the date
windows overlap; pairs maximise their number, then minimise distance. Event
precision/recall/F1 count pairs over all articles; field accuracy counts
right fields over pairs, for each field the gold event scores.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from rasd.errors import EvalError
from rasd.eval.matching import best_pairs
from rasd.eval.report import Report, prf

# field name -> the gold key that switches it on
FIELDS: dict[str, str] = {
    "date": "date_start",
    "sub_event_type": "sub_event_types",
    "actor1": "actor1",
    "actor2": "actor2",
    "claim_status": "claim_status",
    "weapons": "weapons",
    "fatalities": "fatalities",
    "injuries": "injuries",
}
EARTH_KM = 6371.0088


def jsonl_records(path: Path, what: str = "file") -> Iterator[tuple[int, Any]]:
    """``(line number, parsed value)`` of every non-blank line; unreadable
    files and lines that are not JSON raise an ``EvalError`` naming both."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as err:
        raise EvalError(f"{path}: cannot read {what} ({err.strerror})", value=str(path)) from err
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as err:
            raise EvalError(f"{path}:{n}: not JSON ({err.msg})", value=line[:80]) from err


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold records of a JSONL file, checked enough to be scored."""
    path = Path(path)
    records = []
    for n, rec in jsonl_records(path, "gold file"):
        problem = check_record(rec)
        if problem:
            raise EvalError(
                f"{path}:{n}: {problem}", value=rec.get("id") if isinstance(rec, dict) else None
            )
        records.append(rec)
    return records


def check_record(rec: Any) -> str | None:
    """Why a gold record cannot be scored, or None when it can."""
    if not isinstance(rec, dict):
        return "a gold line must be a JSON object"
    for key in ("id", "text", "events"):
        if key not in rec:
            return f"missing key {key!r}"
    if not isinstance(rec["events"], list):
        return "'events' must be a list"
    for i, ev in enumerate(rec["events"]):
        if not isinstance(ev, dict):
            return f"event {i} is not an object"
        for key in ("date_start", "date_end"):
            if ev.get(key) is not None and _date(ev[key]) is None:
                return f"event {i}: {key} {ev[key]!r} is not YYYY-MM-DD"
        loc = ev.get("location")
        if loc is not None:
            if not isinstance(loc, dict):
                return f"event {i}: location must be an object or null"
            if loc.get("radius_km") is not None and (
                loc.get("lat") is None or loc.get("lon") is None
            ):
                return f"event {i}: location with radius_km needs lat and lon"
            if loc.get("radius_km") is None and not loc.get("country"):
                return f"event {i}: location without radius_km needs country"
        for key in ("sub_event_types", "claim_status"):
            if key in ev and not isinstance(ev[key], list):
                return f"event {i}: {key} must be a list"
        for key in ("actor1", "actor2"):
            if ev.get(key) is not None and not isinstance(ev[key], list):
                return f"event {i}: {key} must be a list of names or null"
    return None


def score_gold(
    gold_records: Iterable[Mapping[str, Any]],
    predicted_events_by_article: Mapping[str, Iterable[Any]],
) -> Report:
    """Score predicted event dicts (by article id) against gold records."""
    n_gold = n_pred = n_pairs = n_articles = 0
    right: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    details: list[dict[str, Any]] = []
    by_tag: dict[str, Counter[str]] = {}
    for rec in gold_records:
        n_articles += 1
        aid = str(rec["id"])
        gold = list(rec.get("events") or [])
        pred = [as_event_dict(e) for e in predicted_events_by_article.get(aid, ())]
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = pair_events(gold, pred)
        n_pairs += len(pairs)
        for tag in rec.get("phenomena") or ():
            c = by_tag.setdefault(str(tag), Counter())
            c.update(articles=1, gold=len(gold), predicted=len(pred), pairs=len(pairs))
        paired_g = {g for g, _ in pairs}
        paired_p = {p for _, p in pairs}
        for gi, pi in pairs:
            for name, ok, got, want in field_results(gold[gi], pred[pi]):
                scored[name] += 1
                right[name] += ok
                if not ok:
                    details.append(
                        {
                            "article": aid,
                            "problem": f"wrong {name}",
                            "what": f"{_gold_label(gold[gi], gi)}: got {got!r}, gold {_short(want)}",
                        }
                    )
        for gi, ev in enumerate(gold):
            if gi not in paired_g:
                details.append({"article": aid, "problem": "missed", "what": _gold_label(ev, gi)})
        for pi, ev in enumerate(pred):
            if pi not in paired_p:
                details.append({"article": aid, "problem": "spurious", "what": _pred_label(ev)})
    events = prf(n_pairs, n_pred - n_pairs, n_gold - n_pairs)
    fields = {
        name: {
            "right": right[name],
            "scored": scored[name],
            "accuracy": right[name] / scored[name] if scored[name] else 0.0,
        }
        for name in FIELDS
    }
    total_scored = sum(scored.values())
    figures = {
        "articles": n_articles,
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "pairs": n_pairs,
        "events": events,
        "fields": fields,
        "field_scored": total_scored,
        "field_accuracy": sum(right.values()) / total_scored if total_scored else 0.0,
    }
    if by_tag:  # gold records tagged with what they test (gold/README.md)
        figures["phenomena"] = {
            tag: {
                "articles": c["articles"],
                **prf(c["pairs"], c["predicted"] - c["pairs"], c["gold"] - c["pairs"]),
            }
            for tag, c in sorted(by_tag.items())
        }
    return Report("gold", figures, details)


# --- pairing ---------------------------------------------------------------


def pair_events(
    gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Index pairs (gold, predicted): as many as possible, then nearest."""
    if not gold or not pred:
        return []
    cost = [[pair_cost(g, p) for p in pred] for g in gold]
    return sorted(best_pairs(cost))


def pair_cost(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    """Distance in km when the two events may pair, else None."""
    if not _dates_overlap(gold, pred):
        return None
    return _place_cost(gold, pred)


def _place_cost(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    gloc = gold.get("location")
    if gloc is None:  # key left out, or the text names no place: nothing to check
        return 0.0
    ploc = pred.get("location")
    if not ploc:
        return None
    dist = _distance(gloc, ploc)
    radius = gloc.get("radius_km")
    if radius is None:
        same = str(gloc.get("country") or "").upper() == str(ploc.get("country") or "").upper()
        return (dist if dist is not None else 0.0) if same else None
    if dist is None or dist > float(radius):
        return None
    return dist


def _distance(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    """Great-circle km between two places with coordinates, else None."""
    if a.get("lat") is None or a.get("lon") is None or b.get("lat") is None or b.get("lon") is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _dates_overlap(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    gs, ge = _date(gold.get("date_start")), _date(gold.get("date_end"))
    ps, pe = _date(pred.get("date_start")), _date(pred.get("date_end"))
    if ps is None and pe is None:
        return True  # a null predicted date pairs with any window
    lo, hi = dt.date.min, dt.date.max
    return (ps or lo) <= (ge or hi) and (gs or lo) <= (pe or hi)


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# --- fields ----------------------------------------------------------------


def field_results(gold: Mapping[str, Any], pred: Mapping[str, Any]):
    """``(field, right, got, want)`` for each field the gold event scores."""
    for name, key in FIELDS.items():
        if key not in gold:
            continue
        got, want, ok = _field(name, gold, pred)
        yield name, ok, got, want


def _field(name: str, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> tuple[Any, Any, bool]:
    if name == "date":
        got = _date(pred.get("event_date"))
        gs, ge = _date(gold.get("date_start")), _date(gold.get("date_end"))
        want = f"{gs}..{ge}"
        ok = got is not None and (gs is None or gs <= got) and (ge is None or got <= ge)
        return (got.isoformat() if got else None), want, ok
    if name == "sub_event_type":
        got, want = pred.get("sub_event_type"), gold["sub_event_types"]
        return got, want, got in (want or [])
    if name in ("actor1", "actor2"):
        actor = pred.get(name)
        got = actor.get("name") if isinstance(actor, Mapping) else actor
        want = gold[name]
        if want is None:
            return got, None, got is None
        names = {str(n).casefold() for n in want}
        return got, want, got is not None and str(got).casefold() in names
    if name == "claim_status":
        got, want = pred.get("claim_status"), gold["claim_status"]
        return got, want, got in (want or [])
    if name == "weapons":
        got = _weapons(pred.get("weapons"))
        want = _weapons(gold.get("weapons"))
        return sorted(got.elements(), key=str), sorted(want.elements(), key=str), got == want
    got, want = pred.get(name), gold[name]
    return got, want, got == want


def _weapons(items: Any) -> Counter[tuple[str, int | None]]:
    return Counter((w.get("kind"), w.get("count")) for w in (items or []))


# --- labels for diagnostics --------------------------------------------------


def _gold_label(ev: Mapping[str, Any], index: int) -> str:
    loc = ev.get("location") or {}
    place = loc.get("name") or loc.get("country") or "?"
    subs = "/".join(ev.get("sub_event_types") or []) or "?"
    gid = ev.get("gold_id") or f"#{index}"
    return f"gold {gid} {ev.get('date_start')} {subs} at {place}"


def _pred_label(ev: Mapping[str, Any]) -> str:
    loc = ev.get("location") or {}
    place = loc.get("name") or loc.get("name_ar") or loc.get("country") or "?"
    said = ""
    for e in ev.get("evidence") or []:
        if e.get("field") in ("event", "trigger", "event_type", "sub_event_type"):
            said = f" «{e.get('text')}»"
            break
    return f"{ev.get('event_date')} {ev.get('sub_event_type')} at {place}{said}"


def _short(value: Any, keep: int = 3) -> str:
    """A gold answer for a message: long lists of accepted names cut short."""
    if isinstance(value, list) and len(value) > keep:
        return repr(value[:keep])[:-1] + f", … +{len(value) - keep}]"
    return repr(value)


def as_event_dict(event: Any) -> Mapping[str, Any]:
    """Event dicts pass through; ``rasd.model.Event`` objects are converted."""
    to_dict = getattr(event, "to_dict", None)
    return to_dict() if callable(to_dict) else event
