"""Fusion at scale: generated event mentions through ``rasd.fuse.fusion.Fuser``.

Mentions are drawn like news: real events over 2 years at 5,000 places
(popular places much more often, Zipf-like) in six countries; each event
is told by 1-6 articles that arrive over the next days, with the usual
noise: a missing weapon, a different count, a region instead of the place,
a week instead of the day. Each size runs in its own process so peak
memory (max RSS) is that size's alone. The fuser streams: clusters whose
window ended a month before the newest mention are written out (their
fused record built) and leave memory, as a long-running fuser would (the
store keeps clusters on disk instead). Reports wall and CPU time (the
stream's generation timed apart and left out), mentions per second, peak
memory, growth from size to size, and pairwise precision/recall of the
fused events against the generated truth.

A second part measures fusion on the gold clusters (``gold/articles.jsonl``):
given the gold article events (fusion alone) and end to end (the articles
ingested into a fresh SQLite store, its fused events scored with
``rasd.eval.score_fusion``), see ``rasd.fuse.goldscore``.

A third runs the same stream through ``fuse_store`` and a SQLite store,
batch by batch as ``rasd ingest`` does (only fusion timed).

``python -m bench.fuse_bench`` runs 10^4 and 10^5 in memory, 10^4 through
the store, and the gold part; ``--full`` (or RASD_FUSE_FULL=1) adds 10^6
in memory and 10^5 through the store; ``--gold`` runs the gold part only;
``--one N [--keep]`` one size in memory (``--keep``: no retiring);
``--store N`` one size through the store.
"""

from __future__ import annotations

import datetime as dt
import itertools
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
CHUNK = 2_000  # mentions generated at a time (their generation is timed apart)
RETIRE_DAYS = 30  # a mention arrives at most a few days after its event; a month is ample
SIZES = (10_000, 100_000)
FULL = (*SIZES, 1_000_000)
STORE_SIZES = (10_000, 100_000)  # through fuse_store and SQLite (the second with --full)
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


def mentions(n: int, seed: int = 1, stats: dict | None = None):
    """(truth id, event dict) in arrival order; about n mentions. ``stats``
    (if given) gets ``gold_pairs``: mention pairs that report one true event."""
    stats = {} if stats is None else stats
    stats["gold_pairs"] = 0
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
            tellings = min(6, 1 + int(rng.expovariate(0.7)))
            stats["gold_pairs"] += tellings * (tellings - 1) // 2
            for _ in range(tellings):
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
                    "_truth": made - 1,  # read back by the bench only
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


class PairCount:
    """Pairwise precision/recall of fused events against the generated truth,
    counted cluster by cluster as clusters leave memory (group sizes only)."""

    def __init__(self) -> None:
        self.tp = 0
        self.pred = 0
        self.events = 0

    def add(self, cluster) -> None:
        self.events += 1
        n = len(cluster.members)
        self.pred += n * (n - 1) // 2
        for c in Counter(m.data["_truth"] for m in cluster.members).values():
            self.tp += c * (c - 1) // 2

    def figures(self, gold_pairs: int) -> dict:
        p = self.tp / self.pred if self.pred else 1.0
        r = self.tp / gold_pairs if gold_pairs else 1.0
        return {"pair_precision": round(p, 4), "pair_recall": round(r, 4)}


def run_one(n: int, *, retire: bool = True) -> dict:
    """Fuse a stream of about ``n`` mentions in one Fuser. With ``retire``
    (the default), clusters whose window ended ``RETIRE_DAYS`` before the
    newest mention are written out (their fused record built) and leave
    memory, as a long-running fuser would; generating the stream is timed
    apart and left out of the fusion time."""
    from rasd.fuse.fusion import Fuser
    from rasd.fuse.record import fused_event

    stats: dict = {}
    stream = mentions(n, stats=stats)
    fuser = Fuser(now=lambda: "bench")
    pairs = PairCount()
    made = 0
    t_gen = cpu_gen = 0.0
    newest = None
    started, cpu_started = time.perf_counter(), time.process_time()
    while True:
        # generate in chunks: a clock read per mention costs more than fusing it here
        t0, c0 = time.perf_counter(), time.process_time()
        chunk = list(itertools.islice(stream, CHUNK))
        t_gen += time.perf_counter() - t0
        cpu_gen += time.process_time() - c0
        if not chunk:
            break
        for _, ev in chunk:
            fuser.add(ev)
            made += 1
            day = dt.date.fromisoformat(ev["date_end"])
            if retire and (newest is None or day > newest):
                newest = day
                for c in fuser.retire(day - dt.timedelta(days=RETIRE_DAYS)):
                    fused_event(c)
                    pairs.add(c)
    for c in list(fuser.clusters.values()):
        fused_event(c)
        pairs.add(c)
    total = time.perf_counter() - started - t_gen
    cpu = time.process_time() - cpu_started - cpu_gen
    return {
        "mentions": made,
        "fused_events": pairs.events,
        "fuse_seconds": round(total, 2),
        "fuse_cpu_seconds": round(cpu, 2),
        "generate_seconds": round(t_gen, 2),
        "mentions_per_second": round(made / total),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "retire": retire,
        "merges": sum(e["op"] == "merge" for e in fuser.log),
        **pairs.figures(stats["gold_pairs"]),
    }


