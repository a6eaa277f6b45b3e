"""Tokens: words, numbers and punctuation with offsets into the original text.

The text is normalised once (``rasd.text.normalize``) and split on the
matching form, so a token's ``form`` is what lexicons compare against while
``start``/``end`` still point into the original (diacritics included).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rasd.text.normalize import normalize

# a number may carry thousand separators or a decimal point: 1,500 / 3.5
_TOKEN = re.compile(r"(?P<number>\d+(?:[.,٫٬]\d+)*)|(?P<word>[^\W\d_]+)|(?P<punct>[^\w\s])")


class Tokens(list):
    """A list of tokens that remembers the text they index (for exact
    offsets inside a token, e.g. after a clitic prefix)."""

    __slots__ = ("text",)

    def __init__(self, tokens=(), text: str = "") -> None:
        super().__init__(tokens)
        self.text = text


class Token(NamedTuple):
    """One token (a named tuple: articles hold thousands, made fast)."""

    start: int  # original offsets
    end: int
    form: str  # matching form
    kind: str  # "word" | "number" | "punct"


_new = tuple.__new__


# tokens of the spans of the last text seen: the extractor, the actor and
# place finders and the geocoder all tokenise the same sentences of one
# article. Keyed by the text object itself (one article at a time, so no
# cross-article reuse); (text, spans) is swapped as one tuple, so threads
# never store into another text's table.
_last: tuple[str | None, dict[tuple[int, int], Tokens]] = (None, {})
_CACHE_SPAN = 5000  # sentences and paragraphs, not whole books
_CACHE_SPANS = 1024


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``text[start:end]``, offsets into ``text``. The result is
    shared with later calls on the same span: treat it as read-only."""
    global _last
    end = len(text) if end is None else end
    seen, spans = _last
    if seen is text:
        found = spans.get((start, end))
        if found is not None:
            return found
    else:
        spans = {}
        _last = (text, spans)
    tokens = _tokenize(text, start, end)
    if end - start <= _CACHE_SPAN:
        if len(spans) >= _CACHE_SPANS:
            spans.clear()
        spans[start, end] = tokens
    return tokens


def _tokenize(text: str, start: int, end: int) -> Tokens:
    piece = text[start:end]
    norm = normalize(piece)
    form = norm.text
    tokens = Tokens(text=text)
    if norm.one_to_one:  # offsets carry over
        # tuple.__new__ skips the named tuple's Python-level constructor (hot loop)
        tokens.extend(
            [
                _new(Token, (m.start() + start, m.end() + start, m.group(), m.lastgroup))
                for m in _TOKEN.finditer(form)
            ]
        )
        return tokens
    append = tokens.append
    ns, os_ = norm.norm_starts, norm.orig_starts
    last_seg = len(ns) - 1
    size = len(form)
    k = 0  # segment of the current token's first character (tokens come in order)
    for m in _TOKEN.finditer(form):
        a, b = m.span()
        while k < last_seg and ns[k + 1] <= a:
            k += 1
        orig_a = os_[k] + a - ns[k]
        e = k  # segment of the token's last character
        while e < last_seg and ns[e + 1] <= b - 1:
            e += 1
        orig_b = os_[e] + b - ns[e]
        if e < last_seg and ns[e + 1] == b:  # marks after the word belong to it
            orig_b = max(orig_b, os_[e + 1])
        elif e == last_seg and b == size:
            orig_b = len(piece)
        append(_new(Token, (orig_a + start, orig_b + start, m.group(), m.lastgroup)))
        k = e
    return tokens


def words(tokens: list[Token]) -> list[str]:
    """The forms of the word tokens (for quick membership tests)."""
    return [t.form for t in tokens if t.kind == "word"]
