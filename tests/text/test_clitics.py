import pytest

from rasd.text.clitics import PhraseMatcher, analyses
from rasd.text.tokens import tokenize


@pytest.mark.parametrize(
    ("word", "stem", "prefix"),
    [
        ("وبالموصل", "موصل", 4),
        ("وبالموصل", "الموصل", 2),
        ("للقوات", "قوات", 2),
        ("فالقاعدة", "قاعده", 3),
        ("كالعادة", "عاده", 3),
        ("بغداد", "بغداد", 0),
        ("لبنان", "لبنان", 0),
    ],
)
def test_analyses_include_reading(word, stem, prefix):
    from rasd.text import match_form

    assert (prefix, match_form(stem)) in analyses(match_form(word))


def test_analyses_keep_two_letters():
    assert all(len(stem) >= 2 for _, stem in analyses("وبه"))


MATCHER = PhraseMatcher(
    [
        ("القوات الأمريكية", "us_forces"),
        ("القوات", "forces"),
        ("قاعدة عين الأسد", "ain_al_asad"),
        ("الموصل", "mosul"),
        ("=امل", "amal"),
    ]
)


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("استهدفت القوات الأمريكية", "us_forces", "القوات الأمريكية"),
        ("استهدفت القوات الأميركية", "us_forces", "القوات الأميركية"),
        ("هجوم على القوات الامريكيه", "us_forces", "القوات الامريكيه"),
        ("وللقوات الأمريكية", "us_forces", "قوات الأمريكية"),
        ("القوات العراقية", "forces", "القوات"),
        ("سقط صاروخ بقاعدة عين الأسد", "ain_al_asad", "قاعدة عين الأسد"),
        ("في القاعدةِ عين الأسد", "ain_al_asad", "القاعدةِ عين الأسد"),
        ("وَبِالْمَوْصِلِ", "mosul", "الْمَوْصِلِ"),
        ("حركة امل", "amal", "امل"),
        ("شخص كامل", None, None),
    ],
)
def test_phrase_matcher(text, value, surface):
    hits = MATCHER.find(tokenize(text))
    if value is None:
        assert [h.value for h in hits if h.value != "forces"] == []
        return
    assert hits and hits[0].value == value
    assert text[hits[0].start : hits[0].end] == surface


def test_longest_phrase_wins_and_no_overlap():
    hits = MATCHER.find_text("القوات الأمريكية والقوات")
    assert [h.value for h in hits] == ["us_forces", "forces"]
    assert hits[0].last <= hits[1].first


def test_offsets_inside_larger_text():
    text = "قال مسؤول: إن صاروخاً سقط على قاعدة عين الأسد أمس."
    start = text.index("سقط")
    hits = MATCHER.find(tokenize(text, start))
    assert text[hits[0].start : hits[0].end] == "قاعدة عين الأسد"


def test_article_required_mark():
    m = PhraseMatcher([("+المقاومة", "resistance")])
    for text in ("المقاومة", "والمقاومة", "للمقاومة", "بالمقاومة"):
        assert [h.value for h in m.find_text(text)] == ["resistance"], text
    assert m.find_text("مقاومة شرسة") == []
    assert m.find_text("ومقاومة") == []


def test_phrases_sharing_a_first_word():
    m = PhraseMatcher(
        [("قوات", "forces"), ("قوات الاحتلال", "occupation"), ("قوات الاحتلال الأمريكي", "us")]
    )
    hits = m.find_text("قوات الاحتلال الأميركي وقوات الاحتلال وقوات أخرى")
    assert [h.value for h in hits] == ["us", "occupation", "forces"]
