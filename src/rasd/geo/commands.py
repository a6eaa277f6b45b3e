"""CLI commands of the geo stage: ``rasd places`` and ``rasd gazetteer``.

Thin shells over :func:`rasd.geo.find_places` and the gazetteer (see
shared/spec/cli.md): inputs are read with :func:`rasd.ingest.read`; each
rejected input is one ``PATH[:LINE]: reason`` line on stderr and the exit
status is then 1.
"""

from __future__ import annotations

import json
import sys

import click

from rasd.cli_options import format_option
from rasd.errors import InputError, RasdError


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


@click.command("places")
@click.argument("paths", nargs=-1, required=True)
@format_option("jsonl", "table", default="jsonl")
def places(paths: tuple[str, ...], fmt: str) -> None:
    """Find and resolve the place mentions of each input record.

    \b
    Examples:
      rasd places article.txt
      rasd places news.jsonl --format table
      echo '{"text": "قصف قرب قاعدة عين الأسد"}' | rasd places -
    """
    from rasd.geo.recognize import find_places
    from rasd.ingest import read
    from rasd.pipeline import Pipeline

    pipeline = None
    rejected = False
    for item in read(paths):
        if isinstance(item, InputError):
            rejected = True
            click.echo(str(item), err=True)
            continue
        article = item
        if not article.id:
            pipeline = pipeline or Pipeline()
            try:
                article = pipeline(article)
            except RasdError as err:
                rejected = True
                click.echo(f"{article.origin}: {err}", err=True)
                continue
        mentions = find_places(article.text)
        if fmt == "jsonl":
            record = {"id": article.id, "mentions": [_mention(m) for m in mentions]}
            click.echo(_dump(record))
        else:
            click.echo(f"# {article.id}")
            for m in mentions:
                p = m.place
                where = (
                    f"{p.name} ({p.country}, {p.admin1}) {p.lat},{p.lon} p{p.geo_precision}"
                    if p
                    else "-"
                )
                click.echo(f"{m.start:>6} {m.end:>6}  {m.text}  ->  {where}")
    if rejected:
        sys.exit(1)


def _mention(m) -> dict[str, object]:
    d = m.to_dict()
    return {k: d[k] for k in ("start", "end", "text", "place", "cue", "precision", "relation")}


@click.command("gazetteer")
@click.argument("query")
@format_option("jsonl", "table", default="table")
@click.option("--limit", default=20, show_default=True, help="At most this many places.")
def gazetteer(query: str, fmt: str, limit: int) -> None:
    """Look a place name up in the shipped gazetteer (Arabic or English).

    \b
    Examples:
      rasd gazetteer الموصل
      rasd gazetteer "عين الأسد" --format jsonl
    """
    from rasd.geo.gazetteer import gazetteer as load

    entries = load().lookup(query)[:limit]
    for e in entries:
        if fmt == "jsonl":
            click.echo(_dump(e.to_dict()))
        else:
            click.echo(
                f"{e.id:<18} {e.name[:32]:<32} {e.name_ar[:24]:<24} {e.country:<2} "
                f"{e.admin1[:18]:<18} {e.kind:<15} {e.lat:.4f},{e.lon:.4f}"
            )
    if not entries:
        click.echo(f"no place named {query!r}", err=True)
