"""Hypothesis strategies for hostile text: the characters that make Arabic
text hard, and whole words from rasd's own data files (month names,
number and date words, clitics), mixed at random."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from fuzz._common import CHARS  # the same hard alphabet the atheris targets draw from
from rasd import resources

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
