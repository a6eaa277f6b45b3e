"""Near-duplicate articles: copies found, different wordings not."""

from __future__ import annotations

import pytest

from rasd.fuse.neardup import MinHasher, NearDuplicateIndex, pack, similarity, unpack

ORIGINAL = (
    "استهدفت قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق مساء الثلاثاء بطائرتين مسيرتين "
    "في هجوم هو الأحدث ضمن سلسلة هجمات تطال مواقع تتمركز فيها القوات الأميركية وقوات التحالف الدولي. "
    "وقال مصدر أمني إن الهجوم لم يسفر عن إصابات في صفوف العسكريين مع تسجيل أضرار مادية طفيفة "
    "في إحدى ساحات القاعدة. ولم تتبن أي جهة الهجوم حتى ساعة إعداد هذا الخبر."
)
REWRITTEN = (
    "أفادت مصادر محلية بأن طائرتين مسيرتين مجهولتين هاجمتا مساء أمس الثلاثاء قاعدة عين الأسد "
    "التي تضم جنودا أميركيين في الأنبار، من دون وقوع ضحايا، فيما لم تعلن أي جماعة مسؤوليتها "
    "عن العملية التي تأتي بعد أيام من هجمات مماثلة استهدفت قواعد أخرى في البلاد."
)


@pytest.mark.parametrize(
    "copy",
    [
        ORIGINAL,
        "عاجل | " + ORIGINAL,  # agency copy with a tag
        ORIGINAL.replace("الأميركية", "الأمريكية").replace("مسيرتين", "مسيّرتين"),  # spelling
        ORIGINAL + " المصدر: وكالة الأنباء.",  # a credit line added
        ORIGINAL.replace("مساء الثلاثاء", "ليل الثلاثاء"),  # one word edited
    ],
)
def test_copies_are_found(copy):
    index = NearDuplicateIndex()
    assert index.add("orig", ORIGINAL) is None
    assert index.add("copy", copy) == "orig"


@pytest.mark.parametrize(
    "other",
    [
        REWRITTEN,  # the same event, told in other words: not a copy
        "قصفت طائرة مسيرة مجهولة موقعا لقوات سوريا الديمقراطية في ريف دير الزور الشرقي صباح اليوم "
        "دون أن تسفر عن خسائر بشرية وفق مصادر محلية تحدثت عن سماع دوي انفجارات في المنطقة.",
        "قصير جدا",  # too short to judge
    ],
)
def test_non_duplicates_are_not(other):
    index = NearDuplicateIndex()
    index.add("orig", ORIGINAL)
    assert index.add("other", other) is None


def test_copy_of_a_copy_points_at_the_original():
    index = NearDuplicateIndex()
    index.add("orig", ORIGINAL)
    index.add("copy1", "عاجل | " + ORIGINAL)
    assert index.add("copy2", "عاجل | " + ORIGINAL + " تابعونا.") == "orig"


def test_signatures_survive_a_round_trip_and_reload():
    hasher = MinHasher()
    sig = hasher.signature(ORIGINAL)
    assert sig is not None and unpack(pack(sig)) == sig
    assert similarity(sig, hasher.signature("عاجل | " + ORIGINAL)) >= 0.6
    later = NearDuplicateIndex()
    later.load("orig", unpack(pack(sig)))
    assert later.add("copy", ORIGINAL + " المصدر: وكالة.") == "orig"
