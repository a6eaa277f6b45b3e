"""The store's commands: ``ingest``, ``articles``, ``show``, ``search``, ``stats``.

Thin click wrappers over :mod:`rasd.store.api`; names, flags, output and
exit statuses follow ``shared/spec/cli.md``.
"""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from rasd.cli_options import db_option, format_option
from rasd.cli_output import fail, write_json, write_jsonl, write_table
from rasd.errors import RasdError
from rasd.store import api, open_store


def _open(db_url: str):
    try:
        return open_store(db_url)
    except RasdError as err:
        fail(err)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the work runs: in this process, or on a Dask cluster.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler (tcp://host:8786); without it --engine dask starts a LocalCluster.",
)
@click.option("--workers", default=2, show_default=True, help="Workers of the LocalCluster.")
@click.option(
    "--batch-size", default=api.BATCH_SIZE, show_default=True, help="Articles per transaction."
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: on a terminal).",
)
@click.option(
    "--rejects",
    "rejects_file",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    metavar="FILE",
    help="Also write each rejected input as one JSON line to FILE.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let http(s) inputs fetch from loopback, private and link-local addresses.",
)
def ingest(
    paths, db_url, engine, scheduler, workers, batch_size, progress, rejects_file, allow_private
):
    """Read, clean, extract and store articles from PATHS (files, directories, globs, - for stdin).

    \b
    Examples:
      rasd ingest sample/
      rasd ingest 'news/*.jsonl' --db news.db
      cat page.html | rasd ingest -
      rasd ingest crawl.warc.gz --engine dask --db postgresql://rasd@db/rasd

    Exit status 0 when every input was taken, 1 when some were rejected
    (one stderr line each: PATH[:LINE]: reason; with --rejects FILE also
    one JSON line each: {"where", "input", "line", "reason", "code", "message"}).
    http(s) URLs are fetched; loopback and private addresses only with
    --allow-private.
    """
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    try:
        rejects_out = open(rejects_file, "w", encoding="utf-8") if rejects_file else None
    except OSError as err:
        fail(f"{rejects_file}: cannot write the rejects report: {err.strerror or err}", status=2)
    store = _open(db_url)
    show_bar = sys.stderr.isatty() if progress is None else progress
    unit = " partitions" if engine == "dask" else " articles"
    bar = tqdm(unit=unit, disable=not show_bar, file=sys.stderr, dynamic_ncols=True)

    def reject(line: str) -> None:
        bar.clear() if show_bar else None
        click.echo(line, err=True)
        if rejects_out is not None:
            rejects_out.write(api.rejection_json(line) + "\n")
            rejects_out.flush()

    def planned(total: int, done: int) -> None:
        bar.total = total - done
        if done:
            click.echo(f"rasd: resuming: {done} of {total} partitions already stored", err=True)

    try:
        if engine == "dask":
            from rasd.store.dask_engine import ingest_dask

            report = ingest_dask(
                paths,
                store,
                scheduler=scheduler,
                workers=workers,
                on_reject=reject,
                progress=bar.update,
                on_plan=planned,
            )
        else:
            report = api.ingest(
                paths,
                store,
                batch_size=batch_size,
                on_reject=reject,
                progress=bar.update,
                allow_private=allow_private,
            )
    except RasdError as err:
        fail(err)
    finally:
        bar.close()
        store.close()
        if rejects_out is not None:
            rejects_out.close()
    click.echo(f"rasd: {report.summary()}", err=True)
    sys.exit(1 if report.rejected else 0)


@click.command()
@db_option
@format_option("jsonl", "json", "table", default="jsonl")
@click.option("--limit", type=int, default=None, help="At most this many articles.")
@click.option("--offset", type=int, default=0, show_default=True)
@click.option("--source", default=None, help="Only articles from this source.")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Published on or after.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Published on or before.")
def articles(db_url, fmt, limit, offset, source, since, until):
    """List stored articles (newest first).

    \b
    Examples:
      rasd articles --format table
      rasd articles --since 2024-07-01 --format jsonl
    """
    with _open(db_url) as store:
        found = store.articles(limit=limit, offset=offset, source=source, since=since, until=until)
        if fmt == "table":
            write_table(
                ((a.id, a.to_dict()["published"], a.source, a.title) for a in found),
                ["id", "published", "source", "title"],
                [16, 10, 16, 60],
            )
        elif fmt == "json":
            write_json([a.to_dict() for a in found])
        else:
            write_jsonl(a.to_dict() for a in found)


@click.command()
@click.argument("article_id")
@db_option
@format_option("json", "text", default="json")
def show(article_id, db_url, fmt):
    """Show one article with its events.

    \b
    Example:
      rasd show 3f2a9c0d1e2b4a5f --format json
    """
    with _open(db_url) as store:
        try:
            obj = api.show(store, article_id)
        except RasdError as err:
            fail(err)
    if fmt == "json":
        write_json(obj)
        return
    click.echo(f"{obj['id']}  {obj['published'] or '-'}  {obj['source'] or ''}")
    click.echo(obj["title"] or "")
    click.echo()
    click.echo(obj["body"])
    click.echo()
    click.echo(f"{len(obj['events'])} events")
    for e in obj["events"]:
        click.echo(f"  {e['event_date']}  {e['sub_event_type']}  {e.get('claim_status')}")


@click.command()
@click.argument("query", nargs=-1, required=True)
@db_option
@format_option("jsonl", "table", default="jsonl")
@click.option("--limit", type=int, default=20, show_default=True)
def search(query, db_url, fmt, limit):
    """Full-text search, Arabic-normalised: الامريكية finds الأميركية, الموصل finds بالموصل.

    \b
    Examples:
      rasd search الامريكية
      rasd search عين الأسد --format table
    """
    with _open(db_url) as store:
        try:
            found = api.search(store, " ".join(query), limit=limit)
        except RasdError as err:
            fail(err)
    if fmt == "table":
        write_table(
            ((a["id"], a["published"], a["score"], a["title"]) for a in found),
            ["id", "published", "score", "title"],
            [16, 10, 7, 60],
        )
    else:
        write_jsonl(found)


@click.command()
@db_option
@format_option("json", "table", default="table")
def stats(db_url, fmt):
    """Counts: articles, events, languages, sources, event types, date range.

    \b
    Examples:
      rasd stats
      rasd stats --db news.db --format json
    """
    with _open(db_url) as store:
        figures = store.stats()
    if fmt == "json":
        write_json(figures)
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for k, v in value.items():
                click.echo(f"  {k}: {v}")
        else:
            click.echo(f"{key}: {value}")
