"""An ingest killed (SIGKILL) in the middle and run again stores every article exactly once."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from rasd.ingest.synthetic import write_jsonl
from rasd.store import open_store

N = 600


def count(db) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # schema not there yet
        return 0


def start_ingest(src, db):
    return subprocess.Popen(
        [sys.executable, "-m", "rasd", "ingest", str(src), "--db", str(db), "--batch-size", "20"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_killed_ingest_resumes_without_duplicates(tmp_path):
    src = write_jsonl(tmp_path / "corpus.jsonl", N, seed=11)
    db = tmp_path / "r.db"
    kills = 0
    for wanted in (40, 200, 400):  # kill at three different depths
        proc = start_ingest(src, db)
        deadline = time.monotonic() + 120
        while count(db) < wanted and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        proc.stderr.close()
    assert kills >= 1
    final = start_ingest(src, db)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err
    with open_store(str(db)) as store:
        assert store.integrity_ok()
        assert store.stats()["articles"] == N
        fts = store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == N
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        assert len(set(ids)) == N
    assert f"{N} articles" in err and "0 updated" in err
