"""Drop-in event queries over the fused ``events`` table.

Functions over an open ``sqlite3.Connection`` (``store.conn``) and an
:class:`~rasd.store.query.EventFilter`, so ``SQLiteStore.events``,
``get_event`` and ``count_events`` can delegate here. The filter columns
match ``article_events``, so ``event_where`` is reused; only the text
filter differs: a fused event matches when any of its articles does.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from rasd.store.query import EventFilter, event_where, fts_query


def fused_where(f: EventFilter) -> tuple[list[str], list[object]]:
    """SQL conditions (placeholders only) over ``events``."""
    where, args = event_where(dataclasses.replace(f, text=None))
    if f.text and (match := fts_query(f.text)):
        where.append(
            "event_id IN (SELECT m.event_id FROM event_members m WHERE m.article_id IN"
            " (SELECT a.id FROM articles a JOIN articles_fts ON articles_fts.rowid = a.rowid"
            " WHERE articles_fts MATCH ?))"
        )
        args.append(match)
    return where, args


def _select(f: EventFilter | None, what: str) -> tuple[str, list[object]]:
    where, args = fused_where(f or EventFilter())
    sql = f"SELECT {what} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, args


def events(
    conn: sqlite3.Connection,
    filters: EventFilter | None = None,
    *,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Fused events matching ``filters``, newest first."""
    return list(iter_events(conn, filters, limit=limit, offset=offset))


def iter_events(
    conn: sqlite3.Connection,
    filters: EventFilter | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Like ``events`` but streaming (exports of the whole table)."""
    sql, args = _select(filters, "data")
    sql += " ORDER BY event_date IS NULL, event_date DESC, event_id LIMIT ? OFFSET ?"
    args += [-1 if limit is None else limit, offset]
    for (data,) in conn.execute(sql, args):
        yield json.loads(data)


def count_events(conn: sqlite3.Connection, filters: EventFilter | None = None) -> int:
    sql, args = _select(filters, "count(*)")
    return conn.execute(sql, args).fetchone()[0]


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """A fused event by id; an id merged into another event finds the survivor,
    and the id of one article-level mention finds the event holding it."""
    for sql in (
        "SELECT data FROM events WHERE event_id = ?",
        "SELECT e.data FROM event_aliases a JOIN events e ON e.event_id = a.event_id"
        " WHERE a.old_id = ?",
        "SELECT e.data FROM event_members m JOIN events e ON e.event_id = m.event_id"
        " WHERE m.mention_id = ?",
    ):
        row = conn.execute(sql, (event_id,)).fetchone()
        if row is not None:
            return json.loads(row[0])
    return None


def events_for_article(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """Fused events an article reports (for ``rasd show``)."""
    rows = conn.execute(
        "SELECT DISTINCT e.event_id, e.data FROM event_members m"
        " JOIN events e ON e.event_id = m.event_id WHERE m.article_id = ? ORDER BY e.event_id",
        (article_id,),
    )
    return [json.loads(r[1]) for r in rows]


def history(conn: sqlite3.Connection, *, since: str | None = None) -> list[dict[str, Any]]:
    """Merges, splits and drops (oldest first): what reconciles yesterday's export with today's."""
    sql = "SELECT op, event_ids, at FROM event_history"
    args: list[object] = []
    if since:
        sql += " WHERE at >= ?"
        args.append(since)
    rows = conn.execute(sql + " ORDER BY id", args)
    return [{"op": r[0], "event_ids": json.loads(r[1]), "at": r[2]} for r in rows]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Figures for ``rasd stats``: fused events, mentions behind them, duplicates."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "fused_events": one("SELECT count(*) FROM events"),
        "fused_mentions": one("SELECT count(*) FROM event_members"),
        "multi_article_events": one("SELECT count(*) FROM events WHERE n_articles > 1"),
        "near_duplicate_articles": one(
            "SELECT count(*) FROM article_signatures WHERE duplicate_of IS NOT NULL"
        ),
    }
