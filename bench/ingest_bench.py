"""Ingest throughput: read, clean and store generated articles.

10,000 articles of about 3,500 characters in the scraped-page shape, as
JSONL, into a fresh SQLite file, in this one process (so the figure is per
core). Reports the whole job and the share spent in reading+pipeline vs
the store.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from rasd.ingest import read
from rasd.ingest.synthetic import write_jsonl
from rasd.pipeline import DEFAULT, Pipeline
from rasd.store import api, open_store

N = 10_000


def main(n: int = N) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = write_jsonl(Path(tmp) / "corpus.jsonl", n, seed=7)
        pipeline = Pipeline(DEFAULT)
        t0 = time.perf_counter()
        articles = [pipeline(a) for a in read([str(src)]) if not isinstance(a, Exception)]
        t_pipeline = time.perf_counter() - t0
        store = open_store(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        for i in range(0, len(articles), api.BATCH_SIZE):
            store.put_articles(articles[i : i + api.BATCH_SIZE])
        t_store = time.perf_counter() - t0
        store.close()
        report = api.ingest([str(src)], str(Path(tmp) / "full.db"))
        rerun = api.ingest([str(src)], str(Path(tmp) / "full.db"))
    return {
        "articles": report.articles,
        "chars_per_article": round(src_chars(articles)),
        "ingest_articles_per_s_per_core": round(report.articles / report.seconds),
        "read_pipeline_articles_per_s": round(len(articles) / t_pipeline),
        "store_articles_per_s": round(len(articles) / t_store),
        "rerun_unchanged": rerun.unchanged,
        "rerun_articles_per_s": round(rerun.articles / rerun.seconds),
        "stages": list(DEFAULT),
    }


def src_chars(articles) -> float:
    return sum(len(a.text) for a in articles) / max(1, len(articles))


if __name__ == "__main__":
    print(main())
