"""The SQLite store: one file, WAL, FTS5 over the Arabic matching form.

Owned by the store stage. Writes happen in batches, one transaction each,
so an ingest killed at any moment leaves whole batches and nothing torn;
``put_articles`` is an idempotent upsert keyed by article id and content
hash, so running the same ingest again stores nothing twice.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rasd.errors import StoreError
from rasd.model import Article
from rasd.store import records
from rasd.store.migrations import migration, pending
from rasd.store.query import SQLITE, EventFilter, article_listing, fts_query

BACKEND = "sqlite"


@migration(BACKEND, 1, "articles, full-text index, article events")
def _v1(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT, source TEXT, title TEXT,
            published TEXT, published_precision INTEGER, published_raw TEXT,
            language TEXT,
            text TEXT NOT NULL, body TEXT NOT NULL,
            origin TEXT, spans TEXT,
            content_hash TEXT NOT NULL,
            ingested_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_source ON articles(source);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE article_events (
            event_id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_date TEXT, date_start TEXT, date_end TEXT,
            event_type TEXT, sub_event_type TEXT, plover_type TEXT,
            country TEXT, claim_status TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX article_events_article ON article_events(article_id);
        CREATE INDEX article_events_date ON article_events(event_date);
        CREATE TABLE ingest_partitions (
            key TEXT PRIMARY KEY, articles INTEGER NOT NULL, done_at TEXT NOT NULL
        );
        """,
    )


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Run a migration's statements inside the caller's transaction
    (``executescript`` would commit it halfway)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """Articles and their events in one SQLite file (or ``:memory:``)."""

    backend = BACKEND

    def __init__(self, path: str) -> None:
        self.url = path
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"{path}: directory {parent} does not exist", value=path)
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 30000")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: not a usable SQLite store: {err}", value=path) from err

    # --- schema ------------------------------------------------------------
    def _migrate(self) -> None:
        c = self.conn
        c.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations"
            " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied = {r[0] for r in c.execute("SELECT version FROM schema_migrations")}
        for m in pending(BACKEND, applied):
            c.execute("BEGIN IMMEDIATE")
            try:
                if m.version in {r[0] for r in c.execute("SELECT version FROM schema_migrations")}:
                    c.execute("ROLLBACK")  # another process migrated meanwhile
                    continue
                m.apply(c)
                c.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (m.version, m.name, _now())
                )
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise

    def done_partitions(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT key FROM ingest_partitions")}

    def schema_version(self) -> int:
        return self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0

    # --- writes --------------------------------------------------------------
    def put_articles(
        self, articles: Sequence[Article], *, partition: str | None = None
    ) -> list[str]:
        """Store a batch in one transaction; per article "new", "updated" or
        "unchanged" (same id and content: nothing written). ``partition``
        names a finished piece of a batch job, recorded in the same
        transaction so a resumed job skips it."""
        c = self.conn
        statuses: list[str] = []
        c.execute("BEGIN IMMEDIATE")
        try:
            for article in articles:
                statuses.append(self._put(article))
            if partition is not None:
                c.execute(
                    "INSERT OR REPLACE INTO ingest_partitions VALUES (?, ?, ?)",
                    (partition, len(articles), _now()),
                )
            c.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            c.execute("ROLLBACK")
            raise StoreError(f"{self.url}: batch not stored: {err}", value=err) from err
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return statuses

    def _put(self, article: Article) -> str:
        c = self.conn
        row = records.article_row(article)
        old = c.execute(
            "SELECT rowid, content_hash FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        now = _now()
        title, body = records.search_text(article)
        if old is not None and old["content_hash"] == row["content_hash"]:
            return "unchanged"
        cols = records.ARTICLE_COLUMNS
        if old is None:
            cur = c.execute(
                f"INSERT INTO articles ({', '.join(cols)}, ingested_at, updated_at)"
                f" VALUES ({', '.join('?' * len(cols))}, ?, ?)",
                [row[k] for k in cols] + [now, now],
            )
            rowid = cur.lastrowid
            status = "new"
        else:
            rowid = old["rowid"]
            c.execute(
                f"UPDATE articles SET {', '.join(f'{k} = ?' for k in cols)}, updated_at = ?"
                " WHERE rowid = ?",
                [row[k] for k in cols] + [now, rowid],
            )
            c.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
            c.execute("DELETE FROM article_events WHERE article_id = ?", (article.id,))
            status = "updated"
        c.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", (rowid, title, body)
        )
        self._put_events(article)
        return status

    def _put_events(self, article: Article) -> None:
        rows = records.event_rows(article)
        self.conn.executemany(
            "INSERT OR REPLACE INTO article_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )

    # --- reads ---------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return records.article_from_row(dict(row)) if row else None

    def has_article(self, article_id: str) -> bool:
        q = "SELECT 1 FROM articles WHERE id = ?"
        return self.conn.execute(q, (article_id,)).fetchone() is not None

    def articles(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Iterator[Article]:
        sql, args = article_listing(SQLITE, limit, offset, source, since, until)
        for row in self.conn.execute(sql, args):
            yield records.article_from_row(dict(row))

    def search(self, query: str, *, limit: int = 20) -> list[tuple[Article, float]]:
        """Articles matching every word of ``query`` (in matching form, through
        clitics), best first."""
        match = fts_query(query)
        if not match:
            return []
        try:
            rows = self.conn.execute(
                "SELECT a.*, bm25(articles_fts) AS score FROM articles_fts"
                " JOIN articles a ON a.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH ? ORDER BY score LIMIT ?",
                (match, limit),
            ).fetchall()
        except sqlite3.OperationalError as err:
            raise StoreError(f"search {query!r} failed: {err}", value=query) from err
        return [(records.article_from_row(dict(r)), -r["score"]) for r in rows]

    def events_for(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT data FROM article_events WHERE article_id = ? ORDER BY rowid", (article_id,)
        )
        return [json.loads(r[0]) for r in rows]

    # --- fused events (tables owned by rasd.fuse) ---------------------------
    def fuse(self, article_ids: Sequence[str]) -> Any:
        """Fuse the article events of ``article_ids`` into one record per real event,
        then lay the analysts' reviews back on (the machine never overwrites them)."""
        from rasd.fuse.persist import fuse_store
        from rasd.web.reviews import reapply

        report = fuse_store(self, article_ids)
        reapply(self.conn)
        return report

    def fuse_pending(self) -> Any:
        """Fuse articles whose events were stored but never fused (a run killed in between)."""
        from rasd.fuse.persist import pending_articles

        return self.fuse(pending_articles(self))

    def events(
        self, filters: EventFilter | None = None, *, limit: int | None = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Fused events (event-format dicts) matching ``filters``, newest first."""
        from rasd.fuse import queries

        return queries.events(self.conn, filters, limit=limit, offset=offset)

    def count_events(self, filters: EventFilter | None = None) -> int:
        from rasd.fuse import queries

        return queries.count_events(self.conn, filters)

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """A fused event by id (ids merged away resolve to the surviving event)."""
        from rasd.fuse import queries

        return queries.get_event(self.conn, event_id)

    def stats(self) -> dict[str, Any]:
        c = self.conn
        one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
        first, last = c.execute("SELECT min(published), max(published) FROM articles").fetchone()
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM article_events"),
            "published_first": first,
            "published_last": last,
            "languages": dict(
                c.execute(
                    "SELECT coalesce(language, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
                ).fetchall()
            ),
            "sources": dict(
                c.execute(
                    "SELECT coalesce(source, '?'), count(*) FROM articles"
                    " GROUP BY 1 ORDER BY 2 DESC LIMIT 20"
                ).fetchall()
            ),
            "event_types": dict(
                c.execute(
                    "SELECT sub_event_type, count(*) FROM article_events GROUP BY 1 ORDER BY 2 DESC"
                ).fetchall()
            ),
            "schema_version": self.schema_version(),
            "backend": BACKEND,
        }

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
