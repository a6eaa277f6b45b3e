"""The shortcuts taken before the full parsers never change what they find:
the date pre-check (no digit and no month, weekday, day, night, period or
unit word: no date), the quantity finder skipping words that start no
number, and the normalisation memo."""

from __future__ import annotations

import datetime as dt
import random

from rasd.text import dates
from rasd.text.dates import find_dates
from rasd.text.normalize import normalize
from rasd.text.numbers import find_quantities
from rasd.text.tokens import tokenize


def _grammar_words() -> list[str]:
    g = dates._grammar()
    forms = list(g.months) + [f for kind in g.words.values() for f in kind]
    return [w for f in forms for w in f.split()]


def _mixed_forms(rng, words, filler, most, joins, n=20000):
    """``n`` matching forms of 1 to ``most`` words, date words or filler, some
    with a conjunction and a preposition glued on."""
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, most)):
            w = rng.choice(words) if rng.random() < 0.6 else rng.choice(filler)
            if rng.random() < 0.3:
                w = rng.choice("وف") + w
            if rng.random() < 0.3:
                w = rng.choice("بلك") + w
            parts.append(w)
        yield normalize(rng.choice(joins).join(parts)).text


def test_precheck_never_rejects_what_the_grammar_matches():
    g = dates._grammar()
    assert g.keys  # the data allow the pre-check (else it is skipped)
    words = _grammar_words()
    filler = ["قصف", "في", "من", "قال", "القوات", "و", "ب", "،", "-", "/", "(", ")"]
    matched = 0
    for form in _mixed_forms(random.Random(3), words, filler, 5, [" ", "، ", " - "]):
        if g.find.search(form):
            matched += 1
            assert dates._may_hold_date(form, g.keys), form
    assert matched > 1000  # the fuzz reaches the grammar


def test_lead_lookahead_changes_no_match():
    """The grammar's opening lookahead (``dates._lead``) only spares attempts: the
    same matches, groups and spans as the grammar without it, on text mixing date
    words, ordinals, digits, clitics, marks and ordinary words."""
    import re

    g = dates._grammar()
    plain = re.compile(dates._START + dates._body(g.months, g.words) + dates._END)
    assert plain.pattern != g.find.pattern
    words = _grammar_words() + ["السابع", "الخامس", "والعشرين", "عشر", "من", "2024", "27"]
    filler = ["قصف", "في", "قال", "القوات", "الهجوم", "و", "،", "-", "/", ".", ":", "(", "27/7"]
    fixed = [
        "قصف في السابع من تموز 2024 وفي الخامس والعشرين من أغسطس الماضي",
        "والحادي عشر من شهر آذار، بالثالث عشر من أيار/مايو",
        "منذ ثلاثة أيام وقبل نحو أسبوعين، مساء أمس الأحد، 27/7/2024 و2024-07-27",
    ]
    for text in fixed:
        form = normalize(text).text
        want = [(m.span(), m.lastgroup, m.groupdict()) for m in plain.finditer(form)]
        assert [(m.span(), m.lastgroup, m.groupdict()) for m in g.find.finditer(form)] == want
        assert len(want) >= 2, text
    matched = 0
    for form in _mixed_forms(random.Random(11), words, filler, 7, [" ", "، ", " - ", "/", "  "]):
        want = [(m.span(), m.lastgroup, m.groupdict()) for m in plain.finditer(form)]
        assert [(m.span(), m.lastgroup, m.groupdict()) for m in g.find.finditer(form)] == want
        matched += bool(want)
    assert matched > 2000  # the fuzz reaches the grammar


def test_precheck_rejects_a_sentence_without_date_words():
    g = dates._grammar()
    text = "قال مصدر أمني إن القوات استهدفت موقعا للمسلحين"
    assert not dates._may_hold_date(normalize(text).text, g.keys)
    assert find_dates(text) == []


def test_dates_still_found_behind_prefixes_and_digits():
    ref = dt.date(2024, 7, 30)
    for text in ("وبالأمس قصفت القوات", "قصف مساء الأحد الماضي", "في 27/7/2024 قصف"):
        assert find_dates(text, reference=ref), text


def test_quantities_unchanged_by_the_word_skip():
    text = "أصيب ثلاثة جنود وقتل 12 مدنيا بطائرتين مسيرتين وعشرات الجرحى، قال مصدر"
    got = [(q.value, q.vague) for q in find_quantities(tokenize(text))]
    assert (3, None) in got and (12, None) in got and (2, None) in got
    assert any(q[1] for q in got)  # عشرات: a vague amount


def test_normalize_memo_gives_equal_results_for_equal_text():
    a = "قُتِلَ ثلاثة"
    b = "".join(list(a))  # an equal string, another object
    assert b is not a
    assert normalize(a) == normalize(b)
    assert normalize(b).original == a