def run_store(n: int, *, batch: int = 200) -> dict:
    """Fuse about ``n`` generated mentions through a SQLite store, batch by
    batch, as ``rasd ingest`` does after storing each batch (articles and
    their events are written straight into the tables: only fusion is timed)."""
    import tempfile

    from rasd.fuse.persist import fuse_store
    from rasd.store import open_store

    stats: dict = {}
    with tempfile.TemporaryDirectory(prefix="rasd-fuse-bench-") as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        conn = store.conn
        seconds, made, pending = 0.0, 0, []

        def flush() -> float:
            conn.execute("BEGIN")
            for ev in pending:
                aid = ev["article_ids"][0]
                conn.execute(
                    "INSERT INTO articles (id, text, body, content_hash, ingested_at, updated_at)"
                    " VALUES (?, '', '', ?, '', '')",
                    (aid, aid),
                )
                conn.execute(
                    "INSERT INTO article_events (event_id, article_id, data) VALUES (?, ?, ?)",
                    (ev["event_id"], aid, json.dumps(ev)),
                )
            conn.execute("COMMIT")
            t0 = time.process_time()
            fuse_store(store, [ev["article_ids"][0] for ev in pending])
            pending.clear()
            return time.process_time() - t0

        for _, ev in mentions(n, stats=stats):
            pending.append(ev)
            made += 1
            if len(pending) >= batch:
                seconds += flush()
        if pending:
            seconds += flush()
        pairs = PairCount()
        rows = conn.execute("SELECT event_id, data FROM event_members ORDER BY event_id")
        for _, group in itertools.groupby(rows, key=lambda r: r[0]):
            members = [json.loads(r[1]) for r in group]
            pairs.events += 1
            k = len(members)
            pairs.pred += k * (k - 1) // 2
            for c in Counter(m["_truth"] for m in members).values():
                pairs.tp += c * (c - 1) // 2
        size = (Path(tmp) / "bench.db").stat().st_size
        store.close()
    return {
        "mentions": made,
        "fused_events": pairs.events,
        "store_fuse_cpu_seconds": round(seconds, 2),
        "mentions_per_cpu_second": round(made / seconds),
        "db_mb": round(size / 2**20, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        **pairs.figures(stats["gold_pairs"]),
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
            fig["time_growth"] = round(  # CPU time: the machine may be shared
                fig["fuse_cpu_seconds"] / max(prev["fuse_cpu_seconds"], 1e-9), 1
            )
            fig["memory_growth"] = round(fig["peak_rss_mb"] / max(prev["peak_rss_mb"], 1), 1)
        print(f"   {n:>9,} mentions: {json.dumps(fig)}", flush=True)
        out[str(n)] = fig
        prev = fig
    return out


def gold() -> dict | None:
    """Fusion on the gold clusters: given the gold article events (fusion
    alone) and end to end (ingest into a fresh store, score its events)."""
    path = ROOT / "gold" / "articles.jsonl"
    if not path.exists():
        return None
    from rasd.fuse.goldscore import score_gold

    return score_gold(path)


def _print_gold(g: dict) -> None:
    for name, f in g.items():
        print(
            f"   gold {name}: F1 {f['f1']:.3f} (P {f['precision']:.3f} R {f['recall']:.3f}),"
            f" {f['fused_events']} fused for {f['real_events']} real events,"
            f" split {f['split_events']}, merged {f['merged_events']},"
            f" article coverage {f['article_coverage']:.3f}",
            flush=True,
        )
        for problem in f["problems"]:
            print(f"      {problem}")


def main(full: bool | None = None) -> dict:
    if full is None:
        full = os.environ.get("RASD_FUSE_FULL") == "1"
    figures = {"scale": scale(FULL if full else SIZES), "store": {}}
    for n in STORE_SIZES[: 2 if full else 1]:
        res = subprocess.run(
            [sys.executable, "-m", "bench.fuse_bench", "--store", str(n)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        fig = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"   {n:>9,} mentions through a SQLite store: {json.dumps(fig)}", flush=True)
        figures["store"][str(n)] = fig
    g = gold()
    if g is not None:
        figures["gold"] = g
        _print_gold(g)
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]), retire="--keep" not in sys.argv)))
    elif len(sys.argv) > 2 and sys.argv[1] == "--store":
        print(json.dumps(run_store(int(sys.argv[2]))))
    elif "--gold" in sys.argv:
        _print_gold(gold() or {})
    else:
        main(full="--full" in sys.argv)
