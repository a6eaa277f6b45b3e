"""Shared fixtures for rasd's tests.

``pg_server``: one real PostgreSQL server for the whole session (started on
first use on a spare loopback port, stopped when the session ends; skipped
where the server binaries are missing). Conftests that re-export it (the
store's, for the fuse tests) get the same server.
"""

from __future__ import annotations

import pytest

_PG: list = []  # the session's server, once started


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server (``tests.pgserver.PgServer``)."""
    from tests.pgserver import PgServer, binaries

    if not _PG:
        if binaries() is None:
            pytest.skip("PostgreSQL server binaries not installed (.ci/run installs them)")
        _PG.append(PgServer())
    return _PG[0]


def pytest_sessionfinish(session, exitstatus):
    while _PG:
        _PG.pop().stop()
