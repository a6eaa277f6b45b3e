"""Load on the HTTP API: 50 clients for 30 s on loopback, reads and editor
writes mixed; no errors, no lost edits, latency percentiles.

A store of generated articles (their events fused) is served by a
``rasd serve`` process; each client is a thread with one keep-alive
connection (``tests/hostile/loading.py`` has the workload and the lost-edit
check). Sizes: LOAD_CLIENTS (50), LOAD_SECONDS (30), LOAD_EDITORS (10 of
the clients also write), LOAD_ARTICLES (200). The clients and the server
share the machine, so the figures are for both on the same cores.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from tests.hostile.loading import lost_edits, make_store, run_load, serving


def main() -> dict:
    clients = int(os.environ.get("LOAD_CLIENTS", "50"))
    seconds = float(os.environ.get("LOAD_SECONDS", "30"))
    editors = int(os.environ.get("LOAD_EDITORS", "10"))
    n_articles = int(os.environ.get("LOAD_ARTICLES", "200"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        make_store(db, n_articles=n_articles)
        built = time.perf_counter() - t0
        with serving(db) as (host, port):
            result = run_load(host, port, clients=clients, seconds=seconds, editors=editors)
            lost = lost_edits(host, port, result.edits)
    figures = result.figures()
    figures.update(
        {
            "editors": editors,
            "articles": n_articles,
            "store_built_s": round(built, 1),
            "lost_edits": len(lost),
            "error_samples": result.errors[:5],
            "lost_samples": lost[:5],
        }
    )
    print(
        f"  {clients} clients ({editors} editors) for {figures['seconds']} s: "
        f"{figures['requests']} requests ({figures['requests_per_s']}/s), "
        f"{figures['errors']} errors, {figures['edits']} edits, {len(lost)} lost; "
        f"p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms"
    )
    for kind, k in figures["by_kind"].items():
        print(f"    {kind:16} n={k['n']:6}  p50 {k['p50_ms']:7} ms  p95 {k['p95_ms']:7} ms")
    for line in result.errors[:5] + lost[:5]:
        print(f"    ! {line}")
    _save("load", figures)
    return figures


def _save(name: str, figures: dict) -> None:
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    print(json.dumps(main(), indent=2, ensure_ascii=False))
