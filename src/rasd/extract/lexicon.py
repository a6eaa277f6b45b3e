"""Lexicons: the extractor's phrase tables, compiled into one fast matcher each.

A lexicon is a TSV file in ``rasd/extract/data`` whose first column,
``phrase``, holds the entry's variants separated by ``|``. A variant is
written as people write it (diacritics, hamza and teh marbuta are folded
by :func:`rasd.text.match_form`); ``*`` at the end of a word means "any
ending" (``استهدف*`` covers استهدفت، استهدفوا) and ``+`` "may carry an attached
pronoun" (``استهداف+`` covers استهدافها، استهدافهم; the pronouns are
``rasd/text/data/clitics.tsv``). The first word may carry
the proclitics و ف ب ل ك and the article ال (``بالهجوم`` finds ``هجوم``).

Matching runs on the matching form of one sentence (a
:class:`rasd.text.Normalized`), so every hit maps back to original offsets.
All variants of a lexicon share one regular expression whose alternatives
are factored into a character trie: one C-level scan per sentence. Where
several variants start at one word, the longest phrase wins (``اطلقت النار``
over ``اطلقت``), whatever order the rows list them in.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress
from typing import Any

from rasd import resources
from rasd.errors import ResourceError
from rasd.text import match_form
from rasd.text.clitics import pronoun_suffixes

# proclitics on a phrase's first word; the article is stripped from phrases
# at compile time and allowed back here
_PREFIX = r"(?<!\w)(?:[وف]?(?:لل|بال|كال|ال|ب|ل|(?!كان)ك)?)"  # not ك+ان in وكان
_WILD = "\x00"  # stands for "*" inside the trie
_SUFFIX = "\x02"  # stands for "+" (an attached pronoun may follow) inside the trie
_SPACE = "\x01"  # stands for one run of spaces
_WHITESPACE = re.compile(r"\s+")
_MEMO = 100_000  # matched cores remembered per lexicon
# where a hit may start: not inside a word, with the run of characters up to the
# next space (a hit of one lexicon, فجر-5, may hide the start of another after
# its hyphen, so every such position counts, not only those after a space)
_STARTS = re.compile(r"(?<!\w)(?=(\S+))")
_NEXT_WORD = re.compile(r"\s+\w+")


# not frozen: a frozen dataclass is built through object.__setattr__, and
# thousands are made per article; nothing changes one after it is made
@dataclass(slots=True)
class Hit:
    """One lexicon match in the matching form: ``[start, end)`` of the phrase
    proper (clitic prefix excluded), the variant that matched and its row."""

    start: int
    end: int
    variant: str
    row: dict[str, str]


def _norm_variant(variant: str) -> str:
    words = match_form(variant).split()
    if not words:
        return ""
    first = words[0]
    if first.startswith("ال") and len(first.rstrip("*+")) > 3:
        words[0] = first[2:]
    return " ".join(words)


@functools.cache
def _pronoun_regex() -> str:
    """An optional attached pronoun (``+`` after a word: استهداف+ finds استهدافها);
    the forms are data (rasd/text/data/clitics.tsv, slot ``pronoun``)."""
    forms = pronoun_suffixes()
    return "(?:" + "|".join(map(re.escape, forms)) + ")?" if forms else ""


def _trie_regex(variants: list[str]) -> str:
    """A regex matching any of ``variants`` (``*`` = word continuation),
    alternatives factored by common prefixes, longest first."""
    trie: dict[str, Any] = {}
    for v in variants:
        node = trie
        for ch in v.replace("*", _WILD).replace("+", _SUFFIX).replace(" ", _SPACE):
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        alts = []
        for ch in sorted((k for k in node if k), key=lambda c: (c in (_WILD, _SPACE), c)):
            piece = (
                r"\w*"
                if ch == _WILD
                else r"\s+"
                if ch == _SPACE
                else _pronoun_regex()
                if ch == _SUFFIX
                else re.escape(ch)
            )
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


class Lexicon:
    """All rows of one lexicon file, matchable in one pass."""

    def __init__(
        self, rows: list[dict[str, str]] | tuple[dict[str, str], ...], name: str = ""
    ) -> None:
        self.name = name
        self.rows = list(rows)
        self._exact: dict[str, tuple[str, dict[str, str]]] = {}
        self._wild: list[tuple[re.Pattern[str], str, dict[str, str]]] = []
        variants: list[str] = []
        for row in self.rows:
            if "phrase" not in row:
                raise ResourceError(f"lexicon {name}: no 'phrase' column", value=row)
            for raw in row["phrase"].split("|"):
                v = _norm_variant(raw.strip())
                if not v:
                    continue
                variants.append(v)
                if "*" in v or "+" in v:
                    pat = (
                        re.escape(v)
                        .replace(r"\*", r"\w*")
                        .replace(r"\+", _pronoun_regex())
                        .replace(r"\ ", " ")
                    )
                    self._wild.append((re.compile(pat), raw.strip(), row))
                else:
                    self._exact.setdefault(v, (raw.strip(), row))
        self._wild.sort(key=lambda w: -len(w[0].pattern))
        # the regex takes the first alternative that completes (اطلقت before اطلق* النار):
        # a hit whose first word may open a phrase of several words (remembered per
        # word), where such a phrase does match past its end, is re-tried over up to
        # ``_more`` words more, and the longest span wins
        longer = [v for v in variants if " " in v]
        self._more = max((v.count(" ") for v in longer), default=0)
        self._phrase = re.compile(f"(?:{_trie_regex(longer)})(?!\\w)") if longer else None
        self._opener = (
            re.compile(_trie_regex([v.split(" ")[0] for v in longer])) if longer else None
        )
        self._opens: dict[str, bool] = {}
        # the first words variants may start with (clitics allowed): a word that is
        # none of them cannot start a hit, so a shared scan can skip it (:class:`Scan`)
        self.openers = sorted({v.split(" ")[0] for v in variants})
        self._opens_word = (
            re.compile(f"{_PREFIX}(?:{_trie_regex(self.openers)})(?!\\w)") if variants else None
        )
        if variants:
            body = _trie_regex(variants)
            self._re: re.Pattern[str] | None = re.compile(f"{_PREFIX}({body})(?!\\w)")
            self._core = re.compile(body)
        else:
            self._re = None
        self._found: dict[str, tuple[str, dict[str, str]] | None] = {}
        self._cores: dict[str, tuple[tuple[str, dict[str, str]] | None, bool]] = {}

    def _lookup(self, core: str) -> tuple[str, dict[str, str]] | None:
        """The variant and row of a matched core (memoised: the same words recur)."""
        try:
            return self._found[core]
        except KeyError:
            pass
        found = self._lookup_new(core)
        if len(self._found) < _MEMO:
            self._found[core] = found
        return found

    def _lookup_new(self, core: str) -> tuple[str, dict[str, str]] | None:
        key = _WHITESPACE.sub(" ", core)
        found = self._exact.get(key)
        if found:
            return found
        for pat, raw, row in self._wild:
            if pat.fullmatch(key):
                return raw, row
        return None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Non-overlapping hits in the matching-form ``text[start:end]``, left to right."""
        if self._re is None:
            return []
        out = []
        stop = len(text) if end is None else end
        search = self._re.search
        pos = start
        while (m := search(text, pos, stop)) is not None:
            a, pos, found = self._widest(text, m, stop)
            if found is None:  # a wildcard alternative that over-ran; retry shorter cores
                continue
            out.append(Hit(a, pos, found[0], found[1]))
        return out

    def find_at(
        self,
        text: str,
        starts: list[int],
        end: int | None = None,
        *,
        make: Callable[[int, int, dict[str, str]], Any] | None = None,
        base: int = 0,
    ) -> list[Any]:
        """:meth:`find`, trying only the word ``starts`` a :class:`Scan` found for
        this lexicon (the same hits: a hit can only start at one of them). With
        ``make``, each hit is built as ``make(start + base, end + base, row)``
        instead of a :class:`Hit` (the caller's own type, without a copy)."""
        if self._re is None:
            return []
        out = []
        stop = len(text) if end is None else end
        match = self._re.match
        pos = 0
        for at in starts:
            if at < pos:
                continue
            m = match(text, at, stop)
            if m is None:
                continue
            a, pos, found = self._widest(text, m, stop)
            if found is None:
                continue
            if make is None:
                out.append(Hit(a, pos, found[0], found[1]))
            else:
                out.append(make(a + base, pos + base, found[1]))
        return out

    def _widest(
        self, text: str, m: re.Match[str], stop: int
    ) -> tuple[int, int, tuple[str, dict[str, str]] | None]:
        """The hit a regex match ``m`` stands for: its start, its end (a longer
        phrase opened by the same first word wins) and its variant and row (None
        when a wildcard alternative over-ran)."""
        a, b = m.span(1)
        core = m.group(1)
        known = self._cores.get(core)
        if known is None:
            known = self._core_info(core)
        found, opens = known
        if opens and (p := self._phrase.match(text, a, stop)) is not None and p.end() > b:
            longer = self._longest(text, a, b, stop)
            if longer is not None:
                b, found = longer
        return a, b, found

    def _core_info(self, core: str) -> tuple[tuple[str, dict[str, str]] | None, bool]:
        """:meth:`_lookup` of a matched core, and whether its first word may open a
        longer phrase (:meth:`_may_open`), remembered together for :meth:`find_at`."""
        info = (self._lookup(core), self._phrase is not None and self._may_open(core))
        if len(self._cores) < _MEMO:
            self._cores[core] = info
        return info

    def may_hit(self, text: str) -> bool:
        """Whether ``text`` holds anything the lexicon's regex matches (a cheap
        test before :meth:`find`: no hit is built)."""
        return self._re is not None and self._re.search(text) is not None

    def opens(self, run: str) -> bool:
        """Whether a hit may start at the start of ``run``, the characters up to the
        next space (a first word never holds a space; it may hold a hyphen: فجر-5)."""
        return self._opens_word is not None and self._opens_word.match(run) is not None

    def _may_open(self, core: str) -> bool:
        """Whether the first word of a matched core may open a phrase of several words."""
        try:
            return self._opens[core]
        except KeyError:
            pass
        assert self._opener is not None
        first = core.split(None, 1)[0]
        ok = self._opener.fullmatch(first) is not None
        if len(self._opens) < _MEMO:
            self._opens[core] = ok
        return ok

    def _longest(
        self, text: str, a: int, b: int, stop: int
    ) -> tuple[int, tuple[str, dict[str, str]]] | None:
        """A longer phrase starting at ``a`` than the hit ``[a, b)``: its end and
        variant, the longest first (None when there is none)."""
        ends = []
        for m in _NEXT_WORD.finditer(text, b, stop):
            if m.start() != (ends[-1] if ends else b) or len(ends) == self._more:
                break
            ends.append(m.end())
        for e in reversed(ends):
            if self._core.fullmatch(text, a, e) is not None:
                found = self._lookup(text[a:e])
                if found is not None:
                    return e, found
        return None


