"""Round 14 (session 5): the three leftovers of round 12 in general form. Each case is
a short invented text (no gold sentence or place is copied), its publication date and
what its events must hold:

- a side admitting its own losses in a sentence with no event word (واعترف الجيش
  بإصابة جنديين بجروح) gives its toll to the event told before it in which that side
  was hit, never to one where that side is the attacker;
- a rescue or health service's toll in a sentence with no event word (قال الإسعاف إن
  شخصين أصيبا) joins the event told before it; when it names a place, or its own
  country (وزارة الصحة الفلسطينية), it joins the event there;
- a vehicle named with its owner's adjective (دبابة إسرائيلية) that is the object hit
  names the side hit (actor2), never the attacker or the claimant; right after a verb
  with no subject told before it, it is still the subject (guards).
"""

from __future__ import annotations

import pytest

from tests.extract.expect import check_case

STRIKE = "قصفت طائرات حربية، فجر اليوم الأحد، منزلاً في بلدة الخيام جنوبي لبنان.\n\n"
TWO_SIDES = (
    "شنت طائرات حربية إسرائيلية، فجر اليوم الأحد، غارة على منزل في مدينة خان يونس جنوبي "
    "قطاع غزة.\n\n"
    "وأطلقت فصائل فلسطينية رشقة صواريخ على مدينة سديروت.\n\n"
)
HIT_THEN_OWN = (
    "أعلن حزب الله، مساء السبت، أن مقاتليه استهدفوا موقع المرج بقذائف المدفعية.\n\n"
    "وشنت طائرة مسيرة إسرائيلية غارة على سيارة في بلدة ميس الجبل جنوبي لبنان.\n\n"
)

