import sqlite3

import pytest

from rasd.errors import MigrationError, StoreError, UnknownStoreURL
from rasd.model import Event, Evidence
from rasd.store import open_store
from rasd.store.migrations import latest
from tests.store.conftest import PAGE, processed


def test_new_then_unchanged_then_updated(store, page, other):
    assert store.put_articles([page, other]) == ["new", "new"]
    assert store.put_articles([page, other]) == ["unchanged", "unchanged"]
    changed = processed(other.text + " وأضافت المصادر أن الهجوم لم يسفر عن إصابات.", id="j1")
    assert store.put_articles([changed]) == ["updated"]
    assert store.stats()["articles"] == 2
    assert store.get_article("j1").text == changed.text


def test_article_round_trips_with_spans(store, page):
    store.put_articles([page])
    back = store.get_article(page.id)
    assert back.text == page.text
    assert back.paragraphs == page.paragraphs
    assert back.sentences == page.sentences
    assert back.published == page.published
    assert back.title == "هجوم بطائرة مسيرة على قاعدة عين الأسد"
    assert back.to_dict()["body"] == page.body
    assert "Add to Home screen" not in back.to_dict()["body"]
    assert back.to_dict()["text"] == PAGE


@pytest.mark.parametrize(
    ("query", "hit"),
    [
        ("الامريكية", "page"),  # stored as الأميركية
        ("الأمريكيه", "page"),
        ("القوات الامريكية", "page"),
        ("الانبار", "page"),  # written بمحافظة الأنبار
        ("الزور", "other"),
        ("كونيكو", "other"),
        ("صاروخ", None),  # no stemming beyond clitics
        ('"OR NEAR(', None),  # query syntax is not interpreted
    ],
)
def test_search_is_arabic_normalised(store, page, other, query, hit):
    store.put_articles([page, other])
    found = [a.id for a, _ in store.search(query)]
    expected = {"page": [page.id], "other": ["j1"], None: []}[hit]
    assert found == expected


def test_events_are_stored_and_replaced(store, page):
    event = Event("Explosions/Remote violence", "Air/drone strike", "ASSAULT", event_id="e1")
    event.evidence.append(Evidence(page.id, "event_type", 30, 40, page.text[30:40]))
    page.events = [event]
    store.put_articles([page])
    assert [e["event_id"] for e in store.events_for(page.id)] == ["e1"]
    assert store.stats()["events"] == 1


def test_listing_filters(store, page, other):
    store.put_articles([page, other])
    assert [a.id for a in store.articles(source="agency")] == ["j1"]
    assert [a.id for a in store.articles(since="2024-07-28")] == []
    assert len(list(store.articles(limit=1))) == 1


def test_file_store_records_migrations(tmp_path):
    path = tmp_path / "r.db"
    with open_store(str(path)) as s:
        assert s.schema_version() == latest("sqlite")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == latest("sqlite")
    conn.close()
    with open_store(str(path)) as s:  # reopening applies nothing twice
        assert s.schema_version() == latest("sqlite")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "r.db"
    open_store(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(MigrationError, match="newer"):
        open_store(str(path))


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(str(path))
    assert path.read_text().startswith("just some notes")


def test_missing_directory_and_unknown_scheme(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nope" / "r.db"))
    with pytest.raises(UnknownStoreURL, match="mysql"):
        open_store("mysql://localhost/rasd")


def test_failed_batch_leaves_store_as_it_was(store, page, other):
    store.put_articles([page])
    broken = processed("نص", id=None)  # no id: the insert must fail
    broken.id = None
    with pytest.raises(StoreError, match="batch not stored"):
        store.put_articles([other, broken])
    assert [a.id for a in store.articles()] == [page.id]