class Scan:
    """One regex pass over a sentence for several lexicons at once: the start of
    every word that may open a hit, with the lexicons it may open one of.

    Running each lexicon's own regex over every sentence cost most of the
    cheap first look; a word opens a hit of a few lexicons at most, and the
    word-to-lexicons answer is remembered, so each lexicon then only tries its
    regex at its own starts (:meth:`Lexicon.find_at`).
    """

    def __init__(self, lexicons: list[Lexicon]) -> None:
        self.lexicons = lexicons
        self._any = any(lx.openers for lx in lexicons)
        self._opened: dict[str, tuple[int, ...]] = {}
        # per run of characters between spaces: (offset in the run, lexicon) of each
        # position in it that may open a hit (words recur: each is worked out once)
        self._runs: dict[str, tuple[tuple[int, int], ...]] = {}

    def starts(self, text: str) -> list[list[int]]:
        """For each lexicon (in order), the word starts in ``text`` it may match at."""
        out: list[list[int]] = [[] for _ in self.lexicons]
        if not self._any:
            return out
        runs = text.split()  # str.split and the regex \s agree on what a space is
        known = self._runs
        found = list(map(known.get, runs))
        if None in found:
            for k, run in enumerate(runs):
                if found[k] is None:
                    found[k] = self._run_starts(run)
        pos, size = 0, len(text)
        for run, opens in zip(compress(runs, found), filter(None, found), strict=True):
            # the run's own place: the first occurrence after the last one that is
            # a whole run (spaces or an end on both sides)
            at = text.find(run, pos)
            end = at + len(run)
            while (at > 0 and not text[at - 1].isspace()) or (
                end < size and not text[end].isspace()
            ):
                at = text.find(run, at + 1)
                end = at + len(run)
            for offset, i in opens:
                out[i].append(at + offset)
            pos = end
        return out

    def _run_starts(self, run: str) -> tuple[tuple[int, int], ...]:
        """Where in ``run`` (no spaces) a hit may open, with each lexicon that may
        open one there (one pair each: no inner loop in :meth:`starts`): at its start
        and after each mark (a hit of one lexicon, فجر-5, may hide the start of
        another after its hyphen); which lexicons depends on the characters from
        there to the end of the run only."""
        opened = self._opened
        out = []
        for m in _STARTS.finditer(run):
            rest = m.group(1)
            which = opened.get(rest)
            if which is None:
                which = tuple(i for i, lx in enumerate(self.lexicons) if lx.opens(rest))
                if len(opened) < _MEMO:
                    opened[rest] = which
            out.extend((m.start(), i) for i in which)
        found = tuple(out)
        if len(self._runs) < _MEMO:
            self._runs[run] = found
        return found


@functools.cache
def scan(names: tuple[str, ...]) -> Scan:
    """The shared :class:`Scan` of the packaged lexicons ``names``, compiled once."""
    return Scan([lexicon(n) for n in names])


@functools.cache
def lexicon(name: str) -> Lexicon:
    """The packaged lexicon ``rasd/extract/data/<name>.tsv``, compiled once."""
    return Lexicon(resources.tsv("extract", f"{name}.tsv"), name)
