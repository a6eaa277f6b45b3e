"""``rasd ingest https://…``: pages and feeds fetched over http(s), with
loopback, private and link-local addresses refused unless --allow-private.
Tested only against servers on loopback."""

from __future__ import annotations

import contextlib
import http.server
import json
import subprocess
import sys
import threading

import pytest

from rasd.errors import InputError
from rasd.ingest import fetch
from rasd.ingest.fetch import read_url, refusal
from rasd.model import Article
from tests.hostile.corpus import GOOD, OTHER

PAGE = (
    f"<html><head><title>عنوان</title></head><body><article><p>{GOOD}</p></article></body></html>"
)
FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة</title>'
    f"<item><title>خبر</title><link>http://news.invalid/1</link><description>{OTHER}</description></item>"
    "</channel></rss>"
)


class Handler(http.server.BaseHTTPRequestHandler):
    redirect_to = ""

    def do_GET(self):  # noqa: N802
        routes = {
            "/page.html": ("text/html; charset=utf-8", PAGE.encode()),
            "/feed": ("application/rss+xml", FEED.encode()),
            "/big": ("text/plain", GOOD.encode() * 2000),
        }
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.end_headers()
            return
        if self.path not in routes:
            self.send_error(404)
            return
        ctype, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def server(host: str = "127.0.0.1"):
    srv = http.server.ThreadingHTTPServer((host, 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(scope="module")
def base():
    with server() as url:
        yield url


def rasd(*args):
    return subprocess.run(
        [sys.executable, "-m", "rasd", *map(str, args)], capture_output=True, timeout=300
    )


@pytest.mark.parametrize(
    ("ip", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("127.9.9.9", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.3.4", "private"),
        ("192.168.0.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("fe80::1", "link-local"),
        ("0.0.0.0", "private"),
        ("224.0.0.251", "multicast"),
        ("100.64.0.1", "not a public"),
    ],
)
def test_non_public_addresses_are_refused(ip, why):
    assert why in refusal(ip)


@pytest.mark.parametrize("ip", ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "::ffff:9.9.9.9"])
def test_public_addresses_pass(ip):
    assert refusal(ip) is None


def test_cli_refuses_loopback_urls_without_the_flag(base, tmp_path):
    urls = [f"{base}/page.html", base.replace("127.0.0.1", "localhost") + "/feed"]
    rejects = tmp_path / "rejects.jsonl"
    proc = rasd("ingest", *urls, "--db", tmp_path / "r.db", "--rejects", rejects)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    lines = [ln for ln in err.splitlines() if not ln.startswith("rasd: ")]
    assert len(lines) == 2
    for url, line in zip(urls, lines, strict=True):
        assert line.startswith(f"{url}: refused: ") and "loopback" in line
        assert "--allow-private" in line
    assert [json.loads(r)["input"] for r in rejects.read_text().splitlines()] == urls
    assert "0 articles" in err


def test_cli_fetches_loopback_urls_with_the_flag(base, tmp_path):
    db = tmp_path / "r.db"
    proc = rasd(
        "ingest",
        f"{base}/page.html",
        f"{base}/feed",
        f"{base}/missing",
        "--db",
        db,
        "--allow-private",
    )
    err = proc.stderr.decode()
    assert proc.returncode == 1, err  # the 404
    assert f"{base}/missing: HTTP 404" in err
    out = rasd("articles", "--db", db, "--format", "jsonl").stdout.decode()
    arts = [json.loads(ln) for ln in out.splitlines()]
    assert sorted(a["url"] for a in arts) == sorted([f"{base}/page.html", "http://news.invalid/1"])
    assert {a["title"] for a in arts} == {"عنوان", "خبر"}


@pytest.mark.parametrize(
    "spelling",
    [
        "http://localhost:{port}/page.html",
        "http://127.1:{port}/page.html",
        "http://2130706433:{port}/page.html",
        "http://0x7f000001:{port}/page.html",
        "http://[::ffff:127.0.0.1]:{port}/page.html",
        "http://news.example@127.0.0.1:{port}/page.html",
        "http://0.0.0.0:{port}/page.html",
    ],
)
def test_other_spellings_of_loopback_are_refused(base, spelling):
    url = spelling.format(port=base.rsplit(":", 1)[1])
    items = list(read_url(url, max_bytes=1 << 20))
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert items[0].where == url and "refused" in items[0].reason


def test_redirects_are_checked_too(monkeypatch):
    """A page that redirects to a refused address is refused; the check is
    what stops it (the same redirect is followed when the address is allowed)."""
    with server("127.0.0.1") as first, server("127.0.0.2") as second:
        Handler.redirect_to = f"{second}/page.html"
        monkeypatch.setattr(fetch, "refusal", lambda ip: "x" if ip == "127.0.0.2" else None)
        items = list(read_url(f"{first}/redirect", max_bytes=1 << 20))
        assert isinstance(items[0], InputError) and "refused" in items[0].reason
        monkeypatch.setattr(fetch, "refusal", lambda ip: None)
        items = list(read_url(f"{first}/redirect", max_bytes=1 << 20))
        assert isinstance(items[0], Article) and items[0].url == f"{second}/page.html"


def test_size_cap_and_schemes(base):
    items = list(read_url(f"{base}/big", max_bytes=10_000, allow_private=True))
    assert isinstance(items[0], InputError) and "over the limit" in items[0].reason
    with pytest.raises(InputError, match="not an http"):
        fetch.fetch("file:///etc/passwd", max_bytes=100)
