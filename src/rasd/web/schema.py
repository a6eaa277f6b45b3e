"""Store tables of the web stage: accounts, settings, reviews and overrides.

Reviews and overrides are keyed by event id with no foreign key to the
machine's event rows, so re-ingest (which replaces those rows) never
deletes an analyst's work. An override also keeps the mention ids of its
event, so it finds its event again if fusion renames it. ``event_links``
holds the analysts' merges (mentions that must stay ``together``) and
splits (``together`` must stay ``apart`` from the rest); see
``rasd.web.reviews.reapply``.
"""

from __future__ import annotations

import sqlite3

from rasd.store.migrations import migration

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
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    user TEXT NOT NULL,
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
    user TEXT NOT NULL,
    at TEXT NOT NULL
)
"""


@migration("sqlite", 3, "users and reviews")
def _v3(conn: sqlite3.Connection) -> None:
    for statement in TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)


LINKS = """
ALTER TABLE event_overrides ADD COLUMN mention_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE event_overrides ADD COLUMN article_ids TEXT NOT NULL DEFAULT '[]';
CREATE TABLE IF NOT EXISTS event_links (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    event_id TEXT NOT NULL,
    together TEXT NOT NULL,
    apart TEXT NOT NULL,
    user TEXT NOT NULL,
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
def _v4(conn: sqlite3.Connection) -> None:
    for statement in (LINKS + ";" + INDEXES).split(";"):
        if statement.strip():
            conn.execute(statement)
    for statement in ARTICLE_EVENTS:
        conn.execute(statement)
