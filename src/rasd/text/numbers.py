"""Quantities in tokens: digits, Arabic number words, duals, vague amounts.

``find_quantities`` reads what a news sentence counts: ``3`` / ``١٬٥٠٠``,
``خمسة وعشرون``, ``ثلاثة آلاف``, ``بأربعة`` (through clitics), the dual of a
countable noun (``صاروخين`` is two rockets, ``dual_of`` says of what) and
vague amounts (``عشرات`` -> "tens"). Ordinals and fractions are not
quantities; ``ordinal`` reads the former for the date parser, and
``parse_number`` reads a whole string as one number. The words are data:
``data/number_words.tsv``, ``number_nouns.tsv``, ``number_ordinals.tsv`` and
``vague_amounts.tsv``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rasd import resources
from rasd.errors import ResourceError
from rasd.text.clitics import analyses
from rasd.text.normalize import advance, match_form
from rasd.text.tokens import Token, tokenize

_AND = "و"
_ARTICLE = "ال"
_LIL = "لل"  # ل + ال
_HEH = "\u0647"  # ه, which ة becomes in the matching form
_ARTICLE_VALUES = range(3, 11)  # الثلاثة … العشرة count; الاثنين is Monday, العشرين an ordinal
_THOUSANDS = re.compile(r"\d{1,3}(?:([,،])\d{3})(?:\1\d{3})*(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}")
_DECIMAL = re.compile(r"\d+(?:[.٫]\d+)?")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted amount in the text.

    ``start``/``end`` are original offsets (a clitic prefix such as the و of
    ``وثلاثة`` excluded); ``first``/``last`` token indexes (last exclusive).
    ``value`` is None for a vague amount, whose ``vague`` label says how much
    ("tens", "several" …); ``dual_of`` is the counted noun (matching form)
    when the amount is a dual such as ``صاروخين``.
    """

    start: int
    end: int
    value: int | None
    vague: str | None
    first: int
    last: int
    dual_of: str | None = None


@dataclass(frozen=True, slots=True)
class _Word:
    value: int
    kind: str  # unit | teen | ten | tens | hundred | scale | not
    form: str  # single | dual | plural | fused


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[str, _Word]
    duals: dict[str, str]  # dual form -> singular
    vague: dict[
        str, list[tuple[tuple[str, ...], str]]
    ]  # first word -> (rest, label), longest first
    ordinals: dict[str, tuple[int, str]]


_KINDS = {"unit", "teen", "ten", "tens", "hundred", "scale", "not"}


@functools.cache
def _lexicon() -> _Lexicon:
    words: dict[str, _Word] = {}
    for row in resources.tsv("text", "number_words.tsv"):
        if row["kind"] not in _KINDS or not row["value"].isdigit():
            raise ResourceError(f"rasd/text/data/number_words.tsv: bad row {row}", value=row)
        words[match_form(row["word"])] = _Word(int(row["value"]), row["kind"], row["form"])
    duals: dict[str, str] = {}
    for row in resources.tsv("text", "number_nouns.tsv"):
        noun = match_form(row["noun"])
        if noun.endswith("ه"):
            stems = (noun[:-1] + "تين", noun[:-1] + "تان")
        else:
            stems = (noun + "ين", noun + "ان")
        for stem in stems:
            duals[stem] = noun
    vague: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in resources.tsv("text", "vague_amounts.tsv"):
        forms = match_form(row["phrase"]).split()
        vague.setdefault(forms[0], []).append((tuple(forms[1:]), row["label"]))
    for entries in vague.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    ordinals = {
        match_form(row["word"]): (int(row["value"]), row["kind"])
        for row in resources.tsv("text", "number_ordinals.tsv")
    }
    return _Lexicon(words, duals, vague, ordinals)


def _has_article(prefix: str) -> bool:
    return prefix.endswith(_ARTICLE) or prefix.endswith(_LIL)


