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
from bisect import bisect_right
from dataclasses import dataclass

from rasd import resources
from rasd.errors import ResourceError, TextError


@dataclass(frozen=True, slots=True)
class _Tables:
    translate: dict[int, str]  # code point -> replacement ("" deletes)
    changes_length: re.Pattern[str]  # characters whose replacement is not one char
    deletes: re.Pattern[str]  # runs of characters replaced by nothing
    expands: re.Pattern[str]  # characters replaced by more than one
    spellings: re.Pattern[str] | None
    spelling_map: dict[str, str]
    changing: re.Pattern[str]  # characters the table changes (for the fast path)
    chains: bool  # some replacement holds a character that is itself replaced


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
    gone = sorted(cp for cp, rep in table.items() if not rep)
    deletes = re.compile("[" + "".join(re.escape(chr(c)) for c in gone) + "]+")
    many = sorted(cp for cp, rep in table.items() if len(rep) > 1)
    expands = re.compile("[" + "".join(re.escape(chr(c)) for c in many) + "]" if many else "(?!)")
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
    moved = sorted(cp for cp, rep in table.items() if rep != chr(cp))
    changing = re.compile("[" + "".join(re.escape(chr(c)) for c in moved) + "]")
    moved_set = set(moved)
    chains = any(ord(c) in moved_set for rep in table.values() for c in rep)
    return _Tables(
        table, changes_length, deletes, expands, spellings, spelling_map, changing, chains
    )


_FEW = 24  # distinct changed characters up to which str.replace beats str.translate
_SHORT = 80  # below this length str.translate is faster all the same


def _translate(text: str, t: _Tables) -> str:
    """``text.translate(t.translate)``, faster: ``str.translate`` with a dict
    costs ~60 ns a character on Arabic text, while an article holds only a
    handful of distinct characters to change (ة أ ى إ ئ …), each replaced in
    one C-level pass. Same result: no replacement holds a character that is
    itself replaced (``chains``), else the table is used as is."""
    if t.chains or len(text) < _SHORT:
        return text.translate(t.translate)
    found = set(t.changing.findall(text))
    if len(found) > _FEW:
        return text.translate(t.translate)
    table = t.translate
    for ch in found:
        text = text.replace(ch, table[ord(ch)])
    return text


def _apply_spellings(text: str, t: _Tables) -> str:
    if t.spellings is None:
        return text
    if len(t.spelling_map) <= 8:  # a few ``in`` tests (fast C searches) beat a regex scan
        for variant in t.spelling_map:
            if variant in text:
                break
        else:
            return text
    return t.spellings.sub(lambda m: t.spelling_map[m.group(0)], text)


