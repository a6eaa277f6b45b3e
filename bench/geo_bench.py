"""rasd.geo: place-mention recognition on IDRISI, event locations on the gold
articles, gazetteer load and look-up speed.

Recognition is scored by ``rasd.eval.places.score_mentions`` on
../shared/data/idrisi_lmr (Arabic tweets with every place mention marked)
when that folder is present: precision, recall and F1 on exact spans, on
"exact, loose" spans (a leading ``#`` or clitic letters that IDRISI's
annotators kept and rasd's spans leave out) and on overlapping spans, for
all tweets and for the fixed dev / held-out split (one tweet in five held
out, by a hash of its text; rules were tuned looking at dev only).

Event locations: ``rasd eval --gold gold/articles.jsonl --locations`` (the
extractor's events paired with gold events on dates and type, then each
location checked against the gold radius), plus the same without the
extractor (is the gold place among the article's mentions; what the gold
name resolves to in the article's context; what the stage's own fallback
gives). Speed: loading the gazetteer file (best of 3), building the name
matcher, one ``lookup`` (µs, warm), tweets per second.

    .venv/bin/python -m bench geo
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

from rasd.eval.places import read_mentions, score_locations, score_mentions
from rasd.geo import lookup
from rasd.geo.gazetteer import Gazetteer, gazetteer
from rasd.geo.recognize import lexicon
from rasd.geo.resolve import choose
from rasd.geo.stage import article_mentions, locate
from rasd.model import Article, Event, Place, Sentence

IDRISI = Path(__file__).resolve().parents[2] / "shared" / "data" / "idrisi_lmr"
GOLD = Path(__file__).resolve().parents[1] / "gold" / "articles.jsonl"
LOOKUP_NAMES = ["الموصل", "بغداد", "عين الأسد", "بالموصل", "Mosul", "حفر الباطن", "لا شيء"]


def recognition() -> dict[str, Any] | None:
    if not IDRISI.is_dir():
        return None
    records = read_mentions(IDRISI)
    started = time.perf_counter()
    figures = score_mentions(records).figures
    figures["tweets_per_s"] = round(len(records) / (time.perf_counter() - started))
    return figures


def extracted_locations() -> dict[str, Any] | None:
    """Locations of the extractor's events on the gold articles."""
    if not GOLD.is_file():
        return None
    import rasd

    gold = [json.loads(ln) for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln.strip()]
    predicted = {
        str(r["id"]): [e.to_dict() for e in rasd.extract(r["text"], published=r.get("published"))]
        for r in gold
    }
    report = score_locations(gold, predicted)
    return {**report.figures, "wrong": [d["what"] for d in report.details]}


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
            entry = choose(
                gazetteer().lookup(gold.get("name_ar") or gold.get("name", "")), context=ctx
            )
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
    figures["gold_extracted"] = extracted_locations()
    if figures["gold"]:
        print("gold articles, without the extractor:", figures["gold"])
    if figures["gold_extracted"]:
        g = figures["gold_extracted"]
        print(
            f"gold articles, extracted events: {g['within_radius']}/{g['paired_events']} "
            f"paired events within the gold radius ({g['accuracy']:.3f})"
        )
        for what in g["wrong"]:
            print(f"  wrong place: {what}")
    s = figures["speed"]
    print(
        f"gazetteer: {s['places']} places, {s['file_kb']} KB, load {s['load_s']} s, "
        f"matcher {s['matcher_build_s']} s, lookup {s['lookup_us']} µs"
    )
    if rec is None:
        print(f"IDRISI not found at {IDRISI}: recognition not measured")
        return figures
    for kind in ("exact", "exact_loose", "overlap"):
        m = rec[kind]
        print(f"IDRISI {kind:<12} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    for side in ("dev", "heldout"):
        m, e = rec[side]["overlap"], rec[side]["exact_loose"]
        print(
            f"  {side:<8} overlap P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}"
            f"   exact-loose F1 {e['f1']:.3f}  ({rec[side]['gold']} gold)"
        )
    print(f"  gold {rec['gold']}, predicted {rec['predicted']}, {rec['tweets_per_s']} tweets/s")
    print("  overlap recall by type:", rec["overlap_recall_by_type"])
    for name, m in rec["files"].items():
        print(f"  {name:<36} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    return figures


if __name__ == "__main__":
    main()
