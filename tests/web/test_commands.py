"""``rasd user add|list`` and ``rasd serve`` as a user runs them, on a
SQLite file and on a PostgreSQL database."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.fuse.backend import backend
from rasd.store import open_store
from rasd.web import auth
from tests.web.conftest import EDITOR, STORES, make_db, new_store


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.mark.parametrize("kind", STORES)
def test_user_add_hashes_and_lists(request, kind, tmp_path):
    db = new_store(request, kind, tmp_path / "u.db")
    r = run(
        "user",
        "add",
        "hala",
        "--role",
        "editor",
        "--password-stdin",
        "--db",
        db,
        stdin="a long pass phrase\n",
    )
    assert r.exit_code == 0, r.output
    with open_store(db) as st:
        (stored,) = backend(st).one("SELECT password FROM users WHERE name = 'hala'")
        assert stored.startswith("scrypt$") and "a long pass phrase" not in stored
        assert auth.authenticate(st, "hala", "a long pass phrase") == auth.User("hala", "editor")
        assert auth.authenticate(st, "hala", "wrong pass phrase") is None
    listed = run("user", "list", "--db", db)
    assert listed.exit_code == 0 and listed.output.startswith("hala\teditor\t")


@pytest.mark.parametrize("kind", STORES)
def test_user_add_refuses_short_passwords_and_unknown_roles(request, kind, tmp_path):
    db = new_store(request, kind, tmp_path / "u.db")
    short = run("user", "add", "x", "--password-stdin", "--db", db, stdin="short\n")
    assert short.exit_code == 2
    role = run(
        "user",
        "add",
        "x",
        "--role",
        "admin",
        "--password-stdin",
        "--db",
        db,
        stdin="long enough password\n",
    )
    assert role.exit_code == 2
    with open_store(db) as st:
        assert auth.list_users(st) == []


@pytest.mark.parametrize("kind", STORES)
def test_serve_answers_on_loopback(request, kind, tmp_path):
    db = make_db(new_store(request, kind, tmp_path / "s.db"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rasd = Path(sys.executable).with_name("rasd")
    proc = subprocess.Popen(
        [str(rasd), "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                body = httpx.get(base + "/api/events", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.1)
        assert body["total"] == 4
        assert httpx.get(base + "/", timeout=2).headers["x-frame-options"] == "DENY"
        with httpx.Client(base_url=base, timeout=10) as c:  # an editor reviews
            r = c.post("/api/login", json={"name": EDITOR[0], "password": EDITOR[1]})
            head = {"X-CSRF-Token": r.json()["csrf"]}
            r = c.post("/api/events/ev-conoco/review", json={"action": "confirm"}, headers=head)
            assert r.status_code == 200, r.text
            assert c.get("/api/events/ev-conoco").json()["review"]["status"] == "confirmed"
    finally:
        proc.terminate()
        proc.wait(10)
    assert f"http://127.0.0.1:{port}/" in proc.stderr.read().decode()
