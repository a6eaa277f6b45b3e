"""Sentence splitting: where Arabic news sentences end, and where they do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.text.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "قصفت طائرة القاعدة. وقال مصدر إن الهجوم فشل.",
            ["قصفت طائرة القاعدة.", "وقال مصدر إن الهجوم فشل."],
        ),
        ("هل انتهى الهجوم؟ لا أحد يعرف", ["هل انتهى الهجوم؟", "لا أحد يعرف"]),
        ("يا للهول! سقط صاروخ", ["يا للهول!", "سقط صاروخ"]),
        ("Is it over? Nobody knows", ["Is it over?", "Nobody knows"]),
        ("أعلن الجيش؛ ثم نفى", ["أعلن الجيش؛", "ثم نفى"]),
        ("ثم ماذا... لا شيء", ["ثم ماذا...", "لا شيء"]),
        ("ثم ماذا… لا شيء", ["ثم ماذا…", "لا شيء"]),
        ("حقا؟! نعم", ["حقا؟!", "نعم"]),
        # no split at commas
        ("قصف الموقع، وقال المصدر، إن الهجوم فشل", ["قصف الموقع، وقال المصدر، إن الهجوم فشل"]),
        ("hit the base, officials said.", ["hit the base, officials said."]),
        # decimals, dates and domains
        ("بلغت الخسائر 3.5 مليون دولار. وأضاف", ["بلغت الخسائر 3.5 مليون دولار.", "وأضاف"]),
        ("في 25.12.2024 وقع الهجوم", ["في 25.12.2024 وقع الهجوم"]),
        ("نشر الموقع example.com الخبر", ["نشر الموقع example.com الخبر"]),
        # abbreviations
        ("قال د. محمد علي إن الوضع خطير.", ["قال د. محمد علي إن الوضع خطير."]),
        ("وصل م. أحمد إلى الموقع", ["وصل م. أحمد إلى الموقع"]),
        ("سفارة ج.م.ع. في بغداد أغلقت. ثم", ["سفارة ج.م.ع. في بغداد أغلقت.", "ثم"]),
        ("U.S. forces were hit. Nobody died", ["U.S. forces were hit.", "Nobody died"]),
        ("said Dr. Smith. Then", ["said Dr. Smith.", "Then"]),
        ("وقع الهجوم عام 2003 م. وفي العام التالي", ["وقع الهجوم عام 2003 م.", "وفي العام التالي"]),
        # quotes and brackets
        (
            "وقال البيان: «استهدفنا القاعدة. وسنواصل عملياتنا.» وأضاف أن الهجوم نجح.",
            ["وقال البيان: «استهدفنا القاعدة. وسنواصل عملياتنا.»", "وأضاف أن الهجوم نجح."],
        ),
        ('قال "انتهى الأمر." ثم غادر', ['قال "انتهى الأمر."', "ثم غادر"]),
        ("قال “لن نتراجع. أبدا” ثم غادر", ["قال “لن نتراجع. أبدا” ثم غادر"]),
        ("سقط صاروخ (انظر الصورة.) ثم آخر", ["سقط صاروخ (انظر الصورة.)", "ثم آخر"]),
        ("«قصف عنيف. لم يتوقف", ["«قصف عنيف.", "لم يتوقف"]),  # a quote never closed
        ("«يا للهول!»، قال المصدر. ثم", ["«يا للهول!»، قال المصدر.", "ثم"]),
        (
            "كتاب «سر الرؤساء» الخ...)، التي بالغت. ثم",
            ["كتاب «سر الرؤساء» الخ...)، التي بالغت.", "ثم"],
        ),
        ("خطف زورق «ام. تي. ليلى» أمس. ثم", ["خطف زورق «ام. تي. ليلى» أمس.", "ثم"]),
        ("سهم يو. بي. اس تراجع. ثم", ["سهم يو. بي. اس تراجع.", "ثم"]),
        # line breaks, whitespace, marks without a sentence
        ("سطر أول\nسطر ثان. وجملة", ["سطر أول", "سطر ثان.", "وجملة"]),
        ("  جملة.   أخرى  ", ["جملة.", "أخرى"]),
        ("1. البند الأول", ["1. البند الأول"]),
        ("انتهى . !", ["انتهى . !"]),
        ("", []),
        ("   ", []),
        ("بلا علامة", ["بلا علامة"]),
    ],
)
def test_split(text, sentences):
    assert _split(text) == sentences


def test_offsets_point_into_the_original_with_diacritics():
    text = "سَقَطَ صَارُوخٌ. قَالَ مَصْدَرٌ."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["سَقَطَ صَارُوخٌ.", "قَالَ مَصْدَرٌ."]


def test_range_of_a_longer_text():
    text = "عنوان\nقصف الموقع. وقال المصدر.\nذيل"
    start = text.index("قصف")
    end = text.index("\nذيل")
    spans = split_sentences(text, start, end)
    assert spans[0][0] == start and spans[-1][1] == end
    assert [text[a:b] for a, b in spans] == ["قصف الموقع.", "وقال المصدر."]


@pytest.mark.parametrize(
    "text",
    [
        "قصف. «وقال: نعم. لا» ثم (هذا. ذاك) ثم...",
        "أ. ب. ج.م.ع. 1.5 هـ. ؟؟ !! … «« »» ))",
        '"""..."""',
    ],
)
def test_spans_are_ordered_trimmed_and_inside(text):
    spans = split_sentences(text)
    previous = 0
    for a, b in spans:
        assert previous <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        previous = b


@given(st.text(alphabet='أبج د.!?؟؛…«»“”"()[] \n،,3م', max_size=60))
def test_any_text_gives_ordered_trimmed_spans(text):
    previous = 0
    for a, b in split_sentences(text):
        assert previous <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        assert "\n" not in text[a:b]
        previous = b
