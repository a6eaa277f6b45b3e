"""Fixtures for the fuse tests: the store fixture runs on SQLite and on a
real PostgreSQL server (tests/pgserver.py; skipped where none is installed)."""

from __future__ import annotations

import pytest

import rasd.fuse.schema  # noqa: F401  (registers migration 2 before a store opens)
from rasd.store import open_store
from tests.store.conftest import pg_server  # noqa: F401  (the session's PostgreSQL)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh database of each backend, by URL."""
    if request.param == "sqlite":
        return str(tmp_path / "rasd.db")
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()
