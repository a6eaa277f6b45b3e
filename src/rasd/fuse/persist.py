"""Incremental fusion in the SQLite store: ``fuse_store(store, article_ids)``.

Called after each ingest batch. It indexes the batch's articles for
near-duplicates, loads from ``events`` only the clusters the batch's
mentions could join (same family, overlapping window, same country),
fuses the new mentions into them, and writes back what changed, all in one
transaction. An article re-ingested with new text first leaves its old
clusters (which may split). Running it twice on the same batch changes
nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import rasd.fuse.schema  # noqa: F401  (registers store migration 2)
from rasd.errors import StoreError
from rasd.fuse.cluster import Cluster
from rasd.fuse.fusion import Fuser
from rasd.fuse.mention import Mention
from rasd.fuse.neardup import NearDuplicateIndex, pack, similarity, unpack
from rasd.fuse.record import fused_event
from rasd.fuse.settings import family as family_of


@dataclass(slots=True)
class FuseReport:
    """What one ``fuse_store`` call did."""

    mentions: int = 0
    events_new: int = 0
    events_updated: int = 0
    merges: int = 0
    splits: int = 0
    duplicates: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.mentions} mentions fused: {self.events_new} new events, "
            f"{self.events_updated} updated, {self.merges} merges, {self.splits} splits, "
            f"{self.duplicates} near-duplicate articles"
        )


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def ensure_tables(store: Any) -> None:
    """Create the fuse tables when the store was opened before migration 2 registered."""
    conn = store.conn
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'").fetchone() is None:
        store._migrate()


class _Loader:
    """Reads clusters and the near-duplicate index from the store on demand."""

    def __init__(self, conn: sqlite3.Connection, fuser: Fuser) -> None:
        self.conn = conn
        self.fuser = fuser
        self.loaded: set[str] = set()

    def cluster(self, event_id: str) -> None:
        if event_id in self.loaded or event_id in self.fuser.clusters:
            return
        self.loaded.add(event_id)
        rows = self.conn.execute(
            "SELECT mention_id, article_id, seq, published, copy_of, data FROM event_members"
            " WHERE event_id = ? ORDER BY seq",
            (event_id,),
        ).fetchall()
        if not rows:
            return
        members = [
            Mention.of(
                json.loads(r["data"]), seq=r["seq"], published=r["published"], copy_of=r["copy_of"]
            )
            for r in rows
        ]
        c = Cluster(id=event_id, family=members[0].family)
        for m in members:
            c.add(m)
        row = self.conn.execute(
            "SELECT data FROM events WHERE event_id = ?", (event_id,)
        ).fetchone()
        if row is not None:
            c.history = json.loads(row[0]).get("history", [])
        self.fuser.load(c)

    def around(self, m: Mention) -> None:
        """Load every stored cluster ``m`` might join."""
        slack = dt.timedelta(days=self.fuser.s["blocking"]["date_slack_days"])
        if m.start is None:
            sql, args = "family = ? AND date_start IS NULL", [m.family]
        else:
            sql = "family = ? AND date_start <= ? AND date_end >= ?"
            args = [m.family, (m.end + slack).isoformat(), (m.start - slack).isoformat()]
        if m.country:
            sql += " AND (country = ? OR country IS NULL)"
            args.append(m.country)
        for (event_id,) in self.conn.execute(f"SELECT event_id FROM events WHERE {sql}", args):
            self.cluster(event_id)

    def of_article(self, article_id: str) -> None:
        for (event_id,) in self.conn.execute(
            "SELECT DISTINCT event_id FROM event_members WHERE article_id = ?", (article_id,)
        ):
            self.cluster(event_id)


def _neardup(
    conn: sqlite3.Connection, article_id: str, body: str, index: NearDuplicateIndex
) -> str | None:
    """Index one article's signature in the store; its earlier near-duplicate, if any."""
    sig = index.hasher.signature(body)
    conn.execute("DELETE FROM article_signatures WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
    if sig is None:
        return None
    keys = index.hasher.band_keys(sig)
    best: tuple[int, str] | None = None
    marks = ",".join("?" * len(keys))
    for r in conn.execute(
        "SELECT DISTINCT s.article_id, s.seq, s.signature, s.duplicate_of FROM article_bands b"
        f" JOIN article_signatures s ON s.article_id = b.article_id WHERE b.band_key IN ({marks})",
        keys,
    ):
        if r["article_id"] == article_id:
            continue
        if similarity(sig, unpack(r["signature"])) >= index.threshold:
            root = r["duplicate_of"] or r["article_id"]
            seq = r["seq"] if root == r["article_id"] else -1
            if best is None or seq < best[0]:
                best = (seq, root)
    original = best[1] if best else None
    seq = conn.execute("SELECT coalesce(max(seq), -1) + 1 FROM article_signatures").fetchone()[0]
    conn.execute(
        "INSERT INTO article_signatures VALUES (?, ?, ?, ?)", (article_id, seq, pack(sig), original)
    )
    conn.executemany("INSERT INTO article_bands VALUES (?, ?)", [(k, article_id) for k in keys])
    return original


def fuse_store(store: Any, article_ids: Iterable[str], *, now: str | None = None) -> FuseReport:
    """Fuse the stored article-level events of ``article_ids`` into ``events``."""
    started = time.perf_counter()
    ensure_tables(store)
    conn: sqlite3.Connection = store.conn
    stamp = now or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    fuser = Fuser(now=lambda: stamp)
    loader = _Loader(conn, fuser)
    index = NearDuplicateIndex()
    report = FuseReport()
    ids = list(dict.fromkeys(article_ids))
    conn.execute("BEGIN IMMEDIATE")
    try:
        fuser.seq = conn.execute("SELECT coalesce(max(seq), -1) + 1 FROM event_members").fetchone()[
            0
        ]
        before = {r[0] for r in conn.execute("SELECT event_id FROM events")} if ids else set()
        for aid in ids:
            _fuse_article(conn, aid, fuser, loader, index, report)
        touched, dropped = fuser.take_changes()
        _write(conn, fuser, touched, dropped, stamp)
        report.events_new = len(touched - before)
        report.events_updated = len(touched & before)
        report.merges = sum(e["op"] == "merge" for e in fuser.log)
        report.splits = sum(e["op"] == "split" for e in fuser.log)
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as err:
        conn.execute("ROLLBACK")
        raise StoreError(f"{store.url}: fusion not stored: {err}", value=err) from err
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    report.seconds = time.perf_counter() - started
    return report


def _fuse_article(
    conn: sqlite3.Connection,
    aid: str,
    fuser: Fuser,
    loader: _Loader,
    index: NearDuplicateIndex,
    report: FuseReport,
) -> None:
    art = conn.execute("SELECT published, body FROM articles WHERE id = ?", (aid,)).fetchone()
    rows = conn.execute(
        "SELECT event_id, data FROM article_events WHERE article_id = ? ORDER BY rowid", (aid,)
    ).fetchall()
    current = sorted((r["event_id"], json.loads(r["data"])) for r in rows)
    stored = sorted(
        (r[0], json.loads(r[1]))
        for r in conn.execute(
            "SELECT mention_id, data FROM event_members WHERE article_id = ?", (aid,)
        )
    )
    if stored and stored == current:
        return  # already fused, unchanged
    if stored:  # re-ingested with new text: leave the old clusters first
        loader.of_article(aid)
        fuser.remove_article(aid)
    copy_of = _neardup(conn, aid, art["body"] if art else "", index) if art else None
    if copy_of:
        report.duplicates += 1
    published = art["published"] if art else None
    for r in rows:
        m = Mention.of(json.loads(r["data"]), seq=fuser.seq, published=published, copy_of=copy_of)
        if not m.article_id or m.article_id != aid:
            m.article_id = aid
        fuser.seq += 1
        loader.around(m)
        fuser.add_mention(m)
        report.mentions += 1


def _write(
    conn: sqlite3.Connection, fuser: Fuser, touched: set[str], dropped: set[str], stamp: str
) -> None:
    for eid in dropped:
        conn.execute("DELETE FROM events WHERE event_id = ?", (eid,))
        conn.execute("DELETE FROM event_members WHERE event_id = ?", (eid,))
    for eid in sorted(touched):
        c = fuser.clusters[eid]
        d = fused_event(c)
        loc = d.get("location") or {}
        conn.execute(
            "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                eid,
                d["event_date"],
                d["date_start"],
                d["date_end"],
                d["event_type"],
                d["sub_event_type"],
                d["plover_type"],
                loc.get("country"),
                d["claim_status"],
                family_of(d["event_type"]),
                loc.get("lat"),
                loc.get("lon"),
                loc.get("gazetteer_id"),
                len(d["article_ids"]),
                stamp,
                _json(d),
            ),
        )
        conn.execute("DELETE FROM event_members WHERE event_id = ?", (eid,))
        conn.executemany(
            "INSERT OR REPLACE INTO event_members VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (m.event_id, eid, m.article_id, m.seq, m.published, m.copy_of, _json(m.data))
                for m in c.members
            ],
        )
    for old, new in fuser.aliases.items():
        conn.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (new, old))
        conn.execute("INSERT OR REPLACE INTO event_aliases VALUES (?, ?)", (old, new))
    for entry in fuser.log:
        conn.execute(
            "INSERT INTO event_history (op, event_id, event_ids, at) VALUES (?, ?, ?, ?)",
            (entry["op"], entry["event_ids"][0], _json(entry["event_ids"]), entry["at"]),
        )
