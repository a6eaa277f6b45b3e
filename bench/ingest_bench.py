"""Ingest throughput: read, clean, segment, split and store generated articles.

10,000 articles of about 3,500 characters in the scraped-page shape
(``rasd.ingest.synthetic``), as JSONL, into a fresh SQLite file, in this
one process (so the figures are per core). The issue-2 figure is
``ingest_articles_per_s_per_core``: reading, the ingest stages
(``rasd.pipeline.INGEST``: segment, clean, sentences, repeats, dateline,
identify) and storing the articles with their full-text index in batches,
with its split into reading+stages and store, and a re-run that finds
every article unchanged. On a smaller corpus: ``rasd ingest`` with the
same stages (``rasd_ingest_*``: adds the fusion pass the store runs after
each batch) and ``rasd ingest`` as shipped (the default pipeline: +
extract + geocode). Wall clock and process CPU time are both given; on a
loaded machine the CPU figure is the steadier one.

``RASD_BENCH_INGEST`` sets the corpus size (10000),
``RASD_BENCH_INGEST_FULL`` the size for the default pipeline (500).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from rasd.ingest import read
from rasd.ingest.synthetic import write_jsonl
from rasd.pipeline import DEFAULT, INGEST, Pipeline
from rasd.store import api, open_store

N = int(os.environ.get("RASD_BENCH_INGEST", "10000"))
N_FULL = int(os.environ.get("RASD_BENCH_INGEST_FULL", "500"))


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main(n: int = N, n_full: int = N_FULL) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = write_jsonl(Path(tmp) / "corpus.jsonl", n, seed=7)
        pipeline = Pipeline(INGEST)
        store = open_store(str(Path(tmp) / "bench.db"))
        spent = {"pipeline": 0.0, "store": 0.0}

        def run() -> list:
            done, batch = [], []
            mark = time.perf_counter()
            for a in read([str(src)]):
                if isinstance(a, Exception):
                    continue
                batch.append(pipeline(a))
                if len(batch) >= api.BATCH_SIZE:
                    now = time.perf_counter()
                    spent["pipeline"] += now - mark
                    store.put_articles(batch)
                    mark = time.perf_counter()
                    spent["store"] += mark - now
                    done += batch
                    batch = []
            now = time.perf_counter()
            spent["pipeline"] += now - mark
            store.put_articles(batch)
            spent["store"] += time.perf_counter() - now
            return done + batch

        articles, t_all, c_all = _timed(run)
        rerun, t_rerun, _ = _timed(lambda: [pipeline(a) for a in read([str(src)])])
        statuses = store.put_articles([a for a in rerun if not isinstance(a, Exception)])
        store.close()
        small = write_jsonl(Path(tmp) / "small.jsonl", n_full, seed=8)
        cli, _, c_cli = _timed(
            lambda: api.ingest([str(small)], str(Path(tmp) / "cli.db"), stages=INGEST)
        )
        full, _, c_full = _timed(lambda: api.ingest([str(small)], str(Path(tmp) / "default.db")))
    k = len(articles)
    figures = {
        "articles": k,
        "chars_per_article": round(src_chars(articles)),
        "stages": list(INGEST),
        "ingest_articles_per_s_per_core": round(k / t_all),
        "ingest_articles_per_cpu_s": round(k / c_all),
        "read_pipeline_articles_per_s": round(k / spent["pipeline"]),
        "store_articles_per_s": round(k / spent["store"]),
        "rerun_unchanged": statuses.count("unchanged"),
        "rerun_read_pipeline_articles_per_s": round(k / t_rerun),
        "rasd_ingest_articles": cli.articles,
        "rasd_ingest_articles_per_s_per_core": round(cli.articles / cli.seconds),
        "rasd_ingest_articles_per_cpu_s": round(cli.articles / c_cli),
        "default_pipeline": list(DEFAULT),
        "default_pipeline_articles_per_s_per_core": round(full.articles / full.seconds),
        "default_pipeline_articles_per_cpu_s": round(full.articles / c_full),
    }
    for key, v in figures.items():
        print(f"   {key}: {v}")
    return figures


def src_chars(articles) -> float:
    return sum(len(a.text) for a in articles) / max(1, len(articles))


if __name__ == "__main__":
    main()
