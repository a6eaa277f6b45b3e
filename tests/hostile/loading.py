"""Load on the HTTP API: many clients reading and editors writing at once.

Shared by ``tests/hostile/test_load.py`` (short) and ``bench/load_bench.py``
(full). Everything speaks plain HTTP over loopback to a ``rasd serve``
process, one keep-alive connection per client thread.

Each client loops until the time is up, picking a request: most are reads
(events with filters, one event, its articles and reviews, an article,
search, map points, stats); an editor client also posts corrections, each
with a unique ``fatalities`` value and note, so no edit can be lost
unseen: afterwards every accepted edit must be in its event's review
history exactly once, and the event must show the value of its last edit.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

EDITOR = ("load-editor", "load-editor-pass")
VIEWER = ("load-viewer", "load-viewer-pass")
SEARCHES = ("الأسد", "صواريخ", "طائرة مسيرة", "دير الزور", "قصف")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_store(db: Path, n_articles: int = 60, seed: int = 5) -> None:
    """A store with synthetic articles, their events and two accounts."""
    import rasd.web.schema  # noqa: F401  (the web tables)
    from rasd.ingest.synthetic import write_jsonl
    from rasd.store import api, open_store
    from rasd.web import auth

    src = write_jsonl(db.parent / "load-corpus.jsonl", n_articles, seed=seed, target_chars=1500)
    with open_store(str(db)) as store:
        api.ingest([str(src)], store, batch_size=20)
        auth.add_user(store.conn, *EDITOR, "editor")
        auth.add_user(store.conn, *VIEWER, "viewer")


@contextlib.contextmanager
def serving(db: Path):
    """(host, port) of a ``rasd serve`` process on the store, stopped after."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rasd", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/api/stats")
                if c.getresponse().status == 200:
                    c.close()
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"rasd serve did not start: {proc.stderr.read().decode()}")
            time.sleep(0.2)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


