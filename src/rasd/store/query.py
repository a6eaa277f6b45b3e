"""Search queries: user words to a full-text query over the matching form.

The index holds the matching form of every word as written, clitics and
all (``وبالموصل``). A query word is therefore expanded into the forms it
takes behind proclitics and the article, so ``الموصل`` finds ``بالموصل``
and ``الامريكية`` finds ``الأميركية``. Words are quoted, so nothing a user
types is read as query syntax.
"""

from __future__ import annotations

import functools

from rasd import resources
from rasd.text.clitics import bare
from rasd.text.normalize import match_form
from rasd.text.tokens import tokenize

MAX_WORDS = 12


@functools.cache
def _prefixes() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    slots: dict[str, list[str]] = {"conj": [], "prep": [], "article": [], "contraction": []}
    for row in resources.tsv("text", "clitics.tsv"):
        slots.setdefault(row["slot"], []).append(match_form(row["form"]))
    return (
        tuple(slots["conj"]),
        tuple(slots["prep"]),
        tuple(slots["article"]),
        tuple(slots["contraction"]),
    )


def word_forms(form: str) -> list[str]:
    """Every written form of a word behind proclitics, bare word first."""
    conj, prep, article, contraction = _prefixes()
    stem = bare(form)
    forms = [form]
    cores = [a + stem for a in article] + [stem]
    contracted = {con[0] for con in contraction}  # ل + ال is written لل
    for c in ("", *conj):
        for p in ("", *prep):
            for core in cores:
                if p in contracted and core != stem:
                    continue
                forms.append(c + p + core)
        for con in contraction:
            forms.append(c + con + stem)
    seen: dict[str, None] = {}
    for f in forms:
        seen.setdefault(f, None)
    return list(seen)


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression: every word (in any clitic form) must occur."""
    words = [t.form for t in tokenize(query) if t.kind != "punct"][:MAX_WORDS]
    parts = []
    for w in words:
        forms = word_forms(w) if is_arabic(w) else [w]
        parts.append("(" + " OR ".join(f'"{f}"' for f in forms) + ")")
    return " AND ".join(parts)


def is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)
