"""``rasd eval``: score the extractor on gold articles or labelled sentences.

A thin shell: it reads the gold, runs ``rasd.extract`` (or reads
predictions from a file), and hands both to the scorers in this folder.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import click

from rasd.cli_options import format_option
from rasd.errors import EvalError, RasdError
from rasd.eval.fusion import score_fusion
from rasd.eval.gold import read_gold, score_gold
from rasd.eval.report import Report
from rasd.eval.sentences import score_sentences


@click.command("eval")
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(dir_okay=False),
    help="Gold articles (JSONL, gold-format.md).",
)
@click.option(
    "--sentences",
    "sentences_path",
    type=click.Path(),
    help="Labelled sentence CSV, or the arabic_event_gsr folder.",
)
@click.option(
    "--predicted",
    "predicted_path",
    type=click.Path(dir_okay=False),
    help="Score these event records (JSONL, event-format.md) instead of running the extractor.",
)
@click.option(
    "--fused",
    "fused",
    is_flag=True,
    help="The --predicted records are fused events: score one event per real event (gold_id).",
)
@click.option(
    "--details",
    "show_details",
    is_flag=True,
    help="Every miss and wrong field (json: add 'details').",
)
@click.option(
    "--places",
    "places_path",
    type=click.Path(),
    help="Score place-mention recognition on IDRISI-style JSONL (a file or a folder).",
)
@click.option(
    "--locations",
    "locations",
    is_flag=True,
    help="With --gold: also score event locations (pairs made without looking at places).",
)
@format_option("text", "json", default="text")
def eval_command(
    gold_path, sentences_path, predicted_path, fused, show_details, fmt, places_path, locations
):
    """Score rasd: event P/R/F1 and field accuracy on gold articles, or
    ASSAULT/PROTEST detection (strict and clear) on labelled sentences.

    \b
    Examples:
      rasd eval --gold gold/articles.jsonl
      rasd eval --sentences ../shared/data/arabic_event_gsr --format json
      rasd eval --gold gold/articles.jsonl --predicted fused.jsonl --fused
      rasd eval --gold gold/articles.jsonl --locations
      rasd eval --places ../shared/data/idrisi_lmr
    """
    if not gold_path and not sentences_path and not places_path:
        raise click.UsageError("give --gold FILE, --sentences CSV and/or --places PATH")
    if locations and (not gold_path or fused):
        raise click.UsageError("--locations scores events against --gold (not --fused)")
    if predicted_path and not gold_path:
        raise click.UsageError("--predicted scores against --gold")
    if fused and not predicted_path:
        raise click.UsageError("--fused needs --predicted FILE of fused events")
    reports: list[Report] = []
    try:
        if gold_path:
            gold = read_gold(gold_path)
            if fused:
                reports.append(score_fusion(gold, read_events(predicted_path)))
            else:
                if predicted_path:
                    predicted = by_article(read_events(predicted_path))
                else:
                    predicted = {str(r["id"]): _extract_record(r) for r in gold}
                reports.append(score_gold(gold, predicted))
                if locations:
                    from rasd.eval.places import score_locations

                    reports.append(score_locations(gold, predicted))
        if sentences_path:
            reports.append(score_sentences(sentences_path, lambda text: _extract(text, None, "ar")))
        if places_path:
            from rasd.eval.places import read_mentions, score_mentions

            reports.append(score_mentions(read_mentions(places_path)))
    except RasdError as err:
        raise click.ClickException(err.message) from err
    if fmt == "json":
        out = [r.to_dict(with_details=show_details) for r in reports]
        click.echo(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=2))
    else:
        limit = 10**9 if show_details else 30
        click.echo("\n\n".join(r.to_text(max_details=limit) for r in reports))


def by_article(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Events listed under each of their ``article_ids``."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in events:
        for aid in ev.get("article_ids") or []:
            out[str(aid)].append(ev)
    return out


def read_events(path: str | Path) -> list[dict[str, Any]]:
    """Event records of a JSONL file (event-format.md)."""
    events: list[dict[str, Any]] = []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as err:
        raise EvalError(f"{path}: cannot read ({err.strerror})", value=str(path)) from err
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            ev = json.loads(line)
        except json.JSONDecodeError as err:
            raise EvalError(f"{path}:{n}: not JSON ({err.msg})", value=line[:80]) from err
        events.append(ev)
    return events


def _extract_record(rec: dict[str, Any]) -> list[dict[str, Any]]:
    """Events of one gold article; an article the extractor rejects scores as
    predicting nothing (its gold events count as missed), with a message."""
    try:
        return _extract(rec["text"], rec.get("published"), rec.get("lang"))
    except RasdError as err:
        click.echo(f"{rec['id']}: extraction failed: {err.message}", err=True)
        return []


def _extract(text: str, published: str | None, lang: str | None) -> list[dict[str, Any]]:
    import rasd

    return [ev.to_dict() for ev in rasd.extract(text, published=published, lang=lang)]
