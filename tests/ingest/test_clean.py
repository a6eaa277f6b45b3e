"""Boilerplate lines and repeats: tables of Arabic and English strings."""

from __future__ import annotations

import pytest

from rasd import resources
from rasd.ingest.clean import is_boilerplate, key, mark_boilerplate, mark_repeats
from rasd.ingest.segment import segment, split_sentences
from rasd.model import Article
from tests.ingest.ingest_pages import FOLLOW_US_MID, LEDE, SECOND


@pytest.mark.parametrize(
    "line",
    [
        "Add to Home screen",
        "This app can be installed in your home screen",
        "this app can be installed on your device",
        "Share:",
        "Share on WhatsApp",
        "Follow us on Twitter",
        "Related articles",
        "Read also: Drone strike hits base",
        "We use cookies to improve your experience. By continuing you accept our policy.",
        "© 2024 Example News. All rights reserved.",
        "Tags: Iraq, drones",
        "أضف إلى الشاشة الرئيسية",
        "شارك",
        "شارك على فيسبوك",
        "تابعونا على تويتر وفيسبوك",
        "تابعونا على تيليغرام",
        "اقرأ أيضاً: قصف يستهدف قاعدة عين الأسد",
        "إقرأ ايضا | اجتماع طارئ لمجلس الأمن",
        "أخبار ذات صلة",
        "الأكثر قراءة",
        "جميع الحقوق محفوظة © 2024",
        "الوسوم: العراق، الأنبار",
        "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك",
        "  طباعة  ",
        "اشترك في النشرة البريدية",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        FOLLOW_US_MID,  # mentions تابعونا mid-sentence
        "تابعونا يا أهل الأنبار فقد قال المسؤولون إن القصف سيستمر أياما أخرى في المحافظة كلها",
        "قال إن مشاركة الفصائل في الهجوم لم تثبت بعد",
        "شاركت طائرات مسيرة في الهجوم على القاعدة",
        "The app was used to coordinate the attack, officials said.",
        "Share prices fell sharply after the strike on the oil field near Basra yesterday.",
        LEDE,
        SECOND,
        "",
        "—",
    ],
)
def test_article_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_every_listed_pattern_matches_itself():
    for row in resources.tsv("ingest", "boilerplate.tsv"):
        if row["match"] in ("exact", "prefix"):
            assert is_boilerplate(row["pattern"]), row


def test_mark_boilerplate_keeps_offsets_and_other_kinds():
    text = f"شارك\n{LEDE}\nAdd to Home screen"
    art = mark_boilerplate(segment(Article(text=text)))
    assert [p.kind for p in art.paragraphs] == ["boilerplate", "body", "boilerplate"]
    assert [art.text[p.start : p.end] for p in art.paragraphs] == [
        "شارك",
        LEDE,
        "Add to Home screen",
    ]
    assert art.body == LEDE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("القوات الأميركية تعلن", "القوات الامريكيه تعلن!"),
        ("قصفت طائرةٌ مسيّرةٌ القاعدةَ.", "قصفت طائرة مسيرة القاعدة"),
        ("«لن نسكت»، قال المتحدث", "لن نسكت قال  المتحدث"),
        ("Drone strike, Ain al-Asad", "drone strike ain al asad"),
    ],
)
def test_repeat_key_ignores_spelling_marks_punctuation(a, b):
    assert key(a) == key(b)


def test_repeat_key_tells_different_text_apart():
    assert key("قتل ثلاثة") != key("قتل أربعة")


def test_repeated_paragraph_points_at_first():
    text = "\n".join([LEDE, SECOND, "شارك", LEDE.replace("الأسد", "الاسد") + "!", "شارك", SECOND])
    art = mark_repeats(split_sentences(mark_boilerplate(segment(Article(text=text)))))
    assert [p.repeat_of for p in art.paragraphs] == [None, None, None, 0, None, 1]
    assert art.paragraphs[4].kind == "boilerplate"  # boilerplate is never a "repeat"
    assert [art.text[p.start : p.end] for p in art.content_paragraphs()] == [LEDE, SECOND]


def test_repeated_sentences_inside_a_longer_paragraph():
    pytest.importorskip("rasd.text.sentences")
    text = "\n".join([LEDE, SECOND, LEDE + " " + SECOND])
    art = mark_repeats(split_sentences(mark_boilerplate(segment(Article(text=text)))))
    assert art.paragraphs[2].repeat_of is None  # the paragraph as a whole is new
    later = [s for s in art.sentences if s.paragraph == 2]
    assert later and all(s.repeat_of is not None for s in later)
    for s in later:
        first = art.sentences[s.repeat_of]
        assert first.paragraph in (0, 1)
        assert key(art.text[first.start : first.end]) == key(art.text[s.start : s.end])


def test_short_sentences_are_not_repeats():
    text = "قال المتحدث:\nتم الأمر.\nتم الأمر."
    art = mark_repeats(split_sentences(mark_boilerplate(segment(Article(text=text)))))
    # a whole repeated paragraph is a repeat, however short
    assert art.paragraphs[2].repeat_of == 1
    assert art.sentences[-1].repeat_of is not None
