"""Light clitic handling and a phrase matcher for lexicon look-ups.

Arabic writes conjunctions, prepositions and the article onto the next word
(``وبالموصل`` = و + ب + ال + موصل), so a lexicon entry must match through
them. ``analyses`` lists the readings of one word; ``PhraseMatcher`` finds
lexicon phrases in a token list, letting the first word of a phrase carry
proclitics and the article, and reports offsets into the original text that
exclude the clitics. The clitic inventory is data (``data/clitics.tsv``).
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from rasd import resources
from rasd.errors import ResourceError
from rasd.text.normalize import advance, match_form
from rasd.text.tokens import Token, tokenize

MIN_STEM = 2  # a reading must leave at least this many letters
EXACT_MARK = "="  # a phrase written "=امل" matches only the bare word
ARTICLE_MARK = "+"  # a phrase written "+المقاومة" needs the article on its first word


@dataclass(frozen=True, slots=True)
class _Inventory:
    conj: tuple[str, ...]
    prep: tuple[str, ...]
    article: tuple[str, ...]
    contraction: tuple[str, ...]
    pronoun: tuple[str, ...] = ()  # enclitics: only where a lexicon asks for them


@functools.cache
def _inventory() -> _Inventory:
    slots: dict[str, list[str]] = {
        "conj": [],
        "prep": [],
        "article": [],
        "contraction": [],
        "pronoun": [],
    }
    for row in resources.tsv("text", "clitics.tsv"):
        if row["slot"] not in slots:
            raise ResourceError(
                f"rasd/text/data/clitics.tsv: unknown slot {row['slot']!r}", value=row
            )
        slots[row["slot"]].append(match_form(row["form"]))
    return _Inventory(
        *(tuple(slots[k]) for k in ("conj", "prep", "article", "contraction", "pronoun"))
    )


def pronoun_suffixes() -> tuple[str, ...]:
    """The attached pronouns (``استهدافها``: its targeting), longest first."""
    return tuple(sorted(_inventory().pronoun, key=len, reverse=True))


@functools.lru_cache(maxsize=65536)
def analyses(form: str) -> tuple[tuple[int, str], ...]:
    """Readings ``(prefix_length, stem)`` of a word in matching form, the
    bare word first. ``وبالموصل`` -> (0, وبالموصل), (1, بالموصل), (2, الموصل),
    (4, موصل) …; ``للقوات`` -> … (2, قوات)."""
    inv = _inventory()
    out: dict[str, int] = {form: 0}

    def add(plen: int, stem: str) -> None:
        if len(stem) >= MIN_STEM and stem not in out:
            out[stem] = plen

    for conj in ("", *inv.conj):
        if conj and not form.startswith(conj):
            continue
        after_conj = form[len(conj) :]
        add(len(conj), after_conj)
        for prep in ("", *inv.prep):
            if prep and not after_conj.startswith(prep):
                continue
            rest = after_conj[len(prep) :]
            plen = len(conj) + len(prep)
            add(plen, rest)
            for art in inv.article:
                if rest.startswith(art):
                    add(plen + len(art), rest[len(art) :])
        for con in inv.contraction:
            if after_conj.startswith(con):
                add(len(conj) + len(con), after_conj[len(con) :])
    return tuple((plen, stem) for stem, plen in out.items())


def bare(form: str) -> str:
    """The word without a leading article (``القوات`` -> ``قوات``), for keys."""
    for art in _inventory().article:
        if form.startswith(art) and len(form) - len(art) >= MIN_STEM:
            return form[len(art) :]
    return form


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # original offsets; clitic prefix excluded
    end: int
    value: Any
    first: int  # token indexes, last exclusive
    last: int
    phrase: str  # the lexicon phrase that matched


@dataclass(frozen=True, slots=True)
class _Entry:
    rest: tuple[str, ...]  # forms of the words after the first
    value: Any
    phrase: str
    exact: bool  # "=": no clitics at all
    article: bool  # "+": the first word must carry the article


@dataclass(slots=True)
class _Bucket:
    """The phrases sharing a first word, split by their second word."""

    single: list[_Entry]
    by_next: dict[str, list[_Entry]]  # longest first


class PhraseMatcher:
    """Finds lexicon phrases in tokens: longest first, left to right, no overlaps.

    ``entries`` are ``(phrase, value)`` pairs in any spelling; phrases are
    compared in matching form, word by word. The first word may carry
    proclitics (و ف ب ل ك) and the article, written or not in the phrase.
    A phrase starting with ``=`` matches only without clitics; one starting
    with ``+`` only when its first word carries the article (``+المقاومة``
    finds والمقاومة but not the common noun مقاومة).
    """

    def __init__(self, entries: Iterable[tuple[str, Hashable | Any]]) -> None:
        index: dict[str, _Bucket] = {}
        for phrase, value in entries:
            exact = phrase.startswith(EXACT_MARK)
            article = phrase.startswith(ARTICLE_MARK)
            body = phrase[1:] if exact or article else phrase
            forms = [t.form for t in tokenize(body) if t.kind != "punct"]
            if not forms:
                continue
            head = forms[0] if exact else bare(forms[0])
            bucket = index.setdefault(head, _Bucket([], {}))
            entry = _Entry(tuple(forms[1:]), value, phrase, exact, article)
            if entry.rest:
                bucket.by_next.setdefault(entry.rest[0], []).append(entry)
            else:
                bucket.single.append(entry)
        for bucket in index.values():  # longest phrase wins
            for group in bucket.by_next.values():
                group.sort(key=lambda e: len(e.rest), reverse=True)
        self._index = index
        self._candidates: dict[str, tuple[tuple[int, bool, _Bucket], ...]] = {}

    def __len__(self) -> int:
        return sum(len(b.single) + sum(map(len, b.by_next.values())) for b in self._index.values())

    def _readings(self, form: str) -> tuple[tuple[int, bool, _Bucket], ...]:
        """``(prefix length, has article, bucket)`` for each reading of a word
        that starts some phrase; memoised per word form."""
        found = self._candidates.get(form)
        if found is None:
            index = self._index
            out = []
            for plen, stem in analyses(form):
                stripped = bare(stem)
                bucket = index.get(stem)
                if bucket is None and stripped != stem:
                    bucket = index.get(stripped)
                if bucket is not None:
                    has_article = stripped != stem or form[:plen].endswith(_article_ends())
                    out.append((plen, has_article, bucket))
            found = tuple(out)
            if len(self._candidates) < 200_000:
                self._candidates[form] = found
        return found

    def may_start(self, form: str) -> bool:
        """Whether a word (matching form) may start some phrase: ``find``
        passes over every word for which this is False."""
        readings = self._candidates.get(form)
        if readings is None:
            readings = self._readings(form)
        return bool(readings)

    def find(self, tokens: list[Token]) -> list[Match]:
        """Non-overlapping matches, left to right, longest at each position."""
        text = getattr(tokens, "text", None)
        out: list[Match] = []
        known = self._candidates
        resume = 0  # the token after the last match
        for i, (tok_start, _, form, kind) in enumerate(tokens):
            if i < resume or kind != "word":
                continue
            readings = known.get(form)
            if readings is None:
                readings = self._readings(form)
            if not readings:
                continue
            hit = self._match_at(tokens, i, readings)
            if hit is None:
                continue
            plen, entry = hit
            last = i + 1 + len(entry.rest)
            start = tok_start
            if plen:
                start = advance(text, tok_start, plen) if text is not None else tok_start + plen
            out.append(Match(start, tokens[last - 1].end, entry.value, i, last, entry.phrase))
            resume = last
        return out

    def find_text(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Convenience: tokenise ``text[start:end]`` and find phrases in it."""
        return self.find(tokenize(text, start, end))

    @staticmethod
    def _match_at(
        tokens: list[Token], i: int, readings: tuple[tuple[int, bool, _Bucket], ...]
    ) -> tuple[int, _Entry] | None:
        best: tuple[int, _Entry] | None = None
        nxt = tokens[i + 1].form if i + 1 < len(tokens) else None
        for plen, has_article, bucket in readings:
            group = bucket.by_next.get(nxt) if nxt is not None else None
            for entry in group or ():
                if best is not None and len(entry.rest) <= len(best[1].rest):
                    break
                if _allowed(entry, plen, has_article) and _rest_matches(tokens, i + 1, entry.rest):
                    best = (plen, entry)
                    break
            if best is None:
                for entry in bucket.single:
                    if _allowed(entry, plen, has_article):
                        best = (plen, entry)
                        break
        return best


def _allowed(entry: _Entry, plen: int, has_article: bool) -> bool:
    if entry.exact and plen:
        return False
    return has_article or not entry.article


@functools.cache
def _article_ends() -> tuple[str, ...]:
    inv = _inventory()
    return inv.article + inv.contraction


def _rest_matches(tokens: list[Token], j: int, rest: tuple[str, ...]) -> bool:
    if j + len(rest) > len(tokens):
        return False
    for form in rest:  # a plain loop: a generator costs more than these few words
        if tokens[j].form != form:
            return False
        j += 1
    return True
