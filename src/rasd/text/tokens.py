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


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``text[start:end]``, offsets into ``text``."""
    end = len(text) if end is None else end
    piece = text[start:end]
    norm = normalize(piece)
    form = norm.text
    if norm.one_to_one:  # offsets carry over
        return Tokens(
            (
                Token(m.start() + start, m.end() + start, m.group(), m.lastgroup or "punct")
                for m in _TOKEN.finditer(form)
            ),
            text,
        )
    tokens = Tokens(text=text)
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
        append(Token(orig_a + start, orig_b + start, m.group(), m.lastgroup or "punct"))
        k = e
    return tokens


def words(tokens: list[Token]) -> list[str]:
    """The forms of the word tokens (for quick membership tests)."""
    return [t.form for t in tokens if t.kind == "word"]
