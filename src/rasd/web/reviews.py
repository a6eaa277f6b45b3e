"""The review workflow: editors confirm, correct or reject events.

Every change is one row of ``reviews`` (who, when, action, the fields
before and after). The current verdict per event lives in
``event_overrides``: a status and the corrected fields, laid over the
machine's event whenever it is served, so re-ingest or re-fusion never
overwrites what an analyst set.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from typing import Any

from rasd.errors import RasdError

ACTIONS = ("confirm", "correct", "reject", "reopen")
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


class ReviewError(RasdError):
    """A review that cannot be applied (unknown field, bad value)."""

    code = "E610"


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
            isinstance(value, int) and not isinstance(value, bool) and value >= 0
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
                value.get(k) is None or isinstance(value.get(k), int | float)
                for k in ("lat", "lon")
            )
    elif field in ("targets", "weapons"):
        ok = isinstance(value, list) and all(isinstance(x, dict) for x in value)
    elif field == "damage":
        ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
    if not ok:
        raise ReviewError(f"bad value for {field}: {value!r}", value=value)
    return value


def overrides(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The current override of each of ``event_ids`` that has one."""
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))  # placeholders only, never user text
        for row in conn.execute(
            f"SELECT event_id, status, fields, user, at FROM event_overrides"
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
    """The event as served: corrected fields replace the machine's, and
    ``review`` says who reviewed it (null when nobody has)."""
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


def overlay_many(conn: sqlite3.Connection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = overrides(conn, [e["event_id"] for e in events])
    return [overlay(e, found.get(e["event_id"])) for e in events]


def review(
    conn: sqlite3.Connection,
    event: dict[str, Any],
    user: str,
    action: str,
    changes: dict[str, Any] | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Apply one review of the machine ``event`` by ``user``; returns the
    event as now served. One transaction: the history row and the override
    change together."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}", value=action)
    changes = {k: _check(k, v) for k, v in (changes or {}).items()}
    if action == "correct" and not changes:
        raise ReviewError("a correction needs at least one changed field", value=changes)
    event_id = event["event_id"]
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    conn.execute("BEGIN IMMEDIATE")
    try:
        old = overrides(conn, [event_id]).get(event_id)
        current = overlay(event, old)
        fields = dict(old["fields"]) if old else {}
        if action == "reopen":
            before = {"status": old["status"] if old else None, **fields}
            conn.execute("DELETE FROM event_overrides WHERE event_id = ?", (event_id,))
            after: dict[str, Any] = {"status": None}
        else:
            status = STATUS[action]
            if action == "correct":
                fields.update(changes)
            before = {"status": old["status"] if old else None}
            before.update({k: current.get(k) for k in changes})
            after = {"status": status, **changes}
            conn.execute(
                "INSERT INTO event_overrides (event_id, status, fields, user, at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(event_id) DO UPDATE SET"
                " status = excluded.status, fields = excluded.fields,"
                " user = excluded.user, at = excluded.at",
                (event_id, status, json.dumps(fields, ensure_ascii=False), user, now),
            )
        conn.execute(
            "INSERT INTO reviews (event_id, user, at, action, before, after, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                user,
                now,
                action,
                json.dumps(before, ensure_ascii=False),
                json.dumps(after, ensure_ascii=False),
                note,
            ),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return overlay(event, overrides(conn, [event_id]).get(event_id))


def history(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, user, at, action, before, after, note FROM reviews"
        " WHERE event_id = ? ORDER BY id",
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
