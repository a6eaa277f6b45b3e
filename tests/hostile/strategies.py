"""Hypothesis strategies for hostile text: the characters that make Arabic
text hard, and whole words from rasd's own data files (month names,
number and date words, clitics), mixed at random."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from rasd import resources

CHARS = (
    [chr(c) for c in range(0x0621, 0x064B)]
    + [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0670", "\u0640", "\u0671", "\u067e", "\u0686", "\u06a9", "\u06cc", "\u06d5"]
    + ["\ufefb", "\ufdf2", "\ufdfa", "\ufe8d", "\ufe91", "\ufb50"]
    + [str(d) for d in range(10)]
    + [chr(0x0660 + d) for d in range(10)]
    + [chr(0x06F0 + d) for d in range(10)]
    + list(" .,،؛؟!?…:;/-–—٫٬%«»\"'“”()[]")
    + ["\n", "\r", "\t", "\u00a0", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + list("AbUSTmpz")
    + ["\U0001f4a5", "\u0301", "ß", "İ", "ﬃ"]
)
DATA_FILES = (
    "months.tsv",
    "date_words.tsv",
    "number_words.tsv",
    "number_ordinals.tsv",
    "vague_amounts.tsv",
    "number_nouns.tsv",
    "clitics.tsv",
    "abbreviations.tsv",
)


@functools.cache
def data_words() -> tuple[str, ...]:
    out: dict[str, None] = {}
    for name in DATA_FILES:
        for row in resources.tsv("text", name):
            for value in row.values():
                if isinstance(value, str) and 0 < len(value) <= 24 and not value.isdigit():
                    out.setdefault(value, None)
    return tuple(out)


def pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(CHARS),
        st.sampled_from(data_words()),
        st.integers(0, 3000).map(str),
        st.characters(blacklist_categories=("Cs",)),
    )


def hostile_text(max_pieces: int = 40) -> st.SearchStrategy[str]:
    return st.lists(pieces(), max_size=max_pieces).map("".join)
