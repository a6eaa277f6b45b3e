"""Quantities: digits, number words with their clitics, duals, vague amounts;
ordinals and whole-string numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.text.numbers import Quantity, digits_value, find_quantities, ordinal, parse_number
from rasd.text.tokens import tokenize


def _found(text: str) -> list[tuple[str, int | None, str | None, str | None]]:
    """(original slice, value, vague label, dual_of) of every quantity."""
    return [
        (text[q.start : q.end], q.value, q.vague, q.dual_of)
        for q in find_quantities(tokenize(text))
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # digits, every script, separators
        ("قتل 3 أشخاص", 3),
        ("قتل ٣ أشخاص", 3),
        ("قتل ۴ أشخاص", 4),
        ("نزح 1,500 شخص", 1500),
        ("نزح ١٬٥٠٠ شخص", 1500),
        ("نزح 1,500,000 شخص", 1500000),
        ("بلغ العدد 2.300.000 نسمة", 2300000),
        ("نزح 3 آلاف شخص", 3000),
        ("خسائر بـ1.5 مليون دولار", 1500000),
        ("خسائر بـ٢٫٥ مليار", 2500000000),
        # units with gender and case
        ("قتل جندي واحد", 1),
        ("سقطت قذيفة واحدة", 1),
        ("قتل اثنان من الجنود", 2),
        ("أصيب اثنين من المدنيين", 2),
        ("سقطت اثنتان منها", 2),
        ("ثلاثة صواريخ", 3),
        ("ثلاث طائرات", 3),
        ("أربعة جنود", 4),
        ("خمس قذائف", 5),
        ("ستة عناصر", 6),
        ("سبع غارات", 7),
        ("ثمانية صواريخ", 8),
        ("ثماني طائرات", 8),
        ("تسعة قتلى", 9),
        ("عشرة صواريخ", 10),
        ("عشر قذائف", 10),
        # teens
        ("أحد عشر جنديا", 11),
        ("إحدى عشرة طائرة", 11),
        ("اثنا عشر صاروخا", 12),
        ("اثنتي عشرة قذيفة", 12),
        ("خمسة عشر قتيلا", 15),
        ("تسع عشرة غارة", 19),
        # tens and compounds with و
        ("عشرون صاروخا", 20),
        ("تسعين قذيفة", 90),
        ("خمسة وعشرون شخصا", 25),
        ("ثلاث وثلاثين غارة", 33),
        ("مئة صاروخ", 100),
        ("مائة صاروخ", 100),
        ("مئة وخمسون صاروخا", 150),
        ("مئة وخمسة وعشرون", 125),
        ("مائة وإحدى عشرة", 111),
        ("مئتا صاروخ", 200),
        ("مائتين وخمسين", 250),
        ("ثلاثمئة جندي", 300),
        ("ثلاث مئة جندي", 300),
        ("خمسمائة وستون", 560),
        ("ألف جندي", 1000),
        ("ألفين وخمسمئة", 2500),
        ("ثلاثة آلاف جندي", 3000),
        ("عشرة آلاف نازح", 10000),
        ("خمسة عشر ألفا", 15000),
        ("خمسة وعشرين ألف نازح", 25000),
        ("مئة ألف نازح", 100000),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("مليون نازح", 1000000),
        ("مليون ومئتا ألف", 1200000),
        ("ثلاثة ملايين", 3000000),
        # through clitics
        ("وثلاثة صواريخ", 3),
        ("بأربعة صواريخ", 4),
        ("لخمسة أيام", 5),
        ("فستة", 6),
        ("كعشرة", 10),
        ("وبثلاث طائرات", 3),
        ("الجنود الثلاثة", 3),
    ],
)
def test_one_number(text, value):
    (q,) = find_quantities(tokenize(text))
    assert q.value == value
    assert q.vague is None and q.dual_of is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # offsets into the original, diacritics and clitics
        ("ثَلاثَةُ صواريخ", [("ثَلاثَةُ", 3, None, None)]),
        ("وَثَلاثَةُ صواريخ", [("ثَلاثَةُ", 3, None, None)]),
        ("قُتِلَ خَمْسَةٌ وَعِشْرُونَ", [("خَمْسَةٌ وَعِشْرُونَ", 25, None, None)]),
        ("بـ3 صواريخ", [("3", 3, None, None)]),
        # two numbers, not one
        ("ثلاثة وأربعة", [("ثلاثة", 3, None, None), ("أربعة", 4, None, None)]),
        ("قتل 3 وأصيب 5", [("3", 3, None, None), ("5", 5, None, None)]),
        ("عشرون وخمسة", [("عشرون", 20, None, None), ("خمسة", 5, None, None)]),
        # duals of countable nouns
        ("أطلق صاروخين", [("صاروخين", 2, None, "صاروخ")]),
        ("سقط صاروخان", [("صاروخان", 2, None, "صاروخ")]),
        ("بطائرتين مسيرتين", [("طائرتين مسيرتين", 2, None, "طاءره")]),
        ("سقطت قذيفتين", [("قذيفتين", 2, None, "قذيفه")]),
        ("مقتل جنديين", [("جنديين", 2, None, "جندي")]),
        ("هجوم بمسيرتين", [("مسيرتين", 2, None, "مسيره")]),
        ("قتيلان وجريحين", [("قتيلان", 2, None, "قتيل"), ("جريحين", 2, None, "جريح")]),
        ("أطلق صاروخين اثنين", [("صاروخين اثنين", 2, None, "صاروخ")]),
        ("صاروخين وطائرتين", [("صاروخين", 2, None, "صاروخ"), ("طائرتين", 2, None, "طاءره")]),
        # false duals stay out: sound plurals, words not in the noun list
        ("مقتل مدنيين", []),
        ("اعتقال مسلحين", []),
        ("قال المسؤولين", []),
        # vague amounts
        ("سقطت عشرات الصواريخ", [("عشرات", None, "tens", None)]),
        ("نزوح عشرات الآلاف", [("عشرات الآلاف", None, "tens of thousands", None)]),
        ("أطلق عدة صواريخ", [("عدة", None, "several", None)]),
        ("بعدة صواريخ", [("عدة", None, "several", None)]),
        ("منذ بضعة أيام", [("بضعة", None, "few", None)]),
        ("منذ بضع سنوات", [("بضع", None, "few", None)]),
        ("قتل مئات المدنيين", [("مئات", None, "hundreds", None)]),
        ("نزح آلاف السكان", [("آلاف", None, "thousands", None)]),
        ("أصيب العديد من الجنود", [("العديد من", None, "many", None)]),
        ("اعتقال عدد من المسلحين", [("عدد من", None, "several", None)]),
        ("سقط العشرات", [("العشرات", None, "tens", None)]),
        # not quantities: ordinals, fractions, look-alikes
        ("الفوج الثاني", []),
        ("الدورة الثالثة", []),
        ("ثلث السكان", []),
        ("ربع الموازنة", []),
        ("يوم الاثنين", []),
        ("أحد الجنود", []),
        ("القرن العشرين", []),
        ("50 بالمئة", [("50", 50, None, None)]),
        ("لست أدري", []),
        ("اللواء الـ17", []),
        ("وما بعده شيء آخر", []),
        ("وما بعدَهُ شيء آخر", []),
        ("بعدةِ صواريخ", [("عدةِ", None, "several", None)]),
        ("أسفرت عن بضع عشرات من القتلى", [("بضع عشرات", None, "tens", None)]),
        ("أحداث الحادي عشر من سبتمبر", []),
        ("وأحد القادة", []),
        ("واحد القادة", []),
        ("قتل جندي واحد", [("واحد", 1, None, None)]),
        ("الخمسة والعشرين مليون دولار", [("خمسة والعشرين مليون", 25000000, None, None)]),
        ("عدد القتلى", []),
        ("العدة والعتاد", []),
    ],
)
def test_quantities(text, found):
    assert _found(text) == found


def test_token_indexes_cover_the_quantity():
    text = "قتل ثلاثة آلاف وخمسمئة شخص"
    tokens = tokenize(text)
    (q,) = find_quantities(tokens)
    assert isinstance(q, Quantity)
    assert (q.first, q.last) == (1, 4)
    assert q.start == tokens[1].start and q.end == tokens[3].end


@pytest.mark.parametrize(
    ("form", "value"),
    [
        ("1500", 1500),
        ("1,500", 1500),
        ("1,500,000", 1500000),
        ("1.500.000", 1500000),
        ("3.5", 3.5),
        ("3٫5", 3.5),
        ("12,5", None),
        ("3،4", None),
    ],
)
def test_digits_value(form, value):
    assert digits_value(form) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("خمسة وعشرين", 25),
        ("٢٧", 27),
        ("27", 27),
        ("ثلاثين", 30),
        ("الحادي عشر", None),
        ("خمسة صواريخ", None),
        ("وخمسة", None),
        ("صاروخين", None),
        ("عشرات", None),
        ("", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("form", "value"),
    [
        ("الأول", 1),
        ("الأولى", 1),
        ("الثاني", 2),
        ("الثالثة", 3),
        ("العاشر", 10),
        ("الحادي عشر", 11),
        ("الحادية عشرة", 11),
        ("الخامس عشر", 15),
        ("الخامس والعشرين", 25),
        ("العشرين", 20),
        ("الحادي", None),
        ("ثلاثة", None),
        ("صاروخ", None),
    ],
)
def test_ordinal(form, value):
    assert ordinal(form) == value


_PIECES = [
    "ثلاثة",
    "وعشرون",
    "آلاف",
    "صاروخين",
    "عشرات",
    "من",
    "عدة",
    "الـ",
    "3",
    "1,500",
    "واحد",
    "أحد",
    "عشر",
    "مئة",
    "وخمسون",
    "ألف",
    "،",
    ".",
    " ",
    "َ",
    "بـ",
    "الثالث",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_quantities_are_well_formed(pieces):
    text = " ".join(pieces)
    tokens = tokenize(text)
    previous = 0
    for q in find_quantities(tokens):
        assert 0 <= q.first < q.last <= len(tokens)
        assert previous <= q.first
        assert tokens[q.first].start <= q.start < q.end == tokens[q.last - 1].end
        assert (q.value is None) != (q.vague is None)
        previous = q.last
