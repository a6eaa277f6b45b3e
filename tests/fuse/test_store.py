"""Incremental fusion in the store (SQLite and PostgreSQL), queries, exports, commands."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from rasd.fuse import commands, queries
from rasd.fuse.persist import fuse_store
from rasd.store import open_store
from rasd.store.query import EventFilter
from tests.fuse.helpers import AIN_AL_ASAD, HARIR, event
from tests.fuse.stored import article
from tests.fuse.test_neardup import ORIGINAL

TEXTS = {
    "a1": ORIGINAL,
    "a2": "هاجمت طائرات مسيرة قاعدة عين الأسد الجوية غرب العراق ليل الثلاثاء دون خسائر بشرية.",
    "a3": "سقطت صواريخ على قاعدة حرير في أربيل مساء الثلاثاء بحسب مصادر كردية.",
    "a4": "عاجل | " + ORIGINAL,
}


def put(store, aid, events, text=None):
    store.put_articles([article(aid, text or TEXTS[aid], events)])
    return fuse_store(store, [aid], now="2024-01-01T00:00:00+00:00")


def test_batches_fuse_incrementally_with_stable_ids(store):
    r = put(store, "a1", [event("a1")])
    assert (r.mentions, r.events_new) == (1, 1)
    put(store, "a3", [event("a3", place=HARIR)])
    r = put(store, "a2", [event("a2", weapons=[{"kind": "drone", "model": None, "count": 3}])])
    assert (r.events_new, r.events_updated) == (0, 1)
    found = {e["event_id"]: e for e in queries.events(store)}
    assert set(found) == {"a1-e1", "a3-e1"}
    assert found["a1-e1"]["article_ids"] == ["a1", "a2"]
    assert len(found["a1-e1"]["reported"]["weapons"]) == 2
    assert queries.get_event(store, "a2-e1")["event_id"] == "a1-e1"  # a mention id finds it
    assert queries.count_events(store, EventFilter(country="IQ")) == 2


def test_fusing_again_changes_nothing(store):
    put(store, "a1", [event("a1")])
    before = queries.events(store)
    r = fuse_store(store, ["a1"])
    assert r.mentions == 0
    assert queries.events(store) == before


def test_reingest_with_new_text_updates_in_place(store):
    put(store, "a1", [event("a1")])
    put(store, "a2", [event("a2")])
    put(store, "a2", [event("a2", place=HARIR)], text=TEXTS["a2"] + " تحديث")
    found = {e["event_id"]: e["article_ids"] for e in queries.events(store)}
    assert found == {"a1-e1": ["a1"], "a2-e1": ["a2"]}


def test_merge_is_recorded_and_the_old_id_still_resolves(store):
    put(store, "a1", [event("a1", place={**AIN_AL_ASAD, "lat": None, "lon": None})])
    nearby = {
        **AIN_AL_ASAD,
        "name": "Al Baghdadi",
        "gazetteer_id": "iq-bg",
        "lat": 33.86,
        "lon": 42.5,
    }
    put(store, "a2", [event("a2", place=nearby)])
    assert queries.count_events(store) == 2
    r = put(store, "a3", [event("a3")])
    assert r.merges == 1
    assert queries.count_events(store) == 1
    assert queries.get_event(store, "a2-e1")["event_id"] == "a1-e1"
    assert queries.history(store) == [
        {"op": "merge", "event_ids": ["a1-e1", "a2-e1"], "at": "2024-01-01T00:00:00+00:00"}
    ]


def test_near_duplicate_article_counts_once(store):
    put(store, "a1", [event("a1", fatalities=3)])
    put(store, "a2", [event("a2", fatalities=4)])
    r = put(store, "a4", [event("a4", fatalities=3)])
    assert r.duplicates == 1
    (e,) = queries.events(store)
    assert e["article_ids"] == ["a1", "a2", "a4"]
    assert {x["article_id"] for x in e["evidence"]} == {"a1", "a2"}  # the copy adds no evidence
    # 3 (a1 and its copy a4: one report) vs 4 (a2): a tie, the later report wins
    assert e["fatalities"] == 4
    assert queries.stats(store)["near_duplicate_articles"] == 1


@pytest.mark.parametrize(
    "flt, expected",
    [
        (EventFilter(date_from="2023-10-24", date_to="2023-10-24"), 2),
        (EventFilter(date_from="2023-10-25"), 0),
        (EventFilter(admin1="Erbil"), 1),
        (EventFilter(actor="US forces"), 2),
        (EventFilter(sub_event_type="Air/drone strike"), 2),
        (EventFilter(text="حرير"), 1),
        (EventFilter(text="الامريكية"), 1),
    ],
)
def test_filters(store, flt, expected):
    put(store, "a1", [event("a1")])
    put(store, "a3", [event("a3", place=HARIR)])
    assert queries.count_events(store, flt) == expected
    assert len(queries.events(store, flt)) == expected


def test_events_and_export_commands(tmp_path, db_url):
    db = db_url
    s = open_store(db)
    put(s, "a1", [event("a1", fatalities=2)])
    put(s, "a2", [event("a2")])
    put(s, "a3", [event("a3", place=HARIR)])
    s.close()
    runner = CliRunner()
    res = runner.invoke(commands.events, ["--db", db, "--country", "IQ", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert sorted(len(e["article_ids"]) for e in lines) == [1, 2]
    res = runner.invoke(commands.events, ["--db", db, "--admin1", "Erbil", "--format", "table"])
    assert "Harir" in res.output and "Ain al-Asad" not in res.output

    res = runner.invoke(commands.export, ["--db", db, "--format", "csv"])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0])[:3] == ["event_id_cnty", "event_date", "year"]
    ain = next(r for r in rows if r["location"] == "Ain al-Asad Air Base")
    assert (ain["country"], ain["year"], ain["fatalities"], ain["source"]) == (
        "Iraq",
        "2023",
        "2",
        "outlet-a1; outlet-a2",
    )
    assert ain["weapons"] == "drone x2" and ain["claim_status"] == "unknown"

    res = runner.invoke(commands.export, ["--db", db, "--format", "geojson"])
    gj = json.loads(res.stdout)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 2
    assert gj["features"][0]["geometry"]["type"] == "Point"

    out = tmp_path / "e.parquet"
    res = runner.invoke(commands.export, ["--db", db, "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(out)
    assert table.num_rows == 2 and "event_id_cnty" in table.column_names
    res = runner.invoke(commands.export, ["--db", db, "--format", "parquet"])
    assert res.exit_code == 2


def test_fuse_pending_catches_up_after_a_kill(store):
    """Articles stored by a run killed before it fused are fused by the next."""
    store.put_articles([article("a1", TEXTS["a1"], [event("a1")])])
    store.put_articles([article("a2", TEXTS["a2"], [event("a2")])])
    assert store.count_events() == 0
    r = store.fuse_pending()
    assert (r.mentions, r.events_new) == (2, 1)
    assert [e["article_ids"] for e in store.events()] == [["a1", "a2"]]
    assert store.fuse_pending().mentions == 0
