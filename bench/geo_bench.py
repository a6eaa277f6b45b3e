"""rasd.geo: place-mention recognition on IDRISI, gazetteer load and look-up speed.

Recognition is scored on ../shared/data/idrisi_lmr (Arabic tweets with every
place mention marked) when that folder is present: precision, recall and F1
on exact spans and on overlapping spans (a predicted span pairs with at most
one gold span it overlaps). "Exact, loose" also accepts a span that differs
from gold only by a leading ``#`` or clitic letters (و ف ب ل ك) that the
annotators sometimes included.

IDRISI's offsets were made by string search: every gold ``startIdx`` is
the first occurrence of the mention's text in the tweet, and a name said
twice is marked twice at that same place. So both sides are compared as
sets of first-occurrence spans: each predicted mention is moved to the
first occurrence of its text, and duplicates collapse. Speed: loading the gazetteer file (best of
3), building the name matcher, one ``lookup`` (µs, warm), tweets per second.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

from rasd.geo import find_places, lookup
from rasd.geo.gazetteer import Gazetteer, gazetteer
from rasd.geo.recognize import lexicon
from rasd.geo.resolve import choose
from rasd.geo.stage import article_mentions, locate
from rasd.model import Article, Event, Place, Sentence

IDRISI = Path(__file__).resolve().parents[2] / "shared" / "data" / "idrisi_lmr"
GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles.jsonl"
LOOKUP_NAMES = ["الموصل", "بغداد", "عين الأسد", "بالموصل", "Mosul", "حفر الباطن", "لا شيء"]
_LOOSE = "#وفبلك"


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _loose_equal(text: str, gold: tuple[int, int], pred: tuple[int, int]) -> bool:
    if gold[1] != pred[1]:
        return False
    a, b = sorted((gold[0], pred[0]))
    return all(ch in _LOOSE for ch in text[a:b]) and b - a <= 3


def _first(text: str, surface: str) -> tuple[int, int]:
    at = text.find(surface)
    return at, at + len(surface)


def score_records(records: list[dict[str, Any]]) -> dict[str, Any]:
    n_gold = n_pred = exact = loose = overlap = 0
    by_type: dict[str, list[int]] = {}
    for rec in records:
        text = rec["text"]
        gold = sorted({(m["startIdx"], m["endIdx"], m["type"]) for m in rec["location_mentions"]})
        pred = sorted({_first(text, m.text) for m in find_places(text)})
        n_gold += len(gold)
        n_pred += len(pred)
        gold_spans = {(a, b) for a, b, _ in gold}
        exact += sum(1 for p in pred if p in gold_spans)
        loose += sum(
            1
            for p in pred
            if any(_loose_equal(text, (a, b), p) or (a, b) == p for a, b in gold_spans)
        )
        used: set[int] = set()
        for p in pred:
            for k, (a, b, _t) in enumerate(gold):
                if k not in used and a < p[1] and p[0] < b:
                    used.add(k)
                    overlap += 1
                    break
        for k, (_a, _b, t) in enumerate(gold):
            tally = by_type.setdefault(t, [0, 0])
            tally[0] += 1
            tally[1] += k in used
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "exact": _prf(exact, n_pred, n_gold),
        "exact_loose": _prf(loose, n_pred, n_gold),
        "overlap": _prf(overlap, n_pred, n_gold),
        "overlap_recall_by_type": {t: round(v[1] / v[0], 3) for t, v in sorted(by_type.items())},
    }


def recognition() -> dict[str, Any] | None:
    if not IDRISI.is_dir():
        return None
    out: dict[str, Any] = {}
    every: list[dict[str, Any]] = []
    for path in sorted(IDRISI.glob("*.jsonl")):
        records = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln]
        every += records
        out[path.stem] = score_records(records)["overlap"]
    started = time.perf_counter()
    out["all"] = score_records(every)
    out["tweets_per_s"] = round(len(every) / (time.perf_counter() - started))
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _within(place: Place | None, gold: dict[str, Any]) -> bool:
    if place is None or place.lat is None:
        return False
    if gold.get("radius_km") is None:
        return place.country == gold.get("country")
    return _km(place.lat, place.lon, gold["lat"], gold["lon"]) <= gold["radius_km"]


def gold_locations() -> dict[str, Any] | None:
    """On rasd's own gold articles, without the extractor: is the gold
    location among the places the article names (upper bound), found by
    looking its Arabic name up in the article's context, and what the
    stage's own fallback (no evidence: the place named most) gives."""
    if not GOLD.is_file():
        return None
    events = named = found_any = fallback = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        article = Article(text=rec["text"], id=rec["id"])
        article.sentences = [Sentence(0, len(article.text), 0)]
        ctx, mentions = article_mentions(article)
        for gold_event in rec["events"]:
            gold = gold_event.get("location")
            if not gold:
                continue
            events += 1
            found_any += any(_within(m.place, gold) for m in mentions)
            entry = choose(gazetteer().lookup(gold.get("name_ar") or gold.get("name", "")), context=ctx)
            named += _within(entry.place() if entry else None, gold)
            bare = Event("", "", "")
            fallback += _within(locate(bare, article, ctx, mentions), gold)
    return {
        "events": events,
        "any_mention_within_radius": round(found_any / events, 3),
        "gold_name_lookup_within_radius": round(named / events, 3),
        "stage_fallback_within_radius": round(fallback / events, 3),
    }


def speed() -> dict[str, float]:
    raw = (
        Path(gazetteer.__wrapped__.__code__.co_filename)
        .parent.joinpath("data", "gazetteer.tsv.gz")
        .read_bytes()
    )
    loads = []
    for _ in range(3):
        started = time.perf_counter()
        Gazetteer.load()
        loads.append(time.perf_counter() - started)
    gazetteer()
    started = time.perf_counter()
    lexicon.cache_clear()
    lexicon()
    matcher_s = time.perf_counter() - started
    for name in LOOKUP_NAMES:
        lookup(name)
    rounds = 2000
    started = time.perf_counter()
    for _ in range(rounds):
        for name in LOOKUP_NAMES:
            lookup(name)
    per = (time.perf_counter() - started) / (rounds * len(LOOKUP_NAMES))
    return {
        "places": len(gazetteer().entries),
        "file_kb": round(len(raw) / 1024),
        "load_s": round(min(loads), 3),
        "matcher_build_s": round(matcher_s, 3),
        "lookup_us": round(per * 1e6, 2),
    }


def main() -> dict[str, Any]:
    figures: dict[str, Any] = {"speed": speed()}
    rec = recognition()
    figures["idrisi"] = rec
    figures["gold"] = gold_locations()
    if figures["gold"]:
        print("gold articles:", figures["gold"])
    s = figures["speed"]
    print(
        f"gazetteer: {s['places']} places, {s['file_kb']} KB, load {s['load_s']} s, "
        f"matcher {s['matcher_build_s']} s, lookup {s['lookup_us']} µs"
    )
    if rec is None:
        print(f"IDRISI not found at {IDRISI}: recognition not measured")
        return figures
    a = rec["all"]
    for kind in ("exact", "exact_loose", "overlap"):
        m = a[kind]
        print(f"IDRISI {kind:<12} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    print(f"  gold {a['gold']}, predicted {a['predicted']}, {rec['tweets_per_s']} tweets/s")
    print("  overlap recall by type:", a["overlap_recall_by_type"])
    for name, m in rec.items():
        if name not in ("all", "tweets_per_s"):
            print(f"  {name:<36} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    return figures


if __name__ == "__main__":
    main()
