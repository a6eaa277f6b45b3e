"""Round 10 (session 5): the stage keeping, merging and dating frames of long
articles. Each case is a short invented text (no gold article is copied, no place
of the retired held-out sets is named), its publication date and what its events
must hold:

- sites one verb hit, counted off by ordinal (الأول … والثاني …، الضربة الأولى … فيما
  استهدفت الثانية) at places of their own far apart, are one event at each place;
  sites at spots the gazetteer does not know stay one event;
- two towns far apart joined by و under one verb are one event at each; a road
  between two towns (بين X وY) and villages close together are one place;
- a telling at the second of two towns named side by side does not join the event at
  the first;
- a headline that names the quarter the report puts its site in (في منطقة X بـY) is
  the same event, though both are sites of their own in the gazetteer;
- a clause that refers back with a verb and a weapon of another kind than the event's
  (كما قصفت المدفعية … after a drone's strike), at a place of its own, is another attack;
- a headline that names the event's town and, first, another town far from it (the
  other event's) does not move the event there; a report that puts its own place in
  the headline's district (قرى تابعة لناحية X في قضاء Y) still narrows it;
- a statement placed only at a province whose name two governorates share (البقاع)
  folds into the strikes at places of either;
- a statement announced as another one (وفي بيان ثان) tells another operation;
- a toll said to be updated (ارتفعت حصيلة … إلى) replaces the event's; a first toll
  (الحصيلة الأولية) only fills what the event lacks;
- a clause that names an event told before as the first one (بعد ساعة من الهجوم
  الأول) tells a second event: its drone is not the first attack's;
- violence told of "the operation" (العملية استهدفت … إطلاق النار) after an arrest
  told as an operation, at its place and on its day, is the raid's detail;
- a blame told inside background (an attack of months ago "حمّلت الحكومة مسؤوليته")
  blames nobody for the event told before; an accusation of something else than an
  attack (تتهم … بـ"السعي إلى …") attributes nothing.
"""

from __future__ import annotations

import pytest

import rasd
from tests.extract.expect import check_case

