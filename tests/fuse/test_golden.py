"""End to end: authored retellings of one attack, ingested through the whole
pipeline (read, clean, extract, geocode, fuse, store), become one event.

Three outlets tell the same drone attack on Harir air base in their own
words and disagree on the number of drones (three, two, unnumbered) and of
dead (two, three, two); a fourth article tells another attack elsewhere.
Runs on SQLite and on a real PostgreSQL.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rasd.fuse import queries
from rasd.store import open_store
from rasd.store.api import ingest

ARTICLES = [
    {
        "id": "n1",
        "source": "Outlet One",
        "published": "2024-02-06",
        "text": "استهدفت ثلاث طائرات مسيّرة قاعدة حرير الجوية في محافظة أربيل مساء الإثنين،"
        " ما أسفر عن مقتل جنديين، وفق مصدر أمني.\n\nولم تتبنَّ أي جهة الهجوم حتى الآن.",
    },
    {
        "id": "n2",
        "source": "Outlet Two",
        "published": "2024-02-06",
        "text": "أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن استهداف قاعدة حرير في أربيل"
        " بطائرتين مسيّرتين مساء أمس الإثنين، وقالت إن الهجوم أسفر عن مقتل ثلاثة جنود.",
    },
    {
        "id": "n3",
        "source": "Outlet Three",
        "published": "2024-02-05",
        "text": "هجوم بطائرات مسيّرة على قاعدة حرير شمال أربيل مساء اليوم الإثنين،"
        " ومصادر تتحدث عن قتيلين.",
    },
    {
        "id": "n4",
        "source": "Outlet Four",
        "published": "2024-02-06",
        "text": "سقطت أربعة صواريخ على حقل كونيكو للغاز في ريف دير الزور مساء الإثنين،"
        " دون أن تسفر عن إصابات، بحسب مصادر محلية.",
    },
]


@pytest.fixture
def articles(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8"
    )
    return path


def harir(events):
    (e,) = [e for e in events if "n1" in e["article_ids"]]
    return e


def check(events):
    e = harir(events)
    assert sorted(e["article_ids"]) == ["n1", "n2", "n3"]
    assert e["event_date"] == "2024-02-05"
    assert e["location"]["name"] == "Harir Air Base"
    # two dead in two reports, three in one: agreement picks 2, and both are kept
    assert e["fatalities"] == 2
    assert sorted((v["value"], sorted(v["article_ids"])) for v in e["reported"]["fatalities"]) == [
        (2, ["n1", "n3"]),
        (3, ["n2"]),
    ]
    counts = {v["value"]["count"]: v["article_ids"] for v in e["reported"]["weapons"]}
    assert counts == {3: ["n1"], 2: ["n2"]}
    assert e["claim_status"] == "claimed" and e["actor1"]["name"] == "Islamic Resistance in Iraq"
    assert {x["article_id"] for x in e["evidence"]} == {"n1", "n2", "n3"}
    others = [x for x in events if x is not e]
    assert [x["article_ids"] for x in others] == [["n4"]]


def test_retellings_fuse_into_one_event(db_url, articles):
    with open_store(db_url) as store:
        ingest([str(articles)], store, batch_size=2)  # the retellings span two batches
        check(store.events(limit=None))
        assert store.count_events() == 2
        assert store.get_event(harir(store.events())["mention_ids"][-1])["article_ids"]


def test_ingesting_again_changes_nothing(db_url, articles):
    with open_store(db_url) as store:
        ingest([str(articles)], store)
        before = store.events(limit=None)
        ingest([str(articles)], store)
        assert store.events(limit=None) == before
        assert queries.stats(store)["fused_mentions"] == len(
            [m for e in before for m in e["mention_ids"]]
        )


def test_concurrent_ingests_fuse_every_mention_once(pg_server, articles):
    """Three processes ingest the same retellings into one PostgreSQL at once:
    the advisory lock makes them fuse in turn, so the result is the same as one."""
    url = pg_server.new_database()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "rasd",
                "ingest",
                str(articles),
                "--db",
                url,
                "--batch-size",
                "1",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    with open_store(url) as store:
        events = store.events(limit=None)
        check(events)
        members = store.conn.execute("SELECT mention_id FROM event_members").fetchall()
        assert (
            len(members)
            == len({r["mention_id"] for r in members})
            == sum(len(e["mention_ids"]) for e in events)
        )
