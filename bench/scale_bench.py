"""Scale-out figures: Dask with 1 and 2 workers, SQLite vs PostgreSQL, WARC memory.

- the same generated corpus ingested by the local engine into SQLite and
  into PostgreSQL (a real server this benchmark starts), and by the Dask
  engine with 1 and 2 workers (a LocalCluster each);
- the peak memory (max RSS) of a process reading a generated WARC file of
  ``RASD_BENCH_WARC_MB`` megabytes (default 1024) through the readers.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from rasd.ingest.synthetic import corpus, write_jsonl
from rasd.store import api, open_store

N = int(os.environ.get("RASD_BENCH_SCALE_N", 2000))
WARC_MB = int(os.environ.get("RASD_BENCH_WARC_MB", 1024))


def _rate(report) -> float:
    return round(report.articles / report.seconds, 1)


def engines(tmp: Path) -> dict:
    from rasd.store.dask_engine import ingest_dask

    src = write_jsonl(tmp / "corpus.jsonl", N, seed=21)
    out: dict = {"articles": N}
    out["local_sqlite_articles_per_s"] = _rate(api.ingest([str(src)], str(tmp / "local.db")))
    for workers in (1, 2):
        with open_store(str(tmp / f"dask{workers}.db")) as store:
            started = time.perf_counter()
            report = ingest_dask([str(src)], store, workers=workers, target_bytes=2 << 20)
            out[f"dask_{workers}_workers_articles_per_s"] = round(
                report.articles / (time.perf_counter() - started), 1
            )
    out["dask_speedup_2_vs_1"] = round(
        out["dask_2_workers_articles_per_s"] / out["dask_1_workers_articles_per_s"], 2
    )
    try:
        from tests.pgserver import PgServer, binaries
    except ImportError:
        binaries = None  # type: ignore[assignment]
    if binaries is not None and binaries() is not None:
        server = PgServer()
        try:
            url = server.new_database()
            out["local_postgresql_articles_per_s"] = _rate(api.ingest([str(src)], url))
            with open_store(url) as store:
                out["dask_2_workers_postgresql_articles_per_s"] = round(
                    N
                    / _timed(
                        lambda: ingest_dask([str(src)], store, workers=2, target_bytes=2 << 20)
                    ),
                    1,
                )
        finally:
            server.stop()
    return out


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


PAGE = (
    "<html><head><title>{title}</title>"
    '<meta property="article:published_time" content="2024-07-{day:02d}T08:00:00Z"></head>'
    "<body><nav>{nav}</nav><article><h1>{title}</h1>{paras}</article>"
    "<script>{script}</script><footer>footer</footer></body></html>"
)


def write_warc(path: Path, megabytes: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts = corpus(200, seed=5)
    bodies = []
    for i, text in enumerate(texts):
        lines = text.splitlines()
        paras = "".join(f"<p>{ln}</p>" for ln in lines[2:])
        # padding like real pages: navigation and inline scripts
        bodies.append(
            PAGE.format(
                title=lines[1], day=1 + i % 28, paras=paras, nav="رابط " * 400, script="x=1;" * 4000
            ).encode()
        )
    target = megabytes << 20
    written = 0
    n = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        while written < target:
            body = bodies[n % len(bodies)] + f"<!-- {n} -->".encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = writer.create_warc_record(
                f"https://news.example/{n}", "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)
            written += len(body)
            n += 1
    return n


READ_WARC = """
import resource, sys, time
from rasd.ingest import read
from rasd.model import Article
t = time.perf_counter()
n = sum(1 for a in read([sys.argv[1]]) if isinstance(a, Article))
print(n, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def warc_memory(tmp: Path) -> dict:
    path = tmp / "crawl.warc"
    records = write_warc(path, WARC_MB)
    size = path.stat().st_size
    proc = subprocess.run(
        [sys.executable, "-c", READ_WARC, str(path)], capture_output=True, text=True, check=True
    )
    n, seconds, maxrss_kb = proc.stdout.split()
    return {
        "warc_mb": round(size / 2**20),
        "warc_records": records,
        "warc_articles_read": int(n),
        "warc_read_seconds": round(float(seconds), 1),
        "warc_read_mb_per_s": round(size / 2**20 / float(seconds), 1),
        "warc_peak_rss_mb": round(int(maxrss_kb) / 1024, 1),
    }


def main() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = engines(Path(tmp))
        out.update(warc_memory(Path(tmp)))
    out["cores"] = os.cpu_count()
    out["driver_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(out)
    return out


if __name__ == "__main__":
    main()
