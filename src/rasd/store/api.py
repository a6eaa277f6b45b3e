"""Library calls behind the store commands: ingest, list, show, search, stats.

A notebook calls these the same way the CLI does. ``ingest`` is the main
job: read inputs, run the pipeline on each article, store batches. Each
batch is one transaction, so a killed ingest loses at most the batch in
flight, and running it again stores every article exactly once.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from rasd.errors import InputError, NotFound, RasdError
from rasd.ingest import read
from rasd.model import Article
from rasd.pipeline import DEFAULT, Pipeline
from rasd.store import open_store

BATCH_SIZE = 200


@dataclass(slots=True)
class IngestReport:
    """What an ingest did, for the summary line and for scripts."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0
    rejected: list[str] = field(default_factory=list)
    fused: list[Any] = field(default_factory=list)  # one FuseReport per batch
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return self.new + self.updated + self.unchanged

    @property
    def fused_events(self) -> int:
        """Fused events created by this ingest (article events merged into real events)."""
        return sum(r.events_new for r in self.fused)

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        fused = f" -> {self.fused_events} new fused events" if self.fused else ""
        return (
            f"{self.articles} articles ({self.new} new, {self.updated} updated, "
            f"{self.unchanged} unchanged), {self.events} events{fused}, "
            f"{len(self.rejected)} rejected, {self.seconds:.1f} s ({rate:.0f} articles/s)"
        )


class Rejection(str):
    """A rejection line ``PATH[:LINE]: reason`` that also keeps its parts
    (``where``, ``reason``, ``code``) for the ``--rejects`` report."""

    where: str
    reason: str
    code: str

    def __new__(cls, where: str, reason: str, code: str = InputError.code) -> Rejection:
        line = super().__new__(cls, f"{where}: {reason}")
        line.where, line.reason, line.code = where, reason, code
        return line

    def __reduce__(self):  # pickled across dask workers with its parts
        return (Rejection, (self.where, self.reason, self.code))


def rejection_json(line: str) -> str:
    """One line of the ``--rejects`` report for a rejection line."""
    where = getattr(line, "where", None)
    reason = getattr(line, "reason", None)
    if where is None:  # a plain string (e.g. from a dask worker): PATH[:LINE]: reason
        where, _, reason = line.partition(": ")
    bare_url = re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*://[^/]*", where)  # http://host:8080
    m = None if bare_url else re.fullmatch(r"(.*):(\d+)", where)
    return json.dumps(
        {
            "where": where,
            "input": m.group(1) if m else where,
            "line": int(m.group(2)) if m else None,
            "reason": reason,
            "code": getattr(line, "code", None),
            "message": str(line),
        },
        ensure_ascii=False,
    )


def process(
    items: Iterable[Article | InputError],
    pipeline: Pipeline,
    on_reject: Callable[[str], None],
) -> Iterable[Article]:
    """Articles through the pipeline; input errors and per-article failures
    go to ``on_reject`` as ``PATH[:LINE]: reason`` lines (``Rejection``s).
    An article with nothing left after boilerplate removal is rejected too."""
    for item in items:
        if isinstance(item, InputError):
            on_reject(Rejection(item.where, item.reason, item.code))
            continue
        where = item.origin or item.id or "<input>"
        try:
            done = pipeline(item)
        except RasdError as err:
            on_reject(Rejection(where, err.message, err.code))
            continue
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except Exception as err:  # a bug in a stage: this article is lost, the batch goes on
            reason = (
                f"internal error in the pipeline ({type(err).__name__}: {err}); please report it"
            )
            on_reject(Rejection(where, reason, "internal"))
            continue
        if done.paragraphs and all(p.kind == "boilerplate" for p in done.paragraphs):
            on_reject(Rejection(where, "only boilerplate lines: no article text"))
            continue
        yield done


def ingest(
    paths: Iterable[str],
    store: Any,
    *,
    stages: Iterable[str] = DEFAULT,
    batch_size: int = BATCH_SIZE,
    on_reject: Callable[[str], None] | None = None,
    progress: Callable[[int], None] | None = None,
    stdin: BinaryIO | None = None,
    allow_private: bool = False,
) -> IngestReport:
    """Read ``paths``, run ``stages`` and store every article in ``store``
    (an open store or a URL). Rejections are reported, never fatal.
    ``allow_private`` lets http(s) inputs reach loopback/private addresses."""
    own = isinstance(store, str)
    if own:
        store = open_store(store)
    report = IngestReport()
    started = time.perf_counter()

    def reject(line: str) -> None:
        report.rejected.append(line)
        if on_reject is not None:
            on_reject(line)

    pipeline = Pipeline(stages)
    batch: list[Article] = []
    try:
        items = read(paths, stdin=stdin, allow_private=allow_private)
        for article in process(items, pipeline, reject):
            batch.append(article)
            if len(batch) >= batch_size:
                _flush(store, batch, report, progress)
        _flush(store, batch, report, progress)
    finally:
        report.seconds = time.perf_counter() - started
        if own:
            store.close()
    return report


def _flush(
    store: Any, batch: list[Article], report: IngestReport, progress: Callable[[int], None] | None
) -> None:
    if not batch:
        return
    unique: dict[str, Article] = {}
    for article in batch:  # the same article twice in one batch is stored once
        if article.id in unique:
            report.unchanged += 1
        else:
            unique[article.id] = article
    statuses = store.put_articles(list(unique.values()))
    for article, status in zip(unique.values(), statuses, strict=True):
        setattr(report, status, getattr(report, status) + 1)
        if status != "unchanged":
            report.events += len(article.events)
    fuse = getattr(store, "fuse", None)
    if fuse is not None:
        # every article of the batch, unchanged ones too: fusion skips what it
        # has seen, and a run killed between storing and fusing catches up here
        report.fused.append(fuse(list(unique)))
    if progress is not None:
        progress(len(batch))
    batch.clear()


def show(store: Any, article_id: str) -> dict[str, Any]:
    """One article object with its events, as ``rasd show`` prints it."""
    article = store.get_article(article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id!r} in {store.url}", value=article_id)
    out = article.to_dict()
    out["events"] = store.events_for(article_id)
    return out


def search(store: Any, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    out = []
    for article, score in store.search(query, limit=limit):
        d = article.to_dict()
        d["score"] = round(score, 4)
        out.append(d)
    return out
