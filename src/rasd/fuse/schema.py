"""Tables of the fuse stage: store migration 2, on SQLite and on PostgreSQL.

``events`` holds one row per fused event with the same filter columns as
``article_events`` (so ``rasd.store.query.event_where`` works on it) plus
the blocking columns; ``event_members`` keeps each member mention's own
event dict (the article's rows may be replaced on re-ingest, and fusion
must still know what the old version said); ``event_history`` records
merges, splits and drops; ``event_aliases`` maps merged-away ids to the
surviving one; ``article_signatures``/``article_bands`` are the
near-duplicate index. One DDL text serves both engines; only the column
types of JSON, bytes, floats and the history's serial key differ.
"""

from __future__ import annotations

from typing import Any

from rasd.store.migrations import migration

TABLES = """
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    event_date TEXT, date_start TEXT, date_end TEXT,
    event_type TEXT, sub_event_type TEXT, plover_type TEXT,
    country TEXT, claim_status TEXT,
    family TEXT, lat {real}, lon {real}, gazetteer_id TEXT,
    n_articles INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    data {json} NOT NULL
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
    data {json} NOT NULL
);
CREATE INDEX event_members_event ON event_members(event_id);
CREATE INDEX event_members_article ON event_members(article_id);
CREATE TABLE event_history (
    id {serial},
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
    signature {blob} NOT NULL,
    duplicate_of TEXT
);
CREATE TABLE article_bands (
    band_key TEXT NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX article_bands_key ON article_bands(band_key);
CREATE INDEX article_bands_article ON article_bands(article_id)
"""


TYPES = {
    "sqlite": {"json": "TEXT", "blob": "BLOB", "real": "REAL", "serial": "INTEGER PRIMARY KEY"},
    "postgresql": {
        "json": "JSONB",
        "blob": "BYTEA",
        "real": "DOUBLE PRECISION",
        "serial": "BIGSERIAL PRIMARY KEY",
    },
}


def create(conn: Any, backend: str = "sqlite") -> None:
    """Create the tables inside the caller's transaction."""
    for statement in TABLES.format(**TYPES[backend]).split(";"):
        if statement.strip():
            conn.execute(statement)


@migration("sqlite", 2, "fused events")
def _v2(conn: Any) -> None:
    create(conn, "sqlite")


@migration("postgresql", 2, "fused events")
def _pg_v2(conn: Any) -> None:
    create(conn, "postgresql")