def digits_value(form: str) -> float | None:
    """Value of a digit token in matching form: ``1,500`` and ``1.500.000``
    group thousands, ``3.5`` and ``3٫5`` are decimals; anything else
    (``3،4``, a list) is None."""
    if form.isdigit():
        return int(form)
    if _THOUSANDS.fullmatch(form):
        if "," in form or "،" in form:
            whole, _, frac = form.replace("،", ",").partition(".")
            whole = whole.replace(",", "")
            return float(f"{whole}.{frac}") if frac else int(whole)
        return int(form.replace(".", ""))
    if _DECIMAL.fullmatch(form):
        return float(form.replace("٫", "."))
    return None


# --- reading one number --------------------------------------------------------


@dataclass(slots=True)
class _State:
    total: float = 0  # groups already multiplied by a scale
    current: float = 0  # the group being built (< 1000)
    last: str = ""  # kind of the last component
    scale: int = 0  # the last scale used (new groups must be smaller)


def _word_at(
    tokens: Sequence[Token], i: int, *, first: bool, definite: bool = False
) -> tuple[int, _Word] | None:
    """The number word at token ``i`` and its clitic prefix length. A number
    may start with any proclitic (بأربعة); later words take only و, or و
    and the article when the number is definite (الخمسة والعشرين)."""
    tok = tokens[i]
    if tok.kind != "word":
        return None
    words = _lexicon().words
    for plen, stem in _readings(tok.form):
        word = words.get(stem)
        if word is None:
            continue
        if word.kind == "not":
            return None
        if plen and _pronoun_heh(tokens, i):
            continue
        prefix = tok.form[:plen]
        if not first:
            if prefix in ("", _AND) or (definite and prefix == _AND + _ARTICLE):
                return plen, word
            continue
        if _has_article(prefix) and not (
            word.kind in ("unit", "ten") and word.value in _ARTICLE_VALUES
        ):
            continue
        return plen, word
    return None


def _pronoun_heh(tokens: Sequence[Token], i: int) -> bool:
    """Does the word end in a written ه rather than ة? The matching form folds
    them, so ب + عدة "with several" and بعده "after it" look alike; every
    lexicon word ending so ends in ة, so a ه there is a pronoun."""
    tok = tokens[i]
    if not tok.form.endswith(_HEH):
        return False
    text = getattr(tokens, "text", None)
    if not text:
        return False
    j = tok.end - 1
    while j > tok.start and unicodedata.category(text[j]) == "Mn":
        j -= 1
    return text[j] == _HEH


def _and_one_of(tokens: Sequence[Token], i: int) -> bool:
    """Is a "واحد" at ``i`` really و + أحد ("and one of")? The matching form
    folds the two together; the original hamza, or a definite noun after it
    (وأحد القادة), tells them apart."""
    tok = tokens[i]
    rest = _lexicon().words.get(tok.form[1:])
    if not tok.form.startswith(_AND) or rest is None or rest.kind != "teen":
        return False
    text = getattr(tokens, "text", None)
    if text:
        second = advance(text, tok.start, 1)
        if second < tok.end and text[second] != tok.form[1]:
            return True  # written with hamza
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.form.startswith(_ARTICLE)


def _after_ordinal(tokens: Sequence[Token], i: int) -> bool:
    """Is token ``i`` preceded by an ordinal (the عشر of الحادي عشر)?"""
    if i == 0 or tokens[i - 1].kind != "word":
        return False
    ordinals = _lexicon().ordinals
    return any(stem in ordinals for _, stem in _readings(tokens[i - 1].form))


@functools.lru_cache(maxsize=65536)
def _readings(form: str) -> tuple[tuple[int, str], ...]:
    """The ``(prefix_len, stem)`` readings, bare word first, whose stem is in
    one of the word lists (most words have none: one cached look-up)."""
    known = _known()
    return tuple(r for r in analyses(form) if r[1] in known)


@functools.cache
def _known() -> frozenset[str]:
    lex = _lexicon()
    heads = set(lex.vague)
    heads.update(h[2:] for h in lex.vague if h.startswith(_ARTICLE))
    return frozenset([*lex.words, *lex.duals, *heads, *lex.ordinals])


def _start(state: _State, word: _Word) -> bool:
    if word.form == "plural":
        return False  # آلاف alone is vague
    if word.kind == "scale":
        state.total = word.value
        state.scale = word.value // 2 if word.form == "dual" else word.value
    else:
        state.current = word.value
    state.last = word.kind
    return True


