"""PostgreSQL specifics: several ingest processes at once, URLs, search syntax."""

import subprocess
import sys

import pytest

from rasd.errors import StoreError
from rasd.ingest.synthetic import write_jsonl
from rasd.store import open_store
from rasd.store.postgres import tsquery


def test_concurrent_ingests_store_each_article_once(pg_server, tmp_path):
    url = pg_server.new_database()
    a = write_jsonl(tmp_path / "a.jsonl", 150, seed=5)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "rasd", "ingest", str(a), "--db", url, "--batch-size", "10"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    with open_store(url) as store:
        assert store.stats()["articles"] == 150
        assert store.integrity_ok()
    new = sum(int(e.split("(")[1].split(" new")[0]) for e in errors)
    assert new == 150  # each article was new to exactly one process


def test_bad_url_is_a_clear_error(pg_server):
    with pytest.raises(StoreError, match="cannot connect") as err:
        open_store(f"postgresql://postgres:secret@127.0.0.1:{pg_server.port}/no_such_db")
    assert "secret" not in str(err.value)


def test_tsquery_quotes_words():
    q = tsquery("الموصل O'Brien")
    assert "'الموصل'" in q and "'بالموصل'" in q and "('o') & ('brien')" in q
