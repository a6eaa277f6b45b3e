"""The Dask batch engine: ``rasd ingest --engine dask [--scheduler ADDRESS]``.

The input is cut into partitions (big JSONL files into line-aligned byte
ranges, small files grouped), the workers read, clean and extract them,
and the driver writes each finished partition to the store in one
transaction together with a record that it is done. A killed run started
again skips the partitions already stored; idempotent upserts make any
partition processed twice harmless. Without ``--scheduler`` a
``LocalCluster`` is started on this machine.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.errors import InputError, RasdError
from rasd.ingest.readers import expand, kind_of_name, read_file, read_stream
from rasd.model import Article
from rasd.pipeline import DEFAULT, Pipeline
from rasd.store.api import IngestReport, process

# about 2,000 articles of 3,500 characters; RASD_DASK_PARTITION_BYTES overrides
PARTITION_BYTES = int(os.environ.get("RASD_DASK_PARTITION_BYTES", 8 << 20))
_WHERE_LINE = re.compile(r"^(?P<path>.*):(?P<line>\d+)$")


@dataclass(frozen=True, slots=True)
class Partition:
    """Files to read on one worker, or one byte range of one JSONL file."""

    files: tuple[str, ...]
    start: int = 0
    end: int | None = None  # exclusive; None: whole files
    first_line: int = 1  # line number of ``start`` in the file
    key: str = ""


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def plan(
    paths: Iterable[str], *, target_bytes: int = PARTITION_BYTES
) -> tuple[list[Partition], list[InputError]]:
    """Partitions covering every input file, and errors for inputs that name none."""
    parts: list[Partition] = []
    errors: list[InputError] = []
    group: list[Path] = []
    group_bytes = 0

    def close_group() -> None:
        nonlocal group, group_bytes
        if group:
            digest = hashlib.sha1(
                "\n".join(f"{p}|{_stamp(p)}" for p in group).encode()
            ).hexdigest()[:20]
            parts.append(Partition(tuple(map(str, group)), key=f"files:{digest}"))
        group, group_bytes = [], 0

    for path in paths:
        if path == "-":
            errors.append(InputError("-", "stdin cannot be split for --engine dask; use a file"))
            continue
        for item in expand(path):
            if isinstance(item, InputError):
                errors.append(item)
                continue
            size = item.stat().st_size
            if (
                kind_of_name(item.name) == "jsonl"
                and not item.name.endswith(".gz")
                and size > target_bytes
            ):
                parts.extend(_ranges(item, target_bytes))
                continue
            group.append(item)
            group_bytes += size
            if group_bytes >= target_bytes:
                close_group()
    close_group()
    return parts, errors


def _ranges(path: Path, target: int) -> list[Partition]:
    """Line-aligned byte ranges of a big JSONL file, with their first line numbers."""
    out = []
    stamp = _stamp(path)
    size = path.stat().st_size
    with path.open("rb") as f:
        start, line = 0, 1
        while True:
            f.seek(min(start + target, size))
            f.readline()  # to the end of the line the cut falls in
            end = min(f.tell(), size)
            f.seek(start)
            chunk_lines = f.read(end - start).count(b"\n")
            out.append(
                Partition((str(path),), start, end, line, key=f"{path}:{start}-{end}:{stamp}")
            )
            if end >= size:
                break
            start, line = end, line + chunk_lines
    return out


def _shift(err: InputError, path: str, offset: int) -> InputError:
    """An error from a byte range, renumbered to the line in the whole file."""
    m = _WHERE_LINE.match(err.where)
    if m is None or m.group("path") != path:
        return err
    return type(err)(f"{path}:{int(m.group('line')) + offset}", err.reason, value=err.value)


def _items(part: Partition):
    if part.end is None:
        for f in part.files:
            yield from read_file(Path(f))
        return
    import io

    path = part.files[0]
    with open(path, "rb") as f:
        f.seek(part.start)
        data = f.read(part.end - part.start)
    for item in read_stream(io.BytesIO(data), path, kind="jsonl"):
        yield _shift(item, path, part.first_line - 1) if isinstance(item, InputError) else item


def run_partition(part: Partition, stages: Sequence[str]) -> tuple[list[Article], list[str]]:
    """On a worker: read and process one partition (articles, rejection lines)."""
    rejects: list[str] = []
    articles = list(process(_items(part), Pipeline(stages), rejects.append))
    for a in articles:
        a.memo.clear()  # derived values are not worth shipping back
    return articles, rejects


def ingest_dask(
    paths: Iterable[str],
    store: Any,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    stages: Sequence[str] = DEFAULT,
    target_bytes: int = PARTITION_BYTES,
    on_reject: Callable[[str], None] | None = None,
    progress: Callable[[int], None] | None = None,
    on_plan: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Ingest on a Dask cluster (a new LocalCluster unless ``scheduler`` is given)."""
    import time

    from dask.distributed import Client, LocalCluster, as_completed

    report = IngestReport()
    started = time.perf_counter()

    def reject(line: str) -> None:
        report.rejected.append(line)
        if on_reject is not None:
            on_reject(line)

    parts, errors = plan(paths, target_bytes=target_bytes)
    for err in errors:
        reject(str(err))
    done = store.done_partitions()
    if done and hasattr(store, "fuse_pending"):  # a killed run may have stored without fusing
        report.fused.append(store.fuse_pending())
    todo = [p for p in parts if p.key not in done]
    if on_plan is not None:
        on_plan(len(parts), len(parts) - len(todo))
    if not todo:
        report.seconds = time.perf_counter() - started
        return report
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as err:
        raise RasdError(
            f"cannot reach the Dask scheduler {scheduler}: {err}", value=scheduler
        ) from err
    try:
        futures = client.map(run_partition, todo, stages=tuple(stages), pure=False)
        for future in as_completed(futures):
            articles, rejects = future.result()
            for line in rejects:
                reject(line)
            part = todo[futures.index(future)]
            unique: dict[str, Article] = {}
            for a in articles:
                if a.id in unique:
                    report.unchanged += 1
                else:
                    unique[a.id] = a
            statuses = store.put_articles(list(unique.values()), partition=part.key)
            for a, status in zip(unique.values(), statuses, strict=True):
                setattr(report, status, getattr(report, status) + 1)
                if status != "unchanged":
                    report.events += len(a.events)
            if hasattr(store, "fuse"):
                report.fused.append(store.fuse(list(unique)))
            if progress is not None:
                progress(1)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        report.seconds = time.perf_counter() - started
    return report