CASES = [
    # 1. an admission with no event word
    (
        "an admission alone joins the attack on the admitting side, not its own strike",
        HIT_THEN_OWN + "واعترف الجيش الإسرائيلي بإصابة جنديين بجروح متوسطة.",
        "2024-05-12",
        {"n": 2, "actor1": "Hezbollah", "actor2": "Israel Defense Forces", "injuries": 2},
    ),
    (
        "… and the side's own strike keeps no wounded of the admission",
        HIT_THEN_OWN + "واعترف الجيش الإسرائيلي بإصابة جنديين بجروح متوسطة.",
        "2024-05-12",
        {"n": 2, "last": True, "actor1": "Israel Defense Forces", "injuries": None},
    ),
    (
        "an admission of one killed right after the attack on that side",
        "قالت كتائب القسام، اليوم الأحد، إن مقاتليها استهدفوا قوة إسرائيلية بعبوة ناسفة شرق "
        "مدينة رفح.\n\n"
        "وأقر الجيش الإسرائيلي بمقتل جندي.",
        "2024-05-12",
        {"n": 1, "fatalities": 1, "actor1": "Izz al-Din al-Qassam Brigades"},
    ),
    (
        "guard: an admission after only the side's own strike adds nothing to it",
        "وشنت طائرة مسيرة إسرائيلية، مساء السبت، غارة على سيارة في بلدة ميس الجبل جنوبي "
        "لبنان.\n\n"
        "واعترف الجيش الإسرائيلي بإصابة جنديين بجروح متوسطة.",
        "2024-05-12",
        {"n": 1, "actor1": "Israel Defense Forces", "injuries": None},
    ),
    # 2. a rescue or health service's toll
    (
        "a rescue service's toll with no event word joins the event before it",
        STRIKE + "وقال الإسعاف إن شخصين أصيبا بجروح.",
        "2024-05-12",
        {"n": 1, "injuries": 2, "place": "Khiam"},
    ),
    (
        "a health ministry named with its country joins the event in that country",
        TWO_SIDES + "وقالت وزارة الصحة الفلسطينية إن ثلاثة مواطنين استشهدوا.",
        "2024-05-12",
        {"n": 2, "fatalities": 3, "place": "Khan Yunis"},
    ),
    (
        "… and the event in the other country keeps no toll of it",
        TWO_SIDES + "وقالت وزارة الصحة الفلسطينية إن ثلاثة مواطنين استشهدوا.",
        "2024-05-12",
        {"n": 2, "last": True, "fatalities": None},
    ),
    (
        "medical sources of a country with an event word join the event in that country",
        TWO_SIDES + "وأفادت مصادر طبية فلسطينية بمقتل ثلاثة مواطنين.",
        "2024-05-12",
        {"n": 2, "fatalities": 3, "place": "Khan Yunis"},
    ),
    (
        "… and the rescue service of the other side gives the toll of the event before it",
        TWO_SIDES + "وقالت خدمة الإسعاف الإسرائيلية إن شخصين أصيبا بجروح طفيفة.",
        "2024-05-12",
        {"n": 2, "last": True, "injuries": 2},
    ),
    (
        "a hospital in the town of an earlier event gives that event its toll",
        TWO_SIDES + "وقال مستشفى ناصر في خان يونس إنه استقبل جثامين أربعة شهداء.",
        "2024-05-12",
        {"n": 2, "fatalities": 4, "place": "Khan Yunis"},
    ),
    (
        "guard: a toll the event already has is kept",
        "قصفت طائرات حربية، فجر اليوم الأحد، منزلاً في بلدة الخيام جنوبي لبنان، ما أدى إلى "
        "إصابة خمسة مواطنين.\n\n"
        "وقال الإسعاف إن شخصين أصيبا بجروح.",
        "2024-05-12",
        {"n": 1, "injuries": 5},
    ),
    # 3. a vehicle named by its owner, hit
    (
        "fighters named after the verb, then the tank they hit: the tank's side was hit",
        "استهدف مقاومون دبابة إسرائيلية بقذيفة مضادة للدروع شرق مدينة رفح فجر اليوم الأحد.",
        "2024-05-12",
        {"n": 1, "actor2": "Israel Defense Forces"},
    ),
    (
        "a claimant's pronoun before the verb (أنه استهدف): the tank's side was hit",
        "أعلن حزب الله، اليوم الأحد، أنه استهدف دبابة إسرائيلية بصاروخ موجه قرب بلدة مارون الراس.",
        "2024-05-12",
        {"n": 1, "actor1": "Hezbollah", "actor2": "Israel Defense Forces"},
    ),
    (
        "the side named before the verb (المقاومة استهدفت دبابة إسرائيلية)",
        "وقالت مصادر محلية إن المقاومة استهدفت دبابة إسرائيلية شرق مدينة رفح اليوم الأحد.",
        "2024-05-12",
        {"n": 1, "actor2": "Israel Defense Forces"},
    ),
    (
        "guard: a tank right after the verb is its subject",
        "قصفت دبابة إسرائيلية، اليوم الأحد، منزلاً في بلدة مارون الراس جنوبي لبنان.",
        "2024-05-12",
        {"n": 1, "actor1": "Israel Defense Forces"},
    ),
    (
        "guard: tanks after a bombardment noun did the shelling",
        "أصيب مواطنان بجروح، اليوم الأحد، في قصف دبابات إسرائيلية على بلدة مارون الراس "
        "جنوبي لبنان.",
        "2024-05-12",
        {"n": 1, "actor1": "Israel Defense Forces"},
    ),
]


@pytest.mark.parametrize(("label", "text", "published", "want"), CASES, ids=[c[0] for c in CASES])
def test_round14(label: str, text: str, published: str, want: dict):
    check_case(text, published, want)


def test_tank_hit_is_never_the_attacker():
    """A claim of a strike on a vehicle named by its owner: the owner is never actor1."""
    import rasd

    for text in (
        "استهدف مقاومون دبابة إسرائيلية بقذيفة مضادة للدروع شرق مدينة رفح فجر اليوم الأحد.",
        "أعلن حزب الله، اليوم الأحد، أنه استهدف دبابة إسرائيلية بصاروخ موجه قرب بلدة مارون الراس.",
    ):
        events = rasd.extract(text, "2024-05-12")
        assert events
        assert all(ev.actor1 is None or ev.actor1.name != "Israel Defense Forces" for ev in events)
