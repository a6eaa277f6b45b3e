"""Fast event pages for the API over a SQLite store's fused ``events`` table.

Same filters and order as ``rasd.fuse.queries`` (newest first), planned for
an API that answers in milliseconds on 100,000+ events:

* a page is found on the ``events_listing`` index alone (date order plus
  every filter column, so the walk stops after one page and never reads a
  table row), then only its rows' JSON is read, so deep pages do not decode
  the rows they skip;
* a date range also becomes a range of the listing's ``event_date``
  (widened by the widest window in the store, ``_span``), so the walk
  starts at the right date instead of passing every newer event;
* the actor filter is a union over one expression index per actor field;
  ``admin1`` has its own expression index (indexes: ``rasd.web.schema``);
  those few rows are then sorted;
* text goes through ``web_article_events`` (article rowid to event, kept by
  triggers), integer keys all the way. Rare words: their events looked up
  by id. When the other filters leave few events (``NARROW``), those are
  checked against the set of events matching the words (built once and
  kept, ``SETS``). Otherwise either the matching articles' rowids give that
  set once per query, which the walk checks each event against, or, when
  the walk visits few events (the words are in most articles, so a page
  fills at once), each visited event's own articles are checked in the
  full-text index;
* totals, those sets and narrow results are cached for the whole process
  until the store changes: any connection that sees ``PRAGMA data_version``
  move (another process wrote) or this process's own reviews start a new
  epoch.

Every condition uses ``?`` placeholders; no user text reaches SQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import sqlite3
import threading
from collections import OrderedDict
from typing import Any

from rasd.store.query import EventFilter, event_where, fts_query

ORDER = "event_date IS NULL, event_date DESC, event_id"
ROLES = ("actor1", "actor2", "suspected_actor1")
CACHE = 256

_local = threading.local()
_lock = threading.Lock()
_epoch = [0]
_caches: dict[str, OrderedDict] = {}


def changed() -> None:
    """This process wrote to the store (a connection does not see its own
    writes in ``data_version``): cached figures are stale."""
    with _lock:
        _epoch[0] += 1


def _generation(conn: sqlite3.Connection) -> int:
    """The current epoch, after this connection reports whether anyone wrote."""
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    seen = getattr(_local, "versions", None)
    if seen is None:
        seen = _local.versions = {}
    if seen.get(id(conn)) != version:  # first sight, or another connection wrote
        seen[id(conn)] = version
        changed()
    return _epoch[0]


def _cached(conn: sqlite3.Connection, name: str, key: Any, compute, size: int = CACHE) -> Any:
    """``compute()``, remembered under ``key`` until the store changes
    (the ``size`` latest per ``name``)."""
    gen = _generation(conn)
    with _lock:
        cache = _caches.setdefault(name, OrderedDict())
        hit = cache.get(key)
        if hit is not None and hit[0] == gen:
            cache.move_to_end(key)
            return hit[1]
    value = compute()
    with _lock:
        cache[key] = (gen, value)
        while len(cache) > size:
            cache.popitem(last=False)
    return value


RARE = 1000  # words in at most this many articles: look their events up directly
HITS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
EVENTS_OF_HITS = (
    f"event_id IN (SELECT w.event_id FROM web_article_events w WHERE w.article_rowid IN ({HITS}))"
)
# checking one event's articles in the full-text index costs about as much
# as gathering this many hits into the set of matching events
PROBE_COST = 500
PROBE = (
    "EXISTS (SELECT 1 FROM web_article_events w JOIN articles_fts"
    " ON articles_fts.rowid = w.article_rowid"
    " WHERE w.event_id = events.event_id AND articles_fts MATCH ?)"
)
EVENT_IDS_OF_HITS = (
    f"SELECT DISTINCT event_id FROM web_article_events WHERE article_rowid IN ({HITS})"
)
NARROW = 2000  # other filters leaving at most this many events: check them in Python
SETS = 12  # sets of matching event ids kept (each up to ~70 bytes per event)
# only a text filter: count the matching events without visiting the others
COUNT_HITS = (
    f"SELECT count(DISTINCT event_id) FROM web_article_events WHERE article_rowid IN ({HITS})"
)


@dataclasses.dataclass(slots=True)
class Plan:
    """Conditions over ``events`` (placeholders only), their arguments, and
    whether to walk the ``events_listing`` index (False: few rows are found
    through another index and sorted)."""

    conds: list[str]
    args: list[object]
    walk: bool = True

    def source(self) -> str:
        table = "events INDEXED BY events_listing" if self.walk else "events"
        return table + (" WHERE " + " AND ".join(self.conds) if self.conds else "")


def _span(conn: sqlite3.Connection) -> dt.timedelta | None:
    """The widest stretch between an event's date and its window's ends.

    An event overlapping [from, to] has its ``event_date`` within
    [from - span, to + span], a range the listing index can seek to instead
    of walking every newer event. None when some event has a window but no
    date (then the range would miss it)."""

    def compute() -> int | None:
        width, undated = conn.execute(
            "SELECT max(max(julianday(coalesce(date_end, event_date)), julianday(event_date))"
            " - min(julianday(coalesce(date_start, event_date)), julianday(event_date))),"
            " (SELECT count(*) FROM events WHERE event_date IS NULL"
            "  AND (date_start IS NOT NULL OR date_end IS NOT NULL))"
            " FROM events WHERE event_date IS NOT NULL"
        ).fetchone()
        return None if undated else int(math.ceil(width or 0))

    days = _cached(conn, "span", None, compute)
    return None if days is None else dt.timedelta(days=days)


def where(conn: sqlite3.Connection, f: EventFilter, *, want: int | None = None) -> Plan:
    """How to find the events matching ``f``: the first ``want`` of them in
    order (a page), or all of them (``want`` None: a count)."""
    conds, args = event_where(dataclasses.replace(f, text=None, actor=None, admin1=None))
    plan = Plan(conds, args)
    if (f.date_from or f.date_to) and (span := _span(conn)) is not None:
        # the same dates as a range of the listing's event_date (see _span)
        conds.append("(event_date IS NULL) = 0")
        if f.date_from:
            conds.append("event_date >= ?")
            args.append((dt.date.fromisoformat(f.date_from) - span).isoformat())
        if f.date_to:
            conds.append("event_date <= ?")
            args.append((dt.date.fromisoformat(f.date_to) + span).isoformat())
    if f.admin1:
        conds.append("json_extract(data, '$.location.admin1') = ?")
        args.append(f.admin1)
        plan.walk = False
    if f.actor:
        parts = []
        for role in ROLES:
            for key in ("id", "name"):
                parts.append(
                    f"SELECT rowid FROM events WHERE lower(json_extract(data, '$.{role}.{key}'))"
                    " = lower(?)"
                )
                args.append(f.actor)
        conds.append("rowid IN (" + " UNION ".join(parts) + ")")
        plan.walk = False
    if f.text and (match := fts_query(f.text)):
        _text(conn, f, match, plan, want)
    return plan


def _hits(conn: sqlite3.Connection, match: str) -> tuple[int, int]:
    """(articles matching, all articles)."""
    return _cached(
        conn,
        "hits",
        match,
        lambda: (
            conn.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
            ).fetchone()[0],
            conn.execute("SELECT count(*) FROM articles").fetchone()[0],
        ),
    )


def _text(conn: sqlite3.Connection, f: EventFilter, match: str, plan: Plan, want: int | None):
    """Add the text condition, the cheapest of three ways (module docstring)."""
    hits, articles = _hits(conn, match)
    if hits <= RARE or not plan.walk:
        plan.conds.append(EVENTS_OF_HITS)  # the few events found by their id
        plan.walk = False
    else:
        # events the walk would visit: all that pass the other filters (a
        # count), or until a page is full (words in a share of the articles)
        visits = count(conn, dataclasses.replace(f, text=None))
        if want is not None:
            visits = min(visits, int(want * max(articles, 1) / hits) + 1)
        if visits * PROBE_COST < hits:
            plan.conds.append(PROBE)  # check each visited event's own articles
        else:
            plan.conds.append("+" + EVENTS_OF_HITS)  # a set the walk checks events against
    plan.args.append(match)


def _matching(conn: sqlite3.Connection, match: str) -> frozenset[str]:
    """Ids of the events whose articles match (a few kept, per store state)."""
    return _cached(
        conn,
        "sets",
        match,
        lambda: frozenset(r[0] for r in conn.execute(EVENT_IDS_OF_HITS, (match,))),
        size=SETS,
    )


def _narrow(conn: sqlite3.Connection, f: EventFilter, stop: int | None = None) -> list[int] | None:
    """For words in many articles, via the (kept) set of events matching them:
    the rowids of ``f``'s events in listing order, all of them when the
    other filters leave few events (``NARROW``, kept too), or, with only the
    words as filter, the first ``stop`` (the walk ends there). None when
    another plan is better."""
    match = fts_query(f.text or "")
    if not match or _hits(conn, match)[0] <= RARE:
        return None
    base = dataclasses.replace(f, text=None)
    if base == EventFilter():
        if stop is None:
            return None  # a count: len() of the set
        found = _matching(conn, match)
        out = []
        sql = f"SELECT rowid, event_id FROM events INDEXED BY events_listing ORDER BY {ORDER}"
        for rowid, event_id in conn.execute(sql):
            if event_id in found:
                out.append(rowid)
                if len(out) >= stop:
                    break
        return out
    if count(conn, base) > NARROW:
        return None

    def compute() -> list[int]:
        plan = where(conn, base)
        found = _matching(conn, match)
        sql = f"SELECT rowid, event_id FROM {plan.source()} ORDER BY {ORDER}"
        return [rowid for rowid, event_id in conn.execute(sql, plan.args) if event_id in found]

    return _cached(conn, "narrow", dataclasses.astuple(f), compute)


def _by_rowid(conn: sqlite3.Connection, columns: str, rowids: list[int]) -> list[tuple]:
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))  # placeholders only
    return conn.execute(
        f"SELECT {columns} FROM events WHERE rowid IN ({marks}) ORDER BY {ORDER}", rowids
    ).fetchall()


def page(
    conn: sqlite3.Connection, f: EventFilter, *, limit: int, offset: int = 0
) -> list[dict[str, Any]]:
    """One page of events matching ``f``, newest first."""
    narrow = _narrow(conn, f, offset + limit) if f.text else None
    if narrow is not None:
        return [json.loads(r[0]) for r in _by_rowid(conn, "data", narrow[offset : offset + limit])]
    plan = where(conn, f, want=offset + limit)
    sql = (
        f"SELECT data FROM events WHERE rowid IN (SELECT rowid FROM {plan.source()}"
        f" ORDER BY {ORDER} LIMIT ? OFFSET ?) ORDER BY {ORDER}"
    )
    return [json.loads(r[0]) for r in conn.execute(sql, [*plan.args, limit, offset])]


POINT_COLUMNS = ("id", "date", "type", "sub", "lat", "lon", "country", "status")


def points(conn: sqlite3.Connection, f: EventFilter, *, limit: int) -> list[dict[str, Any]]:
    """Map/timeline rows of the newest ``limit`` events matching ``f``, from
    columns only (no JSON decoded): id, date, type, sub type, lat, lon,
    country, review status."""
    narrow = _narrow(conn, f, limit) if f.text else None
    if narrow is not None:
        # the narrow case is a few hundred events: their columns by rowid
        keep = narrow[:limit]
        plan = Plan([f"rowid IN ({','.join('?' * len(keep))})"], list(keep), walk=False)
        if not keep:
            return []
    else:
        plan = where(conn, f, want=limit)
    sql = (
        "SELECT e.event_id, e.event_date, e.event_type, e.sub_event_type, e.lat, e.lon,"
        " e.country, o.status FROM events e LEFT JOIN event_overrides o"
        " ON o.event_id = e.event_id WHERE e.rowid IN"
        f" (SELECT rowid FROM {plan.source()} ORDER BY {ORDER} LIMIT ?)"
        f" ORDER BY {ORDER.replace('event_', 'e.event_')}"
    )
    rows = conn.execute(sql, [*plan.args, limit])
    return [dict(zip(POINT_COLUMNS, r, strict=True)) for r in rows]


def count(conn: sqlite3.Connection, f: EventFilter) -> int:
    """How many events match ``f`` (cached until the store changes)."""

    def compute() -> int:
        if f.text and dataclasses.replace(f, text=None) == EventFilter():
            match = fts_query(f.text)
            if not match:
                return conn.execute("SELECT count(*) FROM events").fetchone()[0]
            if _hits(conn, match)[0] <= RARE:
                return conn.execute(COUNT_HITS, (match,)).fetchone()[0]
            return len(_matching(conn, match))
        narrow = _narrow(conn, f) if f.text else None
        if narrow is not None:
            return len(narrow)
        plan = where(conn, f)
        return conn.execute(f"SELECT count(*) FROM {plan.source()}", plan.args).fetchone()[0]

    return _cached(conn, "counts", dataclasses.astuple(f), compute)
