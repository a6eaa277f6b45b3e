"""Security: authorisation on every write endpoint, CSRF, injection in every
filter (API and CLI), path traversal in exports and static files, XSS in
article text and titles (returned as data, under a strict CSP)."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from rasd.store import api, open_store
from tests.hostile.corpus import GOOD, OTHER

EDITOR = ("sec-editor", "sec-editor-pass")
VIEWER = ("sec-viewer", "sec-viewer-pass")
XSS_TITLE = '<script>alert("t")</script><img src=x onerror=alert(1)>'
XSS_TEXT = GOOD + '<img src=x onerror="alert(2)"> <svg onload=alert(3)> javascript:alert(4)\n'
INJECTIONS = [
    "' OR 1=1 --",
    '" OR ""="',
    "x'; DROP TABLE events; --",
    "%' OR '%'='",
    "1) OR (1=1",
    "* OR *",
    'NEAR("a" "b")',
    '"unbalanced',
    "title:x OR body:*",
    "^x AND -y",
    "\\x00\x00nul",
    "a" * 5000,
    "../../etc/passwd",
    '{"$ne": null}',
    "\u202eelbat pord",
]
FILTERS = ["from", "to", "country", "admin1", "type", "sub_type", "actor", "claim", "text"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    import rasd.web.schema  # noqa: F401
    from rasd.web import auth

    root = tmp_path_factory.mktemp("sec")
    src = root / "in.jsonl"
    records = [
        {"id": "xss", "title": XSS_TITLE, "text": XSS_TEXT, "source": "<b>src</b>"},
        {"id": "plain", "title": "خبر", "text": OTHER},
    ]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    path = root / "sec.db"
    with open_store(str(path)) as store:
        report = api.ingest([str(src)], store)
        assert not report.rejected, report.rejected
        auth.add_user(store.conn, *EDITOR, "editor")
        auth.add_user(store.conn, *VIEWER, "viewer")
    return path


@pytest.fixture(scope="module")
def app(db):
    from rasd.web.app import create_app

    return create_app(str(db))


def client(app, who=None) -> tuple[TestClient, str | None]:
    c = TestClient(app, base_url="http://testserver")
    token = None
    if who is not None:
        r = c.post("/api/login", json={"name": who[0], "password": who[1]})
        assert r.status_code == 200, r.text
        token = r.json()["csrf"]
    return c, token


def write_routes(app) -> list[tuple[str, str]]:
    out = []
    for route in app.routes:
        for method in sorted(getattr(route, "methods", None) or ()):
            if method in ("POST", "PUT", "PATCH", "DELETE") and route.path not in (
                "/api/login",
                "/api/logout",
            ):
                out.append((method, route.path))
    return out


def an_event(app) -> str:
    c, _ = client(app)
    events = c.get("/api/events").json()["events"]
    assert events
    return events[0]["event_id"]


def reviews_count(db) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


# --- authorisation and CSRF ----------------------------------------------------


def test_there_are_write_endpoints_to_check(app):
    assert ("POST", "/api/events/{event_id}/review") in write_routes(app)


def test_every_write_endpoint_refuses_anonymous_viewer_and_missing_csrf(app, db):
    event = an_event(app)
    before = reviews_count(db)
    anon, _ = client(app)
    viewer, viewer_token = client(app, VIEWER)
    editor, editor_token = client(app, EDITOR)
    body = {"action": "confirm", "note": "should not be stored"}
    for method, path in write_routes(app):
        url = path.replace("{event_id}", event)
        attempts = {
            "anonymous": anon.request(method, url, json=body),
            "anonymous+token": anon.request(
                method, url, json=body, headers={"X-CSRF-Token": editor_token}
            ),
            "viewer": viewer.request(
                method, url, json=body, headers={"X-CSRF-Token": viewer_token}
            ),
            "editor without token": editor.request(method, url, json=body),
            "editor, forged token": editor.request(
                method, url, json=body, headers={"X-CSRF-Token": "A" * 43}
            ),
            "editor, viewer's token": editor.request(
                method, url, json=body, headers={"X-CSRF-Token": viewer_token}
            ),
        }
        for who, r in attempts.items():
            assert r.status_code in (401, 403), (method, path, who, r.status_code, r.text)
    assert reviews_count(db) == before
    # the control: the editor with the token gets through
    r = editor.post(
        f"/api/events/{event}/review", json=body, headers={"X-CSRF-Token": editor_token}
    )
    assert r.status_code == 200, r.text
    assert reviews_count(db) == before + 1


def test_session_cookie_is_httponly_and_samesite_strict(app):
    c = TestClient(app)
    r = c.post("/api/login", json={"name": EDITOR[0], "password": EDITOR[1]})
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_cross_site_form_posts_are_refused(app, db):
    event = an_event(app)
    editor, _ = client(app, EDITOR)
    before = reviews_count(db)
    for ctype, data in (
        ("application/x-www-form-urlencoded", "action=confirm"),
        ("text/plain", '{"action": "confirm"}'),
        (
            "multipart/form-data; boundary=x",
            '--x\r\nContent-Disposition: form-data; name="action"\r\n\r\nconfirm\r\n--x--',
        ),
    ):
        r = editor.post(
            f"/api/events/{event}/review",
            content=data,
            headers={"Content-Type": ctype, "Origin": "http://evil.example"},
        )
        assert r.status_code in (401, 403, 415, 422), (ctype, r.status_code)
    assert reviews_count(db) == before
    r = editor.post(
        "/api/login",
        json={"name": EDITOR[0], "password": EDITOR[1]},
        headers={"Origin": "http://evil.example"},
    )
    assert r.status_code == 403


def test_no_cors_grant_to_other_origins(app):
    c, _ = client(app)
    r = c.get("/api/events", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    r = c.options(
        "/api/events/x/review",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in r.headers


def test_reads_do_not_write(app):
    c, _ = client(app, EDITOR)
    event = an_event(app)
    assert c.get(f"/api/events/{event}/review").status_code == 405


# --- injection -------------------------------------------------------------------


@pytest.mark.parametrize("name", FILTERS)
def test_injection_in_every_api_filter(app, db, name):
    c, _ = client(app)
    total = c.get("/api/events").json()["total"]
    tables = _tables(db)
    for payload in INJECTIONS:
        for path in ("/api/events", "/api/points", "/api/export"):
            r = c.get(path, params={name: payload})
            assert r.status_code in (200, 422), (path, name, payload, r.status_code, r.text[:200])
            if r.status_code == 200 and path == "/api/events":
                got = r.json()["total"]
                assert got == 0 or (name == "text" and got <= total), (name, payload, got)
    r = c.get("/api/search", params={"q": INJECTIONS[0]})
    assert r.status_code == 200
    for payload in INJECTIONS:
        r = c.get("/api/search", params={"q": payload[:500]})
        assert r.status_code in (200, 422), (payload, r.status_code, r.text[:200])
        if r.status_code == 200:
            assert all(a["id"] in ("xss", "plain") for a in r.json()["articles"])
    assert _tables(db) == tables
    assert c.get("/api/events").json()["total"] == total


def _tables(db) -> list[tuple[str, int]]:
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return sorted(
            (n, conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0])
            for n in names
            if n != "reviews"
        )
    finally:
        conn.close()


def rasd(*args, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "rasd", *map(str, args)], capture_output=True, timeout=timeout
    )


CLI_FILTERS = [
    "--from",
    "--to",
    "--country",
    "--admin1",
    "--type",
    "--sub-type",
    "--actor",
    "--claim",
    "--text",
]


def cli(*args):
    """Run a rasd command in this process (fast; the subprocess path is
    covered by the other CLI tests): (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from rasd.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_injection_in_every_cli_filter(db):
    tables = _tables(db)
    payloads = [p for p in INJECTIONS if "\x00" not in p]  # argv cannot carry NUL
    for flag in CLI_FILTERS:
        for p in payloads:
            code, out, err = cli("events", "--db", db, flag, p, "--format", "jsonl")
            assert code in (0, 1, 2), (flag, p, code, err)
            if flag != "--text":
                assert out == "", (flag, p)
    for p in payloads:
        for cmd in (["search", p], ["articles", "--source", p]):
            code, out, err = cli(*cmd, "--db", db)
            assert code in (0, 1, 2), (cmd, code, err)
            if cmd[0] == "articles":
                assert out == ""
    # one through a real process, to see no traceback reaches the user
    r = rasd("events", "--db", db, "--country", INJECTIONS[0], "--format", "jsonl")
    assert r.returncode == 0 and r.stdout == b"" and b"Traceback" not in r.stderr
    assert _tables(db) == tables


# --- XSS ---------------------------------------------------------------------------


def test_article_text_and_title_come_back_as_data(app):
    c, _ = client(app)
    r = c.get("/api/articles/xss")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    d = r.json()
    assert d["title"] == XSS_TITLE  # exactly as received: the page must render it as text
    assert d["text"].startswith(GOOD) and 'onerror="alert(2)"' in d["text"]
    hits = c.get("/api/search", params={"q": "عين الأسد"}).json()["articles"]
    assert any(h["title"] == XSS_TITLE for h in hits)


def test_error_messages_echoing_input_are_json(app):
    c, _ = client(app)
    for path in ("/api/articles/<script>alert(1)</script>", "/api/events/<img onerror=x>"):
        r = c.get(path)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    "path", ["/", "/api/events", "/api/articles/xss", "/static/app.css", "/sw.js", "/api/nowhere"]
)
def test_csp_forbids_inline_and_foreign_scripts(app, path):
    c, _ = client(app)
    r = c.get(path)
    csp = r.headers["content-security-policy"]
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in csp.split(";") if d.strip())
    script = directives.get("script-src", directives.get("default-src", ""))
    assert "'self'" in script
    assert "unsafe-inline" not in script and "unsafe-eval" not in script and "*" not in script
    assert directives.get("object-src") == "'none'"
    assert directives.get("frame-ancestors") == "'none'"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_the_page_has_no_inline_script(app):
    c, _ = client(app)
    html = c.get("/").text
    for tag in re.findall(r"<script\b[^>]*>", html, re.I):
        assert "src=" in tag, tag
    assert not re.search(r"\son[a-z]+\s*=", html, re.I), "inline event handler in the page"


