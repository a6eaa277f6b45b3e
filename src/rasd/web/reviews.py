"""The review workflow: editors confirm, correct, merge, split or reject events.

Every change is one row of ``reviews`` (who, when, action, before, after).
The current verdict per event is an ``event_overrides`` row (a status and
the corrected fields); merges and splits are ``event_links`` rows (mentions
that must stay together, or apart). The analysts' work is written through
into the fused ``events`` table: its filter columns and its JSON, which
gains a ``review`` object (status, who, when, the corrected fields and the
machine's values for them). So the API, ``rasd events`` and exports all see
it, and filters, counts and pages agree.

Fusion rewrites events from the machine's mentions; the store calls
:func:`reapply` after each fusion, which enforces the links again, finds
each override's event again (by alias or by its mentions) and lays the
overrides on again: the machine never overwrites what an analyst set.

The SQL is written once and runs on SQLite and PostgreSQL through the fuse
stage's adapter (:mod:`rasd.fuse.backend`: ``?`` placeholders, upserts as
``ON CONFLICT``, JSON columns in and out, rows read by position). Every
function takes a store, its connection or that adapter. A review, and
``reapply``, is one write transaction: ``BEGIN IMMEDIATE`` on SQLite, the
fuse stage's advisory lock on PostgreSQL, so the reviews and fusions of any
number of processes take turns.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from rasd.errors import RasdError
from rasd.fuse.backend import Backend, backend

ACTIONS = ("confirm", "correct", "reject", "reopen", "merge", "split")
STATUS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}
CLAIMS = ("claimed", "unclaimed", "denied", "attributed", "unknown")
# fields an editor may set; ids, article links and evidence stay the machine's
EDITABLE = (
    "event_date",
    "date_start",
    "date_end",
    "time_precision",
    "event_type",
    "sub_event_type",
    "plover_type",
    "actor1",
    "claim_status",
    "suspected_actor1",
    "actor2",
    "targets",
    "weapons",
    "location",
    "fatalities",
    "injuries",
    "damage",
)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_MERGE = 50


class ReviewError(RasdError):
    """A review that cannot be applied (unknown field, bad value, bad merge or split)."""

    code = "E610"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _check(field: str, value: Any) -> Any:
    """The value if it is acceptable for ``field``; raises ReviewError otherwise."""
    if field not in EDITABLE:
        raise ReviewError(f"field {field!r} cannot be edited", value=field)
    ok = True
    if field in ("event_date", "date_start", "date_end"):
        ok = value is None or (isinstance(value, str) and bool(DATE.match(value)))
        if ok and value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                ok = False
    elif field in ("fatalities", "injuries"):
        ok = value is None or (
            isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**7
        )
    elif field == "time_precision":
        ok = value in (None, 1, 2, 3)
    elif field == "claim_status":
        ok = value in CLAIMS
    elif field in ("event_type", "sub_event_type", "plover_type"):
        ok = isinstance(value, str) and 0 < len(value) <= 100
    elif field in ("actor1", "suspected_actor1", "actor2", "location"):
        ok = value is None or (isinstance(value, dict) and isinstance(value.get("name"), str))
        if ok and field == "location" and value is not None:
            ok = all(
                value.get(k) is None
                or (isinstance(value.get(k), int | float) and not isinstance(value.get(k), bool))
                for k in ("lat", "lon")
            )
    elif field in ("targets", "weapons"):
        ok = isinstance(value, list) and all(isinstance(x, dict) for x in value)
    elif field == "damage":
        ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
    if ok and len(_json(value)) > 20000:
        ok = False
    if not ok:
        raise ReviewError(f"bad value for {field}: {value!r}", value=value)
    return value


# --- overrides laid over the machine's event -----------------------------------


def machine(data: dict[str, Any]) -> dict[str, Any]:
    """The machine's event under whatever review is laid over ``data``."""
    out = {k: v for k, v in data.items() if k != "review"}
    review = data.get("review")
    if review:
        out.update(review.get("machine") or {})
    return out


