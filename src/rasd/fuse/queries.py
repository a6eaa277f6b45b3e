"""Event queries over the fused ``events`` table, on either store backend.

Functions over a store, its connection, or a :class:`~rasd.fuse.backend.Backend`
and an :class:`~rasd.store.query.EventFilter`, so both stores' ``events``,
``get_event`` and ``count_events`` delegate here. The filter columns match
``article_events``, so each backend's own filter conditions are reused;
only the text filter differs: a fused event matches when any of its
articles does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rasd.fuse.backend import Backend, backend
from rasd.store.query import EventFilter


def fused_where(db: Backend, f: EventFilter) -> tuple[list[str], list[object]]:
    """SQL conditions (``?`` placeholders only) over ``events``."""
    where, args = db.filter_where(f)
    if f.text and (match := db.text_match(f.text)):
        cond, more = match
        where.append(
            "event_id IN (SELECT m.event_id FROM event_members m"
            f" WHERE m.article_id IN (SELECT a.id FROM articles a WHERE {cond}))"
        )
        args += more
    return where, args


def _select(db: Backend, f: EventFilter | None, what: str) -> tuple[str, list[object]]:
    where, args = fused_where(db, f or EventFilter())
    sql = f"SELECT {what} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, args


def events(
    conn: Any,
    filters: EventFilter | None = None,
    *,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Fused events matching ``filters``, newest first."""
    return list(iter_events(conn, filters, limit=limit, offset=offset))


def iter_events(
    conn: Any,
    filters: EventFilter | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Like ``events`` but streaming (exports of the whole table)."""
    db = backend(conn)
    sql, args = _select(db, filters, "data")
    sql += " ORDER BY event_date IS NULL, event_date DESC, event_id"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    if offset:
        sql += " OFFSET ?" if limit is not None or db.name != "sqlite" else " LIMIT -1 OFFSET ?"
        args.append(offset)
    for (data,) in db.execute(sql, args):
        yield db.loads(data)


def count_events(conn: Any, filters: EventFilter | None = None) -> int:
    db = backend(conn)
    sql, args = _select(db, filters, "count(*)")
    return db.one(sql, args)[0]


def get_event(conn: Any, event_id: str) -> dict[str, Any] | None:
    """A fused event by id; an id merged into another event finds the survivor,
    and the id of one article-level mention finds the event holding it."""
    db = backend(conn)
    for sql in (
        "SELECT data FROM events WHERE event_id = ?",
        "SELECT e.data FROM event_aliases a JOIN events e ON e.event_id = a.event_id"
        " WHERE a.old_id = ?",
        "SELECT e.data FROM event_members m JOIN events e ON e.event_id = m.event_id"
        " WHERE m.mention_id = ?",
    ):
        row = db.one(sql, (event_id,))
        if row is not None:
            return db.loads(row[0])
    return None


def events_for_article(conn: Any, article_id: str) -> list[dict[str, Any]]:
    """Fused events an article reports (for ``rasd show``)."""
    db = backend(conn)
    rows = db.rows(
        "SELECT e.event_id, e.data FROM events e WHERE e.event_id IN"
        " (SELECT m.event_id FROM event_members m WHERE m.article_id = ?) ORDER BY e.event_id",
        (article_id,),
    )
    return [db.loads(r[1]) for r in rows]


def history(conn: Any, *, since: str | None = None) -> list[dict[str, Any]]:
    """Merges, splits and drops (oldest first): what reconciles yesterday's export with today's."""
    db = backend(conn)
    sql = "SELECT op, event_ids, at FROM event_history"
    args: list[object] = []
    if since:
        sql += " WHERE at >= ?"
        args.append(since)
    rows = db.rows(sql + " ORDER BY id", args)
    return [{"op": r[0], "event_ids": db.loads(r[1]), "at": r[2]} for r in rows]


def stats(conn: Any) -> dict[str, Any]:
    """Figures for ``rasd stats``: fused events, mentions behind them, duplicates."""
    db = backend(conn)

    def one(sql: str) -> int:
        return db.one(sql)[0]

    return {
        "fused_events": one("SELECT count(*) FROM events"),
        "fused_mentions": one("SELECT count(*) FROM event_members"),
        "multi_article_events": one("SELECT count(*) FROM events WHERE n_articles > 1"),
        "near_duplicate_articles": one(
            "SELECT count(*) FROM article_signatures WHERE duplicate_of IS NOT NULL"
        ),
    }
