"""The PostgreSQL store: the SQLite store's schema and behaviour on a server.

Owned by the store stage; chosen by a ``postgresql://`` URL. Full-text
search runs over the same matching form (a ``tsvector`` with the
``simple`` configuration, GIN-indexed). Upserts use ``ON CONFLICT`` so
several ``rasd ingest`` processes writing at once still store every
article exactly once; migrations take an advisory lock so two processes
opening a fresh database do not both migrate it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from rasd.errors import StoreError
from rasd.model import Article
from rasd.store import records
from rasd.store.migrations import migration, pending
from rasd.store.query import (
    POSTGRES,
    EventFilter,
    article_listing,
    event_conditions,
    query_words,
    word_forms,
)

try:
    import psycopg
    from psycopg.rows import dict_row
except ImportError as err:  # pragma: no cover - depends on the installation
    raise StoreError(
        "PostgreSQL support needs psycopg: pip install 'rasd[pg]'", value="psycopg"
    ) from err

BACKEND = "postgresql"
_MIGRATION_LOCK = 0x72617364  # "rasd"


@migration(BACKEND, 1, "articles, full-text index, article events")
def _v1(conn: Any) -> None:
    conn.execute(
        """
        CREATE TABLE articles (
            rowid BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT, source TEXT, title TEXT,
            published TEXT, published_precision INTEGER, published_raw TEXT,
            language TEXT,
            text TEXT NOT NULL, body TEXT NOT NULL,
            origin TEXT, spans TEXT,
            content_hash TEXT NOT NULL,
            ingested_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            search tsvector NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX articles_published ON articles(published)")
    conn.execute("CREATE INDEX articles_source ON articles(source)")
    conn.execute("CREATE INDEX articles_search ON articles USING gin(search)")
    conn.execute(
        """
        CREATE TABLE article_events (
            rowid BIGSERIAL,
            event_id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_date TEXT, date_start TEXT, date_end TEXT,
            event_type TEXT, sub_event_type TEXT, plover_type TEXT,
            country TEXT, claim_status TEXT,
            data JSONB NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX article_events_article ON article_events(article_id)")
    conn.execute("CREATE INDEX article_events_date ON article_events(event_date)")
    conn.execute(
        "CREATE TABLE ingest_partitions"
        " (key TEXT PRIMARY KEY, articles INTEGER NOT NULL, done_at TEXT NOT NULL)"
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def tsquery(query: str) -> str | None:
    """A ``to_tsquery`` string: every word, in any clitic form, quoted."""
    parts = []
    for w in query_words(query):
        forms = word_forms(w)
        parts.append("(" + " | ".join("'" + f.replace("'", "''") + "'" for f in forms) + ")")
    return " & ".join(parts) or None


class PostgresStore:
    """Articles and their events in a PostgreSQL database."""

    backend = BACKEND

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as err:
            raise StoreError(f"{_safe(url)}: cannot connect: {err}".strip(), value=url) from err
        self._migrate()

    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations"
                " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            applied = {
                r["version"] for r in self.conn.execute("SELECT version FROM schema_migrations")
            }
            for m in pending(BACKEND, applied):
                m.apply(self.conn)
                self.conn.execute(
                    "INSERT INTO schema_migrations VALUES (%s, %s, %s)", (m.version, m.name, _now())
                )

    def done_partitions(self) -> set[str]:
        return {r["key"] for r in self.conn.execute("SELECT key FROM ingest_partitions")}

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) AS v FROM schema_migrations").fetchone()
        return row["v"] or 0

    # --- writes --------------------------------------------------------------
    def put_articles(
        self, articles: Sequence[Article], *, partition: str | None = None
    ) -> list[str]:
        try:
            with self.conn.transaction():
                statuses = [self._put(a) for a in articles]
                if partition is not None:
                    self.conn.execute(
                        "INSERT INTO ingest_partitions VALUES (%s, %s, %s)"
                        " ON CONFLICT (key) DO UPDATE SET done_at = EXCLUDED.done_at",
                        (partition, len(articles), _now()),
                    )
                return statuses
        except psycopg.Error as err:
            raise StoreError(f"{_safe(self.url)}: batch not stored: {err}", value=err) from err

    def _put(self, article: Article) -> str:
        row = records.article_row(article)
        title, body = records.search_text(article)
        cols = records.ARTICLE_COLUMNS
        now = _now()
        sql = (
            f"INSERT INTO articles ({', '.join(cols)}, ingested_at, updated_at, search)"
            f" VALUES ({', '.join(['%s'] * len(cols))}, %s, %s,"
            " setweight(to_tsvector('simple', %s), 'A') || to_tsvector('simple', %s))"
            " ON CONFLICT (id) DO UPDATE SET "
            + ", ".join(f"{k} = EXCLUDED.{k}" for k in cols if k != "id")
            + ", updated_at = EXCLUDED.updated_at, search = EXCLUDED.search"
            " WHERE articles.content_hash <> EXCLUDED.content_hash"
            " RETURNING (xmax = 0) AS inserted"
        )
        result = self.conn.execute(sql, [row[k] for k in cols] + [now, now, title, body])
        got = result.fetchone()
        if got is None:
            return "unchanged"
        if not got["inserted"]:
            self.conn.execute("DELETE FROM article_events WHERE article_id = %s", (article.id,))
        self._put_events(article)
        return "new" if got["inserted"] else "updated"

    def _put_events(self, article: Article) -> None:
        rows = records.event_rows(article)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO article_events (event_id, article_id, event_date, date_start,"
                    " date_end, event_type, sub_event_type, plover_type, country, claim_status,"
                    " data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)"
                    " ON CONFLICT (event_id) DO UPDATE SET data = EXCLUDED.data",
                    rows,
                )

    # --- reads ---------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = %s", (article_id,)).fetchone()
        return records.article_from_row(row) if row else None

    def has_article(self, article_id: str) -> bool:
        q = "SELECT 1 FROM articles WHERE id = %s"
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
        sql, args = article_listing(POSTGRES, limit, offset, source, since, until)
        for row in self.conn.execute(sql, args).fetchall():
            yield records.article_from_row(row)

    def search(self, query: str, *, limit: int = 20) -> list[tuple[Article, float]]:
        q = tsquery(query)
        if not q:
            return []
        rows = self.conn.execute(
            "SELECT *, ts_rank(search, to_tsquery('simple', %s)) AS score FROM articles"
            " WHERE search @@ to_tsquery('simple', %s) ORDER BY score DESC, rowid LIMIT %s",
            (q, q, limit),
        ).fetchall()
        return [(records.article_from_row(r), float(r["score"])) for r in rows]

    def events_for(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT data FROM article_events WHERE article_id = %s ORDER BY rowid", (article_id,)
        )
        return [r["data"] for r in rows]

    def _event_where(self, f: EventFilter) -> tuple[str, list[Any]]:
        where, args = event_conditions(f, POSTGRES)
        if f.text and (q := tsquery(f.text)):
            where.append(
                "article_id IN (SELECT id FROM articles WHERE search @@ to_tsquery('simple', %s))"
            )
            args.append(q)
        return (" WHERE " + " AND ".join(where)) if where else "", args

    # --- fused events (tables owned by rasd.fuse, SQL shared with SQLite) ----
    def fuse(self, article_ids: Sequence[str]) -> Any:
        """Fuse the article events of ``article_ids`` into one record per real
        event (under an advisory lock: concurrent ingests fuse in turn), then
        lay the analysts' reviews back on (the machine never overwrites them)."""
        from rasd.fuse.persist import fuse_store
        from rasd.web.reviews import reapply

        report = fuse_store(self, article_ids)
        reapply(self)
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

        return queries.events(self, filters, limit=limit, offset=offset)

    def count_events(self, filters: EventFilter | None = None) -> int:
        from rasd.fuse import queries

        return queries.count_events(self, filters)

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """A fused event by id (ids merged away resolve to the surviving event)."""
        from rasd.fuse import queries

        return queries.get_event(self, event_id)

    def stats(self) -> dict[str, Any]:
        one = lambda sql: next(iter(self.conn.execute(sql).fetchone().values()))  # noqa: E731
        span = self.conn.execute(
            "SELECT min(published) AS a, max(published) AS b FROM articles"
        ).fetchone()

        def counts(sql: str) -> dict[str, int]:
            return {r["k"]: r["n"] for r in self.conn.execute(sql)}

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM article_events"),
            "published_first": span["a"],
            "published_last": span["b"],
            "languages": counts(
                "SELECT coalesce(language, '?') AS k, count(*) AS n FROM articles"
                " GROUP BY 1 ORDER BY 2 DESC"
            ),
            "sources": counts(
                "SELECT coalesce(source, '?') AS k, count(*) AS n FROM articles"
                " GROUP BY 1 ORDER BY 2 DESC LIMIT 20"
            ),
            "event_types": counts(
                "SELECT sub_event_type AS k, count(*) AS n FROM article_events"
                " GROUP BY 1 ORDER BY 2 DESC"
            ),
            "schema_version": self.schema_version(),
            "backend": BACKEND,
        }

    def integrity_ok(self) -> bool:
        dupes = self.conn.execute(
            "SELECT count(*) AS n FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1) d"
        ).fetchone()["n"]
        return dupes == 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        return f"{scheme}://{cred.split(':', 1)[0]}@{host}"
    return url
