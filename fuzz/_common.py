"""Shared pieces of the atheris fuzz targets: turning fuzz bytes into
Arabic-looking text, and the one rule every target enforces.

The rule: a parser may return anything or raise one of rasd's own errors
(``RasdError``); any other exception is a crash. Text targets also check
their invariants (offsets inside the text, round trips) with ``assert``.

The text generator mixes three sources, chosen by the first byte: raw
UTF-8 (with replacement), single characters from an alphabet of the
characters that make Arabic text hard (diacritics, tatweel, ligatures,
zero-width and bidi controls, three digit systems, sentence marks, quotes,
odd line breaks), and whole words read from rasd's own data files (month
names, number and date words, clitics, abbreviations), so the coverage
guide reaches the grammar behind those words without a word list here.
"""

from __future__ import annotations

import functools
import sys

CHARS = (
    [chr(c) for c in range(0x0621, 0x064B)]  # Arabic letters
    + [chr(c) for c in range(0x064B, 0x0653)]  # harakat
    + ["\u0670", "\u0640", "\u0671", "\u067e", "\u0686", "\u06a9", "\u06cc", "\u06d5"]
    + ["\ufefb", "\ufdf2", "\ufdfa", "\ufe8d", "\ufe91", "\ufb50"]  # presentation forms
    + [str(d) for d in range(10)]
    + [chr(0x0660 + d) for d in range(10)]
    + [chr(0x06F0 + d) for d in range(10)]
    + list(" .,،؛؟!?…:;/-–—٫٬%«»\"'“”()[]")
    + ["\n", "\r", "\t", "\u00a0", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + list("AbUSTmpz")
    + ["\U0001f4a5", "\u0301", "ß", "İ", "ﬃ"]  # astral, combining, case-expanding
)


@functools.cache
def words() -> tuple[str, ...]:
    """Short strings from the text layer's data files."""
    from rasd import resources

    out: dict[str, None] = {}
    for name in (
        "months.tsv",
        "date_words.tsv",
        "number_words.tsv",
        "number_ordinals.tsv",
        "vague_amounts.tsv",
        "number_nouns.tsv",
        "clitics.tsv",
        "abbreviations.tsv",
    ):
        try:
            rows = resources.tsv("text", name)
        except Exception:  # noqa: BLE001  (a missing file only narrows the vocabulary)
            continue
        for row in rows:
            for value in row.values():
                if isinstance(value, str) and 0 < len(value) <= 24:
                    out.setdefault(value, None)
    return tuple(out) or ("a",)


def text_of(data: bytes) -> str:
    """Fuzz bytes as a string (see the module doc)."""
    if not data:
        return ""
    mode, body = data[0] % 4, data[1:]
    if mode == 0:
        return body.decode("utf-8", "replace")
    if mode == 1:
        return "".join(CHARS[b % len(CHARS)] for b in body)
    vocab = words()
    out = []
    for b in body:
        if b < 0x90:
            out.append(CHARS[b % len(CHARS)])
        else:
            out.append(vocab[(b * 7919 + len(out)) % len(vocab)])
    return "".join(out)


def run(test_one_input, *, instrument: tuple[str, ...] = ("rasd",)) -> None:
    """Start libFuzzer on ``test_one_input`` (argv carries libFuzzer's flags)."""
    import atheris

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
