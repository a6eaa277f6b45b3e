"""The review workflow over a real server on loopback: merges and splits,
the history of every change, and reviews that survive re-ingest and
re-fusion (each test gets its own store, SQLite and PostgreSQL alike)."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from rasd.fuse.backend import Backend, backend
from rasd.model import Evidence
from rasd.store import open_store
from rasd.web import reviews
from tests.web.conftest import EDITOR, STORES, VIEWER, make_db, new_store, serving
from tests.web.helpers import ORDER, articles

FUSED_TABLES = (
    "events",
    "event_members",
    "event_aliases",
    "event_history",
    "article_signatures",
    "article_bands",
)


@pytest.fixture(params=STORES)
def store_url(request, tmp_path):
    return make_db(new_store(request, request.param, tmp_path / "reviews.db"))


@pytest.fixture
def editor(store_url):
    """(client signed in as the editor, its CSRF header)."""
    with serving(store_url) as base, httpx.Client(base_url=base, timeout=10) as c:
        r = c.post("/api/login", json={"name": EDITOR[0], "password": EDITOR[1]})
        assert r.status_code == 200
        yield c, {"X-CSRF-Token": r.json()["csrf"]}


def act(client, headers, event_id: str, **body) -> dict:
    r = client.post(f"/api/events/{event_id}/review", json=body, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def ids(client, **params) -> list[str]:
    return [e["event_id"] for e in client.get("/api/events", params=params).json()["events"]]


def test_merge_then_split_back_with_full_history(editor):
    c, h = editor
    merged = act(c, h, "ev-xss", action="merge", events=["ev-review"], note="same night")
    assert merged["event_id"] == "ev-xss"
    assert merged["article_ids"] == ["a-xss", "a-erbil-en", "a-baghdad-en"]
    assert sorted(ids(c)) == ["ev-ain", "ev-conoco", "ev-xss"]
    assert c.get("/api/events/ev-review").json()["event_id"] == "ev-xss"  # the old id resolves
    assert c.get("/api/events", params={"admin1": "Baghdad"}).json()["total"] == 0

    out = act(c, h, "ev-xss", action="split", articles=["a-baghdad-en"])
    assert out["split_off"] == "ev-review"
    assert sorted(ids(c)) == ["ev-ain", "ev-conoco", "ev-review", "ev-xss"]
    assert c.get("/api/events/ev-review").json()["article_ids"] == ["a-baghdad-en"]

    hist = c.get("/api/events/ev-xss/reviews").json()["reviews"]
    assert [x["action"] for x in hist] == ["merge", "split"]
    assert all(x["by"] == "amal" and x["at"] for x in hist)
    assert hist[0]["note"] == "same night"
    assert hist[0]["before"] == {
        "events": {"ev-xss": ["a-xss", "a-erbil-en"], "ev-review": ["a-baghdad-en"]}
    }
    assert hist[0]["after"]["article_ids"] == ["a-xss", "a-erbil-en", "a-baghdad-en"]
    assert hist[1]["after"]["article_ids"] == {
        "ev-xss": ["a-xss", "a-erbil-en"],
        "ev-review": ["a-baghdad-en"],
    }
    assert [x["action"] for x in c.get("/api/events/ev-review/reviews").json()["reviews"]] == [
        "split"
    ]
    fused = c.get("/api/events/ev-xss").json()["history"]
    assert [(x["op"], x["by"]) for x in fused] == [("merge", "amal"), ("split", "amal")]


@pytest.mark.parametrize(
    "body",
    [
        {"action": "merge", "events": []},
        {"action": "merge", "events": ["ev-xss"]},
        {"action": "merge", "events": ["no-such-event"]},
        {"action": "split", "articles": []},
        {"action": "split", "articles": ["a-xss", "a-erbil-en"]},  # all of it
        {"action": "confirm", "changes": {"fatalities": 1}},
        {"action": "delete"},
    ],
)
def test_bad_merges_and_splits_are_refused(editor, body):
    c, h = editor
    r = c.post("/api/events/ev-xss/review", json=body, headers=h)
    assert r.status_code == 400, r.text
    assert sorted(ids(c)) == ["ev-ain", "ev-conoco", "ev-review", "ev-xss"]
    assert c.get("/api/events/ev-xss/reviews").json()["reviews"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"action": "merge", "events": ["ev-review"]},
        {"action": "split", "articles": ["a-erbil-en"]},
        {"action": "correct", "changes": {"fatalities": 9}},
        {"action": "reject"},
    ],
)
def test_every_change_needs_csrf_and_an_editor(store_url, body):
    with serving(store_url) as base:
        with httpx.Client(base_url=base, timeout=10) as c:
            c.post("/api/login", json={"name": EDITOR[0], "password": EDITOR[1]})
            assert c.post("/api/events/ev-xss/review", json=body).status_code == 403
        with httpx.Client(base_url=base, timeout=10) as c:
            r = c.post("/api/login", json={"name": VIEWER[0], "password": VIEWER[1]})
            h = {"X-CSRF-Token": r.json()["csrf"]}
            assert c.post("/api/events/ev-xss/review", json=body, headers=h).status_code == 403
            e = c.get("/api/events/ev-xss").json()
            assert e["review"] is None and e["article_ids"] == ["a-xss", "a-erbil-en"]


def changed(article, text: str, mention_id: str):
    """The article re-published with new text; extraction gives new offsets
    and a new article-level event id."""
    ev = article.events[0]
    evidence = []
    for x in ev.evidence:
        if x.text not in text:
            continue  # the new telling no longer says it
        start = text.index(x.text)
        evidence.append(Evidence(x.article_id, x.field, start, start + len(x.text), x.text))
    new = dataclasses.replace(ev, event_id=mention_id, evidence=evidence)
    return dataclasses.replace(article, text=text, events=[new])


def refuse_from_scratch(url: str) -> None:
    with open_store(url) as st:
        for table in FUSED_TABLES:
            st.conn.execute(f"DELETE FROM {table}")  # noqa: S608  (fixed table names)
        st.fuse(list(ORDER))


def test_reviews_survive_reingest_and_refusion(store_url, editor):
    c, h = editor
    act(c, h, "ev-ain", action="correct", changes={"fatalities": 3, "claim_status": "claimed"})
    act(c, h, "ev-xss", action="split", articles=["a-erbil-en"])
    act(c, h, "ev-conoco", action="merge", events=["ev-review"])
    act(c, h, "ev-conoco", action="reject", note="not one event after all? keep it rejected")

    def check(stage: str) -> None:
        # fusion may rename an event (its earliest report was re-extracted);
        # the id the analyst reviewed still finds it
        ain = c.get("/api/events/ev-ain").json()
        assert (ain["fatalities"], ain["claim_status"]) == (3, "claimed"), stage
        assert ain["review"]["machine"] == {"fatalities": None, "claim_status": "unclaimed"}
        assert ain["review"]["status"] == "corrected" and ain["review"]["by"] == "amal"
        assert ain["article_ids"] == ["a-ain", "a-ain-2"] or stage != "after review"
        assert set(ain["article_ids"]) == {"a-ain", "a-ain-2"}, stage
        # the filters see the analyst's value
        assert ain["event_id"] in ids(c, claim="claimed"), stage
        assert ain["event_id"] not in ids(c, claim="unclaimed"), stage
        assert c.get("/api/events/ev-xss").json()["article_ids"] == ["a-xss"], stage
        split_off = c.get("/api/events/ev-erbil-en").json()
        assert split_off["article_ids"] == ["a-erbil-en"], stage
        conoco = c.get("/api/events/ev-conoco").json()
        assert set(conoco["article_ids"]) == {"a-conoco", "a-baghdad-en"}, stage
        assert conoco["review"]["status"] == "rejected", stage
        assert c.get("/api/events").json()["total"] == 4, stage
        hist = c.get(f"/api/events/{ain['event_id']}/reviews").json()["reviews"]
        assert [x["action"] for x in hist] == ["correct"], stage
        assert hist[0]["before"] == {
            "status": None,
            "fatalities": None,
            "claim_status": "unclaimed",
        }

    check("after review")

    # re-ingest: two articles come back with new text (new offsets, new event ids)
    by_id = {a.id: a for a in articles()}
    again = [
        changed(by_id["a-ain"], by_id["a-ain"].text + " وأكدت مصادر أخرى الهجوم.", "ev-ain-v2"),
        changed(by_id["a-conoco"], "تحديث: " + by_id["a-conoco"].text, "ev-conoco-v2"),
        changed(by_id["a-erbil-en"], "UPDATE. " + by_id["a-erbil-en"].text, "ev-erbil-en"),
    ]
    with open_store(store_url) as st:
        assert st.put_articles(again) == ["updated", "updated", "updated"]
        st.fuse([a.id for a in again])
        (data,) = backend(st).one("SELECT data FROM event_members WHERE mention_id = 'ev-ain-v2'")
        machine = Backend.loads(data)
        assert machine["fatalities"] is None  # the machine's own value is kept apart
    check("after re-ingest")

    refuse_from_scratch(store_url)
    check("after re-fusion from scratch")

    # the machine's view is still there: reopening gives it back
    act(c, h, "ev-ain", action="reopen")
    ain = c.get("/api/events/ev-ain").json()
    assert (ain["fatalities"], ain["claim_status"], ain["review"]) == (None, "unclaimed", None)


def test_reapply_is_idempotent_and_leaves_unreviewed_events_alone(store_url):
    with open_store(store_url) as st:
        rows = lambda: backend(st).rows("SELECT * FROM events ORDER BY event_id")  # noqa: E731
        before = rows()
        assert reviews.reapply(st) == {"links": 0, "moved": 0, "reviewed": 0}
        assert rows() == before


FIELDS = {
    "fatalities": 5,
    "injuries": 7,
    "claim_status": "claimed",
    "time_precision": 2,
    "damage": ["hangar"],
    "weapons": [{"type": "rocket"}],
    "targets": [{"type": "air_base"}],
    "sub_event_type": "Shelling/artillery/missile attack",
}


def test_concurrent_reviews_from_two_servers_and_a_fusion(store_url):
    """Two app servers over one store (each with its own connections and its
    own in-process lock, as two processes), editors reviewing through both at
    once while another connection fuses: every change lands once, in order."""
    from concurrent.futures import ThreadPoolExecutor

    with serving(store_url) as a, serving(store_url) as b:
        clients = [httpx.Client(base_url=base, timeout=60) for base in (a, b, a, b)]
        try:
            with ThreadPoolExecutor(len(clients)) as pool:  # first logins make the secret at once
                logins = list(
                    pool.map(
                        lambda c: c.post(
                            "/api/login", json=dict(zip(("name", "password"), EDITOR, strict=True))
                        ),
                        clients,
                    )
                )
            assert [r.status_code for r in logins] == [200] * len(clients)
            heads = [{"X-CSRF-Token": r.json()["csrf"]} for r in logins]

            def post(i: int, event_id: str, body: dict) -> int:
                k = i % len(clients)
                url = f"/api/events/{event_id}/review"
                return clients[k].post(url, json=body, headers=heads[k]).status_code

            # each correction of ev-ain sets another field: a lost update drops one
            jobs = [
                (i, "ev-ain", {"action": "correct", "changes": {k: v}})
                for i, (k, v) in enumerate(FIELDS.items())
            ]
            jobs += [
                (8 + i, "ev-conoco", {"action": "correct", "changes": {"injuries": i}})
                for i in range(4)
            ]
            jobs += [
                (20, "ev-xss", {"action": "split", "articles": ["a-erbil-en"]}),
                (21, "ev-conoco", {"action": "merge", "events": ["ev-review"]}),
            ]

            def refuse() -> int:
                with open_store(store_url) as st:
                    for _ in range(3):
                        st.fuse(list(ORDER))
                return 200

            with ThreadPoolExecutor(6) as pool:
                done = [pool.submit(post, *job) for job in jobs] + [pool.submit(refuse)]
                assert [f.result() for f in done] == [200] * (len(jobs) + 1)

            c = clients[1]
            hist = c.get("/api/events/ev-ain/reviews").json()["reviews"]
            assert [x["action"] for x in hist] == ["correct"] * len(FIELDS)
            ain = c.get("/api/events/ev-ain").json()
            assert {k: ain[k] for k in FIELDS} == FIELDS
            assert ain["review"]["fields"] == sorted(FIELDS)
            assert ain["review"]["status"] == "corrected"
            conoco = c.get("/api/events/ev-conoco").json()
            assert conoco["article_ids"] == ["a-conoco", "a-baghdad-en"]
            last = c.get("/api/events/ev-conoco/reviews").json()["reviews"]
            last = [x for x in last if x["action"] == "correct"][-1]
            assert conoco["injuries"] == last["after"]["injuries"]  # the last one wins
            actions = [
                x["action"] for x in c.get("/api/events/ev-conoco/reviews").json()["reviews"]
            ]
            assert sorted(actions) == ["correct"] * 4 + ["merge"]
            assert c.get("/api/events/ev-xss").json()["article_ids"] == ["a-xss"]
            assert c.get("/api/events/ev-erbil-en").json()["article_ids"] == ["a-erbil-en"]
            assert c.get("/api/events").json()["total"] == 4
            with open_store(store_url) as st:
                assert backend(st).one("SELECT count(*) FROM reviews") == (len(jobs) + 1,)
        finally:
            for client in clients:
                client.close()


@pytest.mark.parametrize("kind", ["postgresql"])
def test_an_older_postgresql_store_gains_the_web_tables(request, kind, tmp_path):
    """A PostgreSQL store made before accounts and reviews worked there (schema
    version 2) is upgraded when opened, and then takes accounts and reviews."""
    url = make_db(new_store(request, kind, tmp_path / "unused.db"))
    with open_store(url) as st:
        db = backend(st)
        for table in ("users", "web_settings", "reviews", "event_overrides", "event_links"):
            db.execute(f"DROP TABLE {table}")  # noqa: S608  (fixed table names)
        db.execute("DELETE FROM schema_migrations WHERE version > 2")
    with open_store(url) as st:
        assert st.schema_version() == 4
        from rasd.web import auth

        auth.add_user(st, *EDITOR, "editor")
        out = reviews.review(st, "ev-conoco", EDITOR[0], "reject")
        assert out["review"]["status"] == "rejected"
        assert st.get_event("ev-conoco")["review"]["status"] == "rejected"
