"""API latency of event queries on a store of 100,000 fused events.

The store is generated straight into the fused tables (``events``,
``event_members``) and the articles with their full-text index, as
``rasd ingest`` would leave them: events over two years in six countries,
told by one to three articles each (short Arabic texts from a news
vocabulary, common words far more often than rare ones). ``rasd serve``
runs it in a child process; this process asks it over loopback (one
keep-alive connection, so the figures are server time plus loopback, not
connection set-up) and reports p50/p95 per kind of query: the plain list,
deep pages, each filter, text search, combinations, one event, map points.

Sizes: ``RASD_BENCH_WEB_N`` events (default 100000), ``RASD_BENCH_WEB_REPS``
requests per kind (default 60). ``python -m bench web``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from rasd.store import open_store
from rasd.text.normalize import match_form

N = int(os.environ.get("RASD_BENCH_WEB_N", 100_000))
REPS = int(os.environ.get("RASD_BENCH_WEB_REPS", 60))
AIM_P95_MS = 50.0
DAYS = 730
FIRST = dt.date(2023, 1, 1)

COUNTRIES = {  # code: (lat0, lat1, lon0, lon1, admin1 names)
    "IQ": (29.5, 37.0, 39.0, 48.0, ["Anbar", "Baghdad", "Erbil", "Nineveh", "Basra", "Diyala"]),
    "SY": (32.5, 37.0, 36.0, 42.0, ["Deir ez-Zor", "Hasakah", "Aleppo", "Idlib", "Homs"]),
    "YE": (12.8, 17.5, 42.5, 53.0, ["Sanaa", "Marib", "Hodeidah", "Taiz"]),
    "LB": (33.1, 34.6, 35.2, 36.5, ["South", "Nabatieh", "Bekaa"]),
    "JO": (29.2, 33.3, 35.0, 39.0, ["Amman", "Mafraq"]),
    "PS": (31.2, 32.5, 34.2, 35.5, ["Gaza", "Jenin"]),
}
WEIGHTS = {"IQ": 35, "SY": 30, "YE": 15, "LB": 10, "JO": 3, "PS": 7}
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike", "drone"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "rocket"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "ied"),
    ("Battles", "Armed clash", "small_arms"),
    ("Violence against civilians", "Attack", "small_arms"),
    ("Strategic developments", "Disrupted weapons use", "missile"),
]
CLAIMS = ["claimed", "unclaimed", "denied", "attributed", "unknown"]
ACTORS = [(f"actor{i:02d}", f"Armed Group {i}", "armed_group") for i in range(30)] + [
    ("us_forces", "United States", "state_forces"),
    ("iri", "Islamic Resistance in Iraq", "armed_group"),
]
# a news vocabulary: the first words are common (Zipf-like draws)
WORDS = (
    "استهدفت قصفت هجوم طائرة مسيرة صواريخ قاعدة عسكرية مصادر أمنية محلية أفادت قالت"
    " مقتل إصابة عناصر القوات الأمريكية المقاومة الإسلامية فصائل مسلحة ريف محافظة"
    " مدينة بلدة قرب شرق غرب شمال جنوب الحدود اليوم أمس مساء فجر ليلة انفجار عبوة"
    " ناسفة رتل آليات اشتباكات مطار حقل نفط غاز دفاعات جوية رادار مخزن أسلحة"
    " بيان تبنت نفت حملت مسؤولية الهجوم لم تعلن أي جهة المرصد مراسل وكالة"
).split()
PLACES = (
    "عين_الأسد حقل_كونيكو مطار_أربيل التنف حقل_العمر البوكمال القائم الميادين"
    " هيت الرطبة جرف_الصخر بلد كركوك سنجار تلعفر مأرب الحديدة صعدة النبطية"
    " مرجعيون بنت_جبيل الناقورة جنين رفح خان_يونس"
).split()


WORD_WEIGHTS = list(itertools.accumulate(1 / (i + 1) for i in range(len(WORDS))))
PLACE_WEIGHTS = list(itertools.accumulate(1 / (i + 10) for i in range(2000)))


def _pick_word(rng: random.Random) -> str:
    return rng.choices(WORDS, cum_weights=WORD_WEIGHTS)[0]


def _text(rng: random.Random, place: str) -> str:
    words = [_pick_word(rng) for _ in range(rng.randint(14, 28))]
    words.insert(rng.randint(0, len(words)), place.replace("_", " "))
    return " ".join(words) + "."


def _actor(a: tuple[str, str, str] | None) -> dict | None:
    if a is None:
        return None
    return {"name": a[1], "name_ar": None, "id": a[0], "kind": a[2], "country": None}


def build(path: str, n: int, *, seed: int = 7) -> dict:
    """Write ``n`` fused events (and their articles) into a new store at ``path``."""
    rng = random.Random(seed)
    store = open_store(path)
    conn = store.conn
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    places = []
    for i in range(2000):
        cc = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        lat0, lat1, lon0, lon1, admins = COUNTRIES[cc]
        name = PLACES[i % len(PLACES)] if i < len(PLACES) else f"موقع_{i}"
        places.append(
            {
                "name": f"Place {i}",
                "name_ar": name.replace("_", " "),
                "country": cc,
                "admin1": rng.choice(admins),
                "lat": round(rng.uniform(lat0, lat1), 4),
                "lon": round(rng.uniform(lon0, lon1), 4),
                "geo_precision": rng.choice((1, 1, 2, 3)),
                "gazetteer_id": f"g{i}",
            }
        )
    articles, fts, events, members = [], [], [], []
    rowid = seq = 0
    for i in range(n):
        day = FIRST + dt.timedelta(days=rng.randrange(DAYS))
        event_type, sub_type, weapon = rng.choice(TYPES)
        place = rng.choices(places, cum_weights=PLACE_WEIGHTS)[0]
        actor1 = rng.choice(ACTORS) if rng.random() < 0.3 else None
        claim = rng.choice(CLAIMS)
        event_id = f"e{i:07d}"
        art_ids, mention_ids, evidence = [], [], []
        for k in range(rng.choice((1, 1, 1, 2, 2, 3))):
            rowid += 1
            aid = f"a{i:07d}-{k}"
            text = _text(rng, place["name_ar"])
            start = text.index(place["name_ar"])
            ev = {
                "article_id": aid,
                "field": "location",
                "start": start,
                "end": start + len(place["name_ar"]),
                "text": place["name_ar"],
            }
            articles.append(
                (
                    rowid,
                    aid,
                    None,
                    f"source{k}",
                    None,
                    day.isoformat(),
                    1,
                    None,
                    "ar",
                    text,
                    text,
                    "metadata",
                    "{}",
                    f"h{rowid}",
                    now,
                    now,
                )
            )
            fts.append((rowid, "", match_form(text)))
            art_ids.append(aid)
            mention_ids.append(f"m{rowid}")
            evidence.append(ev)
        d = {
            "schema_version": 1,
            "event_id": event_id,
            "article_ids": art_ids,
            "event_date": day.isoformat(),
            "date_start": day.isoformat(),
            "date_end": day.isoformat(),
            "time_precision": 1,
            "event_type": event_type,
            "sub_event_type": sub_type,
            "plover_type": "ASSAULT",
            "actor1": _actor(actor1),
            "claim_status": claim,
            "suspected_actor1": _actor(rng.choice(ACTORS)) if rng.random() < 0.2 else None,
            "actor2": _actor(ACTORS[-2]) if rng.random() < 0.4 else None,
            "targets": [],
            "weapons": [{"kind": weapon, "model": None, "count": None}],
            "location": place,
            "fatalities": rng.choice((None, None, 0, 1, 2, 5)),
            "injuries": None,
            "damage": [],
            "evidence": evidence,
            "confidence": 0.7,
            "language": "ar",
            "mention_ids": mention_ids,
            "reported": {},
            "history": [],
        }
        data = json.dumps(d, ensure_ascii=False, separators=(",", ":"))
        events.append(
            (
                event_id,
                d["event_date"],
                d["date_start"],
                d["date_end"],
                event_type,
                sub_type,
                "ASSAULT",
                place["country"],
                claim,
                event_type,
                place["lat"],
                place["lon"],
                place["gazetteer_id"],
                len(art_ids),
                now,
                data,
            )
        )
        for mid, aid in zip(mention_ids, art_ids, strict=True):
            members.append((mid, event_id, aid, seq, d["event_date"], None, data))
            seq += 1
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO articles VALUES ({','.join('?' * 16)})", articles)
    conn.executemany("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", fts)
    conn.executemany(f"INSERT INTO events VALUES ({','.join('?' * 16)})", events)
    conn.executemany("INSERT INTO event_members VALUES (?, ?, ?, ?, ?, ?, ?)", members)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    store.close()
    return {"events": n, "articles": len(articles), "places": places}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: str) -> tuple[subprocess.Popen, str]:
    port = _port()
    rasd = Path(sys.executable).with_name("rasd")
    cmd = [str(rasd)] if rasd.exists() else [sys.executable, "-m", "rasd"]
    proc = subprocess.Popen(
        [*cmd, "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/me", timeout=1)
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode()) from None
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("rasd serve did not start")


def _queries(rng: random.Random, places: list[dict]) -> dict[str, callable]:
    def window() -> dict:
        start = FIRST + dt.timedelta(days=rng.randrange(DAYS - 30))
        return {"from": start.isoformat(), "to": (start + dt.timedelta(days=30)).isoformat()}

    country = lambda: rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]  # noqa: E731
    return {
        "list (newest 50)": lambda: ("/api/events", {"limit": 50}),
        "deep page (offset up to N)": lambda: (
            "/api/events",
            {"limit": 50, "offset": rng.randrange(max(1, N - 50))},
        ),
        "country": lambda: ("/api/events", {"country": country(), "limit": 50}),
        "date range (30 days)": lambda: ("/api/events", {**window(), "limit": 50}),
        "sub type + claim": lambda: (
            "/api/events",
            {"sub_type": rng.choice(TYPES)[1], "claim": rng.choice(CLAIMS), "limit": 50},
        ),
        "actor": lambda: ("/api/events", {"actor": rng.choice(ACTORS)[0], "limit": 50}),
        "admin1": lambda: (
            "/api/events",
            {"admin1": rng.choice(COUNTRIES["IQ"][4]), "limit": 50},
        ),
        "text (word in most articles)": lambda: (
            "/api/events",
            {"text": rng.choice(WORDS[:5]), "limit": 50},
        ),
        "text (word in some articles)": lambda: (
            "/api/events",
            {"text": rng.choice(WORDS[25:60]), "limit": 50},
        ),
        "text (place name)": lambda: (
            "/api/events",
            {"text": rng.choice(PLACES).replace("_", " "), "limit": 50},
        ),
        "combined (country+dates+type+text)": lambda: (
            "/api/events",
            {
                "country": country(),
                **window(),
                "sub_type": rng.choice(TYPES)[1],
                "text": rng.choice(WORDS[:20]),
                "limit": 50,
            },
        ),
        "one event": lambda: (f"/api/events/e{rng.randrange(N):07d}", {}),
        "search articles": lambda: ("/api/search", {"q": rng.choice(PLACES).replace("_", " ")}),
        "map points (country, 30 days)": lambda: (
            "/api/points",
            {"country": country(), **window(), "limit": 5000},
        ),
    }


EVENT_QUERIES = (
    "list", "deep", "country", "date", "sub", "actor", "admin1", "text", "combined", "one",
)  # fmt: skip


def measure(base: str, places: list[dict], reps: int) -> dict:
    rng = random.Random(11)
    out = {}
    all_event_queries: list[float] = []
    common_excluded: list[float] = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(5):  # warm the server's connections and page cache
            client.get("/api/events", params={"limit": 50})
        for name, make in _queries(rng, places).items():
            times = []
            for _ in range(reps):
                path, params = make()
                started = time.perf_counter()
                r = client.get(path, params=params)
                times.append((time.perf_counter() - started) * 1000)
                if r.status_code != 200:
                    raise RuntimeError(f"{path} {params}: {r.status_code} {r.text[:200]}")
            times.sort()
            p50 = statistics.median(times)
            p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
            out[name] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
            if name.startswith(EVENT_QUERIES):
                all_event_queries += times
                if name != "text (word in most articles)":
                    common_excluded += times
            print(f"   {name:38s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms", flush=True)
    out["all event queries"] = _summary(all_event_queries)
    out["event queries but stopword-like text"] = _summary(common_excluded)
    return out


def _summary(times: list[float]) -> dict:
    times = sorted(times)
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1)}


def main() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "web.db")
        started = time.perf_counter()
        built = build(db, N)
        build_s = time.perf_counter() - started
        print(
            f"   store: {built['events']} fused events, {built['articles']} articles"
            f" ({build_s:.0f} s to generate)",
            flush=True,
        )
        proc, base = _serve(db)
        try:
            figures = measure(base, built["places"], REPS)
        finally:
            proc.terminate()
            proc.wait(10)
    for name in ("all event queries", "event queries but stopword-like text"):
        total = figures[name]
        verdict = "met" if total["p95_ms"] < AIM_P95_MS else "NOT met"
        print(
            f"   {name}: p50 {total['p50_ms']} ms, p95 {total['p95_ms']} ms"
            f" (aim p95 < {AIM_P95_MS:.0f} ms: {verdict})"
        )
    return {"events": N, "articles": built["articles"], "requests_per_kind": REPS, **figures}


if __name__ == "__main__":
    main()
