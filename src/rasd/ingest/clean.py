"""Cleaning stages: boilerplate lines and repeated paragraphs/sentences.

Owned by the ingest stage. Nothing is deleted: ``mark_boilerplate`` sets
``Paragraph.kind = "boilerplate"`` and ``mark_repeats`` sets ``repeat_of``,
so offsets into the original text stay valid and later stages skip what
they should. The boilerplate patterns are data
(``rasd/ingest/data/boilerplate.tsv``); this module only applies them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from rasd import resources
from rasd.errors import ResourceError
from rasd.model import Article, Paragraph, Sentence
from rasd.text import match_form
from rasd.text.normalize import maps_one_to_one, spellings_within_words

_NON_WORD = re.compile(r"[\W_]+")
# sentences shorter than this (in key characters) are too generic to call repeats
MIN_SENTENCE_KEY = 12


def key(text: str) -> str:
    """Matching form without punctuation, spaces collapsed: what equality of
    two lines or paragraphs means here."""
    return _NON_WORD.sub(" ", match_form(text)).strip()


def paragraph_forms(article: Article) -> list[str]:
    """Matching form of every paragraph, computed once per article and
    shared by the stages that need it (repeats, identity, the search index)."""
    forms = article.memo.get("paragraph_forms")
    if forms is None or len(forms) != len(article.paragraphs):
        text = article.text
        forms = [match_form(text[p.start : p.end]) for p in article.paragraphs]
        article.memo["paragraph_forms"] = forms
    return forms


def paragraph_keys(article: Article) -> list[str]:
    """``key`` of every paragraph, from the shared paragraph forms (once per article)."""
    forms = paragraph_forms(article)
    memo = article.memo.get("paragraph_keys")
    if memo is not None and memo[0] is forms:
        return memo[1]
    keys = [_NON_WORD.sub(" ", f).strip() for f in forms]
    article.memo["paragraph_keys"] = (forms, keys)
    return keys


def body_form(article: Article) -> str:
    """``match_form(article.body)``, from the shared paragraph forms."""
    if not article.paragraphs:
        return match_form(article.body)
    forms = paragraph_forms(article)
    return "\n".join(
        f for f, p in zip(forms, article.paragraphs, strict=True) if p.kind != "boilerplate"
    )


@dataclass(frozen=True, slots=True)
class _Patterns:
    exact: frozenset[str]
    prefix: re.Pattern[str] | None
    prefix_max: dict[str, int]
    regexes: tuple[tuple[re.Pattern[str], int], ...]
    max_words: int  # no line with more words than this can match


@functools.cache
def _patterns() -> _Patterns:
    exact: set[str] = set()
    prefix_max: dict[str, int] = {}
    regexes: list[tuple[re.Pattern[str], int]] = []
    for row in resources.tsv("ingest", "boilerplate.tsv"):
        kind, pattern = row["match"], row["pattern"]
        try:
            limit = int(row["max_words"])
        except ValueError as err:
            raise ResourceError(
                f"rasd/ingest/data/boilerplate.tsv: max_words must be a number: {row}", value=row
            ) from err
        if kind == "exact":
            exact.add(key(pattern))
        elif kind == "prefix":
            prefix_max[key(pattern)] = limit
        elif kind == "regex":
            try:
                regexes.append((re.compile(match_form(pattern)), limit))
            except re.error as err:
                raise ResourceError(
                    f"rasd/ingest/data/boilerplate.tsv: bad regex {pattern!r}: {err}", value=pattern
                ) from err
        else:
            raise ResourceError(
                f"rasd/ingest/data/boilerplate.tsv: unknown match kind {kind!r}", value=row
            )
    prefix = None
    if prefix_max:
        alternatives = "|".join(map(re.escape, sorted(prefix_max, key=len, reverse=True)))
        prefix = re.compile(f"^({alternatives})(?: |$)")
    longest = max(
        [k.count(" ") + 1 for k in exact]
        + list(prefix_max.values())
        + [limit for _, limit in regexes]
        + [0]
    )
    # one alternation per word limit: a line is searched once per limit, not once per row
    by_limit: dict[int, list[str]] = {}
    for regex, limit in regexes:
        by_limit.setdefault(limit, []).append(f"(?:{regex.pattern})")
    combined = tuple(
        (re.compile("|".join(alts)), limit) for limit, alts in sorted(by_limit.items())
    )
    return _Patterns(frozenset(exact), prefix, prefix_max, combined, longest)


@functools.lru_cache(maxsize=8192)  # furniture lines recur across a site's pages
def is_boilerplate(line: str) -> bool:
    """Whether one line (a paragraph) is page furniture, not article text."""
    if _too_long(line):
        return False
    return is_boilerplate_form(match_form(line))


def _too_long(line: str) -> bool:
    # far longer than any pattern: not furniture, and not worth normalising
    return line.count(" ") >= 2 * _patterns().max_words + 8


def is_boilerplate_form(form: str) -> bool:
    """``is_boilerplate`` for a line already in matching form."""
    return _is_boilerplate_key(form, _NON_WORD.sub(" ", form).strip())


def _is_boilerplate_key(form: str, k: str) -> bool:
    """``is_boilerplate_form`` with the line's ``key`` already made."""
    p = _patterns()
    if not k:
        return False
    if k in p.exact:
        return True
    words = k.count(" ") + 1
    if words > p.max_words:  # longer than any pattern allows: article text
        return False
    if p.prefix is not None:
        m = p.prefix.match(k)
        if m and words <= p.prefix_max[m.group(1)]:
            return True
    if p.regexes:
        form = form.strip()
        for regex, limit in p.regexes:
            if words <= limit and regex.search(form):
                return True
    return False


