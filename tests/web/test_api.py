"""The HTTP API against a real server on loopback."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from tests.web.conftest import EDITOR, VIEWER
from tests.web.helpers import XSS


@pytest.fixture
def client(server):
    with httpx.Client(base_url=server, timeout=10) as c:
        yield c


def ids(body) -> list[str]:
    return [e["event_id"] for e in body["events"]]


def test_events_are_fused_and_newest_first(client):
    body = client.get("/api/events").json()
    assert body["total"] == 4  # six articles, four real events
    assert ids(body) == ["ev-ain", "ev-conoco", "ev-review", "ev-xss"]
    assert body["limit"] == 100 and body["offset"] == 0
    assert all(e["schema_version"] == 1 and e["review"] is None for e in body["events"])
    ain = body["events"][0]
    assert ain["article_ids"] == ["a-ain", "a-ain-2"]
    assert {x["article_id"] for x in ain["evidence"]} == {"a-ain", "a-ain-2"}


def test_an_article_level_event_id_finds_its_fused_event(client):
    assert client.get("/api/events/ev-ain-2").json()["event_id"] == "ev-ain"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "SY"}, {"ev-conoco"}),
        ({"from": "2024-07-26", "to": "2024-07-26"}, {"ev-conoco"}),
        ({"from": "2024-07-25"}, {"ev-ain", "ev-conoco"}),
        ({"sub_type": "Air/drone strike"}, {"ev-ain", "ev-xss"}),
        ({"claim": "unclaimed"}, {"ev-ain"}),
        ({"actor": "iri"}, {"ev-ain", "ev-review"}),
        ({"actor": "United States"}, {"ev-ain", "ev-conoco", "ev-review"}),
        ({"admin1": "Erbil"}, {"ev-xss"}),
        ({"country": "IQ", "from": "2024-07-24", "to": "2024-07-27"}, {"ev-ain", "ev-review"}),
        ({"type": "Battles"}, set()),
        ({"text": "كونيكو"}, {"ev-conoco"}),
        ({"text": "الأنبار"}, {"ev-ain"}),
        ({"text": "العراق"}, {"ev-ain"}),  # only the second report of ev-ain says it
        ({"text": "Erbil"}, {"ev-xss"}),
    ],
)
def test_event_filters(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert set(ids(body)) == expected
    assert body["total"] == len(expected)


def test_pagination(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    rest = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == rest["total"] == 4
    assert len(first["events"]) == 2 and len(rest["events"]) == 2
    assert not set(ids(first)) & set(ids(rest))


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 100000}, {"offset": -1}, {"from": "27/07/2024"}, {"to": "x"}],
)
def test_bad_parameters_are_422(client, params):
    assert client.get("/api/events", params=params).status_code == 422


def test_one_event_and_404(client):
    e = client.get("/api/events/ev-conoco").json()
    assert e["location"]["country"] == "SY" and e["weapons"][0]["count"] == 3
    assert client.get("/api/events/nope").status_code == 404


def test_article_with_events_and_segments(client):
    a = client.get("/api/articles/a-xss").json()
    assert a["text"] == XSS  # exactly as stored: escaping is the page's job
    assert [e["event_id"] for e in a["events"]] == ["ev-xss"]
    assert "".join(s["text"] for s in a["segments"]) == XSS
    marked = [s for s in a["segments"] if s["fields"]]
    assert [s["fields"] for s in marked] == [["weapons"], ["location"]]
    assert client.get("/api/articles/nope").status_code == 404


def test_event_articles_highlight_each_article_own_evidence(client):
    body = client.get("/api/events/ev-xss/articles").json()
    by_id = {a["id"]: a for a in body["articles"]}
    assert set(by_id) == {"a-xss", "a-erbil-en"}
    en = [s for s in by_id["a-erbil-en"]["segments"] if s["fields"]]
    assert [(s["text"], s["fields"]) for s in en] == [
        ("A drone", ["weapons"]),
        ("Erbil airport", ["location"]),
    ]
    ar = [s["text"] for s in by_id["a-xss"]["segments"] if s["fields"]]
    assert ar[1] == "مطار أربيل"


def test_search(client):
    body = client.get("/api/search", params={"q": "الموصل"}).json()
    assert body["articles"] == []
    hits = client.get("/api/search", params={"q": "صواريخ"}).json()["articles"]
    assert [h["id"] for h in hits] == ["a-conoco"]
    assert "text" not in hits[0]


def test_stats(client):
    s = client.get("/api/stats").json()
    assert s["articles"] == 6 and s["events"] == 6  # article-level events
    assert s["fused_events"] == 4 and s["multi_article_events"] == 2


def test_points_for_map(client):
    body = client.get("/api/points", params={"country": "IQ"}).json()
    assert {p["id"] for p in body["points"]} == {"ev-ain", "ev-xss", "ev-review"}
    assert body["total"] == 3
    ain = next(p for p in body["points"] if p["id"] == "ev-ain")
    assert (ain["lat"], ain["lon"], ain["date"]) == (33.8, 42.44, "2024-07-27")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson"])
def test_export(client, fmt):
    r = client.get("/api/export", params={"format": fmt, "country": "SY"})
    assert r.status_code == 200
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert [row["event_id"] for row in rows] == ["ev-conoco"]
        assert rows[0]["latitude"] == "35.35"
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in r.text.splitlines()]
        assert [x["event_id"] for x in lines] == ["ev-conoco"]
    else:
        fc = r.json()
        assert fc["features"][0]["geometry"]["coordinates"] == [40.3, 35.35]
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422


def test_openapi_lists_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/search"):
        assert p in paths


@pytest.mark.parametrize("path", ["/", "/api/events", "/static/app.js", "/sw.js"])
def test_security_headers(client, path):
    h = client.get(path).headers
    csp = h["content-security-policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in csp
    assert h["x-frame-options"] == "DENY"
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"


def test_app_shell_manifest_and_service_worker(client):
    assert 'dir="rtl"' in client.get("/").text
    m = client.get("/manifest.webmanifest")
    assert m.headers["content-type"].startswith("application/manifest+json")
    manifest = m.json()
    assert manifest["dir"] == "rtl" and manifest["lang"] == "ar"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    for icon in manifest["icons"]:
        png = client.get(icon["src"])
        assert png.content[:8] == b"\x89PNG\r\n\x1a\n"
        w, h = int.from_bytes(png.content[16:20], "big"), int.from_bytes(png.content[20:24], "big")
        assert f"{w}x{h}" == icon["sizes"]
    sw = client.get("/sw.js")
    assert sw.headers["content-type"].startswith("text/javascript")
    assert "caches" in sw.text


# --- accounts and reviews ------------------------------------------------------


def login(client, name, password):
    r = client.post("/api/login", json={"name": name, "password": password})
    assert r.status_code == 200, r.text
    return r.json()["csrf"]


def test_login_refuses_wrong_password(client):
    r = client.post("/api/login", json={"name": EDITOR[0], "password": "wrong-password"})
    assert r.status_code == 401
    assert client.get("/api/me").json()["user"] is None


def test_editor_corrects_and_history_is_kept(server):
    with httpx.Client(base_url=server, timeout=10) as c:
        csrf = login(c, *EDITOR)
        me = c.get("/api/me").json()
        assert me == {"user": "amal", "role": "editor", "csrf": csrf}
        r = c.post(
            "/api/events/ev-review/review",
            json={"action": "correct", "changes": {"fatalities": 2, "claim_status": "denied"}},
            headers={"X-CSRF-Token": csrf},
        )
        assert r.status_code == 200, r.text
        e = c.get("/api/events/ev-review").json()
        assert e["fatalities"] == 2 and e["claim_status"] == "denied"
        assert e["review"]["status"] == "corrected" and e["review"]["by"] == "amal"
        assert e["review"]["machine"] == {"fatalities": None, "claim_status": "claimed"}
        listed = c.get("/api/events", params={"admin1": "Baghdad"}).json()["events"]
        assert next(x for x in listed if x["event_id"] == "ev-review")["fatalities"] == 2
        # filters and counts see the analyst's value, not the machine's
        denied = c.get("/api/events", params={"claim": "denied"}).json()
        assert ids(denied) == ["ev-review"] and denied["total"] == 1
        assert c.get("/api/events", params={"claim": "claimed"}).json()["total"] == 0
        c.post(
            "/api/events/ev-review/review",
            json={"action": "confirm"},
            headers={"X-CSRF-Token": csrf},
        )
        history = c.get("/api/events/ev-review/reviews").json()["reviews"]
        assert [h["action"] for h in history] == ["correct", "confirm"]
        assert history[0]["before"] == {
            "status": None,
            "fatalities": None,
            "claim_status": "claimed",
        }
        assert history[0]["after"] == {
            "status": "corrected",
            "fatalities": 2,
            "claim_status": "denied",
        }
        kept = c.get("/api/events/ev-review").json()
        assert kept["review"]["status"] == "confirmed" and kept["fatalities"] == 2


@pytest.mark.parametrize(
    "changes",
    [
        {"event_id": "x"},
        {"evidence": []},
        {"fatalities": -1},
        {"event_date": "2024-13-01"},
        {"claim_status": "maybe"},
    ],
)
def test_bad_corrections_are_refused(server, changes):
    with httpx.Client(base_url=server, timeout=10) as c:
        csrf = login(c, *EDITOR)
        r = c.post(
            "/api/events/ev-conoco/review",
            json={"action": "correct", "changes": changes},
            headers={"X-CSRF-Token": csrf},
        )
        assert r.status_code == 400
        assert c.get("/api/events/ev-conoco").json()["review"] is None


def test_changes_need_csrf_session_and_editor_role(server):
    body = {"action": "reject"}
    with httpx.Client(base_url=server, timeout=10) as c:
        assert c.post("/api/events/ev-conoco/review", json=body).status_code == 401
        login(c, *EDITOR)
        assert c.post("/api/events/ev-conoco/review", json=body).status_code == 403
        bad = {"X-CSRF-Token": "forged"}
        assert c.post("/api/events/ev-conoco/review", json=body, headers=bad).status_code == 403
    with httpx.Client(base_url=server, timeout=10) as c:
        csrf = login(c, *VIEWER)
        r = c.post("/api/events/ev-conoco/review", json=body, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 403
    with httpx.Client(base_url=server, timeout=10) as c:
        assert c.get("/api/events/ev-conoco").json()["review"] is None


def test_forged_session_cookie_is_ignored(server):
    with httpx.Client(
        base_url=server, timeout=10, cookies={"rasd_session": "YW1hbA.9999999999.x"}
    ) as c:
        assert c.get("/api/me").json()["user"] is None


def test_cross_origin_login_refused(client):
    r = client.post(
        "/api/login",
        json={"name": EDITOR[0], "password": EDITOR[1]},
        headers={"Origin": "http://evil.example"},
    )
    assert r.status_code == 403
