"""Round 7 (session 4): leftovers of round 6, fixed from invented material. Each
case is a short invented text (no gold article is copied), its publication date
and what the events must hold: a statement whose source stands in an aside
between the speaker and the act, a spokesman after قال, an attacker named by an
adjective on the weapon or as the subject of a light verb, "the killers" (القتلة)
is no casualty word, and a tally of times over a span is no event.
"""

from __future__ import annotations

import pytest

import rasd
from tests.extract.expect import check_case

HOUTHIS = "Ansar Allah (Houthis)"

CASES = [
    # --- a statement with its source in an aside ---------------------------------------------
    (
        "the armed forces announce, in a statement of their spokesman, an attack on a ship",
        "أعلنت القوات المسلحة اليمنية، في بيان للمتحدث باسمها العميد يحيى سريع، استهداف "
        "سفينة إسرائيلية في البحر الأحمر.",
        "2024-06-10",
        {"n": 1, "actor1": HOUTHIS, "claim_status": "claimed", "place": "Red Sea"},
    ),
    (
        "the aside before drones on Eilat: the Houthis claim the attack",
        "أعلنت القوات المسلحة اليمنية، في بيان لمتحدثها العسكري، استهداف مدينة إيلات "
        "بطائرات مسيرة.",
        "2024-06-10",
        {"n": 1, "actor1": HOUTHIS, "claim_status": "claimed"},
    ),
    # --- قال and a spokesman ---------------------------------------------------------------------
    (
        "the spokesman said (قال) that their forces struck: the side he speaks for claims it",
        "وقال المتحدث العسكري باسم الحوثيين إن قواتهم استهدفت سفينة تجارية في خليج عدن "
        "بصاروخ باليستي.",
        "2024-06-10",
        {"n": 1, "actor1": HOUTHIS, "claim_status": "claimed"},
    ),
    (
        "a spokesman saying a missile fell speaks of the other side's attack",
        "وقال الناطق باسم الجيش الإسرائيلي إن صاروخا أطلق من اليمن سقط في منطقة مفتوحة قرب إيلات.",
        "2024-06-10",
        {"n": 1, "actor1": None, "claim_status": "unknown"},
    ),
    # --- the attacker named on the weapon or before a light verb --------------------------------
    (
        "a Houthi drone (the adjective) names its side",
        "قتل جنديان جراء هجوم بطائرة مسيرة حوثية على موقع عسكري في مديرية حيس جنوب الحديدة.",
        "2024-06-10",
        {"n": 1, "actor1": HOUTHIS, "fatalities": 2},
    ),
    (
        "Houthi shells on a neighbourhood: the Houthis shelled, civilians were hit",
        "قتل ثلاثة مدنيين بقذائف حوثية على حي سكني في مدينة تعز.",
        "2024-06-10",
        {"n": 1, "actor1": HOUTHIS, "actor2": "Civilians", "fatalities": 3},
    ),
    (
        "the weapon's side after a casualty phrase is the attacker, not the victim",
        "أصيب ثلاثة أشخاص جراء سقوط مسيرة حوثية على مبنى في مدينة إيلات.",
        "2024-06-10",
        {"n": 1, "actor1": HOUTHIS, "actor2": None, "injuries": 3},
    ),
    (
        "the same with an Israeli drone",
        "أصيب شخصان جراء سقوط مسيرة إسرائيلية على منزل في بلدة المنصوري.",
        "2024-06-10",
        {"n": 1, "actor1": "Israel Defense Forces", "actor2": None, "injuries": 2},
    ),
    (
        "an armed gang that set about (أقدمت على) a kidnapping did it",
        "أقدمت عصابة مسلحة على اختطاف مواطن في مدينة السويداء.",
        "2024-06-10",
        {"n": 1, "actor1": "Armed men (unspecified)", "actor2": "Civilians"},
    ),
    # --- the killers -----------------------------------------------------------------------------
    (
        "the killers fled: nobody is counted dead",
        "أطلق مسلحون النار على حاجز للجيش قرب مدينة درعا فجر اليوم، ما أدى إلى إصابة جندي، "
        "ولاذ القتلة بالفرار.",
        "2024-03-01",
        {"n": 1, "fatalities": None, "injuries": 1},
    ),
    (
        "the three killers are the attackers, not three dead",
        "هاجم مسلحون حاجزا للجيش قرب درعا أمس، وفر القتلة الثلاثة إلى جهة مجهولة.",
        "2024-03-01",
        {"n": 1, "fatalities": None},
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_round7_case(text: str, published: str, want: dict) -> None:
    check_case(text, published, want)


@pytest.mark.parametrize(
    "text",
    [
        "وقصفت إسرائيل بلدات الجنوب أكثر من ثلاثة آلاف مرة منذ توقيع الاتفاق في تشرين الثاني.",
        "وطالبت عائلة الضحية بمحاسبة القتلة.",
    ],
    ids=["a tally of times since a truce", "the killers alone"],
)
def test_round7_no_event(text: str) -> None:
    """A tally of strikes over months and a sentence about the killers report no event."""
    assert rasd.extract(text, "2024-06-10") == []


def test_still_an_event_told_a_few_times_today():
    """A small count of times within the day is still the event."""
    events = rasd.extract(
        "قصفت المدفعية الإسرائيلية أطراف بلدة كفرشوبا ثلاث مرات صباح اليوم.", "2024-06-10"
    )
    assert len(events) == 1
