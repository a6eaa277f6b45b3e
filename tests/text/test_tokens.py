import pytest

from rasd.text.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سقطت ٣ صواريخ", [("سقطت", "word"), ("3", "number"), ("صواريخ", "word")]),
        ("إصابة 1,500 شخص", [("اصابه", "word"), ("1,500", "number"), ("شخص", "word")]),
        (
            "قال: «لا»",
            [("قال", "word"), (":", "punct"), ("«", "punct"), ("لا", "word"), ("»", "punct")],
        ),
        ("الأميركية، الأمريكية", [("الامريكيه", "word"), ("،", "punct"), ("الامريكيه", "word")]),
        ("3.5 كم", [("3.5", "number"), ("كم", "word")]),
    ],
)
def test_forms_and_kinds(text, expected):
    assert [(t.form, t.kind) for t in tokenize(text)] == expected


@pytest.mark.parametrize("text", ["ثَلاثَةُ صواريخَ", "طائرةٌ مُسيّرة", "بـــغداد اليوم", "a\u200fb ج"])
def test_offsets_cover_original_words(text):
    tokens = tokenize(text)
    for tok in tokens:
        piece = text[tok.start : tok.end]
        assert piece.strip() == piece and piece
    # the spans cover every letter of the original
    covered = {i for t in tokens for i in range(t.start, t.end)}
    assert all(i in covered for i, ch in enumerate(text) if ch.isalpha())


def test_range_offsets_point_into_whole_text():
    text = "مقدمة. سقطت صواريخ"
    start = text.index("سقطت")
    tokens = tokenize(text, start)
    assert text[tokens[0].start : tokens[0].end] == "سقطت"
