"""Tokens: words, numbers and punctuation with offsets into the original text.

The text is normalised once (``rasd.text.normalize``) and split on the
matching form, so a token's ``form`` is what lexicons compare against while
``start``/``end`` still point into the original (diacritics included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Token:
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
    if norm.starts is None:  # one to one: offsets carry over
        return Tokens(
            (
                Token(m.start() + start, m.end() + start, m.group(), m.lastgroup or "punct")
                for m in _TOKEN.finditer(form)
            ),
            text,
        )
    tokens = Tokens(text=text)
    to_original = norm.to_original
    for m in _TOKEN.finditer(form):
        a, b = to_original(m.start(), m.end())
        tokens.append(Token(a + start, b + start, m.group(), m.lastgroup or "punct"))
    return tokens


def words(tokens: list[Token]) -> list[str]:
    """The forms of the word tokens (for quick membership tests)."""
    return [t.form for t in tokens if t.kind == "word"]
