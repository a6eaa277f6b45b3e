"""The actor dictionary: who can act in an event, and how text names them.

The dictionary is data (``data/actors.tsv``, one actor a row with its
Arabic and English variants); this module loads it once, checks it, and
finds actor mentions in text through :class:`rasd.text.clitics.PhraseMatcher`,
so ``وبالقوات الأميركية`` resolves like ``القوات الأمريكية``. It decides
nothing about roles (who acted, who was hit): that is the extractor's job.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from rasd import resources
from rasd.errors import ResourceError
from rasd.model import Actor
from rasd.text.clitics import EXACT_MARK, PhraseMatcher, bare
from rasd.text.tokens import Token, Tokens, tokenize

SOURCE = "rasd/extract/data/actors.tsv"
KINDS = frozenset({"state_forces", "armed_group", "civilians", "government", "other"})
COLUMNS = ("id", "name", "name_ar", "kind", "country", "parent", "variants", "variants_en", "note")
DEFINITE_MARK = "+"  # "+المقاومة": the first word must carry the article
_ARTICLE_ENDINGS = ("ال", "لل")  # matching forms: ال, and ل + ال contracted
# quotation marks the press puts around names (تنظيم «القاعدة»); mentions read through them
QUOTES = frozenset("«»\"“”„‹›'‘’")
HYPHENS = frozenset("-‐‑–")
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_COUNTRY = re.compile(r"[A-Z]{2}\Z")


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One dictionary row: the public ``Actor`` plus what only lookups need."""

    actor: Actor
    parent: str | None = None
    variants: tuple[str, ...] = ()  # Arabic, canonical name first
    variants_en: tuple[str, ...] = ()  # English, canonical name first
    note: str = ""

    @property
    def id(self) -> str:
        return self.actor.id


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text: original offsets (clitics excluded)."""

    start: int
    end: int
    actor: Actor
    text: str
    phrase: str = ""  # the dictionary variant that matched


@dataclass(slots=True)
class ActorIndex:
    """The checked dictionary: look-up by id, variants for matchers, and a
    ready matcher for finding mentions."""

    records: Mapping[str, ActorRecord]
    definite: Mapping[str, str] = field(default_factory=dict)  # phrase -> bare first word
    _matcher: PhraseMatcher | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[ActorRecord]:
        return iter(self.records.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.records

    def get(self, actor_id: str) -> Actor:
        """The actor with this id; ``KeyError`` for an id not in the dictionary."""
        return self.records[actor_id].actor

    def record(self, actor_id: str) -> ActorRecord:
        return self.records[actor_id]

    def parent(self, actor_id: str) -> Actor | None:
        """The actor this one is a member or branch of, if any."""
        parent = self.records[actor_id].parent
        return self.records[parent].actor if parent else None

    def lineage(self, actor_id: str) -> list[str]:
        """``actor_id`` and its ancestors, nearest first (KH -> IRI)."""
        out = [actor_id]
        while (parent := self.records[out[-1]].parent) is not None:
            out.append(parent)
        return out

    def entries(self, lang: str | None = None) -> Iterator[tuple[str, str]]:
        """``(variant, actor_id)`` pairs for a ``PhraseMatcher``: Arabic
        (``lang="ar"``), English (``"en"``) or both (``None``). Variants that
        need the article (``definite``) are given plain; :meth:`mentions`
        applies that rule, a bare matcher does not."""
        for rec in self.records.values():
            if lang in (None, "ar"):
                for v in rec.variants:
                    yield v, rec.id
            if lang in (None, "en"):
                for v in rec.variants_en:
                    yield v, rec.id

    @property
    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            self._matcher = PhraseMatcher(self.entries())
        return self._matcher

    def mentions(self, tokens: list[Token], text: str) -> list[ActorMention]:
        """Actor mentions among already made tokens of ``text``; quotation
        marks inside a name are skipped (``حركة «حماس»``)."""
        if any(t.kind == "punct" and (t.form in QUOTES or _joining(t, text)) for t in tokens):
            # "طائرات F-16 العراقية": a hyphen inside a model's designation joins, as a space
            tokens = Tokens(
                (
                    t
                    for t in tokens
                    if t.kind != "punct" or (t.form not in QUOTES and not _joining(t, text))
                ),
                text,
            )
        return [
            ActorMention(
                m.start, m.end, self.records[m.value].actor, text[m.start : m.end], m.phrase
            )
            for m in self.matcher.find(tokens)
            if m.phrase not in self.definite or self._has_article(tokens[m.first].form, m.phrase)
        ]

    def _has_article(self, form: str, phrase: str) -> bool:
        """Whether the word before the phrase's bare first word ends in the article
        (``والمقاومة``, ``للمقاومة`` yes; ``مقاومة`` no)."""
        head = self.definite[phrase]
        return form.endswith(head) and form[: len(form) - len(head)].endswith(_ARTICLE_ENDINGS)

    def find(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        tokens: list[Token] | None = None,
    ) -> list[ActorMention]:
        """Actor mentions in ``text[start:end]``, left to right, longest first;
        ``tokens`` are that span's tokens when the caller has them already."""
        if tokens is None:
            tokens = tokenize(text, start, end)
        return self.mentions(tokens, text)