def overrides(conn: Any, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The current override of each of ``event_ids`` that has one."""
    db = backend(conn)
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))  # placeholders only, never user text
        for row in db.rows(
            'SELECT event_id, status, fields, "user", at FROM event_overrides'
            f" WHERE event_id IN ({marks})",
            chunk,
        ):
            out[row[0]] = {
                "status": row[1],
                "fields": json.loads(row[2]),
                "by": row[3],
                "at": row[4],
            }
    return out


def overlay(event: dict[str, Any], override: dict[str, Any] | None) -> dict[str, Any]:
    """The machine ``event`` as served: corrected fields replace the machine's,
    and ``review`` says who reviewed it (null when nobody has)."""
    if not override:
        return {**event, "review": None}
    out = {**event, **override["fields"]}
    out["review"] = {
        "status": override["status"],
        "by": override["by"],
        "at": override["at"],
        "fields": sorted(override["fields"]),
        "machine": {k: event.get(k) for k in override["fields"]},
    }
    return out


def served(event: dict[str, Any]) -> dict[str, Any]:
    """An event row as the API hands it out (``review`` always present)."""
    return event if "review" in event else {**event, "review": None}


def _data(db: Backend, event_id: str) -> dict[str, Any] | None:
    row = db.one("SELECT data FROM events WHERE event_id = ?", (event_id,))
    return db.loads(row[0]) if row else None


def lay(conn: Any, event_id: str) -> dict[str, Any] | None:
    """Write the override of ``event_id`` (or its absence) into the events row;
    returns the event as served (None when there is no such event)."""
    db = backend(conn)
    data = _data(db, event_id)
    if data is None:
        return None
    base = machine(data)
    ov = overrides(db, [event_id]).get(event_id)
    out = overlay(base, ov)
    stored = out if ov else base
    if stored != data:
        loc = stored.get("location") or {}
        db.execute(
            "UPDATE events SET event_date = ?, date_start = ?, date_end = ?, event_type = ?,"
            " sub_event_type = ?, plover_type = ?, country = ?, claim_status = ?, lat = ?,"
            " lon = ?, data = ? WHERE event_id = ?",
            (
                stored.get("event_date"),
                stored.get("date_start"),
                stored.get("date_end"),
                stored.get("event_type"),
                stored.get("sub_event_type"),
                stored.get("plover_type"),
                loc.get("country"),
                stored.get("claim_status"),
                loc.get("lat"),
                loc.get("lon"),
                db.json(stored),
                event_id,
            ),
        )
    if ov:
        mentions = _json(base.get("mention_ids") or [])
        articles = _json(base.get("article_ids") or [])
        db.execute(
            "UPDATE event_overrides SET mention_ids = ?, article_ids = ?"
            " WHERE event_id = ? AND (mention_ids != ? OR article_ids != ?)",
            (mentions, articles, event_id, mentions, articles),
        )
    return out


# --- merges and splits on the fused tables --------------------------------------


MEMBER = ("mention_id", "article_id", "seq", "published", "copy_of", "data")


def _members(db: Backend, event_id: str) -> list[dict[str, Any]]:
    """The event's member rows (by column name), earliest first."""
    rows = db.rows(
        f"SELECT {', '.join(MEMBER)} FROM event_members WHERE event_id = ? ORDER BY seq",
        (event_id,),
    )
    return [dict(zip(MEMBER, r, strict=True)) for r in rows]


def _cluster(event_id: str, rows: list[dict[str, Any]], history: list[dict[str, Any]]):
    from rasd.fuse.cluster import Cluster
    from rasd.fuse.mention import Mention

    mentions = []
    for r in sorted(rows, key=lambda r: r["seq"]):
        m = Mention.of(
            Backend.loads(r["data"]), seq=r["seq"], published=r["published"], copy_of=r["copy_of"]
        )
        m.article_id = r["article_id"]
        mentions.append(m)
    c = Cluster(id=event_id, family=mentions[0].family, history=list(history))
    for m in mentions:
        c.add(m)
    return c


def _rewrite(
    db: Backend,
    clusters: dict[str, Any],
    dropped: set[str],
    aliases: dict[str, str],
    log: list[dict[str, Any]],
    stamp: str,
) -> None:
    """Write clusters back exactly as fusion does (same rows, history, aliases)."""
    from rasd.fuse.fusion import Fuser
    from rasd.fuse.persist import _write

    fuser = Fuser(now=lambda: stamp)
    fuser.clusters = clusters
    fuser.aliases = aliases
    fuser.log = log
    _write(db, fuser, set(clusters), dropped, stamp)


def _history(db: Backend, event_id: str) -> list[dict[str, Any]]:
    data = _data(db, event_id) or {}
    return list(data.get("history") or [])


def merge_events(
    conn: Any, event_ids: list[str], *, by: str, at: str, target: str | None = None
) -> tuple[str, list[str]]:
    """Make the events ``event_ids`` one event (inside the caller's transaction).
    ``target`` keeps its id if given, else the one holding the earliest mention
    (as in fusion, so a re-fusion from scratch names it the same). Returns
    (kept id, merged-away ids)."""
    db = backend(conn)
    rows = {e: r for e in dict.fromkeys(event_ids) if (r := _members(db, e))}
    if len(rows) < 2:
        return (next(iter(rows), target or ""), [])
    keep = target if target in rows else min(rows, key=lambda e: rows[e][0]["seq"])
    gone = [e for e in rows if e != keep]
    entry = {"op": "merge", "event_ids": [keep, *gone], "at": at, "by": by}
    history = _history(db, keep)
    for g in gone:
        history += _history(db, g)
    history.append(entry)
    members = [r for e in rows for r in rows[e]]
    _rewrite(
        db,
        {keep: _cluster(keep, members, history)},
        set(gone),
        dict.fromkeys(gone, keep),
        [entry],
        at,
    )
    mine = overrides(db, [keep]).get(keep)
    for g in gone:
        db.execute("UPDATE reviews SET event_id = ? WHERE event_id = ?", (keep, g))
        if mine is None and overrides(db, [g]):
            db.execute("UPDATE event_overrides SET event_id = ? WHERE event_id = ?", (keep, g))
            mine = overrides(db, [keep]).get(keep)
        else:
            db.execute("DELETE FROM event_overrides WHERE event_id = ?", (g,))
    lay(db, keep)
    return keep, gone


def split_event(conn: Any, event_id: str, mention_ids: list[str], *, by: str, at: str) -> str:
    """Take ``mention_ids`` out of ``event_id`` as an event of their own
    (inside the caller's transaction). The part holding the earliest mention
    keeps the id, as in fusion; returns the other part's (new) id."""
    db = backend(conn)
    rows = _members(db, event_id)
    chosen = set(mention_ids)
    part = [r for r in rows if r["mention_id"] in chosen]
    rest = [r for r in rows if r["mention_id"] not in chosen]
    if not part or not rest:
        raise ReviewError(
            "a split needs some but not all of the event's reports", value=sorted(chosen)
        )
    kept, other = (part, rest) if part[0]["seq"] < rest[0]["seq"] else (rest, part)
    new_id = other[0]["mention_id"]
    if _data(db, new_id) is not None:
        new_id = f"{new_id}-{other[0]['seq']}"
    entry = {"op": "split", "event_ids": [event_id, new_id], "at": at, "by": by}
    history = _history(db, event_id) + [entry]
    _rewrite(
        db,
        {event_id: _cluster(event_id, kept, history), new_id: _cluster(new_id, other, history)},
        set(),
        {},
        [entry],
        at,
    )
    db.execute("DELETE FROM event_aliases WHERE old_id = ?", (new_id,))
    lay(db, event_id)
    lay(db, new_id)
    return new_id


def _where(db: Backend, mention_ids: list[str]) -> dict[str, str]:
    """mention id -> the event now holding it."""
    out: dict[str, str] = {}
    for i in range(0, len(mention_ids), 500):
        chunk = mention_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.rows(
            f"SELECT mention_id, event_id FROM event_members WHERE mention_id IN ({marks})", chunk
        ):
            out[r[0]] = r[1]
    return out


def _entries(db: Backend, mention_ids: list[str]) -> list[list[str]]:
    """[mention id, article id] pairs, as links keep them."""
    where = {
        r[0]: r[1]
        for m in mention_ids
        for r in db.rows(
            "SELECT mention_id, article_id FROM event_members WHERE mention_id = ?", (m,)
        )
    }
    return [[m, where.get(m, "")] for m in mention_ids]


def _current_mentions(db: Backend, entries: list[list[str]]) -> list[str]:
    """The mentions a link means now: a mention that re-extraction replaced
    (its article came back with new text) is the article's one new mention."""
    out: list[str] = []
    for mention_id, article_id in entries:
        if db.one("SELECT 1 FROM event_members WHERE mention_id = ?", (mention_id,)):
            out.append(mention_id)
            continue
        now = db.rows("SELECT mention_id FROM event_members WHERE article_id = ?", (article_id,))
        if len(now) == 1 and now[0][0] not in out:
            out.append(now[0][0])
    return out


def _enforce_links(db: Backend, at: str) -> int:
    """Make the events agree with every analyst merge and split again."""
    changes = 0
    links = db.rows('SELECT kind, together, apart, "user" FROM event_links ORDER BY id')
    for kind, together_, apart_, user in links:
        together = _current_mentions(db, json.loads(together_))
        apart = _current_mentions(db, json.loads(apart_))
        where = _where(db, together + apart)
        if kind == "merge":
            events = list(dict.fromkeys(where[m] for m in together if m in where))
            if len(events) > 1:
                merge_events(db, events, by=user, at=at)
                changes += 1
            continue
        held = {m for m in apart if m in where}
        for e in dict.fromkeys(where[m] for m in together if m in where):
            if any(where[m] == e for m in held):
                split_event(db, e, [m for m in together if where.get(m) == e], by=user, at=at)
                changes += 1
    return changes


def _reanchor(db: Backend) -> int:
    """Move overrides whose event fusion renamed to the event now holding it."""
    moved = 0
    rows = db.rows(
        "SELECT o.event_id, o.mention_ids, o.article_ids FROM event_overrides o"
        " LEFT JOIN events e ON e.event_id = o.event_id WHERE e.event_id IS NULL"
    )
    for old, mention_ids, article_ids in rows:
        target = None
        alias = db.one("SELECT event_id FROM event_aliases WHERE old_id = ?", (old,))
        if alias and _data(db, alias[0]) is not None:
            target = alias[0]
        elif where := _where(db, json.loads(mention_ids or "[]")):
            target = sorted(where.values())[0]
        else:  # re-extracted with new mention ids: the one event of the same articles
            target = _by_articles(db, json.loads(article_ids or "[]"))
        if target is None or overrides(db, [target]):
            continue
        db.execute("UPDATE event_overrides SET event_id = ? WHERE event_id = ?", (target, old))
        db.execute("UPDATE reviews SET event_id = ? WHERE event_id = ?", (target, old))
        # the id the analyst reviewed keeps finding the event
        db.execute(
            "INSERT INTO event_aliases (old_id, event_id) VALUES (?, ?)"
            " ON CONFLICT (old_id) DO UPDATE SET event_id = excluded.event_id",
            (old, target),
        )
        moved += 1
    return moved


def _by_articles(db: Backend, article_ids: list[str]) -> str | None:
    """The event reported by most of ``article_ids``, if exactly one is."""
    if not article_ids:
        return None
    marks = ",".join("?" * len(article_ids[:500]))
    rows = db.rows(
        "SELECT event_id, count(DISTINCT article_id) AS n FROM event_members"
        f" WHERE article_id IN ({marks}) GROUP BY event_id ORDER BY n DESC",
        article_ids[:500],
    )
    if not rows or (len(rows) > 1 and rows[1][1] == rows[0][1]):
        return None
    return rows[0][0]


def reapply(conn: Any) -> dict[str, int]:
    """After fusion: enforce the analysts' merges and splits, find each
    override's event again and lay the overrides on (one transaction)."""
    db = backend(conn)
    at = _now()
    with db.writing():
        links = _enforce_links(db, at)
        moved = _reanchor(db)
        ids = [r[0] for r in db.rows("SELECT event_id FROM event_overrides")]
        for event_id in ids:
            lay(db, event_id)
    return {"links": links, "moved": moved, "reviewed": len(ids)}


# --- the review actions ---------------------------------------------------------


def _current(db: Backend, event_id: str) -> dict[str, Any]:
    from rasd.fuse.queries import get_event

    data = get_event(db, event_id)
    if data is None:
        raise ReviewError(f"no event with id {event_id!r}", value=event_id)
    return data


def _articles(db: Backend, event_id: str) -> list[str]:
    return list(dict.fromkeys(r["article_id"] for r in _members(db, event_id)))


def review(
    conn: Any,
    event_id: str,
    user: str,
    action: str,
    changes: dict[str, Any] | None = None,
    note: str | None = None,
    *,
    events: list[str] | None = None,
    articles: list[str] | None = None,
    mentions: list[str] | None = None,
) -> dict[str, Any]:
    """Apply one review of event ``event_id`` by ``user``; returns the event as
    now served. One transaction: the history row and the change go together.

    ``correct`` takes ``changes`` (field -> value); ``merge`` takes the other
    ``events`` to make one with this one (the merged event keeps the id of
    the one reported first; the others' ids resolve to it); ``split`` takes
    the ``articles`` (or ``mentions``) that report another event."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}", value=action)
    changes = {k: _check(k, v) for k, v in (changes or {}).items()}
    if action == "correct" and not changes:
        raise ReviewError("a correction needs at least one changed field", value=changes)
    if changes and action != "correct":
        raise ReviewError(f"{action} takes no field changes", value=changes)
    db = backend(conn)
    now = _now()
    with db.writing():
        data = _current(db, event_id)
        event_id = data["event_id"]
        extra: dict[str, Any] = {}
        if action == "merge":
            before, after = _merge(db, event_id, events or [], user, now)
            event_id = after["event_id"]
        elif action == "split":
            before, after = _split(db, event_id, articles, mentions, user, now)
            extra["split_off"] = after["event_ids"][1]
        else:
            before, after = _verdict(db, data, action, changes, user, now)
        rows = [event_id] + ([extra["split_off"]] if extra else [])
        for eid in rows:
            db.execute(
                'INSERT INTO reviews (event_id, "user", at, action, before, after, note)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (eid, user, now, action, _json(before), _json(after), note),
            )
        out = lay(db, event_id)
    if out is None:  # cannot happen: the event was just written
        raise ReviewError(f"event {event_id!r} vanished during review", value=event_id)
    return {**out, **extra}


def _verdict(
    db: Backend,
    data: dict[str, Any],
    action: str,
    changes: dict[str, Any],
    user: str,
    now: str,
) -> tuple[dict[str, Any], dict[str, Any]]:
    event_id = data["event_id"]
    old = overrides(db, [event_id]).get(event_id)
    current = overlay(machine(data), old)
    fields = dict(old["fields"]) if old else {}
    if action == "reopen":
        before = {"status": old["status"] if old else None, **fields}
        db.execute("DELETE FROM event_overrides WHERE event_id = ?", (event_id,))
        return before, {"status": None}
    status = STATUS[action]
    if action == "correct":
        fields.update(changes)
    before = {"status": old["status"] if old else None}
    before.update({k: current.get(k) for k in changes})
    after = {"status": status, **changes}
    db.execute(
        "INSERT INTO event_overrides"
        ' (event_id, status, fields, "user", at, mention_ids, article_ids)'
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_id) DO UPDATE SET"
        ' status = excluded.status, fields = excluded.fields, "user" = excluded."user",'
        " at = excluded.at, mention_ids = excluded.mention_ids,"
        " article_ids = excluded.article_ids",
        (
            event_id,
            status,
            _json(fields),
            user,
            now,
            _json(data.get("mention_ids") or []),
            _json(data.get("article_ids") or []),
        ),
    )
    return before, after


def _merge(
    db: Backend, event_id: str, others: list[str], user: str, now: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    if not others or len(others) > MAX_MERGE:
        raise ReviewError(f"a merge names 1 to {MAX_MERGE} other events", value=others)
    ids = [event_id]
    for other in others:
        if not isinstance(other, str):
            raise ReviewError("event ids are strings", value=other)
        found = _current(db, other)["event_id"]
        if found not in ids:
            ids.append(found)
    if len(ids) < 2:
        raise ReviewError("merge needs another event than this one", value=others)
    before = {"events": {e: _articles(db, e) for e in ids}}
    together = [r["mention_id"] for e in ids for r in _members(db, e)]
    keep, gone = merge_events(db, ids, by=user, at=now)
    # an earlier split between these reports gives way to this merge
    pairs = _entries(db, together)
    for link_id, t, a in db.rows(
        "SELECT id, together, apart FROM event_links WHERE kind = 'split'"
    ):
        part, rest = {m for m, _ in json.loads(t)}, {m for m, _ in json.loads(a)}
        if part & set(together) and rest & set(together):
            db.execute("DELETE FROM event_links WHERE id = ?", (link_id,))
    db.execute(
        'INSERT INTO event_links (kind, event_id, together, apart, "user", at)'
        " VALUES ('merge', ?, ?, '[]', ?, ?)",
        (keep, _json(pairs), user, now),
    )
    return before, {"event_id": keep, "merged": gone, "article_ids": _articles(db, keep)}


def _split(
    db: Backend,
    event_id: str,
    articles: list[str] | None,
    mentions: list[str] | None,
    user: str,
    now: str,
) -> tuple[dict[str, Any], dict[str, Any]]:
    rows = _members(db, event_id)
    wanted_articles, wanted_mentions = set(articles or ()), set(mentions or ())
    part = [
        r["mention_id"]
        for r in rows
        if r["article_id"] in wanted_articles or r["mention_id"] in wanted_mentions
    ]
    rest = [r["mention_id"] for r in rows if r["mention_id"] not in set(part)]
    before = {"article_ids": _articles(db, event_id)}
    new_id = split_event(db, event_id, part, by=user, at=now)
    # an earlier merge holding both sides now keeps only the side it is on
    for link_id, t in db.rows("SELECT id, together FROM event_links WHERE kind = 'merge'"):
        together = json.loads(t)
        held = {m for m, _ in together}
        if held & set(part) and held & set(rest):
            kept = [pair for pair in together if pair[0] not in set(part)]
            db.execute("UPDATE event_links SET together = ? WHERE id = ?", (_json(kept), link_id))
    db.execute(
        'INSERT INTO event_links (kind, event_id, together, apart, "user", at)'
        " VALUES ('split', ?, ?, ?, ?, ?)",
        (new_id, _json(_entries(db, part)), _json(_entries(db, rest)), user, now),
    )
    ids = [event_id, new_id]
    return before, {"event_ids": ids, "article_ids": {e: _articles(db, e) for e in ids}}


def history(conn: Any, event_id: str) -> list[dict[str, Any]]:
    """Every review of the event, oldest first. A split is recorded on both
    parts; merged back, the two records of it count once."""
    rows = backend(conn).rows(
        'SELECT min(id), "user", at, action, before, after, note FROM reviews'
        ' WHERE event_id = ? GROUP BY "user", at, action, before, after, note ORDER BY 1',
        (event_id,),
    )
    return [
        {
            "id": r[0],
            "by": r[1],
            "at": r[2],
            "action": r[3],
            "before": json.loads(r[4]) if r[4] else None,
            "after": json.loads(r[5]) if r[5] else None,
            "note": r[6],
        }
        for r in rows
    ]
