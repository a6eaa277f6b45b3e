"""SQLite tables of the fuse stage (store migration 2).

``events`` holds one row per fused event with the same filter columns as
``article_events`` (so ``rasd.store.query.event_where`` works on it) plus
the blocking columns; ``event_members`` keeps each member mention's own
event dict (the article's rows may be replaced on re-ingest, and fusion
must still know what the old version said); ``event_history`` records
merges, splits and drops; ``event_aliases`` maps merged-away ids to the
surviving one; ``article_signatures``/``article_bands`` are the
near-duplicate index.
"""

from __future__ import annotations

import sqlite3

from rasd.store.migrations import migration

TABLES = """
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    event_date TEXT, date_start TEXT, date_end TEXT,
    event_type TEXT, sub_event_type TEXT, plover_type TEXT,
    country TEXT, claim_status TEXT,
    family TEXT, lat REAL, lon REAL, gazetteer_id TEXT,
    n_articles INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_window ON events(family, date_start, date_end);
CREATE INDEX events_country ON events(country);
CREATE TABLE event_members (
    mention_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    published TEXT,
    copy_of TEXT,
    data TEXT NOT NULL
);
CREATE INDEX event_members_event ON event_members(event_id);
CREATE INDEX event_members_article ON event_members(article_id);
CREATE TABLE event_history (
    id INTEGER PRIMARY KEY,
    op TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_ids TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX event_history_event ON event_history(event_id);
CREATE TABLE event_aliases (
    old_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL
);
CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    signature BLOB NOT NULL,
    duplicate_of TEXT
);
CREATE TABLE article_bands (
    band_key TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX article_bands_key ON article_bands(band_key);
CREATE INDEX article_bands_article ON article_bands(article_id)
"""


def create(conn: sqlite3.Connection) -> None:
    """Create the tables inside the caller's transaction."""
    for statement in TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)


@migration("sqlite", 2, "fused events")
def _v2(conn: sqlite3.Connection) -> None:
    create(conn)