# --- path traversal ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fstore%2fsqlite.py",
        "/static/....//app.py",
        "/static/%252e%252e/app.py",
        "/static//etc/passwd",
        "/static/..\\app.py",
    ],
)
def test_static_files_stay_in_their_folder(app, path):
    c, _ = client(app)
    r = c.get(path)
    assert r.status_code in (404, 400, 405), (path, r.status_code)
    assert b"def create_app" not in r.content and b"root:" not in r.content


def test_export_endpoint_names_its_own_file(app):
    c, _ = client(app)
    for fmt in ("csv", "jsonl", "geojson"):
        r = c.get(
            "/api/export",
            params={"format": fmt, "text": "x\r\nSet-Cookie: a=b", "country": "../../x"},
        )
        assert r.status_code == 200
        assert r.headers["content-disposition"] == f'attachment; filename="rasd-events.{fmt}"'
        assert "set-cookie" not in r.headers
    for bad in ("../../etc/passwd", "csv/../../x", "parquet", "csv\r\nX: y"):
        assert c.get("/api/export", params={"format": bad}).status_code == 422


def test_cli_export_writes_exactly_the_file_asked_for(db, tmp_path):
    (tmp_path / "sub").mkdir()
    target = tmp_path / "sub" / ".." / "out.csv"
    r = rasd("export", "--format", "csv", "--db", db, "-o", target)
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "sub"]
    assert list((tmp_path / "sub").iterdir()) == []
    for bad in (tmp_path / "sub", tmp_path / "missing" / "x.csv"):
        r = rasd("export", "--format", "csv", "--db", db, "-o", bad)
        err = r.stderr.decode()
        assert r.returncode == 1 and "Traceback" not in err and str(bad) in err, err
    r = rasd("export", "--format", "parquet", "--db", db, "-o", tmp_path / "sub")
    assert r.returncode == 1 and "Traceback" not in r.stderr.decode(), r.stderr.decode()
