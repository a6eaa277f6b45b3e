import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text import match_form, normalize

ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئ"
    + "\u064b\u064e\u064f\u0650\u0651\u0652"
    + "ـ\u200f"
    + "ﻻ"
    + "٠١٢٣"
    + " .،"
    + "Ab"
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("الأميركية", "الأمريكية"),
        ("الأمريكية", "الامريكيه"),
        ("مُسيَّرة", "مسيرة"),
        ("بـــغداد", "بغداد"),
        ("إصابة ٣٤", "اصابه 34"),
        ("مستشفى", "مستشفي"),
        ("ﻻ", "لا"),
        ("Rockets", "rockets"),
    ],
)
def test_variants_share_a_matching_form(a, b):
    assert match_form(a) == match_form(b)


def test_offsets_cover_marks_of_a_word():
    text = "طائرةٌ مُسيَّرةٌ"
    n = normalize(text)
    start = n.text.index("مسيره")
    assert n.original_slice(start, start + 5) == "مُسيَّرةٌ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_offset_map_round_trips(text):
    n = normalize(text)
    assert n.text == match_form(text)
    for i in range(len(n.text)):
        a, b = n.to_original(i, i + 1)
        assert 0 <= a < b <= len(text)
        assert n.text[i] in match_form(text[a:b])
    # a span's original slice normalises back to the span
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 6) + 1):
            piece = n.original_slice(i, j)
            assert n.text[i:j] in match_form(piece)
