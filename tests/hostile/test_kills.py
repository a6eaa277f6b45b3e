"""Crash safety: ``rasd ingest`` killed (SIGKILL) at random moments, again
and again, then run to the end, leaves the store an uninterrupted run
leaves: every article and every event (article events and fused events)
exactly once, and ``PRAGMA integrity_check`` passes.

Kills come in rounds of ten on a fresh store, each round ended by a run
left to finish and compared, so every kill lands on a store still being
filled. The test kills 20 times; ``bench/soak_bench.py`` kills 200 times."""

from __future__ import annotations

import pytest

from rasd.ingest.synthetic import write_jsonl
from tests.hostile.killing import kill_rounds, problems, run_ingest, snapshot, startup_seconds

N_ARTICLES = 60
BATCH = 5
KILLS = 20


@pytest.mark.slow
def test_twenty_kills_lose_nothing_and_duplicate_nothing(tmp_path):
    src = write_jsonl(tmp_path / "corpus.jsonl", N_ARTICLES, seed=3, target_chars=1500)
    took, _ = run_ingest(src, tmp_path / "ref.db", BATCH)
    ref = snapshot(tmp_path / "ref.db")
    assert len(ref["article_ids"]) == N_ARTICLES and ref["article_events"] and ref["events"]

    log = kill_rounds(
        src,
        tmp_path,
        ref,
        kills=KILLS,
        per_round=10,
        min_delay=0.5 * startup_seconds(tmp_path),
        max_delay=took,
        batch_size=BATCH,
        seed=1,
    )
    assert log.kills == KILLS, log
    assert log.while_storing > 0, log  # some kills landed while articles were being stored
    assert log.problems == []
    # and once more: a complete run over a complete store changes nothing
    db = tmp_path / "again.db"
    run_ingest(src, db, BATCH)
    _, err = run_ingest(src, db, BATCH)
    assert f"0 new, 0 updated, {N_ARTICLES} unchanged" in err
    assert problems(snapshot(db), ref) == []
