"""The API's fast event pages (rasd.web.query) give exactly what the fuse
stage's plain queries give, by every plan: each filter, text words found
directly, through a set of events, or by checking events in order."""

from __future__ import annotations

import itertools

import pytest

from rasd.fuse import queries
from rasd.store import open_store
from rasd.store.query import EventFilter
from rasd.web import query
from tests.web.conftest import make_db

FILTERS = [
    EventFilter(),
    EventFilter(country="IQ"),
    EventFilter(date_from="2024-07-24"),
    EventFilter(date_from="2024-07-23", date_to="2024-07-26", country="IQ"),
    EventFilter(sub_event_type="Air/drone strike", claim_status="unclaimed"),
    EventFilter(event_type="Explosions/Remote violence"),
    EventFilter(actor="IRI"),
    EventFilter(actor="united states", country="IQ"),
    EventFilter(admin1="Erbil"),
    EventFilter(text="مسيرة"),
    EventFilter(text="طائرة", country="IQ", date_to="2024-07-26"),
    EventFilter(text="Erbil"),
    EventFilter(text="nothing-matches-this"),
    EventFilter(actor="iri", text="rockets"),
]


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    with open_store(make_db(tmp_path_factory.mktemp("q") / "q.db")) as st:
        yield st.conn


# RARE 1000: the few hits' events looked up; RARE 0 and PROBE_COST huge: the
# set the walk checks; PROBE_COST 0: each visited event's articles checked
@pytest.mark.parametrize(("rare", "probe"), [(1000, 500), (0, 10**9), (0, 0)])
@pytest.mark.parametrize(
    "f",
    FILTERS,
    ids=lambda f: (
        ",".join(f"{k}={v}" for k, v in f.__dict__.items() if v) if hasattr(f, "__dict__") else None
    ),
)
def test_pages_and_counts_match_the_plain_queries(conn, monkeypatch, f, rare, probe):
    monkeypatch.setattr(query, "RARE", rare)
    monkeypatch.setattr(query, "PROBE_COST", probe)
    query.changed()  # no cached counts across plans
    expected = [e["event_id"] for e in queries.events(conn, f, limit=None)]
    assert query.count(conn, f) == len(expected) == queries.count_events(conn, f)
    for limit, offset in itertools.product((1, 2, 50), (0, 1, 3)):
        got = [e["event_id"] for e in query.page(conn, f, limit=limit, offset=offset)]
        assert got == expected[offset : offset + limit]
    assert [p["id"] for p in query.points(conn, f, limit=50)] == expected


def test_counts_are_cached_until_the_store_changes(conn):
    f = EventFilter(country="SY")
    n = query.count(conn, f)
    calls = []
    conn.set_trace_callback(calls.append)
    try:
        assert query.count(conn, f) == n
        assert not [c for c in calls if "count(*)" in c]
        query.changed()
        assert query.count(conn, f) == n
        assert [c for c in calls if "count(*)" in c]
    finally:
        conn.set_trace_callback(None)


def _mapping_is_exact(conn) -> None:
    kept = {
        tuple(r) for r in conn.execute("SELECT article_rowid, event_id FROM web_article_events")
    }
    truth = {
        tuple(r)
        for r in conn.execute(
            "SELECT a.rowid, m.event_id FROM event_members m JOIN articles a ON a.id = m.article_id"
        )
    }
    assert kept == truth and kept


@pytest.mark.parametrize("rare", [1000, 0])
def test_text_follows_reingest_and_refusion(tmp_path, monkeypatch, rare):
    from tests.web.helpers import articles
    from tests.web.test_reviews import FUSED_TABLES, changed

    monkeypatch.setattr(query, "RARE", rare)
    url = make_db(tmp_path / "t.db")
    with open_store(url) as st:
        conn = st.conn
        _mapping_is_exact(conn)
        conoco = next(a for a in articles() if a.id == "a-conoco")
        new = changed(conoco, "انفجرت عبوة ناسفة قرب حقل كونيكو صباح اليوم.", "ev-conoco-v2")
        st.put_articles([new])
        st.fuse([new.id])
        _mapping_is_exact(conn)
        for word, n in (("صواريخ", 0), ("عبوة", 1), ("كونيكو", 1)):
            f = EventFilter(text=word)
            assert query.count(conn, f) == n == queries.count_events(conn, f), word
            assert len(query.page(conn, f, limit=10)) == n
        for table in FUSED_TABLES:
            conn.execute(f"DELETE FROM {table}")  # noqa: S608  (fixed table names)
        assert conn.execute("SELECT count(*) FROM web_article_events").fetchone()[0] == 0
        st.fuse([a.id for a in articles()])
        _mapping_is_exact(conn)
        assert query.count(conn, EventFilter(text="عبوة")) == 1


@pytest.mark.parametrize("new_date", ["2024-06-01", None])
def test_date_ranges_hold_when_an_editor_moves_the_date(tmp_path, new_date):
    from rasd.web import reviews

    with open_store(make_db(tmp_path / "d.db")) as st:
        conn = st.conn
        reviews.review(conn, "ev-conoco", "amal", "correct", {"event_date": new_date})
        query.changed()
        for f in (
            EventFilter(date_from="2024-07-26", date_to="2024-07-26"),
            EventFilter(date_from="2024-05-01", date_to="2024-06-15"),
            EventFilter(date_to="2024-07-23"),
            EventFilter(date_from="2024-07-24", country="SY"),
        ):
            expected = [e["event_id"] for e in queries.events(conn, f, limit=None)]
            assert [e["event_id"] for e in query.page(conn, f, limit=50)] == expected, f
            assert query.count(conn, f) == len(expected), f
        assert (query._span(conn) is None) == (new_date is None)
