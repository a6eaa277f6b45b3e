"""Fusion at scale: generated event mentions through ``rasd.fuse.fusion.Fuser``.

Mentions are drawn like news: real events over 2 years at 5,000 places
(popular places much more often, Zipf-like) in six countries; each event
is told by 1-6 articles that arrive over the next days, with the usual
noise: a missing weapon, a different count, a region instead of the place,
a week instead of the day, another sub-event type. Each size runs in its
own process so peak memory (max RSS) is that size's alone. Reports time,
mentions per second, peak memory, growth from size to size, and how well
the fused events match the generated truth (pairwise precision/recall).

``python -m bench.fuse_bench`` runs 10^4 and 10^5; ``--full`` (or
RASD_FUSE_FULL=1) adds 10^6. A second part scores fusion of the gold
clusters (``gold/articles.jsonl``) when the extractor is available.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 100_000)
FULL = (*SIZES, 1_000_000)
PLACES = 5_000
DAYS = 730
COUNTRIES = {  # code: (lat0, lat1, lon0, lon1)
    "IQ": (29.5, 37.0, 39.0, 48.0),
    "SY": (32.5, 37.0, 36.0, 42.0),
    "YE": (12.8, 17.5, 42.5, 53.0),
    "LB": (33.1, 34.6, 35.2, 36.5),
    "PS": (31.2, 32.5, 34.3, 35.5),
    "IL": (29.6, 33.2, 34.3, 35.8),
}
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike", "drone"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "rocket"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "ied"),
    ("Battles", "Armed clash", "small_arms"),
    ("Violence against civilians", "Attack", "small_arms"),
    ("Protests", "Peaceful protest", None),
]
TARGETS = ["air_base", "military_base", "convoy", "checkpoint", "building", "people"]
ACTORS = [f"actor-{i}" for i in range(40)]


def places(rng: random.Random) -> list[dict]:
    out = []
    codes = list(COUNTRIES)
    for i in range(PLACES):
        cc = codes[i % len(codes)]
        la0, la1, lo0, lo1 = COUNTRIES[cc]
        out.append(
            {
                "name": f"place-{i}",
                "name_ar": None,
                "country": cc,
                "admin1": f"{cc}-region-{i % 12}",
                "lat": round(rng.uniform(la0, la1), 4),
                "lon": round(rng.uniform(lo0, lo1), 4),
                "geo_precision": 1,
                "gazetteer_id": f"g{i}",
            }
        )
    return out


def mentions(n: int, seed: int = 1):
    """(truth id, event dict) in arrival order; about n mentions."""
    rng = random.Random(seed)
    where = places(rng)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(PLACES)]
    start = dt.date(2023, 1, 1)
    pending: list[tuple[int, int, dict]] = []  # (arrival day, seq, event)
    made = 0
    seq = 0
    per_day = n / DAYS / 1.98  # mean articles per event
    for day in range(DAYS):
        k = int(per_day) + (1 if rng.random() < per_day - int(per_day) else 0)
        for place in rng.choices(where, weights, k=k):
            etype, sub, weapon = rng.choice(TYPES)
            truth = f"t{made}"
            made += 1
            count = rng.choice([None, 1, 2, 3, 4, 5])
            actor = rng.choice(ACTORS) if rng.random() < 0.4 else None
            target = rng.choice(TARGETS)
            dead = rng.choice([None, None, 0, 1, 2, 3, 5])
            for _ in range(min(6, 1 + int(rng.expovariate(0.7)))):
                when = start + dt.timedelta(days=day)
                s = e = when
                prec = 1
                if rng.random() < 0.1:  # "this week"
                    s, e, prec = (
                        when - dt.timedelta(days=when.weekday()),
                        when + dt.timedelta(days=6 - when.weekday()),
                        2,
                    )
                loc = place
                if rng.random() < 0.08:  # only the region is named
                    loc = {
                        **place,
                        "name": place["admin1"],
                        "gazetteer_id": None,
                        "geo_precision": 3,
                    }
                w = []
                if weapon and rng.random() < 0.8:
                    c = count if rng.random() < 0.85 else (count or 0) + 1
                    w = [{"kind": weapon, "model": None, "count": c}]
                aid = f"a{seq}"
                ev = {
                    "event_id": f"{aid}-e1",
                    "article_ids": [aid],
                    "event_date": e.isoformat(),
                    "date_start": s.isoformat(),
                    "date_end": e.isoformat(),
                    "time_precision": prec,
                    "event_type": etype,
                    "sub_event_type": sub,
                    "plover_type": "PROTEST" if etype == "Protests" else "ASSAULT",
                    "actor1": {"name": actor, "id": actor, "kind": "armed_group"}
                    if actor and rng.random() < 0.7
                    else None,
                    "claim_status": "claimed" if actor and rng.random() < 0.5 else "unknown",
                    "suspected_actor1": None,
                    "actor2": None,
                    "targets": [{"kind": target, "text": target}] if rng.random() < 0.7 else [],
                    "weapons": w,
                    "location": loc,
                    "fatalities": dead if rng.random() < 0.8 else None,
                    "injuries": None,
                    "damage": [],
                    "evidence": [
                        {
                            "article_id": aid,
                            "field": "event",
                            "start": 0,
                            "end": 12,
                            "text": "x" * 12,
                        }
                    ],
                    "confidence": 0.6,
                    "language": "ar",
                }
                seq += 1
                pending.append((day + min(3, int(rng.expovariate(1.0))), seq, truth, ev))
        # release what has arrived by today
        pending.sort(key=lambda x: (x[0], x[1]))
        while pending and pending[0][0] <= day:
            _, _, truth, ev = pending.pop(0)
            yield truth, ev
    for _, _, truth, ev in sorted(pending, key=lambda x: (x[0], x[1])):
        yield truth, ev


def pair_scores(truth_of: dict[str, str], cluster_of: dict[str, str]) -> dict:
    """Pairwise precision/recall of clusters against the truth (counted via group sizes)."""
    pairs = lambda groups: sum(c * (c - 1) // 2 for c in groups.values())  # noqa: E731
    both = Counter((truth_of[m], cluster_of[m]) for m in truth_of)
    tp = pairs(both)
    pred = pairs(Counter(cluster_of[m] for m in truth_of))
    gold = pairs(Counter(truth_of.values()))
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return {"pair_precision": round(p, 4), "pair_recall": round(r, 4)}


def run_one(n: int) -> dict:
    from rasd.fuse.fusion import Fuser

    stream = list(mentions(n))
    fuser = Fuser(now=lambda: "bench")
    truth_of: dict[str, str] = {}
    t0 = time.perf_counter()
    for truth, ev in stream:
        fuser.add(ev)
        truth_of[ev["event_id"]] = truth
    t_fuse = time.perf_counter() - t0
    t0 = time.perf_counter()
    records = sum(1 for _ in fuser.events())
    t_records = time.perf_counter() - t0
    cluster_of = {m: fuser.resolve(c) for m, c in fuser.cluster_of.items()}
    return {
        "mentions": len(stream),
        "true_events": len(set(truth_of.values())),
        "fused_events": records,
        "fuse_seconds": round(t_fuse, 2),
        "records_seconds": round(t_records, 2),
        "mentions_per_second": round(len(stream) / t_fuse),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "merges": sum(e["op"] == "merge" for e in fuser.log),
        **pair_scores(truth_of, cluster_of),
    }


def scale(sizes=SIZES) -> dict:
    out: dict[str, dict] = {}
    prev = None
    for n in sizes:
        res = subprocess.run(
            [sys.executable, "-m", "bench.fuse_bench", "--one", str(n)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        fig = json.loads(res.stdout.strip().splitlines()[-1])
        if prev is not None:
            fig["time_growth"] = round(fig["fuse_seconds"] / max(prev["fuse_seconds"], 1e-9), 1)
            fig["memory_growth"] = round(fig["peak_rss_mb"] / max(prev["peak_rss_mb"], 1), 1)
        print(f"   {n:>9,} mentions: {json.dumps(fig)}", flush=True)
        out[str(n)] = fig
        prev = fig
    return out


def gold() -> dict | None:
    """Extract each gold article, fuse, score against the gold events."""
    path = ROOT / "gold" / "articles.jsonl"
    if not path.exists():
        return None
    try:
        from rasd.extract.api import extract  # noqa: F401
    except ImportError:
        return None
    from rasd.fuse.goldscore import score_gold

    return score_gold(path)


def main(full: bool | None = None) -> dict:
    if full is None:
        full = os.environ.get("RASD_FUSE_FULL") == "1"
    figures = {"scale": scale(FULL if full else SIZES)}
    g = gold()
    if g is not None:
        figures["gold"] = g
        print(f"   gold: {json.dumps(g)}")
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
    else:
        main(full="--full" in sys.argv)
