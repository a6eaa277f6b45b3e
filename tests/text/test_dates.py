"""Date expressions: the case table (``date_cases.tsv``) and offsets in running text."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from rasd.model import DateWindow
from rasd.text.dates import DateMention, find_dates, parse_date

CASES = Path(__file__).with_name("date_cases.tsv")
REF = dt.date(2024, 7, 30)  # a Tuesday


def _cases() -> list[tuple[str, dt.date | None, DateWindow | None, str]]:
    with CASES.open(encoding="utf-8") as fh:
        rows = csv.DictReader(
            (ln for ln in fh if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE
        )
        out = []
        for r in rows:
            ref = dt.date.fromisoformat(r["reference"]) if r["reference"] else None
            want = None
            if r["start"] != "-":
                want = DateWindow(
                    dt.date.fromisoformat(r["start"]),
                    dt.date.fromisoformat(r["end"]),
                    int(r["precision"]),
                )
            out.append((r["expr"], ref, want, r["family"]))
    return out


CASE_ROWS = _cases()


def test_case_table_is_large_and_varied():
    assert len(CASE_ROWS) >= 80
    assert len({family for *_, family in CASE_ROWS}) >= 8


@pytest.mark.parametrize(
    ("expr", "ref", "want"),
    [(e, r, w) for e, r, w, _ in CASE_ROWS],
    ids=[f"{fam}:{e}" for e, _, _, fam in CASE_ROWS],
)
def test_parse_date_table(expr, ref, want):
    assert parse_date(expr, ref) == want


@pytest.mark.parametrize(
    "expr",
    ["27 تموز 2024", "2024-07-27", "15 محرم 1446 هـ", "تموز 2024", "الأحد 28 يوليو 2024"],
)
def test_absolute_dates_need_no_reference(expr):
    assert parse_date(expr) is not None
    assert parse_date(expr) == parse_date(expr, REF)


@pytest.mark.parametrize(
    ("expr", "ref", "start"),
    [
        ("الاثنين", dt.date(2024, 7, 29), dt.date(2024, 7, 29)),  # on the day itself
        ("الاثنين الماضي", dt.date(2024, 7, 29), dt.date(2024, 7, 22)),  # strictly before
        ("الاثنين المقبل", dt.date(2024, 7, 29), dt.date(2024, 8, 5)),
        ("الشهر الماضي", dt.date(2024, 1, 15), dt.date(2023, 12, 1)),
        ("أواخر الشهر الماضي", dt.date(2024, 3, 5), dt.date(2024, 2, 21)),
        ("مطلع الشهر الجاري", dt.date(2024, 7, 4), dt.date(2024, 7, 1)),
    ],
)
def test_relative_rules(expr, ref, start):
    window = parse_date(expr, ref)
    assert window is not None and window.start == start
    assert window.end <= ref or window.start > ref


def test_start_of_month_is_cut_at_the_reference():
    assert parse_date("مطلع الشهر الجاري", dt.date(2024, 7, 4)) == DateWindow(
        dt.date(2024, 7, 1), dt.date(2024, 7, 4), 2
    )


PARAGRAPH = (
    "قَصَفَت الطائراتُ مساءَ أمسِ بلدةً في ريف إدلب، وكانت قد استهدفتها في ٢٧ تمّوز ٢٠٢٤ "
    "وقبل يومين أيضاً. وقال مصدر إن اجتماعاً سيُعقد غداً، وإن الهجمات تكررت الأسبوع الماضي "
    "وفي اليوم التالي لم يحدث شيء. بالأمس سقط صاروخ."
)


def test_find_dates_offsets_through_diacritics():
    found = find_dates(PARAGRAPH, reference=REF)
    texts = [m.text for m in found]
    assert texts == ["مساءَ أمسِ", "٢٧ تمّوز ٢٠٢٤", "قبل يومين", "غداً", "الأسبوع الماضي", "الأمس"]
    for m in found:
        assert PARAGRAPH[m.start : m.end] == m.text
    by_text = {m.text: m for m in found}
    assert by_text["مساءَ أمسِ"].window.best == dt.date(2024, 7, 29)
    assert by_text["مساءَ أمسِ"].relative
    assert not by_text["٢٧ تمّوز ٢٠٢٤"].relative
    assert by_text["غداً"].future and not by_text["قبل يومين"].future
    assert by_text["الأسبوع الماضي"].window.precision == 2


def test_find_dates_without_reference_keeps_absolute_only():
    found = find_dates(PARAGRAPH)
    assert [m.text for m in found] == ["٢٧ تمّوز ٢٠٢٤"]


def test_find_dates_range_offsets_are_into_the_whole_text():
    start = PARAGRAPH.index("وقبل")
    found = find_dates(PARAGRAPH, start, start + 20, reference=REF)
    assert found == [
        DateMention(
            start + 1,
            start + 10,
            DateWindow(dt.date(2024, 7, 28), dt.date(2024, 7, 28), 1),
            True,
            "قبل يومين",
            False,
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "قتل 5 أشخاص في القصف",
        "قبل يومين من الانتخابات",  # relative to an event, not to the article
        "في اليوم الأول من الهجوم",
        "صفر إصابات في 12 صفر",  # صفر needs a year
    ],
)
def test_find_dates_ignores_non_dates(text):
    assert find_dates(text, reference=REF) == []
