"""Store tables of the web stage: accounts, settings, reviews and overrides.

Reviews and overrides are keyed by event id with no foreign key to the
machine's event rows, so re-ingest (which replaces those rows) never
deletes an analyst's work. An override also keeps the mention ids of its
event, so it finds its event again if fusion renames it. ``event_links``
holds the analysts' merges (mentions that must stay ``together``) and
splits (``together`` must stay ``apart`` from the rest); see
``rasd.web.reviews.reapply``.

One DDL text serves SQLite and PostgreSQL (migrations 3 and 4 of both):
only the serial key differs, and ``"user"`` is quoted (a reserved word in
PostgreSQL). The JSON-holding columns of these tables are TEXT on both, so
their values read back byte for byte the same. The listing indexes and the
full-text side table serve ``rasd.web.query``'s SQLite plans; on
PostgreSQL the API reads through ``rasd.fuse.queries`` and gets plain
indexes on the same listing order and filter expressions instead.
"""

from __future__ import annotations

from typing import Any

from rasd.store.migrations import migration
from rasd.store.query import POSTGRES

SERIAL = {"sqlite": "INTEGER PRIMARY KEY", "postgresql": "BIGSERIAL PRIMARY KEY"}

TABLES = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor')),
    password TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS web_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (
    id {serial},
    event_id TEXT NOT NULL,
    "user" TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT,
    note TEXT
);
CREATE INDEX IF NOT EXISTS reviews_event ON reviews(event_id, id);
CREATE TABLE IF NOT EXISTS event_overrides (
    event_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    fields TEXT NOT NULL,
    "user" TEXT NOT NULL,
    at TEXT NOT NULL
)
"""


def _run(conn: Any, script: str, backend: str) -> None:
    """Run ``script``'s statements inside the caller's transaction."""
    for statement in script.format(serial=SERIAL[backend]).split(";"):
        if statement.strip():
            conn.execute(statement)


@migration("sqlite", 3, "users and reviews")
def _v3(conn: Any) -> None:
    _run(conn, TABLES, "sqlite")


@migration("postgresql", 3, "users and reviews")
def _pg_v3(conn: Any) -> None:
    _run(conn, TABLES, "postgresql")


LINKS = """
ALTER TABLE event_overrides ADD COLUMN mention_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE event_overrides ADD COLUMN article_ids TEXT NOT NULL DEFAULT '[]';
CREATE TABLE IF NOT EXISTS event_links (
    id {serial},
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    event_id TEXT NOT NULL,
    together TEXT NOT NULL,
    apart TEXT NOT NULL,
    "user" TEXT NOT NULL,
    at TEXT NOT NULL
)
"""


# what the API's event pages need to answer in milliseconds (rasd.web.query):
# the listing order with every filter column, so a page is found on the
# index alone; one expression index per JSON-held filter
INDEXES = """
CREATE INDEX IF NOT EXISTS events_listing ON events(
    event_date IS NULL, event_date DESC, event_id,
    country, sub_event_type, event_type, claim_status, date_start, date_end
);
CREATE INDEX IF NOT EXISTS events_admin1 ON events(json_extract(data, '$.location.admin1'))
""" + "".join(
    f";\nCREATE INDEX IF NOT EXISTS events_{role}_{key}"
    f" ON events(lower(json_extract(data, '$.{role}.{key}')))"
    for role in ("actor1", "actor2", "suspected_actor1")
    for key in ("id", "name")
)


# which events each article (by its full-text rowid) reports, kept in step
# with ``event_members`` by triggers, so a text filter goes from full-text
# hits to events through integer keys (rasd.web.query)
ARTICLE_EVENTS = [
    """CREATE TABLE IF NOT EXISTS web_article_events (
        article_rowid INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (article_rowid, event_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS web_article_events_event"
    " ON web_article_events(event_id, article_rowid)",
    """CREATE TRIGGER IF NOT EXISTS web_member_added AFTER INSERT ON event_members BEGIN
        INSERT OR IGNORE INTO web_article_events (article_rowid, event_id)
        SELECT rowid, NEW.event_id FROM articles WHERE id = NEW.article_id;
    END""",
    """CREATE TRIGGER IF NOT EXISTS web_member_removed AFTER DELETE ON event_members BEGIN
        DELETE FROM web_article_events WHERE event_id = OLD.event_id
        AND article_rowid = (SELECT rowid FROM articles WHERE id = OLD.article_id)
        AND NOT EXISTS (SELECT 1 FROM event_members m
                        WHERE m.event_id = OLD.event_id AND m.article_id = OLD.article_id);
    END""",
    """CREATE TRIGGER IF NOT EXISTS web_member_moved
    AFTER UPDATE OF event_id, article_id ON event_members BEGIN
        DELETE FROM web_article_events WHERE event_id = OLD.event_id
        AND article_rowid = (SELECT rowid FROM articles WHERE id = OLD.article_id)
        AND NOT EXISTS (SELECT 1 FROM event_members m
                        WHERE m.event_id = OLD.event_id AND m.article_id = OLD.article_id);
        INSERT OR IGNORE INTO web_article_events (article_rowid, event_id)
        SELECT rowid, NEW.event_id FROM articles WHERE id = NEW.article_id;
    END""",
    """INSERT OR IGNORE INTO web_article_events (article_rowid, event_id)
    SELECT a.rowid, m.event_id FROM event_members m JOIN articles a ON a.id = m.article_id""",
]


@migration("sqlite", 4, "analysts' merges and splits, event listing indexes")
def _v4(conn: Any) -> None:
    _run(conn, LINKS, "sqlite")
    for statement in INDEXES.split(";"):
        if statement.strip():
            conn.execute(statement)
    for statement in ARTICLE_EVENTS:
        conn.execute(statement)


# the listing order of rasd.fuse.queries and its JSON-held filters, written
# exactly as rasd.store.query's PostgreSQL dialect writes them
PG_INDEXES = [
    "CREATE INDEX IF NOT EXISTS events_listing"
    " ON events((event_date IS NULL), event_date DESC, event_id)",
    "CREATE INDEX IF NOT EXISTS events_admin1"
    f" ON events(({POSTGRES.json_text('location.admin1')}))",
    *(
        f"CREATE INDEX IF NOT EXISTS events_{role}_{key}"
        f" ON events((lower({POSTGRES.json_text(f'{role}.{key}')})))"
        for role in ("actor1", "actor2", "suspected_actor1")
        for key in ("id", "name")
    ),
]


@migration("postgresql", 4, "analysts' merges and splits, event listing indexes")
def _pg_v4(conn: Any) -> None:
    _run(conn, LINKS, "postgresql")
    for statement in PG_INDEXES:
        conn.execute(statement)
