"""Search queries: user words to a full-text query over the matching form.

The index holds the matching form of every word as written, clitics and
all (``وبالموصل``). A query word is therefore expanded into the forms it
takes behind proclitics and the article, so ``الموصل`` finds ``بالموصل``
and ``الامريكية`` finds ``الأميركية``. Words are quoted, so nothing a user
types is read as query syntax.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rasd import resources
from rasd.text.clitics import bare
from rasd.text.normalize import match_form
from rasd.text.tokens import tokenize

MAX_WORDS = 12


@functools.cache
def _prefixes() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    slots: dict[str, list[str]] = {"conj": [], "prep": [], "article": [], "contraction": []}
    for row in resources.tsv("text", "clitics.tsv"):
        slots.setdefault(row["slot"], []).append(match_form(row["form"]))
    return (
        tuple(slots["conj"]),
        tuple(slots["prep"]),
        tuple(slots["article"]),
        tuple(slots["contraction"]),
    )


def word_forms(form: str) -> list[str]:
    """Every written form of a word behind proclitics, bare word first."""
    if not is_arabic(form):
        return [form]
    conj, prep, article, contraction = _prefixes()
    stem = bare(form)
    forms = [form]
    cores = [a + stem for a in article] + [stem]
    contracted = {con[0] for con in contraction}  # ل + ال is written لل
    for c in ("", *conj):
        for p in ("", *prep):
            for core in cores:
                if p in contracted and core != stem:
                    continue
                forms.append(c + p + core)
        for con in contraction:
            forms.append(c + con + stem)
    seen: dict[str, None] = {}
    for f in forms:
        seen.setdefault(f, None)
    return list(seen)


def query_words(query: str) -> list[str]:
    """The words of a user's query, in matching form."""
    return [t.form for t in tokenize(query) if t.kind != "punct"][:MAX_WORDS]


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression: every word (in any clitic form) must occur."""
    parts = []
    for w in query_words(query):
        forms = word_forms(w) if is_arabic(w) else [w]
        parts.append("(" + " OR ".join(f'"{f}"' for f in forms) + ")")
    return " AND ".join(parts)


def is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of ``rasd events`` and ``GET /api/events`` (all optional, ANDed).

    Dates are ``YYYY-MM-DD``: an event matches when its window overlaps
    ``[date_from, date_to]``. ``actor`` matches an actor's id or name (actor1,
    actor2 or the suspected actor). ``text`` is a full-text query over the
    reporting articles."""

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    claim_status: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Dialect:
    """What differs between the SQL of the two backends: the placeholder and
    how a text value is read out of the JSON ``data`` column."""

    ph: str
    jsonb: bool  # PostgreSQL's jsonb operators, else SQLite's json_extract

    def json_text(self, path: str) -> str:
        """The text at a dotted ``path`` (``location.admin1``) of the ``data`` column."""
        if not self.jsonb:
            return f"json_extract(data, '$.{path}')"
        *parents, leaf = path.split(".")
        return "data" + "".join(f"->'{p}'" for p in parents) + f"->>'{leaf}'"


SQLITE = Dialect("?", jsonb=False)
POSTGRES = Dialect("%s", jsonb=True)


def event_conditions(f: EventFilter, d: Dialect = SQLITE) -> tuple[list[str], list[object]]:
    """SQL conditions for every filter but ``text`` (placeholders only, never user text)."""
    where: list[str] = []
    args: list[object] = []
    if f.date_from:
        where.append(f"coalesce(date_end, event_date) >= {d.ph}")
        args.append(f.date_from)
    if f.date_to:
        where.append(f"coalesce(date_start, event_date) <= {d.ph}")
        args.append(f.date_to)
    for column, value in (
        ("country", f.country),
        ("event_type", f.event_type),
        ("sub_event_type", f.sub_event_type),
        ("claim_status", f.claim_status),
    ):
        if value:
            where.append(f"{column} = {d.ph}")
            args.append(value)
    if f.admin1:
        where.append(f"{d.json_text('location.admin1')} = {d.ph}")
        args.append(f.admin1)
    if f.actor:
        parts = []
        for role in ("actor1", "actor2", "suspected_actor1"):
            for key in ("id", "name"):
                parts.append(f"lower({d.json_text(f'{role}.{key}')}) = lower({d.ph})")
                args.append(f.actor)
        where.append("(" + " OR ".join(parts) + ")")
    return where, args


def article_listing(
    d: Dialect,
    limit: int | None,
    offset: int,
    source: str | None,
    since: str | None,
    until: str | None,
) -> tuple[str, list[object]]:
    """The SQL and arguments of an article listing, newest first."""
    where: list[str] = []
    args: list[object] = []
    for clause, value in (("source =", source), ("published >=", since), ("published <=", until)):
        if value:
            where.append(f"{clause} {d.ph}")
            args.append(value)
    sql = "SELECT * FROM articles"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY published IS NULL, published DESC, rowid LIMIT {d.ph} OFFSET {d.ph}"
    no_limit = None if d.jsonb else -1  # PostgreSQL: LIMIT NULL; SQLite: LIMIT -1
    return sql, [*args, no_limit if limit is None else limit, offset]


def event_where(f: EventFilter) -> tuple[list[str], list[object]]:
    """SQL conditions (placeholders only, never user text) over ``article_events`` in SQLite."""
    where, args = event_conditions(f)
    if f.text:
        match = fts_query(f.text)
        if match:
            where.append(
                "article_id IN (SELECT a.id FROM articles a JOIN articles_fts"
                " ON articles_fts.rowid = a.rowid WHERE articles_fts MATCH ?)"
            )
            args.append(match)
    return where, args
