"""Kill ``rasd ingest`` with SIGKILL at random moments, restart it, and
compare the store with one from an uninterrupted run (the kill test and
``bench/soak_bench.py`` share this)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


def start_ingest(src: Path, db: Path, batch_size: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rasd",
            "ingest",
            str(src),
            "--db",
            str(db),
            "--batch-size",
            str(batch_size),
            "--no-progress",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def startup_seconds(tmp: Path) -> float:
    """How long ``rasd ingest`` takes to start and store one small article:
    kills before this land before anything is written."""
    one = tmp / "one.jsonl"
    one.write_text('{"text": "سقطت ثلاثة صواريخ على حقل كونيكو مساء أمس."}\n', encoding="utf-8")
    took, _ = run_ingest(one, tmp / "one.db", 1)
    return took


def run_ingest(src: Path, db: Path, batch_size: int, timeout: float = 900) -> tuple[float, str]:
    started = time.monotonic()
    proc = start_ingest(src, db, batch_size)
    _, err = proc.communicate(timeout=timeout)
    if proc.returncode != 0:
        raise AssertionError(f"ingest failed ({proc.returncode}): {err}")
    return time.monotonic() - started, err


@dataclass
class KillLog:
    runs: int = 0
    kills: int = 0  # runs killed while still working
    finished_early: int = 0  # runs that ended before their kill came
    delays: list[float] = field(default_factory=list)
    while_storing: int = 0  # kills after the run had stored some articles
    before_fusing: int = 0  # kills that left stored article events not yet fused


def progress(db: Path) -> tuple[int, int, int]:
    """(articles, article events, fused members) in the store, 0s if none yet."""
    if not db.exists():
        return 0, 0, 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return 0, 0, 0
    try:
        out = []
        for table in ("articles", "article_events", "event_members"):
            try:
                out.append(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            except sqlite3.Error:  # not created yet
                out.append(0)
        return out[0], out[1], out[2]
    finally:
        conn.close()


def kill_repeatedly(
    src: Path,
    db: Path,
    *,
    kills: int,
    max_delay: float,
    batch_size: int,
    seed: int,
    stop_when_done: bool = False,
    min_delay: float = 0.0,
    total: int = 0,
) -> KillLog:
    """Start and SIGKILL the ingest ``kills`` times at random delays up to
    ``max_delay`` seconds (from ``min_delay``, and, when ``total`` articles
    are expected, from the share of the run already stored); a run that
    finishes first counts as such (and ends the series with
    ``stop_when_done``: the store is complete)."""
    rng = random.Random(seed)
    log = KillLog()
    while log.kills < kills:
        before = progress(db)[0]
        # a resumed run reads everything again and stores new articles only
        # past what is stored: aim the kill at that stretch
        lo = min_delay + (max_delay - min_delay) * min(1.0, before / total) if total else min_delay
        delay = rng.uniform(lo, max_delay)
        proc = start_ingest(src, db, batch_size)
        log.runs += 1
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            log.kills += 1
            log.delays.append(delay)
            articles, events, members = progress(db)
            log.while_storing += articles > before
            log.before_fusing += members < events
        else:
            log.finished_early += 1
            if stop_when_done:
                proc.stderr.close()
                break
        proc.stderr.close()
        if log.runs > kills * 4:  # the ingest keeps finishing first: delays too long
            break
    return log


def snapshot(db: Path) -> dict:
    """What the store holds, in comparable form."""
    conn = sqlite3.connect(db)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        events = {}
        for eid, mid in conn.execute("SELECT event_id, mention_id FROM event_members"):
            events.setdefault(eid, []).append(mid)
        return {
            "integrity": one("PRAGMA integrity_check"),
            "foreign_keys": conn.execute("PRAGMA foreign_key_check").fetchall(),
            "article_ids": sorted(r[0] for r in conn.execute("SELECT id FROM articles")),
            "fts_rows": one("SELECT count(*) FROM articles_fts"),
            "article_events": sorted(
                r[0] for r in conn.execute("SELECT event_id FROM article_events")
            ),
            "members": sorted(r[0] for r in conn.execute("SELECT mention_id FROM event_members")),
            "events": {k: sorted(v) for k, v in events.items()},
            "event_rows": sorted(r[0] for r in conn.execute("SELECT event_id FROM events")),
            "fused_article_ids": [
                r[0] for r in conn.execute("SELECT json_extract(data, '$.article_ids') FROM events")
            ],
        }
    finally:
        conn.close()


def problems(got: dict, ref: dict) -> list[str]:
    """Why ``got`` (after kills) is not the store of an uninterrupted run."""
    out = []
    if got["integrity"] != "ok":
        out.append(f"integrity_check: {got['integrity']}")
    if got["foreign_keys"]:
        out.append(f"foreign_key_check: {got['foreign_keys'][:5]}")
    ids = got["article_ids"]
    if len(ids) != len(set(ids)) or ids != ref["article_ids"]:
        out.append(
            f"articles: {len(ids)} stored ({len(set(ids))} distinct), {len(ref['article_ids'])} expected"
        )
    if got["fts_rows"] != len(ids):
        out.append(f"full-text rows: {got['fts_rows']} for {len(ids)} articles")
    if got["article_events"] != ref["article_events"]:
        out.append(
            f"article events: {len(got['article_events'])} stored, {len(ref['article_events'])} expected"
        )
    if got["members"] != got["article_events"]:
        missing = set(got["article_events"]) - set(got["members"])
        extra = set(got["members"]) - set(got["article_events"])
        out.append(f"fused members: {len(missing)} article events never fused, {len(extra)} stray")
    if sorted(got["events"]) != got["event_rows"]:
        out.append("events and their member lists disagree")
    for ids_json in got["fused_article_ids"]:
        import json

        aids = json.loads(ids_json)
        if len(aids) != len(set(aids)):
            out.append(f"a fused event lists an article twice: {aids}")
            break
    if sorted(map(tuple, got["events"].values())) != sorted(map(tuple, ref["events"].values())):
        out.append(
            f"fused events: {len(got['events'])} differ from the {len(ref['events'])} of an uninterrupted run"
        )
    return out


@dataclass
class RoundsLog:
    rounds: int = 0
    kills: int = 0
    runs: int = 0
    finished_early: int = 0
    while_storing: int = 0
    before_fusing: int = 0
    problems: list[str] = field(default_factory=list)


def kill_rounds(
    src: Path,
    workdir: Path,
    ref: dict,
    *,
    kills: int,
    per_round: int,
    max_delay: float,
    batch_size: int,
    seed: int,
    min_delay: float = 0.0,
) -> RoundsLog:
    """Rounds of up to ``per_round`` kills, each on a fresh store, each ended
    by a run left to finish and a comparison with ``ref``; a round also ends
    when a run finishes before its kill. So every kill lands on a store still
    being filled (in one long series the store would soon be complete, and
    later kills would only interrupt runs with nothing left to write)."""
    log = RoundsLog()
    total = len(ref["article_ids"])
    while log.kills < kills:
        db = workdir / f"round{log.rounds}.db"
        got = kill_repeatedly(
            src,
            db,
            kills=min(per_round, kills - log.kills),
            max_delay=max_delay,
            batch_size=batch_size,
            seed=seed * 7919 + log.rounds,
            stop_when_done=True,
            min_delay=min_delay,
            total=total,
        )
        run_ingest(src, db, batch_size)
        log.rounds += 1
        log.kills += got.kills
        log.runs += got.runs + 1
        log.finished_early += got.finished_early
        log.while_storing += got.while_storing
        log.before_fusing += got.before_fusing
        log.problems += [f"round {log.rounds}: {p}" for p in problems(snapshot(db), ref)]
        for f in workdir.glob(f"round{log.rounds - 1}.db*"):
            f.unlink()
        if log.rounds > 4 * kills:
            break  # the runs keep finishing before their kill: delays too long
    return log
