"""Store tables of the web stage: accounts, settings, reviews and overrides.

Reviews and overrides are keyed by event id with no foreign key to the
machine's event rows, so re-ingest (which replaces those rows) never
deletes an analyst's work; served events get the overrides laid on top.
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
