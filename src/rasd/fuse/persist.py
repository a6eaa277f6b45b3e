"""Incremental fusion in the store: ``fuse_store(store, article_ids)``.

Called after each ingest batch. It indexes the batch's articles for
near-duplicates, loads from ``events`` only the clusters the batch's
mentions could join (same family, overlapping window, same country),
fuses the new mentions into them, and writes back what changed, all in one
transaction. The SQL is shared by SQLite and PostgreSQL through
:mod:`rasd.fuse.backend`. An article re-ingested with new text first leaves its old
clusters (which may split). Running it twice on the same batch changes
nothing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import rasd.fuse.schema  # noqa: F401  (registers store migration 2)
from rasd.errors import StoreError
from rasd.fuse.backend import Backend, backend
from rasd.fuse.cluster import Cluster
from rasd.fuse.fusion import Fuser
from rasd.fuse.mention import Mention
from rasd.fuse.neardup import NearDuplicateIndex, pack, similarity, unpack
from rasd.fuse.record import fused_event


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


def ensure_tables(store: Any) -> None:
    """Create the fuse tables when the store was opened before migration 2 registered."""
    if not backend(store).has_table("events"):
        store._migrate()


class _Loader:
    """Reads clusters from the store on demand."""

    def __init__(self, db: Backend, fuser: Fuser) -> None:
        self.db = db
        self.fuser = fuser
        self.loaded: set[str] = set()

    def cluster(self, event_id: str) -> None:
        if event_id in self.loaded or event_id in self.fuser.clusters:
            return
        self.loaded.add(event_id)
        rows = self.db.rows(
            "SELECT article_id, seq, published, copy_of, data FROM event_members"
            " WHERE event_id = ? ORDER BY seq",
            (event_id,),
        )
        if not rows:
            return
        members = []
        for aid, seq, published, copy_of, data in rows:
            m = Mention.of(self.db.loads(data), seq=seq, published=published, copy_of=copy_of)
            m.article_id = aid
            members.append(m)
        c = Cluster(id=event_id, family=members[0].family)
        for m in members:
            c.add(m)
        row = self.db.one("SELECT data FROM events WHERE event_id = ?", (event_id,))
        if row is not None:
            c.history = self.db.loads(row[0]).get("history", [])
        self.fuser.load(c)

    def around(self, m: Mention) -> None:
        """Load every stored cluster ``m`` might join."""
        b = self.fuser.s["blocking"]
        slack = dt.timedelta(days=b["date_slack_days"] + b["soft_back_days"])
        if m.start is None:
            sql, args = "family = ? AND date_start IS NULL", [m.family]
        else:
            sql = "family = ? AND date_start <= ? AND date_end >= ?"
            args = [m.family, (m.end + slack).isoformat(), (m.start - slack).isoformat()]
        if m.country:
            sql += " AND (country = ? OR country IS NULL)"
            args.append(m.country)
        for (event_id,) in self.db.rows(f"SELECT event_id FROM events WHERE {sql}", args):
            self.cluster(event_id)

    def of_article(self, article_id: str) -> None:
        for (event_id,) in self.db.rows(
            "SELECT DISTINCT event_id FROM event_members WHERE article_id = ?", (article_id,)
        ):
            self.cluster(event_id)


def _neardup(db: Backend, article_id: str, body: str, index: NearDuplicateIndex) -> str | None:
    """Index one article's signature in the store; its earlier near-duplicate, if any."""
    sig = index.hasher.signature(body)
    db.execute("DELETE FROM article_signatures WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
    if sig is None:
        return None
    keys = index.hasher.band_keys(sig)
    best: tuple[int, str] | None = None
    marks = ",".join("?" * len(keys))
    # the candidates sharing the most bands first, and only so many: articles
    # of one outlet share boilerplate-like phrasing and would otherwise make
    # every earlier article a candidate (true copies share many bands)
    for other, seq, blob, duplicate_of in db.rows(
        "SELECT s.article_id, s.seq, s.signature, s.duplicate_of FROM article_signatures s JOIN"
        " (SELECT article_id, count(*) AS shared FROM article_bands"
        f" WHERE band_key IN ({marks}) GROUP BY article_id) c ON c.article_id = s.article_id"
        " ORDER BY c.shared DESC, s.seq LIMIT ?",
        [*keys, index.max_candidates],
    ):
        if other == article_id:
            continue
        if similarity(sig, unpack(bytes(blob))) >= index.threshold:
            root = duplicate_of or other
            rank = seq if root == other else -1
            if best is None or rank < best[0]:
                best = (rank, root)
    original = best[1] if best else None
    (seq,) = db.one("SELECT coalesce(max(seq), -1) + 1 FROM article_signatures") or (0,)
    db.execute(
        "INSERT INTO article_signatures VALUES (?, ?, ?, ?)", (article_id, seq, pack(sig), original)
    )
    db.many("INSERT INTO article_bands VALUES (?, ?)", [(k, article_id) for k in keys])
    return original


def fuse_store(store: Any, article_ids: Iterable[str], *, now: str | None = None) -> FuseReport:
    """Fuse the stored article-level events of ``article_ids`` into ``events``
    (one transaction; on PostgreSQL under an advisory lock, so concurrent
    ingests fuse their batches one after another)."""
    started = time.perf_counter()
    ensure_tables(store)
    db = backend(store)
    stamp = now or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    fuser = Fuser(now=lambda: stamp)
    loader = _Loader(db, fuser)
    index = NearDuplicateIndex()
    report = FuseReport()
    ids = list(dict.fromkeys(article_ids))
    try:
        with db.writing():
            (fuser.seq,) = db.one("SELECT coalesce(max(seq), -1) + 1 FROM event_members") or (0,)
            for aid in ids:
                _fuse_article(db, aid, fuser, loader, index, report)
            touched, dropped = fuser.take_changes()
            known = _existing(db, touched)
            _write(db, fuser, touched, dropped, stamp)
            report.events_new = len(touched - known)
            report.events_updated = len(touched & known)
            report.merges = sum(e["op"] == "merge" for e in fuser.log)
            report.splits = sum(e["op"] == "split" for e in fuser.log)
    except (sqlite3.DatabaseError, *_pg_errors()) as err:
        raise StoreError(f"{_safe(store)}: fusion not stored: {err}", value=err) from err
    report.seconds = time.perf_counter() - started
    return report


def pending_articles(store: Any) -> list[str]:
    """Articles whose events were stored but never fused (a run killed in between)."""
    ensure_tables(store)
    rows = backend(store).rows(
        "SELECT DISTINCT article_id FROM article_events WHERE event_id NOT IN"
        " (SELECT mention_id FROM event_members)"
    )
    return [r[0] for r in rows]


def _existing(db: Backend, ids: set[str]) -> set[str]:
    """Those of ``ids`` already in ``events`` (before this batch is written)."""
    out: set[str] = set()
    chunk = sorted(ids)
    for i in range(0, len(chunk), 500):
        part = chunk[i : i + 500]
        marks = ",".join("?" * len(part))
        out |= {
            r[0] for r in db.rows(f"SELECT event_id FROM events WHERE event_id IN ({marks})", part)
        }
    return out


def _pg_errors() -> tuple[type[BaseException], ...]:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - depends on the installation
        return ()
    return (psycopg.Error,)


def _safe(store: Any) -> str:
    url = getattr(store, "url", "") or ""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        return f"{scheme}://{cred.split(':', 1)[0]}@{host}"
    return url


def _fuse_article(
    db: Backend,
    aid: str,
    fuser: Fuser,
    loader: _Loader,
    index: NearDuplicateIndex,
    report: FuseReport,
) -> None:
    art = db.one("SELECT published, body FROM articles WHERE id = ?", (aid,))
    rows = db.rows(
        "SELECT event_id, data FROM article_events WHERE article_id = ? ORDER BY rowid", (aid,)
    )
    current = sorted((eid, db.loads(data)) for eid, data in rows)
    stored = sorted(
        (mid, db.loads(data))
        for mid, data in db.rows(
            "SELECT mention_id, data FROM event_members WHERE article_id = ?", (aid,)
        )
    )
    if stored and stored == current:
        return  # already fused, unchanged
    if stored:  # re-ingested with new text: leave the old clusters first
        loader.of_article(aid)
        fuser.remove_article(aid)
    copy_of = _neardup(db, aid, art[1] or "", index) if art else None
    if copy_of:
        report.duplicates += 1
    published = art[0] if art else None
    for _, data in rows:
        m = Mention.of(db.loads(data), seq=fuser.seq, published=published, copy_of=copy_of)
        m.article_id = aid
        fuser.seq += 1
        loader.around(m)
        fuser.add_mention(m)
        report.mentions += 1


EVENT_COLUMNS = (
    "event_id, event_date, date_start, date_end, event_type, sub_event_type, plover_type,"
    " country, claim_status, family, lat, lon, gazetteer_id, n_articles, updated_at, data"
)


def _upsert(table: str, columns: str, key: str) -> str:
    names = [c.strip() for c in columns.split(",")]
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(names))})"
        f" ON CONFLICT ({key}) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in names if c != key)
    )


