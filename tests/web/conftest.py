"""Fixtures for the web tests: a temp SQLite store and a real uvicorn server
on a free loopback port, plus a Chromium page when Chromium is installed.
Tests about accounts and reviews run on both stores: ``STORES`` and
``new_store`` give a fresh SQLite file or a fresh database on the session's
real PostgreSQL server (``pg_server``, tests/conftest.py)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

import pytest

from rasd.store import open_store
from tests.web.helpers import articles

EDITOR = ("amal", "editor-pass-1")
VIEWER = ("basim", "viewer-pass-1")
STORES = ["sqlite", "postgresql"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_store(request, kind: str, path: Path) -> str:
    """The URL of an empty store: the SQLite file ``path``, or a new database
    on the session's PostgreSQL server."""
    if kind == "postgresql":
        return request.getfixturevalue("pg_server").new_database()
    return str(path)


def make_db(where: Path | str) -> str:
    """A store with the test articles (fused, as ``rasd ingest`` leaves them)
    and two accounts; ``where`` is a SQLite path or any store URL."""
    import rasd.web.schema  # noqa: F401  (the web tables' migration)
    from rasd.web import auth

    url = str(where)
    with open_store(url) as store:
        batch = articles()
        store.put_articles(batch)
        store.fuse([a.id for a in batch])
        auth.add_user(store, *EDITOR, "editor")
        auth.add_user(store, *VIEWER, "viewer")
    return url


@pytest.fixture(scope="session")
def db_url(tmp_path_factory) -> str:
    return make_db(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def pg_db_url(pg_server) -> str:
    return make_db(pg_server.new_database())


@contextlib.contextmanager
def serving(db_url: str):
    """Base URL of a uvicorn server running the app in a thread, stopped on exit."""
    import uvicorn

    from rasd.web.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port, log_level="error")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session", params=STORES)
def server(request):
    """The session's server over a SQLite store, then over a PostgreSQL one
    (the API tests, accounts and reviews included, run on both)."""
    url = request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_db_url")
    with serving(url) as base:
        yield base
