"""The Dask engine on a real LocalCluster with 2 workers."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from rasd.ingest.synthetic import write_jsonl
from rasd.store import api, open_store
from rasd.store.dask_engine import ingest_dask, plan

pytest.importorskip("dask.distributed")


@pytest.fixture
def corpus(tmp_path):
    src = write_jsonl(tmp_path / "corpus.jsonl", 120, seed=3)
    lines = src.read_text(encoding="utf-8").splitlines()
    lines.insert(99, "{broken")  # line 100 of the file
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    other = tmp_path / "pages"
    other.mkdir()
    (other / "a.txt").write_text("27 تموز , 2024\nعنوان\nسقطت صواريخ على قاعدة حرير.\n")
    (other / "empty.txt").write_bytes(b"")
    return src, other


def test_plan_cuts_big_jsonl_into_line_aligned_ranges(corpus):
    src, other = corpus
    parts, errors = plan([str(src), str(other)], target_bytes=64 * 1024)
    ranges = [p for p in parts if p.end is not None]
    assert len(ranges) > 3 and not errors
    assert ranges[0].start == 0 and ranges[-1].end == src.stat().st_size
    for a, b in zip(ranges, ranges[1:], strict=False):
        assert a.end == b.start
    data = src.read_bytes()
    for p in ranges[1:]:
        assert data[p.start - 1 : p.start] == b"\n"
        assert p.first_line == data[: p.start].count(b"\n") + 1
    assert len({p.key for p in parts}) == len(parts)


def test_dask_matches_local_engine(corpus, tmp_path):
    src, other = corpus
    rejected = []
    with open_store(str(tmp_path / "dask.db")) as store:
        report = ingest_dask(
            [str(src), str(other)],
            store,
            workers=2,
            target_bytes=64 * 1024,
            on_reject=rejected.append,
        )
        dask_ids = {a.id for a in store.articles()}
    local = api.ingest([str(src), str(other)], str(tmp_path / "local.db"))
    with open_store(str(tmp_path / "local.db")) as store:
        local_ids = {a.id for a in store.articles()}
    assert report.new == local.new == 121
    assert dask_ids == local_ids
    assert any(r.startswith(f"{src}:100: not JSON") for r in rejected), rejected
    assert any(r.startswith(str(other / "empty.txt")) for r in rejected)
    assert sorted(rejected) == sorted(local.rejected)


def test_killed_dask_run_resumes(tmp_path):
    src = write_jsonl(tmp_path / "corpus.jsonl", 1500, seed=4)
    db = tmp_path / "r.db"
    cmd = [sys.executable, "-m", "rasd", "ingest", str(src), "--engine", "dask", "--db", str(db)]
    env = dict(os.environ, RASD_DASK_PARTITION_BYTES=str(256 * 1024))
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 120
    done = 0
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                done = conn.execute("SELECT count(*) FROM ingest_partitions").fetchone()[0]
        except sqlite3.OperationalError:
            done = 0
        if done >= 2:
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait()
    proc.stderr.close()
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert done >= 2, "the run ended before it could be killed"
    assert "resuming" in rerun.stderr
    with open_store(str(db)) as store:
        assert store.stats()["articles"] == 1500
        assert store.integrity_ok()
        parts = store.conn.execute("SELECT sum(articles) FROM ingest_partitions").fetchone()[0]
        assert parts >= 1500
    summary = json.dumps(rerun.stderr)
    assert "0 updated" in summary
