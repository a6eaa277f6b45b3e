"""Load (short): 10 clients for 3 s against ``rasd serve`` on loopback,
reads and editor writes mixed: no errors and no lost edits.
The full run (50 clients, 30 s) is ``bench/load_bench.py``."""

from __future__ import annotations

import pytest

from tests.hostile.loading import lost_edits, make_store, run_load, serving


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("load") / "load.db"
    make_store(db, n_articles=30)
    with serving(db) as address:
        yield address


def test_ten_clients_three_seconds_no_errors_no_lost_edits(server):
    host, port = server
    result = run_load(host, port, clients=10, seconds=3, editors=4, seed=1)
    assert result.errors == []
    assert result.requests > 20
    assert result.edits, "no edit got through"
    assert lost_edits(host, port, result.edits) == []


def test_write_heavy_mix_no_errors_no_lost_edits(server):
    """Ten editors writing most of the time. Before the fix (a store per
    worker thread, but FastAPI resolves a request's dependencies and runs
    its endpoint in different threads, so two requests shared a connection)
    this gave "database is locked" 500s within the three seconds."""
    host, port = server
    result = run_load(host, port, clients=10, seconds=3, editors=10, write_share=0.8, seed=2)
    assert result.errors == []
    assert len(result.edits) > 10
    assert lost_edits(host, port, result.edits) == []
