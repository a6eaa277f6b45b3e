"""Kill soak: SIGKILL ``rasd ingest`` 200 times at random moments, restart,
and compare the store with an uninterrupted run's.

Kills come in rounds (SOAK_PER_ROUND, 10) on a fresh store, each ended by
a run left to finish, so every kill lands on a store still being filled.
After each round every article and every event (article events and fused events) must be
stored exactly once, the fused events must be those of the uninterrupted
run, and ``PRAGMA integrity_check`` must pass. The harness is
``tests/hostile/killing.py`` (the test kills 20 times). Sizes: SOAK_KILLS
(200), SOAK_ARTICLES (100), SOAK_BATCH (5 articles per transaction).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from rasd.ingest.synthetic import write_jsonl
from tests.hostile.killing import kill_rounds, run_ingest, snapshot, startup_seconds


def main() -> dict:
    kills = int(os.environ.get("SOAK_KILLS", "200"))
    n = int(os.environ.get("SOAK_ARTICLES", "100"))
    batch = int(os.environ.get("SOAK_BATCH", "5"))
    per_round = int(os.environ.get("SOAK_PER_ROUND", "10"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src = write_jsonl(root / "corpus.jsonl", n, seed=21, target_chars=1500)
        took, _ = run_ingest(src, root / "ref.db", batch)
        startup = startup_seconds(root)
        ref = snapshot(root / "ref.db")
        t0 = time.perf_counter()
        log = kill_rounds(
            src,
            root,
            ref,
            kills=kills,
            per_round=per_round,
            min_delay=0.5 * startup,
            max_delay=took,
            batch_size=batch,
            seed=7,
        )
        found = log.problems
        soak = time.perf_counter() - t0
    figures = {
        "kills": log.kills,
        "rounds": log.rounds,
        "runs": log.runs,
        "runs_finished_before_their_kill": log.finished_early,
        "kills_after_storing_some_articles": log.while_storing,
        "kills_leaving_events_not_yet_fused": log.before_fusing,
        "startup_s": round(startup, 1),
        "articles": len(ref["article_ids"]),
        "article_events": len(ref["article_events"]),
        "fused_events": len(ref["events"]),
        "uninterrupted_run_s": round(took, 1),
        "soak_s": round(soak, 1),
        "problems": found,
    }
    print(
        f"  {log.kills} kills survived in {log.rounds} rounds of {log.runs} runs"
        f" ({n} articles, {len(ref['article_events'])} article events,"
        f" {len(ref['events'])} fused events; {log.while_storing} kills after storing"
        f" some articles, {log.before_fusing} leaving stored events not yet fused): "
        + ("every store identical to an uninterrupted run's" if not found else "; ".join(found))
    )
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "soak.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    return figures


if __name__ == "__main__":
    print(json.dumps(main(), indent=2, ensure_ascii=False))