def maps_one_to_one(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``match_form`` keeps ``text[start:end]`` one character for one
    (nothing deleted, nothing expanded), so slices of the form line up."""
    stop = len(text) if end is None else end
    return _tables().changes_length.search(text, start, stop) is None


@functools.cache
def spellings_within_words() -> bool:
    """Whether every spelling variant is word characters only (then no
    variant can straddle a cut between a word and a non-word character)."""
    t = _tables()
    return all(re.fullmatch(r"\w+", v) for pair in t.spelling_map.items() for v in pair)


def match_form(text: str) -> str:
    """The matching form of ``text`` (no offsets): what indexes and look-ups compare."""
    found = _forms.get(text)
    if found is not None:
        return found
    t = _tables()
    out = _apply_spellings(_translate(text, t), t)
    if len(text) <= _FORM_LENGTH:
        if len(_forms) >= _MEMO_SIZE:
            _forms.clear()
        _forms[text] = out
    return out


# match_form() results for short strings (names, words, phrases looked up again and again)
_forms: dict[str, str] = {}
_FORM_LENGTH = 200
_MEMO_SIZE = 4096  # entries; a memo is emptied when full


@dataclass(frozen=True, slots=True)
class Normalized:
    """A matching form plus the way back to the original.

    The matching form is a sequence of segments, each copied one character
    for one from the original; ``breaks`` holds, per segment, its start in
    the matching form and in the original. Characters the normaliser
    deleted (diacritics, tatweel) sit between segments and belong to the
    character before them, so a word's span covers its marks. ``breaks`` is
    empty when the whole text maps one to one.
    """

    original: str
    text: str
    norm_starts: tuple[int, ...] = ()
    orig_starts: tuple[int, ...] = ()

    @property
    def one_to_one(self) -> bool:
        return not self.norm_starts

    def _orig(self, i: int) -> int:
        k = bisect_right(self.norm_starts, i) - 1
        return self.orig_starts[k] + (i - self.norm_starts[k])

    def _orig_end(self, i: int) -> int:
        """End (exclusive) in the original of matching character ``i``, with
        the deleted marks that follow it."""
        k = bisect_right(self.norm_starts, i) - 1
        nxt = k + 1
        if nxt < len(self.norm_starts) and self.norm_starts[nxt] == i + 1:
            # the next segment starts after the marks this character owns
            # (or at the same original character, for a ligature's pieces)
            return max(self.orig_starts[nxt], self._orig(i) + 1)
        if nxt == len(self.norm_starts) and i + 1 == len(self.text):
            return self._tail_end
        return self.orig_starts[k] + (i - self.norm_starts[k]) + 1

    @property
    def _tail_end(self) -> int:
        # the last character owns any marks up to the end of the original
        return len(self.original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` offsets for a span of the matching form."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise TextError(
                f"span {start}:{end} outside a text of {n} characters", value=(start, end)
            )
        if not self.norm_starts:
            return start, end
        if start == end:
            pos = self._orig(start) if start < n else len(self.original)
            return pos, pos
        return self._orig(start), self._orig_end(end - 1)

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


# normalize() results by text: the extractor, the tokeniser, the date finder
# and the place finder all normalise the same sentences of an article.
# Normalized is frozen, so callers share one; the memo is emptied when full.
_memo: dict[str, Normalized] = {}
_MEMO_LENGTH = 2000  # sentences, not whole pages
_MEMO_TEXTS = 1024  # a few articles' worth


def normalize(text: str) -> Normalized:
    """Matching form of ``text`` with the offset map back to ``text``."""
    found = _memo.get(text)
    if found is not None:
        return found
    out = _normalize(text)
    if len(text) <= _MEMO_LENGTH:
        if len(_memo) >= _MEMO_TEXTS:
            _memo.clear()
        _memo[text] = out
    return out


def _normalize(text: str) -> Normalized:
    t = _tables()
    if not t.changes_length.search(text):
        return Normalized(text, _apply_spellings(_translate(text, t), t))
    if t.expands.search(text):
        return _normalize_slow(text, t)
    pieces: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    pos = 0  # original position of the current segment
    size = 0  # matching-form length so far
    for m in t.deletes.finditer(text):
        if m.start() > pos:
            norm_starts.append(size)
            orig_starts.append(pos)
            piece = text[pos : m.start()]
            pieces.append(piece)
            size += len(piece)
        pos = m.end()
    if pos < len(text):
        norm_starts.append(size)
        orig_starts.append(pos)
        pieces.append(text[pos:])
    out = _apply_spellings(_translate("".join(pieces), t), t)
    if not norm_starts:  # nothing but marks
        return Normalized(text, out, (0,), (len(text),))
    return Normalized(text, out, tuple(norm_starts), tuple(orig_starts))


def _normalize_slow(text: str, t: _Tables) -> Normalized:
    """Character by character, for the rare text with characters that
    expand (presentation-form ligatures)."""
    pieces: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    table = t.translate
    size = 0
    contiguous_to = -1  # original index the current segment reaches
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        if not rep:
            continue
        if len(rep) == 1 and i == contiguous_to:
            pieces.append(rep)
            size += 1
            contiguous_to = i + 1
            continue
        for r in rep:  # a new segment; a ligature's pieces all map to it
            norm_starts.append(size)
            orig_starts.append(i)
            pieces.append(r)
            size += 1
        contiguous_to = i + 1 if len(rep) == 1 else -1
    out = _apply_spellings("".join(pieces), t)
    return Normalized(text, out, tuple(norm_starts), tuple(orig_starts))


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
