"""Dates that end a stretch (``DateMention.until``): "حتى ظهر اليوم" is the time up
to which something held (no comment yet, still detained), not the day of an event.
Invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.text.dates import find_dates

REF = dt.date(2024, 3, 5)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ولم يصدر أي تعليق رسمي على الغارات حتى ظهر اليوم الثلاثاء.", [True]),
        ("ولا يزال المخطوفون محتجزين لغاية اليوم.", [True]),
        ("تجددت الاشتباكات مساء السبت واستمرت حتى فجر اليوم.", [False, True]),
        ("قتل جنديان مساء أمس في هجوم على حاجز.", [False]),
        ("ليلة الأحد على الاثنين سقطت قذائف على البلدة.", [False]),
    ],
)
def test_until_marks_the_end_of_a_stretch(text, want):
    assert [d.until for d in find_dates(text, reference=REF)] == want


def test_night_window_between_two_weekdays_in_text():
    (d,) = find_dates("قتل شخصان ليلة الاثنين على الثلاثاء في نزاع مسلح.", reference=REF)
    assert (d.window.start, d.window.end) == (dt.date(2024, 3, 4), dt.date(2024, 3, 5))
    assert d.text == "ليلة الاثنين على الثلاثاء"