def _adjacent(state: _State, word: _Word) -> bool:
    """A number word right after the last one, without و."""
    if word.kind == "ten" and state.last in ("unit", "teen") and state.current % 100 < 10:
        state.current += 10
        state.last = "teen_done"
        return True
    if word.kind == "hundred" and word.form in ("single", "plural") and state.last == "unit":
        state.current = state.current - state.current % 10 + (state.current % 10) * 100
        state.last = "hundred"
        return True
    if word.kind == "scale" and word.form in ("single", "plural") and state.last != "scale":
        if state.scale and word.value >= state.scale:
            return False
        state.total += (state.current or 1) * word.value
        state.current, state.scale, state.last = 0, word.value, "scale"
        return True
    return False


def _after_and(state: _State, word: _Word) -> bool:
    """A number word joined by و: units before tens, smaller after larger."""
    if word.form == "plural" or word.kind == "not":
        return False
    if word.kind == "teen":  # مئة وإحدى عشرة: the عشرة follows
        word = _Word(word.value, "unit", word.form)
    if word.kind == "tens" and state.last == "unit" and state.current % 100 < 10:
        state.current += word.value
        state.last = "tens"
        return True
    if state.last == "hundred" and word.kind in ("unit", "ten", "tens"):
        state.current += word.value
        state.last = word.kind
        return True
    if state.last == "scale" and state.current == 0 and word.value < state.scale:
        if word.kind == "scale":
            state.total += word.value
            state.scale = word.value
        else:
            state.current = word.value
        state.last = word.kind
        return True
    return False


def _number_at(tokens: Sequence[Token], i: int) -> tuple[int, int, float] | None:
    """``(prefix_len, last, value)`` of the number starting at token ``i``."""
    tok = tokens[i]
    state = _State()
    definite = False
    if tok.kind == "number":
        value = digits_value(tok.form)
        if value is None or (i and tokens[i - 1].form == _ARTICLE):
            return None  # الـ17: a rank or a name, not an amount
        plen = 0
        state.current, state.last = value, "digits"
    else:
        found = _word_at(tokens, i, first=True)
        if found is None:
            return None
        plen, word = found
        definite = _has_article(tok.form[:plen])
        if word.kind == "ten" and _after_ordinal(tokens, i):
            return None
        if word.value == 1 and not plen and _and_one_of(tokens, i):
            return None
        if word.kind == "teen":
            nxt = _word_at(tokens, i + 1, first=False) if i + 1 < len(tokens) else None
            if nxt is None or nxt[0] or nxt[1].kind != "ten":
                return None
            state.current, state.last = word.value, "teen"
        elif not _start(state, word):
            return None
    j = i + 1
    while j < len(tokens):
        found = _word_at(tokens, j, first=False, definite=definite)
        if found is None:
            break
        wplen, word = found
        if state.last == "digits":
            if wplen or word.kind != "scale" or word.form == "dual":
                break
            state.last = "unit"  # 3 آلاف, 1.5 مليون
        ok = _after_and(state, word) if wplen else _adjacent(state, word)
        if not ok:
            break
        j += 1
    if state.last == "digits":
        state.last = ""
    return plen, j, state.total + state.current


# --- the pass over tokens -------------------------------------------------------


def _dual_at(tokens: Sequence[Token], i: int) -> tuple[int, str] | None:
    tok = tokens[i]
    if tok.kind != "word":
        return None
    duals = _lexicon().duals
    for plen, stem in _readings(tok.form):
        noun = duals.get(stem)
        if noun is not None:
            return plen, noun
    return None


def _vague_at(tokens: Sequence[Token], i: int) -> tuple[int, int, str] | None:
    tok = tokens[i]
    if tok.kind != "word":
        return None
    vague = _lexicon().vague
    best: tuple[int, int, str] | None = None
    for plen, stem in _readings(tok.form):
        if plen and _pronoun_heh(tokens, i):
            continue
        prefix = tok.form[:plen]
        heads = [stem] if not _has_article(prefix) else []
        if prefix.endswith(_LIL):
            heads.append(_ARTICLE + stem)  # ل + العشرات
        for head in heads:
            for rest, label in vague.get(head, ()):
                last = i + 1 + len(rest)
                if last <= len(tokens) and all(
                    tokens[i + 1 + k].form == form for k, form in enumerate(rest)
                ):
                    if best is None or last > best[1]:
                        best = (plen, last, label)
                    break
    return best