class Client:
    """One keep-alive connection with a cookie jar of one cookie."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.conn = http.client.HTTPConnection(host, port, timeout=60)
        self.cookie: str | None = None
        self.csrf: str | None = None

    def request(self, method: str, path: str, body: object = None) -> tuple[int, bytes]:
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                payload = resp.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()  # a dropped keep-alive connection: reconnect once
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                if attempt == 2:
                    raise
        for k, v in resp.getheaders():
            if k.lower() == "set-cookie" and v.startswith("rasd_session="):
                self.cookie = v.split(";", 1)[0]
        return resp.status, payload

    def login(self, name: str, password: str) -> None:
        status, payload = self.request("POST", "/api/login", {"name": name, "password": password})
        if status != 200:
            raise RuntimeError(f"login failed: {status} {payload[:200]!r}")
        self.csrf = json.loads(payload)["csrf"]


@dataclass
class Result:
    clients: int
    seconds: float
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    edits: list[tuple[str, int, str]] = field(default_factory=list)  # (event, value, note)

    def all_latencies(self) -> list[float]:
        return sorted(x for v in self.latencies.values() for x in v)

    def figures(self) -> dict[str, object]:
        lat = self.all_latencies()
        out: dict[str, object] = {
            "clients": self.clients,
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0,
            "errors": len(self.errors),
            "edits": len(self.edits),
            "p50_ms": pct(lat, 50),
            "p95_ms": pct(lat, 95),
            "p99_ms": pct(lat, 99),
            "max_ms": round(lat[-1] * 1000, 1) if lat else None,
        }
        out["by_kind"] = {
            k: {"n": len(v), "p50_ms": pct(sorted(v), 50), "p95_ms": pct(sorted(v), 95)}
            for k, v in sorted(self.latencies.items())
        }
        return out


def pct(sorted_values: list[float], p: float) -> float | None:
    if not sorted_values:
        return None
    k = min(len(sorted_values) - 1, int(round(p / 100 * (len(sorted_values) - 1))))
    return round(sorted_values[k] * 1000, 1)


def run_load(
    host: str,
    port: int,
    *,
    clients: int,
    seconds: float,
    editors: int,
    write_share: float = 0.3,
    seed: int = 0,
) -> Result:
    """``clients`` threads (``editors`` of them signed in as the editor) for ``seconds``."""
    setup = Client(host, port)
    status, payload = setup.request("GET", "/api/events?limit=200")
    assert status == 200, payload[:200]
    events = [e["event_id"] for e in json.loads(payload)["events"]]
    article_ids = sorted({a for e in json.loads(payload)["events"] for a in e["article_ids"]})
    assert events, "the load store has no events"
    result = Result(clients, seconds)
    lock = threading.Lock()
    counter = iter(range(1, 10**9))
    run = uuid.uuid4().hex[:8]  # notes unique across runs on one store
    stop_at = [0.0]
    start = threading.Barrier(  # the clock starts when every client is ready
        clients + 1, action=lambda: stop_at.__setitem__(0, time.monotonic() + seconds)
    )

    def worker(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        client = Client(host, port)
        is_editor = i < editors
        try:
            if is_editor:
                client.login(*EDITOR)
        except Exception as err:  # noqa: BLE001  (counted, reported)
            with lock:
                result.errors.append(f"login: {err!r}")
        start.wait()
        mine: dict[str, list[float]] = {}
        n = 0
        errors: list[str] = []
        edits: list[tuple[str, int, str]] = []
        while time.monotonic() < stop_at[0]:
            event = rng.choice(events)
            if is_editor and rng.random() < write_share:
                with lock:
                    value = next(counter)
                note = f"load {run}-{i}-{value}"
                kind, method, path = "review", "POST", f"/api/events/{event}/review"
                body: object = {"action": "correct", "changes": {"fatalities": value}, "note": note}
            else:
                body = None
                method = "GET"
                kind, path = rng.choice(
                    [
                        ("events", "/api/events?limit=50"),
                        (
                            "events_filtered",
                            "/api/events?limit=20&type=Explosions%2FRemote%20violence&from=2023-01-01",
                        ),
                        ("event", f"/api/events/{event}"),
                        ("event_articles", f"/api/events/{event}/articles"),
                        ("event_reviews", f"/api/events/{event}/reviews"),
                        ("article", f"/api/articles/{rng.choice(article_ids)}"),
                        ("search", "/api/search?q=" + rng.choice(SEARCHES)),
                        ("points", "/api/points?limit=500"),
                        ("stats", "/api/stats"),
                    ]
                )
            t0 = time.perf_counter()
            try:
                status, payload = client.request(method, quote(path, safe="/?=&%"), body)
            except Exception as err:  # noqa: BLE001  (counted, reported)
                status, payload = -1, repr(err).encode()
            took = time.perf_counter() - t0
            n += 1
            mine.setdefault(kind, []).append(took)
            if status != 200:
                errors.append(f"{method} {path}: {status} {payload[:200]!r}")
            elif kind == "review":
                edits.append((event, value, note))
        with lock:
            result.requests += n
            result.errors.extend(errors)
            result.edits.extend(edits)
            for k, v in mine.items():
                result.latencies.setdefault(k, []).extend(v)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    started = time.monotonic()
    for t in threads:
        t.join(seconds + 120)
    result.seconds = time.monotonic() - started
    return result


def lost_edits(host: str, port: int, edits: list[tuple[str, int, str]]) -> list[str]:
    """Why the accepted ``edits`` are not all in the store (empty: none lost)."""
    client = Client(host, port)
    problems: list[str] = []
    by_event: dict[str, list[tuple[int, str]]] = {}
    for event, value, note in edits:
        by_event.setdefault(event, []).append((value, note))
    for event, mine in by_event.items():
        status, payload = client.request("GET", f"/api/events/{event}/reviews")
        if status != 200:
            problems.append(f"{event}: reviews {status}")
            continue
        history = json.loads(payload)["reviews"]
        notes = [r.get("note") for r in history]
        for _value, note in mine:
            if notes.count(note) != 1:
                problems.append(f"{event}: edit {note!r} found {notes.count(note)} times")
        corrections = [r for r in history if r.get("action") == "correct"]
        status, payload = client.request("GET", f"/api/events/{event}")
        served = json.loads(payload)
        last = corrections[-1]["after"].get("fatalities") if corrections else None
        if served.get("fatalities") != last:
            problems.append(
                f"{event}: serves fatalities {served.get('fatalities')}, last edit {last}"
            )
    return problems