def mark_boilerplate(article: Article) -> Article:
    """Stage ``clean``: paragraphs that are boilerplate get kind "boilerplate".

    The title and the date line keep their kind."""
    text = article.text
    forms = paragraph_forms(article)
    keys = paragraph_keys(article)
    article.paragraphs = [
        replace(p, kind="boilerplate")
        if p.kind == "body"
        and not _too_long(text[p.start : p.end])
        and _is_boilerplate_key(forms[i], keys[i])
        else p
        for i, p in enumerate(article.paragraphs)
    ]
    return article


def _sentence_key(text: str, a: int, b: int, par: Paragraph | None, form: str | None) -> str:
    """``key(text[a:b])``, cut from the paragraph's matching form when that
    form maps one character to one (no marks dropped, no ligatures) and the
    cuts fall outside words (so no spelling variant straddles them)."""
    if par is None or form is None or not (par.start <= a <= b <= par.end):
        return key(text[a:b])
    i, j = a - par.start, b - par.start
    if (
        len(form) != par.end - par.start
        or not maps_one_to_one(text, par.start, par.end)
        or (0 < i < len(form) and _is_word(form[i - 1]) and _is_word(form[i]))
        or (0 < j < len(form) and _is_word(form[j - 1]) and _is_word(form[j]))
        or not spellings_within_words()
    ):
        return key(text[a:b])
    return _NON_WORD.sub(" ", form[i:j]).strip()


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def mark_repeats(article: Article) -> Article:
    """Stage ``repeats``: a paragraph or sentence whose key equals an earlier
    one's gets ``repeat_of`` = the earlier one's index. Boilerplate is left alone."""
    text = article.text
    first_par: dict[str, int] = {}
    paragraphs = []
    keys: dict[tuple[int, int], str] = {}
    forms = paragraph_forms(article)
    par_keys = paragraph_keys(article)
    for i, p in enumerate(article.paragraphs):
        k = par_keys[i] if p.kind != "boilerplate" else ""
        keys[p.start, p.end] = k
        if k and k in first_par:
            p = Paragraph(p.start, p.end, p.kind, first_par[k])
        elif k:
            first_par[k] = i
        paragraphs.append(p)
    article.paragraphs = paragraphs
    first_sent: dict[str, int] = {}
    sentences = []
    for i, s in enumerate(article.sentences):
        k = keys.get((s.start, s.end))
        par = paragraphs[s.paragraph] if 0 <= s.paragraph < len(paragraphs) else None
        if k is None:
            k = _sentence_key(text, s.start, s.end, par, forms[s.paragraph] if par else None)
        in_repeat = par is not None and par.repeat_of is not None
        if k and k in first_sent and (in_repeat or len(k) >= MIN_SENTENCE_KEY):
            s = Sentence(s.start, s.end, s.paragraph, first_sent[k])
        elif k and k not in first_sent:
            first_sent[k] = i
        sentences.append(s)
    article.sentences = sentences
    return article
