"""One small adapter so the fuse stage's SQL runs on SQLite and PostgreSQL.

The fuse tables (``schema``), incremental fusion (``persist``) and the
event queries (``queries``) are written once, in SQL both engines accept
(``?`` placeholders, ``INSERT … ON CONFLICT … DO UPDATE``, rows read by
position), and reach the database only through :class:`Backend`, which
knows the few differences: placeholder style, how JSON goes in and comes
out (TEXT on SQLite, JSONB on PostgreSQL), how a write transaction is
taken (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL so
concurrent ingests fuse one batch at a time), and the full-text filter.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

FUSE_LOCK = 0x72617366  # "rasf": the advisory lock held while a batch is fused
_MARK = re.compile(r"\?")


class Backend:
    """The connection of a store, seen by the fuse stage."""

    name = "sqlite"

    def __init__(self, conn: Any, *, url: str = "") -> None:
        self.conn = conn
        self.url = url

    # --- statements ---------------------------------------------------------
    def sql(self, text: str) -> str:
        return text

    def execute(self, text: str, args: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.sql(text), tuple(args))

    def rows(self, text: str, args: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(r) for r in self.execute(text, args)]

    def one(self, text: str, args: Sequence[Any] = ()) -> tuple | None:
        row = self.execute(text, args).fetchone()
        return tuple(row) if row is not None else None

    def many(self, text: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(self.sql(text), [tuple(r) for r in rows])

    def has_table(self, name: str) -> bool:
        return self.one("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)) is not None

    # --- values -------------------------------------------------------------
    def json(self, obj: Any) -> Any:
        """A value for a JSON column."""
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def loads(value: Any) -> Any:
        """A JSON column's value as Python data (text or already decoded)."""
        if value is None or isinstance(value, (dict, list)):
            return value
        return json.loads(value)

    # --- transactions -------------------------------------------------------
    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction; on SQLite the database lock is taken at once."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- full-text ------------------------------------------------------------
    def text_match(self, query: str) -> tuple[str, list[Any]] | None:
        """A condition "article ``a.id`` matches ``query``" (None: nothing to match)."""
        from rasd.store.query import fts_query

        match = fts_query(query)
        if not match:
            return None
        return (
            "a.id IN (SELECT x.id FROM articles x JOIN articles_fts"
            " ON articles_fts.rowid = x.rowid WHERE articles_fts MATCH ?)",
            [match],
        )

    def filter_where(self, f: Any) -> tuple[list[str], list[Any]]:
        """The store's event filter conditions (all but ``text``) over ``events``."""
        import dataclasses

        from rasd.store.query import event_where

        return event_where(dataclasses.replace(f, text=None))


class PostgresBackend(Backend):
    """The same over psycopg 3 (rows as tuples, JSONB, advisory lock)."""

    name = "postgresql"

    def sql(self, text: str) -> str:
        return _MARK.sub("%s", text.replace("%", "%%"))

    def execute(self, text: str, args: Sequence[Any] = ()) -> Any:
        from psycopg.rows import tuple_row

        cur = self.conn.cursor(row_factory=tuple_row)
        cur.execute(self.sql(text), tuple(args))
        return cur

    def many(self, text: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self.sql(text), [tuple(r) for r in rows])

    def has_table(self, name: str) -> bool:
        return self.one("SELECT to_regclass(?) IS NOT NULL", (name,)) == (True,)

    def json(self, obj: Any) -> Any:
        from psycopg.types.json import Jsonb

        return Jsonb(obj)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """A transaction holding the fuse lock: concurrent ingests fuse in turn."""
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (FUSE_LOCK,))
            yield

    def text_match(self, query: str) -> tuple[str, list[Any]] | None:
        from rasd.store.postgres import tsquery

        q = tsquery(query)
        if not q:
            return None
        return (
            "a.id IN (SELECT x.id FROM articles x WHERE x.search @@ to_tsquery('simple', ?))",
            [q],
        )

    def filter_where(self, f: Any) -> tuple[list[str], list[Any]]:
        import dataclasses

        from rasd.store.postgres import PostgresStore

        where, args = PostgresStore._event_where(None, dataclasses.replace(f, text=None))  # type: ignore[arg-type]
        conds = [where.removeprefix(" WHERE ")] if where else []
        return [c.replace("%s", "?") for c in conds], list(args)


def backend(x: Any) -> Backend:
    """The adapter for a store, a store's connection, or an adapter."""
    if isinstance(x, Backend):
        return x
    url = getattr(x, "url", "")
    conn = getattr(x, "conn", x)
    if isinstance(conn, sqlite3.Connection):
        return Backend(conn, url=url)
    return PostgresBackend(conn, url=url)
