"""CLI commands of the extract stage: ``rasd extract`` and ``rasd explain``.

Thin shells over :mod:`rasd.extract.api` (see shared/spec/cli.md): read
inputs with :func:`rasd.ingest.read`, print each rejected input as one
``PATH[:LINE]: reason`` line on stderr, exit 1 when any was rejected.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import click

from rasd.cli_options import db_option, format_option
from rasd.errors import InputError, RasdError

CSV_FIELDS = (
    "event_id",
    "article_ids",
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
    "country",
    "fatalities",
    "injuries",
    "damage",
    "confidence",
)


def _flat(ev: dict[str, Any]) -> dict[str, Any]:
    """A CSV row: nested values reduced to readable strings."""
    row = dict(ev)
    for k in ("actor1", "suspected_actor1", "actor2"):
        row[k] = ev[k]["name"] if ev.get(k) else ""
    loc = ev.get("location") or {}
    row["location"] = loc.get("name") or ""
    row["country"] = loc.get("country") or ""
    row["article_ids"] = ";".join(ev.get("article_ids", []))
    row["targets"] = ";".join(t["kind"] for t in ev.get("targets", []))
    row["weapons"] = ";".join(
        f"{w['count'] if w.get('count') is not None else '?'} {w['kind']}"
        + (f" ({w['model']})" if w.get("model") else "")
        for w in ev.get("weapons", [])
    )
    row["damage"] = ";".join(ev.get("damage", []))
    return {k: ("" if row.get(k) is None else row.get(k)) for k in CSV_FIELDS}


def _table(rows: list[dict[str, Any]]) -> str:
    cols = (
        "event_date",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "weapons",
        "fatalities",
        "injuries",
        "claim_status",
    )
    flat = [_flat(r) for r in rows]
    widths = {c: min(28, max([len(c)] + [len(str(r[c])) for r in flat])) for c in cols}
    line = "  ".join(c.ljust(widths[c]) for c in cols)
    out = [line, "  ".join("-" * widths[c] for c in cols)]
    for r in flat:
        out.append("  ".join(str(r[c])[: widths[c]].ljust(widths[c]) for c in cols))
    return "\n".join(out)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@format_option("jsonl", "csv", "table", default="jsonl")
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Extract events from articles, without a database.

    \b
    PATH: files, directories, globs or - (stdin); text, HTML, JSONL, feeds.
    Examples:
      rasd extract article.txt --format table
      rasd extract news.jsonl --format jsonl > events.jsonl
    """
    from rasd.extract.api import process
    from rasd.ingest import read

    rejected = 0
    writer = None
    rows: list[dict[str, Any]] = []
    for item in read(paths):
        if isinstance(item, InputError):
            click.echo(str(item), err=True)
            rejected += 1
            continue
        try:
            article = process(item)
        except RasdError as err:
            click.echo(f"{item.origin or item.id or '<input>'}: {err.message}", err=True)
            rejected += 1
            continue
        for ev in article.events:
            d = ev.to_dict()
            if fmt == "jsonl":
                click.echo(json.dumps(d, ensure_ascii=False))
            elif fmt == "csv":
                if writer is None:
                    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS)
                    writer.writeheader()
                writer.writerow(_flat(d))
            else:
                rows.append(d)
    if fmt == "csv" and writer is None:
        csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS).writeheader()
    if fmt == "table":
        click.echo(_table(rows))
    if rejected:
        sys.exit(1)


def _from_store(db_url: str, article_id: str) -> tuple[str, list[dict[str, Any]]]:
    try:
        from rasd.store import open_store
    except ImportError as err:
        raise click.UsageError(f"{article_id}: not a file, and the store is not available") from err
    store = open_store(db_url)
    try:
        article = store.get_article(article_id)
        if article is None:
            raise click.UsageError(f"{article_id}: not a file, and no such article in {db_url}")
        events = store.events_for(article_id)
    finally:
        store.close()
    return article.text, list(events)


@click.command("explain")
@click.argument("article")
@db_option
@click.option(
    "--colour/--no-colour",
    "colour",
    default=None,
    help="ANSI colours (default: when stdout is a terminal).",
)
def explain(article: str, db_url: str, colour: bool | None) -> None:
    """Show an article with each event's evidence highlighted.

    \b
    ARTICLE: a file (text, HTML, JSONL: its first record) or a stored article id.
    Examples:
      rasd explain article.txt
      rasd explain 3f2a9c0d1e --db rasd.db
    """
    from rasd.extract.api import process
    from rasd.extract.explain import render
    from rasd.ingest import read

    if colour is None:
        colour = sys.stdout.isatty()
    if Path(article).exists() or article == "-":
        for item in read([article]):
            if isinstance(item, InputError):
                click.echo(str(item), err=True)
                sys.exit(1)
            done = process(item)
            click.echo(render(done.text, [e.to_dict() for e in done.events], colour=colour))
            return
        return
    text, events = _from_store(db_url, article)
    click.echo(render(text, events, colour=colour))
