"""Writing command output: JSON lines, JSON, plain tables; errors to stderr.

Machine output goes to stdout, messages to stderr (``shared/spec/cli.md``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import click

from rasd.errors import RasdError


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def write_jsonl(objects: Iterable[Any]) -> int:
    n = 0
    for obj in objects:
        sys.stdout.write(dumps(obj) + "\n")
        n += 1
    return n


def write_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def clip(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(
    rows: Iterable[Sequence[Any]], headers: Sequence[str], widths: Sequence[int]
) -> int:
    """A plain aligned table (Arabic cells are clipped, not reshaped)."""
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    click.echo(line.rstrip())
    n = 0
    for row in rows:
        cells = [clip(v, w).ljust(w) for v, w in zip(row, widths, strict=True)]
        click.echo("  ".join(cells).rstrip())
        n += 1
    return n


def fail(err: RasdError | str, status: int = 1) -> NoReturn:
    """Print one clear line on stderr and exit with ``status``."""
    message = err.message if isinstance(err, RasdError) else err
    click.echo(f"rasd: {message}", err=True)
    sys.exit(status)