# --- loading and checking ----------------------------------------------------


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def _key(phrase: str, where: str) -> tuple[str, ...]:
    """What the matcher compares: matching forms, first word without article."""
    tokens = tokenize(phrase.removeprefix(EXACT_MARK))
    if any(t.kind == "punct" for t in tokens):
        raise ResourceError(
            f"{where}: variant {phrase!r} has punctuation, which never matches", value=phrase
        )
    forms = [t.form for t in tokens]
    if not forms:
        raise ResourceError(f"{where}: empty variant", value=phrase)
    return (bare(forms[0]), *forms[1:])


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def parse(rows: Iterable[Mapping[str, str]], source: str = SOURCE) -> ActorIndex:
    """Build and check an index from TSV rows; ``ResourceError`` names the
    file, the row (counted among data rows, from 1) and the offending value."""
    records: dict[str, ActorRecord] = {}
    rownum: dict[str, int] = {}
    owner: dict[tuple[str, ...], tuple[str, str]] = {}  # key -> (actor id, variant)
    definite: dict[str, str] = {}
    for n, row in enumerate(rows, start=1):
        missing = [c for c in COLUMNS if c not in row]
        if missing:
            raise ResourceError(f"{source}: missing columns {missing}", value=missing)
        aid = row["id"]
        where = f"{source}: row {n} ({aid or 'no id'})"
        if not _ID.match(aid):
            raise ResourceError(f"{where}: bad id {aid!r} (want a lower-case slug)", value=aid)
        if aid in records:
            raise ResourceError(f"{where}: duplicate id, first at row {rownum[aid]}", value=aid)
        if not row["name"] or not row["name_ar"]:
            raise ResourceError(f"{where}: name and name_ar are required", value=aid)
        if row["kind"] not in KINDS:
            raise ResourceError(f"{where}: unknown kind {row['kind']!r}", value=row["kind"])
        country = row["country"] or None
        if country is not None and not _COUNTRY.match(country):
            raise ResourceError(f"{where}: bad country code {country!r}", value=country)
        variants_ar = []
        for v in [row["name_ar"], *_split(row["variants"])]:
            if v.startswith(DEFINITE_MARK):
                v = v[len(DEFINITE_MARK) :].strip()
                definite[v] = _key(v, where)[0]
            variants_ar.append(v)
        variants = _dedupe(variants_ar)
        variants_en = _dedupe(
            v
            for v in [row["name"], *_split(row["variants_en"])]
            if v != row["name"] or not _has_punct(v)  # a canonical name may be punctuated
        )
        for v in (*variants, *variants_en):
            key = _key(v, where)
            prior = owner.setdefault(key, (aid, v))
            if prior[0] != aid:
                raise ResourceError(
                    f"{where}: variant {v!r} also names {prior[0]} (as {prior[1]!r})", value=v
                )
        actor = Actor(
            name=row["name"], id=aid, kind=row["kind"], name_ar=row["name_ar"], country=country
        )
        records[aid] = ActorRecord(actor, row["parent"] or None, variants, variants_en, row["note"])
        rownum[aid] = n
    _check_parents(records, rownum, source)
    return ActorIndex(records, definite)


def _joining(t: Token, text: str) -> bool:
    """A hyphen between two words with no space (``F-16``، ``إف-16``)."""
    return (
        t.form in HYPHENS
        and 0 < t.start
        and t.end < len(text)
        and not text[t.start - 1].isspace()
        and not text[t.end].isspace()
    )


def _has_punct(text: str) -> bool:
    return any(t.kind == "punct" for t in tokenize(text))


def _check_parents(
    records: Mapping[str, ActorRecord], rownum: Mapping[str, int], source: str
) -> None:
    for aid, rec in records.items():
        where = f"{source}: row {rownum[aid]} ({aid})"
        if rec.parent is not None and rec.parent not in records:
            raise ResourceError(f"{where}: unknown parent {rec.parent!r}", value=rec.parent)
        seen = {aid}
        parent = rec.parent
        while parent is not None:
            if parent in seen:
                raise ResourceError(f"{where}: parent cycle through {parent!r}", value=parent)
            seen.add(parent)
            parent = records[parent].parent


VARIANTS = "actor_variants.tsv"  # more Arabic variants of dictionary actors: id, variant


def with_variants(
    rows: Iterable[Mapping[str, str]], extra: Iterable[Mapping[str, str]]
) -> list[dict[str, str]]:
    """The dictionary rows with the variants of ``extra`` (rows ``id``, ``variant``)
    added to their actor's; ``ResourceError`` for an id the dictionary lacks."""
    more: dict[str, list[str]] = {}
    for row in extra:
        more.setdefault(row["id"], []).append(row["variant"])
    out = []
    for row in rows:
        row = dict(row)
        added = more.pop(row.get("id", ""), None)
        if added:
            row["variants"] = " | ".join([*_split(row.get("variants", "")), *added])
        out.append(row)
    if more:
        raise ResourceError(f"rasd/extract/data/{VARIANTS}: unknown ids {sorted(more)}", value=more)
    return out


@functools.cache
def load() -> ActorIndex:
    """The packaged dictionary, read and checked on first use."""
    rows = with_variants(resources.tsv("extract", "actors.tsv"), resources.tsv("extract", VARIANTS))
    return parse(rows)


def find_actors(
    text: str, start: int = 0, end: int | None = None, *, tokens: list[Token] | None = None
) -> list[ActorMention]:
    """Actor mentions in ``text[start:end]`` with offsets into ``text``
    (``tokens``: ``tokenize(text, start, end)`` when already made)."""
    return load().find(text, start, end, tokens=tokens)
