"""Arabic matching form, with an exact way back to the original text.

``match_form`` is the fast path (no offsets) used for hashing and the
full-text index; ``normalize`` also returns, for every character of the
matching form, the span of the original it came from. The character map
and spelling variants are data (``data/chars.tsv``, ``data/spellings.tsv``);
the functions here only apply them:

- diacritics, tatweel, zero-width and bidi controls are dropped;
- alef/hamza forms, alef maqsura/ya, teh marbuta/heh, Persian and Kurdish
  letters, Eastern Arabic and Persian digits, presentation forms unified;
- Latin letters lower-cased; whitespace kept as is (one char, one char).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from dataclasses import dataclass

from rasd import resources
from rasd.errors import ResourceError, TextError


@dataclass(frozen=True, slots=True)
class _Tables:
    translate: dict[int, str]  # code point -> replacement ("" deletes)
    changes_length: re.Pattern[str]  # characters whose replacement is not one char
    spellings: re.Pattern[str] | None
    spelling_map: dict[str, str]


def _parse_cp(text: str) -> int:
    try:
        return int(text, 16)
    except ValueError as err:
        raise ResourceError(
            f"rasd/text/data/chars.tsv: bad code point {text!r}", value=text
        ) from err


@functools.cache
def _tables() -> _Tables:
    table: dict[int, str] = {}
    nfkc: list[int] = []
    for row in resources.tsv("text", "chars.tsv"):
        lo_hi = row["from"].split("-")
        lo = _parse_cp(lo_hi[0])
        hi = _parse_cp(lo_hi[-1])
        target = row["to"]
        for cp in range(lo, hi + 1):
            if target == "-":
                table[cp] = ""
            elif target == "NFKC":
                nfkc.append(cp)
            else:
                cps = [_parse_cp(t) for t in target.split()]
                if len(cps) == 1 and hi > lo:  # a range onto a range (digits)
                    table[cp] = chr(cps[0] + cp - lo)
                else:
                    table[cp] = "".join(map(chr, cps))
    for cp in nfkc:  # presentation forms: decompose, then map the pieces
        decomposed = unicodedata.normalize("NFKC", chr(cp))
        if decomposed != chr(cp):
            table[cp] = "".join(table.get(ord(c), c) for c in decomposed)
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    odd = sorted(cp for cp, rep in table.items() if len(rep) != 1)
    changes_length = re.compile("[" + "".join(re.escape(chr(c)) for c in odd) + "]")
    spelling_map: dict[str, str] = {}
    for row in resources.tsv("text", "spellings.tsv"):
        if len(row["variant"]) != len(row["canonical"]):
            raise ResourceError(
                "rasd/text/data/spellings.tsv: variant and canonical must have equal length",
                value=row,
            )
        spelling_map[row["variant"]] = row["canonical"]
    spellings = (
        re.compile("|".join(map(re.escape, sorted(spelling_map, key=len, reverse=True))))
        if spelling_map
        else None
    )
    return _Tables(table, changes_length, spellings, spelling_map)


def _apply_spellings(text: str, t: _Tables) -> str:
    if t.spellings is None:
        return text
    return t.spellings.sub(lambda m: t.spelling_map[m.group(0)], text)


def match_form(text: str) -> str:
    """The matching form of ``text`` (no offsets): what indexes and look-ups compare."""
    t = _tables()
    return _apply_spellings(text.translate(t.translate), t)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A matching form plus, per character, the original span it came from.

    ``starts[i]``/``ends[i]`` bound the original characters behind matching
    character ``i``; characters the normaliser deleted (diacritics, tatweel)
    belong to the character before them, so a word's span covers its marks.
    ``starts``/``ends`` are None when the text was only mapped one to one.
    """

    original: str
    text: str
    starts: array | None = None
    ends: array | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` offsets for a span of the matching form."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise TextError(
                f"span {start}:{end} outside a text of {n} characters", value=(start, end)
            )
        if self.starts is None:
            return start, end
        if start == end:
            pos = self.starts[start] if start < n else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


def normalize(text: str) -> Normalized:
    """Matching form of ``text`` with the offset map back to ``text``."""
    t = _tables()
    if not t.changes_length.search(text):
        return Normalized(text, _apply_spellings(text.translate(t.translate), t))
    pieces: list[str] = []
    starts = array("i")
    ends = array("i")
    table = t.translate
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        if not rep:
            if ends:  # a dropped mark belongs to the character before it
                ends[-1] = i + 1
            continue
        pieces.append(rep)
        for _ in rep:
            starts.append(i)
            ends.append(i + 1)
    out = _apply_spellings("".join(pieces), t)
    return Normalized(text, out, starts, ends)


def advance(text: str, pos: int, count: int) -> int:
    """Original offset reached after ``count`` matching-form characters from
    ``pos``, with any dropped marks that follow them (a prefix's vowel belongs
    to the prefix): how a clitic prefix is measured in the original."""
    table = _tables().translate
    n = len(text)
    seen = 0
    while pos < n and seen < count:
        seen += len(table.get(ord(text[pos]), text[pos]))
        pos += 1
    while pos < n and table.get(ord(text[pos]), None) == "":
        pos += 1
    return pos
