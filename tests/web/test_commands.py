"""``rasd user add|list`` and ``rasd serve`` as a user runs them."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from rasd.cli import main
from rasd.store import open_store
from rasd.web import auth
from tests.web.conftest import make_db


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_user_add_hashes_and_lists(tmp_path):
    db = str(tmp_path / "u.db")
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
        stored = st.conn.execute("SELECT password FROM users WHERE name = 'hala'").fetchone()[0]
        assert stored.startswith("scrypt$") and "a long pass phrase" not in stored
        assert auth.authenticate(st.conn, "hala", "a long pass phrase") == auth.User(
            "hala", "editor"
        )
        assert auth.authenticate(st.conn, "hala", "wrong pass phrase") is None
    listed = run("user", "list", "--db", db)
    assert listed.exit_code == 0 and listed.output.startswith("hala\teditor\t")


def test_user_add_refuses_short_passwords_and_unknown_roles(tmp_path):
    db = str(tmp_path / "u.db")
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


def test_serve_answers_on_loopback(tmp_path):
    db = make_db(tmp_path / "s.db")
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
    finally:
        proc.terminate()
        proc.wait(10)
    assert f"http://127.0.0.1:{port}/" in proc.stderr.read().decode()
