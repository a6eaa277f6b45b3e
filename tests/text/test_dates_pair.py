"""`الاثنين` after which a word of number or kin follows (الاثنين الآخرين، الاثنين
منهم) is the number two, not Monday (date_words.tsv kind ``pair``)."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.text.dates import find_dates

REF = dt.date(2024, 1, 5)


def _found(text: str) -> list[str]:
    return [text[d.start : d.end] for d in find_dates(text, 0, len(text), reference=REF)]


@pytest.mark.parametrize(
    "text",
    [
        "سقط اثنان منها واعترضت الدفاعات الجوية الاثنين الآخرين",
        "أصيب أربعة جنود ونقل الاثنان الآخران إلى المستشفى، وتوفي الاثنين منهم لاحقا",
    ],
)
def test_the_two_others_are_no_weekday(text):
    assert not [f for f in _found(text) if "الاثنين" in f]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("قتل جندي مساء الاثنين الماضي", dt.date(2024, 1, 1)),
        ("وقع الانفجار يوم الاثنين في المدينة", dt.date(2024, 1, 1)),
    ],
)
def test_monday_is_still_monday(text, day):
    found = find_dates(text, 0, len(text), reference=REF)
    assert [d.window.start for d in found] == [day]
