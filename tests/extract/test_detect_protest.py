"""Protest detection: invented sentences for the rules and lexicon rows added in
session 3 (round on the OEDA PROTEST sentences). Each case says whether rasd must
emit a PROTEST event for the sentence."""

from __future__ import annotations

import pytest

import rasd
from rasd.extract.frames import frames, passes
from rasd.extract.mentions import read_sentence


def protest(text: str) -> bool:
    return any(e.plover_type == "PROTEST" for e in rasd.extract(text))


CASES = [
    # a security force ending the clause before the comma is not the doer of the
    # gathering that follows it
    (
        "وفي ظل إجراءات مشددة اتخذتها قوات الأمن، احتشد المتظاهرون أمام مبنى المحافظة "
        "ورفعوا لافتات تندد بالغلاء.",
        True,
    ),
    # ... but police gathering right after the verb still is no protest
    ("احتشدت قوات الأمن أمام مبنى المحافظة صباح اليوم.", False),
    # protests said to burst out, a count between verb and noun
    ("وانفجرت عدة مظاهرات في مدن الجنوب احتجاجا على رفع أسعار الخبز.", True),
    ("وتفجرت احتجاجات في العاصمة مساء أمس بعد إعلان نتائج الانتخابات.", True),
    # a crowd flowing through streets named without the article
    (
        "وتدفق الآلاف من الطلاب في شوارع المدينة منذ الصباح يهتفون ضد وزارة التعليم.",
        True,
    ),
    # a sit-in set up, a strike joined
    ("وأقاموا اعتصاما أمام مقر الشركة أمس للمطالبة بأجورهم المتأخرة.", True),
    # the same streets as a scene of traffic, with no crowd, are no protest
    ("وشهدت شوارع المدينة ازدحاما مروريا خانقا يوم أمس.", False),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_protest_detection(text: str, expected: bool) -> None:
    assert protest(text) is expected


def test_a_verb_with_the_article_is_a_noun() -> None:
    """التجمع (the rally, the group) is not the verb تجمع (they gathered): with the
    article a protest verb does not count, however close the protesters are."""
    text = "وذكر أن «التجمع نظم دون علم البلدية وكان المتظاهرون يطاردون الصحفيين»."
    r = read_sentence(text, 0, len(text))
    assert r is not None
    found = [f for f in frames(r) if f.family == "protest"]
    assert found
    for f in found:
        passes(f)
    assert any("a noun, not the verb" in why for f in found for why in f.reasons)
    assert not protest(text)
    # without the article the same verb is a gathering
    assert protest("وتجمع مئات المتظاهرين أمام مبنى البلدية صباح اليوم.")