CASES = [
    # --- one verb, sites counted off ----------------------------------------------------------
    (
        "sites counted off by ordinal at two towns are two events, the first at the first",
        "شنت طائرات حربية، فجر اليوم الأحد، غارات استهدفت موقعين في ريف حلب، الأول مستودع "
        "ذخيرة في مدينة منبج، والثاني معسكر تدريب قرب بلدة دير حافر.",
        "2024-05-12",
        {"n": 2, "place": "Manbij", "date": "2024-05-12"},
    ),
    (
        "… and the second at the second",
        "شنت طائرات حربية، فجر اليوم الأحد، غارات استهدفت موقعين في ريف حلب، الأول مستودع "
        "ذخيرة في مدينة منبج، والثاني معسكر تدريب قرب بلدة دير حافر.",
        "2024-05-12",
        {"n": 2, "last": True, "place": "Dayr Hafir", "date": "2024-05-12"},
    ),
    (
        "the first strike and the second after فيما at two towns are two events",
        "وقال الجيش في بيان إن الضربة الأولى طالت مخزناً للأسلحة قرب مدينة هيت، فيما "
        "استهدفت الثانية مقراً للمسلحين في أطراف مدينة الرطبة.",
        "2024-05-12",
        {"n": 2, "last": True, "place": "Ar Rutbah"},
    ),
    (
        "strikes counted off at spots the gazetteer does not know stay one event",
        "قال شهود إن الطائرات شنت ثلاث غارات على بلدة دير حافر، استهدفت الأولى السوق "
        "والثانية محيطه، فيما سقطت الثالثة في أرض زراعية.",
        "2024-05-12",
        {"n": 1, "place": "Dayr Hafir"},
    ),
    # --- one verb, two towns ------------------------------------------------------------------
    (
        "two towns far apart joined by و under one verb are two events",
        "قصفت طائرات مسيرة، مساء أمس السبت، مواقع لمسلحين في مدينة هيت وقضاء الرطبة غربي الأنبار.",
        "2024-05-12",
        {"n": 2, "all": True, "date": "2024-05-11"},
    ),
    (
        "a road between two towns is one place",
        "قتل جنديان، مساء أمس السبت، بانفجار عبوة ناسفة استهدفت دوريتهما على الطريق "
        "الواصل بين مدينة هيت وقضاء الرطبة.",
        "2024-05-12",
        {"n": 1, "fatalities": 2},
    ),
    (
        "villages close together are one place",
        "قصفت المدفعية، صباح اليوم الأحد، قريتي تل رفعت وأعزاز شمالي حلب.",
        "2024-05-12",
        {"n": 1},
    ),
    (
        "a headline naming the quarter the event's site lies in (X بـY) is that event",
        "غارة جوية على مبنى في الأشرفية\n\n"
        "استهدفت غارة جوية، بعد ظهر اليوم الأحد، مبنى سكنياً في منطقة الجميزة بالأشرفية، "
        "ما أسفر عن مقتل شخصين وإصابة خمسة آخرين.",
        "2024-05-12",
        {"n": 1, "place": "Gemmayzeh", "fatalities": 2, "injuries": 5},
    ),
    (
        "a shelling told with 'the artillery' after a drone's strike is another attack",
        "قتل عنصران من الفصائل، عصر اليوم الأحد، بغارة نفذتها طائرة مسيرة على سيارة كانا "
        "يستقلانها عند الأطراف الشمالية لبلدة تل رفعت.\n\n"
        "كما قصفت المدفعية التركية ليلاً أطراف مدينة أعزاز، من دون أن يبلغ عن إصابات.",
        "2024-05-12",
        {"n": 2, "last": True, "place": "I`zaz", "weapons": {("artillery", None)}},
    ),
    (
        "a headline naming two events' towns does not move the second event to the first town",
        "اغتيال قيادي سابق ونجله في منبج وإصابة ثلاثة عسكريين بعبوة قرب الباب\n\n"
        "اغتال مسلحون مجهولون، مساء الاثنين، قيادياً سابقاً في الفصائل ونجله، بإطلاق نار "
        "مباشر عليهما أثناء عودتهما إلى منزلهما في الحي الغربي من مدينة منبج.\n\n"
        "وصباح اليوم الثلاثاء، أصيب ثلاثة عناصر من الجيش بجروح جراء انفجار عبوة ناسفة "
        "استهدفت سيارتهم العسكرية على الطريق الواصل بين مدينتي الباب وتادف في ريف حلب.",
        "2024-05-14",
        {"n": 2, "place": "Al Bab", "injuries": 3},
    ),
    (
        "a statement placed at a name two provinces share folds into the strike in either",
        "استشهد شخصان، فجر اليوم الثلاثاء، جراء غارة شنها الطيران الحربي الإسرائيلي على "
        "منزل في بلدة اللبوة.\n\n"
        'وقال الجيش الإسرائيلي في بيان إن طائراته "أغارت على أهداف في منطقة البقاع"، من '
        "دون أن يسمي البلدات المستهدفة.",
        "2024-05-14",
        {"n": 1, "place": "Labweh", "fatalities": 2},
    ),
    # --- another statement ----------------------------------------------------------------------
    (
        "a second statement tells another operation at its own place",
        "أعلنت الفصائل أن مقاتليها استهدفوا، عند الساعة الحادية عشرة من قبل ظهر اليوم "
        "الأحد، موقع تل رفعت التابع للجيش بالأسلحة المناسبة، وأصابوه إصابة مباشرة.\n\n"
        "وفي بيان ثانٍ، أعلنت الفصائل أنها استهدفت عند الساعة الثالثة عصراً ثكنة أعزاز "
        'بصاروخين، وقالت إن "الصاروخين أصابا هدفهما بدقة".',
        "2024-05-12",
        {"n": 2, "last": True, "place": "I`zaz", "weapons": {("rocket", 2)}},
    ),
    # --- a toll updated ------------------------------------------------------------------------
    (
        "an updated toll wins over the first toll told after it",
        "ارتفعت حصيلة ضحايا القصف المدفعي الذي استهدف سوق مدينة الضلوعية، يوم الخميس "
        "الماضي، إلى خمسة قتلى وعشرة جرحى، بعد وفاة جريحين في المستشفى.\n\n"
        "وكانت الحصيلة الأولية التي أعلنتها الشرطة عقب القصف مباشرة قد تحدثت عن ثلاثة "
        "قتلى واثني عشر جريحاً، سقطوا حين انفجرت القذائف وسط السوق.",
        "2024-05-12",
        {"n": 1, "fatalities": 5, "injuries": 10},
    ),
    (
        "an updated toll told after the first replaces it, even when a figure is lower",
        "قتل ثلاثة أشخاص وأصيب اثنا عشر آخرون، صباح اليوم الأحد، بقصف مدفعي استهدف سوق "
        "مدينة الضلوعية.\n\n"
        "وفي وقت لاحق، ارتفعت حصيلة ضحايا القصف إلى خمسة قتلى وعشرة جرحى، بحسب مصدر طبي.",
        "2024-05-12",
        {"n": 1, "fatalities": 5, "injuries": 10},
    ),
    # --- a second attack, a raid's detail --------------------------------------------------------
    (
        "a drone shot down an hour after 'the first attack', elsewhere, adds nothing to it",
        "تعرض معسكر للجيش قرب مدينة بيجي، مساء أمس السبت، لهجوم بطائرة مسيرة مفخخة أصابت "
        "مخزناً للوقود، من دون أن يسفر الهجوم عن إصابات.\n\n"
        "وبعد نحو ساعة من الهجوم الأول، تمكنت القوات من إسقاط طائرة مسيرة ثانية في أطراف "
        "مدينة تكريت قبل وصولها إلى هدفها.",
        "2024-05-12",
        {"n": 1, "place": "Bayji", "weapons": {("drone", 1)}},
    ),
    (
        "the shots told of 'the operation' are the arrest raid's, not an attack of their own",
        "نفذت القوات الأمنية، فجر اليوم الأحد، عملية دهم في قرية قريبة من مدينة سامراء، "
        "أسفرت عن اعتقال ثلاثة مطلوبين بتهمة الإرهاب.\n\n"
        'وقال بيان للقوات إن العملية استهدفت "خلية لتهريب الأسلحة"، مبيناً أن القوة حاصرت '
        "المنزل، قبل أن يبادر أحدهم بإطلاق النار، ما أدى إلى مقتله خلال تبادل لإطلاق النار.",
        "2024-05-12",
        {"n": 1, "sub_event_type": "Arrests"},
    ),
    # --- blame ------------------------------------------------------------------------------
    (
        "an accusation of something else than an attack attributes nothing",
        "قصفت المدفعية، صباح اليوم الأحد، أطراف مدينة تكريت، ما أدى إلى إصابة امرأة.\n\n"
        'وتتهم الإدارة المحلية الفصائل بـ"السعي إلى تهجير سكان المنطقة"، فيما تقول '
        'الفصائل إنها تستهدف "عناصر مسلحة"، من دون أن تعلق على ضربة الأمس.',
        "2024-05-12",
        {"n": 1, "claim_status": "unknown", "injuries": 1},
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_round10_case(text: str, published: str, want: dict) -> None:
    check_case(text, published, want)


def test_second_town_telling_stays_apart():
    """A telling at the second of two towns named side by side, far apart, does not
    join the event at the first (and a toll told at the first stays there)."""
    events = rasd.extract(
        "شنت طائرات حربية، مساء أمس السبت، غارات على مواقع في مدينة منبج وبلدة الباب "
        "شرقي حلب.\n\n"
        "وقال مصدر محلي إن الغارات على منبج أسفرت عن مقتل أربعة مسلحين.\n\n"
        "أما في الباب، فقد طالت الضربات موقعاً قرب مفرق الطريق.",
        "2024-05-12",
    )
    by_place = {ev.location.name: ev for ev in events if ev.location is not None}
    assert {"Manbij", "Al Bab"} <= set(by_place)
    assert by_place["Manbij"].fatalities == 4
    assert by_place["Al Bab"].fatalities is None


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        # a blame told after the old attack's own words is the old attack's
        (
            "وتأتي هذه التطورات بعد أشهر من قصف بطائرة مسيرة استهدف محيط مطار سامراء في "
            "نيسان الماضي، وهو هجوم حمّلت الحكومة مسؤوليته لتركيا.",
            True,
        ),
        # "nobody claimed it" before the old attack is said of the news
        (
            "ولم تعلن أي جهة مسؤوليتها عن الهجوم، الذي جاء بعد هجوم مماثل على المطار في "
            "نيسان الماضي.",
            False,
        ),
    ],
)
def test_blame_inside_background(sentence: str, background: bool):
    """Every claim cue of a sentence told inside a frame dropped as background (after
    its first event word, for a blame or a denial) says nothing of the news."""
    from rasd.extract.frames import frames
    from rasd.extract.mentions import read_sentence
    from rasd.extract.stage import _background_claim

    r = read_sentence(sentence, 0, len(sentence))
    assert _background_claim(r, frames(r)) is background