def _start_offset(tokens: Sequence[Token], i: int, plen: int) -> int:
    tok = tokens[i]
    if not plen:
        return tok.start
    text = getattr(tokens, "text", None)
    if text:
        return advance(text, tok.start, plen)
    if tok.end - tok.start == len(tok.form):
        return tok.start + plen
    return tok.start  # no text to measure the prefix by: keep it in the span


def find_quantities(tokens: Sequence[Token]) -> list[Quantity]:
    """Quantities in ``tokens`` (from ``rasd.text.tokens.tokenize``), left to right."""
    out: list[Quantity] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind == "punct" or (tok.kind == "word" and not _readings(tok.form)):
            i += 1  # no number, dual or vague head starts here (most tokens)
            continue
        number = _number_at(tokens, i)
        if number is not None:
            plen, last, value = number
            if value == int(value) and value > 0:
                start = _start_offset(tokens, i, plen)
                out.append(Quantity(start, tokens[last - 1].end, int(value), None, i, last))
            i = last
            continue
        dual = _dual_at(tokens, i)
        if dual is not None:
            plen, noun = dual
            last = i + 1
            while last < n and (_dual_at(tokens, last) or (1, ""))[0] == 0:
                last += 1  # طائرتين مسيرتين: the adjective agrees, still two
            after = _word_at(tokens, last, first=False) if last < n else None
            if (
                after is not None
                and not after[0]
                and after[1].kind == "unit"
                and after[1].value == 2
            ):
                last += 1  # صاروخين اثنين
            start = _start_offset(tokens, i, plen)
            out.append(Quantity(start, tokens[last - 1].end, 2, None, i, last, noun))
            i = last
            continue
        vague = _vague_at(tokens, i)
        if vague is not None:
            plen, last, label = vague
            start = _start_offset(tokens, i, plen)
            out.append(Quantity(start, tokens[last - 1].end, None, label, i, last))
            i = last
            continue
        i += 1
    return out


def parse_number(text: str) -> int | None:
    """The number a whole string spells ("خمسة وعشرين" -> 25, "٢٧" -> 27), else None."""
    tokens = tokenize(text.strip())
    if not tokens:
        return None
    found = find_quantities(tokens)
    if len(found) != 1:
        return None
    q = found[0]
    if q.first != 0 or q.last != len(tokens) or q.value is None or q.dual_of is not None:
        return None
    return q.value if q.start == tokens[0].start else None


def ordinal(form: str) -> int | None:
    """The rank an ordinal expression gives: الثالث -> 3, الحادي عشر -> 11,
    الخامس والعشرون -> 25, العشرين -> 20; None for anything else."""
    lex = _lexicon()
    parts = match_form(form).split()
    if not parts:
        return None
    value: int | None = None
    teen_only = False
    for plen, stem in _readings(parts[0]):
        if stem in lex.ordinals:
            value, kind = lex.ordinals[stem]
            teen_only = kind == "teen"
            break
        word = lex.words.get(stem)
        if word is not None and word.kind == "tens" and _has_article(parts[0][:plen]):
            value = word.value
            break
    if value is None:
        return None
    rest = parts[1:]
    if rest and lex.words.get(rest[0], _Word(0, "", "")).kind == "ten" and value < 10:
        value += 10
        rest = rest[1:]
        teen_only = False
    if teen_only:
        return None
    if rest and value < 10:
        tens = _tens_after_and(rest[0])
        if tens is not None:
            value += tens
            rest = rest[1:]
    return value if not rest else None


def _tens_after_and(form: str) -> int | None:
    if not form.startswith(_AND):
        return None
    stem = form[1:]
    if stem.startswith(_ARTICLE):
        stem = stem[2:]
    word = _lexicon().words.get(stem)
    return word.value if word is not None and word.kind == "tens" else None