def _write(db: Any, fuser: Fuser, touched: set[str], dropped: set[str], stamp: str) -> None:
    """Write the clusters ``touched`` and delete those ``dropped``, with the
    fuser's aliases and history (``db``: an adapter, a store or its connection)."""
    db = backend(db)
    for eid in sorted(dropped):
        db.execute("DELETE FROM events WHERE event_id = ?", (eid,))
        db.execute("DELETE FROM event_members WHERE event_id = ?", (eid,))
    upsert_event = _upsert("events", EVENT_COLUMNS, "event_id")
    upsert_member = _upsert(
        "event_members",
        "mention_id, event_id, article_id, seq, published, copy_of, data",
        "mention_id",
    )
    for eid in sorted(touched):
        c = fuser.clusters[eid]
        d = fused_event(c)
        loc = d.get("location") or {}
        db.execute(
            upsert_event,
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
                c.family,
                loc.get("lat"),
                loc.get("lon"),
                loc.get("gazetteer_id"),
                len(d["article_ids"]),
                stamp,
                db.json(d),
            ),
        )
        db.execute("DELETE FROM event_members WHERE event_id = ?", (eid,))
        db.many(
            upsert_member,
            [
                (m.event_id, eid, m.article_id, m.seq, m.published, m.copy_of, db.json(m.data))
                for m in c.members
            ],
        )
    upsert_alias = _upsert("event_aliases", "old_id, event_id", "old_id")
    for old, new in fuser.aliases.items():
        db.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (new, old))
        db.execute(upsert_alias, (old, new))
    for entry in fuser.log:
        db.execute(
            "INSERT INTO event_history (op, event_id, event_ids, at) VALUES (?, ?, ?, ?)",
            (entry["op"], entry["event_ids"][0], db.json(entry["event_ids"]), entry["at"]),
        )
