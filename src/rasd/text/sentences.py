"""Sentence spans over the original text.

A sentence ends at ``. ! ? ؟ ؛``, ``...`` or ``…`` (and after the closing
quotes or brackets that follow such a mark), and at every line break. It does
not end at commas, at decimal points and dotted dates (3.5, 25.12.2024), at
abbreviations (``د.``, ``ج.م.ع.``, ``U.S.``; the list is ``data/abbreviations.tsv``,
single letters need no entry), before a comma that carries the sentence on
(«…!»، قال), nor inside a quotation that goes on after the mark. A mark with
no word before it ("1.") joins the next sentence. Regex-driven so it can run on every paragraph of every article.
"""

from __future__ import annotations

import functools
import re

from rasd import resources
from rasd.text.normalize import match_form

_BREAK = re.compile(r"[\n\r\u2028\u2029\x85\x0b\x0c]+")
# a run of end marks, then the closing quotes/brackets glued to it
_END = re.compile(r"[.!?؟؛…]+([»”\"’')\]]*)")
_QUOTE_CHARS = re.compile(r"[«»“”\"()\[\]]")
_LETTER = re.compile(r"[^\W\d_]")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")  # ج.م.ع. / U.S.
_GOES_ON = frozenset("،,;:")  # a mark followed by these is not a sentence end
_NEXT = re.compile(r"\s*(\S)")
_OPENERS = {"«": "»", "“": "”", "(": ")", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_TOKEN_LEAD = "«“\"'(["


@functools.cache
def _abbreviations() -> dict[str, str]:
    """Matching form of each abbreviation (with its final dot) -> kind."""
    out = {}
    for row in resources.tsv("text", "abbreviations.tsv"):
        form = match_form(row["abbreviation"])
        out[form if form.endswith(".") else form + "."] = row["kind"]
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else min(end, len(text))
    start = max(start, 0)
    spans: list[tuple[int, int]] = []
    if _BREAK.search(text, start, end) is None:
        _split_line(text, start, end, spans)
        return spans
    pos = start
    for m in _BREAK.finditer(text, start, end):
        _split_line(text, pos, m.start(), spans)
        pos = m.end()
    _split_line(text, pos, end, spans)
    return spans


def _split_line(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    first = _END.search(text, a, b)
    if first is None or (
        _END.search(text, first.end(), b) is None and _LETTER.search(text, first.end(), b) is None
    ):
        # at most one run of end marks, with no letter after it (most lines):
        # whatever that mark is, the line is one sentence
        _add(text, a, b, spans)
        return
    cuts: list[int] = []
    quoted: list[tuple[int, int]] | None = None
    prev = a
    for m in _END.finditer(text, a, b):
        if not _ends_sentence(text, m, a, b):
            continue
        if quoted is None:
            quoted = _quote_pairs(text, a, b) if _QUOTE_CHARS.search(text, a, b) else []
        mark, after = m.start(), m.end()
        if any(o < mark and c >= after for o, c in quoted):
            continue  # the quotation goes on after the mark
        if _LETTER.search(text, prev, after) is None:
            continue  # "1." or a lone mark: not a sentence of its own
        cuts.append(after)
        prev = after
    if prev < b and cuts and _LETTER.search(text, prev, b) is None:
        cuts.pop()  # trailing marks join the last sentence
    pos = a
    for cut in [*cuts, b]:
        _add(text, pos, cut, spans)
        pos = cut


def _add(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))


def _ends_sentence(text: str, m: re.Match[str], a: int, b: int) -> bool:
    marks = m.group()[: len(m.group()) - len(m.group(1))]
    nxt = _NEXT.match(text, m.end(), b)
    if nxt is not None and nxt.group(1) in _GOES_ON:
        return False  # «…!»، قال / الخ...), التي: the sentence goes on
    if marks != ".":
        return True  # ! ? ؟ ؛ … and runs such as "..." or "؟!"
    dot = m.start()
    after = m.end()
    if not m.group(1) and after < b:
        nxt = text[after]
        if not nxt.isspace():
            before = text[dot - 1] if dot > a else ""
            if nxt.isdigit() and before.isdigit():
                return False  # 3.5, 25.12.2024
            if nxt.isascii() and nxt.isalnum():
                return False  # example.com, U.S
            if nxt == "-":
                return False  # 2.-3. / a dot glued to a dash
    return not _is_abbreviation(text, dot, a)


def _is_abbreviation(text: str, dot: int, a: int) -> bool:
    """Is the word ending at ``text[dot] == "."`` an abbreviation?"""
    i = dot
    while i > a and not text[i - 1].isspace():
        i -= 1
    while i < dot and text[i] in _TOKEN_LEAD:
        i += 1
    verdict = _word_verdict(text[i : dot + 1])
    if verdict is None:
        return not _follows_number(text, i, a)
    return verdict


@functools.lru_cache(maxsize=16384)
def _word_verdict(raw: str) -> bool | None:
    """Whether a word ending in a dot is an abbreviation: True, False, or
    None for "one only when no number comes before it" (a single letter, an
    era). A function of the word alone, so remembered (words recur)."""
    word = match_form(raw)
    letters = word.replace(".", "")
    if not letters or not _LETTER.match(letters):
        return False  # a number or a mark: "2024." ends a sentence
    kind = _abbreviations().get(word)
    if kind == "era" or (kind is None and len(letters) == 1):
        return None
    return kind is not None or _DOTTED.fullmatch(word) is not None


def _follows_number(text: str, i: int, a: int) -> bool:
    j = i
    while j > a and text[j - 1].isspace():
        j -= 1
    return j > a and text[j - 1].isdigit()


def _quote_pairs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(open, close) positions of the balanced quotes and brackets in a line;
    an opener never closed is ignored, so one stray quote cannot swallow a
    paragraph."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for m in _QUOTE_CHARS.finditer(text, a, b):
        ch, pos = m.group(), m.start()
        if ch == '"' or (ch == "”" and not any(c == "“" for c, _ in stack)):
            if stack and stack[-1][0] == ch:  # straight quotes toggle
                pairs.append((stack.pop()[1], pos))
            else:
                stack.append((ch, pos))
        elif ch in _OPENERS:
            stack.append((ch, pos))
        else:
            opener = _CLOSERS[ch]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == opener:
                    pairs.append((stack[k][1], pos))
                    del stack[k:]
                    break
    return pairs
