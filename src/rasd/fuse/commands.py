"""The fuse stage's commands: ``rasd events`` and ``rasd export``.

Thin click wrappers over :mod:`rasd.fuse.queries` and
:mod:`rasd.fuse.export`; flags and output follow ``shared/spec/cli.md``.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import click

from rasd.cli_options import db_option, format_option
from rasd.cli_output import fail, write_json, write_jsonl, write_table
from rasd.errors import RasdError
from rasd.fuse import export as exporting
from rasd.fuse import queries
from rasd.fuse.backend import Backend, backend
from rasd.store.query import EventFilter


def _open(db_url: str):
    from rasd.fuse.persist import ensure_tables
    from rasd.store import open_store

    try:
        store = open_store(db_url)
        ensure_tables(store)
    except RasdError as err:
        fail(err)
    return store


def filter_options(fn):
    """The event filters shared by ``events`` and ``export``."""
    for decl, help_ in reversed(
        [
            (("--from", "date_from"), "Events on or after YYYY-MM-DD (window overlaps)."),
            (("--to", "date_to"), "Events on or before YYYY-MM-DD."),
            (("--country",), "ISO country code, e.g. IQ."),
            (("--admin1",), "First-level region, e.g. 'Al Anbar'."),
            (("--type", "event_type"), "ACLED event type."),
            (("--sub-type", "sub_event_type"), "ACLED sub-event type, e.g. 'Air/drone strike'."),
            (("--actor",), "Actor id or English name (actor1, actor2 or suspected)."),
            (("--claim", "claim_status"), "claimed|unclaimed|denied|attributed|unknown."),
            (("--text",), "Full-text query over the reporting articles (Arabic-normalised)."),
        ]
    ):
        fn = click.option(*decl, default=None, help=help_)(fn)
    return fn


def _filter(kw: dict[str, Any]) -> EventFilter:
    return EventFilter(**{k: kw[k] for k in EventFilter.__dataclass_fields__})


@click.command()
@db_option
@filter_options
@format_option("jsonl", "json", "table", default="jsonl")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option("--offset", type=int, default=0, show_default=True)
def events(db_url, fmt, limit, offset, **kw):
    """List fused events (one per real-world event, newest first).

    \b
    Examples:
      rasd events --from 2024-01-01 --country IQ --format table
      rasd events --sub-type 'Air/drone strike' --claim claimed
      rasd events --text 'عين الأسد' --format json
    """
    store = _open(db_url)
    try:
        found = queries.iter_events(store, _filter(kw), limit=limit, offset=offset)
        if fmt == "table":
            write_table(
                (
                    (
                        e["event_id"],
                        e["event_date"],
                        e["sub_event_type"],
                        (e.get("location") or {}).get("name"),
                        e.get("fatalities"),
                        len(e["article_ids"]),
                    )
                    for e in found
                ),
                ["event_id", "date", "sub_event_type", "location", "dead", "articles"],
                [16, 10, 34, 28, 4, 8],
            )
        elif fmt == "json":
            write_json(list(found))
        else:
            write_jsonl(found)
    finally:
        store.close()


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "geojson", "parquet"]),
    required=True,
    help="csv uses ACLED's column names (plus claim_status, weapons, evidence).",
)
@db_option
@filter_options
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    help="File to write (default stdout; required for parquet).",
)
def export(fmt, db_url, output, **kw):
    """Export fused events as CSV (ACLED columns), JSONL, GeoJSON or Parquet.

    \b
    Examples:
      rasd export --format csv -o events.csv
      rasd export --format geojson --country IQ -o iraq.geojson
      rasd export --format parquet -o events.parquet
    """
    if fmt == "parquet" and not output:
        fail("parquet export needs -o FILE", status=2)
    store = _open(db_url)
    db = backend(store)
    try:
        found = queries.iter_events(db, _filter(kw))
        extra = {"sources": _sources(db), "timestamp": _timestamps(db)}
        if fmt == "parquet":
            n = exporting.write_parquet(found, output, **extra)
        else:
            out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                if fmt == "csv":
                    n = exporting.write_csv(found, out, **extra)
                elif fmt == "geojson":
                    n = exporting.write_geojson(found, out)
                else:
                    n = exporting.write_jsonl(found, out)
            finally:
                if output:
                    out.close()
    except (RasdError, OSError) as err:
        fail(err if isinstance(err, RasdError) else f"{output}: {err}")
    finally:
        store.close()
    click.echo(f"rasd: exported {n} events", err=True)


def _sources(db: Backend):
    cache: dict[str, str] = {}

    def sources(ids: list[str]) -> list[str]:
        out = []
        for aid in ids:
            if aid not in cache:
                row = db.one("SELECT source FROM articles WHERE id = ?", (aid,))
                cache[aid] = (row[0] if row else None) or aid
            out.append(cache[aid])
        return out

    return sources


def _timestamps(db: Backend):
    def timestamp(event: dict[str, Any]) -> int:
        row = db.one("SELECT updated_at FROM events WHERE event_id = ?", (event["event_id"],))
        when = dt.datetime.fromisoformat(row[0]) if row else dt.datetime.now(dt.UTC)
        return int(when.timestamp())

    return timestamp
