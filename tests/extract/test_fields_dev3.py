"""Round 4 on long-article shapes (categories read off gold/dev3): arrests
announced by the force that made them, generic police and security forces
of the event's country, daily totals that are no strike's toll, a headline
naming two events' places, a weapon shot down and the side that lost it,
two sites of one city, attacks told over recent weeks, a tally's toll, and
two kinds of violence with tolls of their own.

Each case is a short invented text, its publication date and what the
events must hold (see test_round3.py for the shape).
"""

from __future__ import annotations

import pytest

import rasd
from tests.extract.expect import check_case, name_of

CASES = [
    # --- arrests: who made them --------------------------------------------------------------
    (
        "a police command announcing an arrest made it",
        "أعلنت قيادة شرطة محافظة نينوى، اليوم الأحد، القبض على ثلاثة مطلوبين في مدينة الموصل.",
        "2024-09-15",
        {"n": 1, "sub_event_type": "Arrests", "actor1": "Iraqi Police"},
    ),
    (
        "the force whose campaign led to the arrest made it",
        "أطلقت قوى الأمن العام، صباح اليوم، حملة تفتيش في القرى المحيطة بمدينة بانياس أسفرت "
        "عن اعتقال ستة أشخاص.",
        "2025-02-20",
        {"n": 1, "sub_event_type": "Arrests", "actor1": "General Security (Syria)"},
    ),
    (
        "generic security forces in Iraq are Iraq's",
        "اعتقلت القوات الأمنية أربعة متهمين بتهريب الأسلحة في قضاء الفلوجة فجر اليوم.",
        "2024-06-02",
        {"n": 1, "actor1": "Iraqi Security Forces"},
    ),
    # --- tolls -------------------------------------------------------------------------------
    (
        "a daily total over the last 24 hours is no strike's toll",
        "استشهد شخصان بغارة إسرائيلية على منزل في بلدة الخيام ظهر اليوم.\n\n"
        "وقالت وزارة الصحة إن الغارات الإسرائيلية على مختلف المناطق خلال الساعات الأربع "
        "والعشرين الماضية أدت إلى استشهاد ثلاثين شخصاً، ما يرفع الحصيلة إلى ألف شهيد.",
        "2024-10-05",
        {"n": 1, "fatalities": 2},
    ),
    (
        "one of the wanted men killed is one",
        "قتل أحد المطلوبين خلال مداهمة نفذتها دورية للشرطة في حي الشعب ببغداد فجر اليوم.",
        "2024-04-10",
        {"n": 1, "fatalities": 1},
    ),
    # --- places ------------------------------------------------------------------------------
    (
        "a headline naming two events' places does not move the first event",
        "مقتل جندي بهجوم بطائرة مسيرة في حريب وإصابة طفل بقصف على أحياء تعز\n\n"
        "قتل جندي، مساء أمس، بهجوم بطائرة مسيرة على موقع للجيش في مديرية حريب بمحافظة مأرب.",
        "2024-05-08",
        {"first": True, "place": "Harib"},
    ),
    (
        "two sites of one city are two events, each with its own claim",
        "سقطت ثلاثة صواريخ داخل مجمع السفارة الأمريكية في المنطقة الخضراء وسط بغداد فجر "
        "اليوم، ولم تعلن أي جهة مسؤوليتها عن الهجوم.\n\n"
        "وفي وقت متزامن، استهدفت صواريخ قاعدة فكتوريا الملاصقة لمطار بغداد الدولي، وتبنت "
        "المقاومة الإسلامية في العراق هذا الهجوم.",
        "2023-12-10",
        {"n": 2, "last": True, "actor1": "Islamic Resistance in Iraq"},
    ),
    # --- interceptions -----------------------------------------------------------------------
    (
        "a force announcing a shoot-down made it; the weapon's side lost it",
        "أعلنت القوات المسلحة اليمنية، مساء اليوم، إسقاط طائرة أمريكية مسيرة في أجواء محافظة "
        "مأرب، مؤكدة أنها سترد على العدوان الأمريكي.",
        "2024-10-12",
        {
            "n": 1,
            "sub_event_type": "Disrupted weapons use",
            "actor1": "Ansar Allah (Houthis)",
            "actor2": "Military Forces of the United States",
            "claim_status": "claimed",
        },
    ),
    (
        "a salvo and its interception at the place fired at are one attack",
        "أعلن حزب الله أن مقاتليه استهدفوا مستعمرة المطلة بصلية من صواريخ الكاتيوشا مساء اليوم.\n\n"
        "وقال الجيش الإسرائيلي إنه رصد إطلاق صواريخ من لبنان باتجاه المطلة، اعترضت منظومة "
        "القبة الحديدية معظمها.",
        "2024-03-20",
        {"n": 1, "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Hezbollah"},
    ),
    # --- claims and speakers -------------------------------------------------------------------
    (
        "a source named after the act is the speaker again, not a victim",
        "قالت قوات سوريا الديمقراطية إن وحداتها استهدفت، مساء اليوم، مواقع للفصائل الموالية "
        "لتركيا في محيط مدينة منبج، ما أسفر عن مقتل ثلاثة من عناصرها، وفق بيان قسد.",
        "2023-12-20",
        {"n": 1, "actor1": "Syrian Democratic Forces", "claim_status": "claimed"},
    ),
    (
        "strikes told again at a place in another country keep their author",
        "شنت طائرات أمريكية، مساء اليوم، غارات على مواقع لفصائل مسلحة في قضاء القائم غربي "
        "العراق.\n\n"
        "وفي الجانب السوري من الحدود، قالت مصادر محلية إن الضربات طالت مواقع في مدينة الميادين، "
        "وأسفرت عن مقتل سبعة مقاتلين.",
        "2024-02-02",
        {"n": 2, "last": True, "actor1": "Military Forces of the United States"},
    ),
    (
        "a town of its own far from the event's town is another event",
        "قصفت المدفعية التركية قرى في ريف ناحية عين عيسى مساء اليوم، ما أدى إلى إصابة ثلاثة "
        "مدنيين.\n\n"
        "من جهتها، قالت قوات سوريا الديمقراطية إن وحداتها ردت على مصادر النيران، واستهدفت "
        "مواقع في محيط مدينة تل أبيض.",
        "2023-12-25",
        {"n": 2},
    ),
    # --- background ----------------------------------------------------------------------------
    (
        "strikes told over the last weeks are no event",
        "قتل مدني بانفجار عبوة ناسفة في سوق مدينة الباب ظهر اليوم.\n\n"
        "وشهدت الأسابيع الأخيرة غارات مكثفة على قرى ريف إدلب الجنوبي.",
        "2024-03-12",
        {"n": 1, "fatalities": 1},
    ),
]


@pytest.mark.parametrize(("label", "text", "published", "want"), CASES, ids=[c[0] for c in CASES])
def test_round4(label, text, published, want):
    check_case(text, published, want)


def test_two_kinds_with_tolls_of_their_own_stay_apart():
    """A sniper's victim and, later, soldiers killed in an armed clash (each typed,
    each with its toll) are two events, not one with the larger toll."""
    text = (
        "قتل طفل برصاص قناص أثناء لعبه أمام منزله في حي الروضة بمدينة تعز عصر أمس.\n\n"
        "وقتل ثلاثة جنود في اشتباكات مسلحة مع مسلحين في أطراف المدينة مساء أمس."
    )
    events = rasd.extract(text, "2025-03-04")
    tolls = sorted(e.fatalities for e in events if e.fatalities is not None)
    assert 1 in tolls


def test_quoted_words_about_an_attack_name_no_author():
    """A speaker's quoted words about an attack told before ("الاعتداء على الحشد اعتداء
    على الدولة") give the attack neither an author nor a claim."""
    text = (
        "قتل خمسة من عناصر الحشد الشعبي بغارة جوية على مقر في قضاء القائم مساء أمس.\n\n"
        'وأعلنت هيئة الحشد الشعبي في بيان أسماء قتلاها، مؤكدة أن "الاعتداء على الحشد '
        'اعتداء على الدولة برمتها".'
    )
    events = rasd.extract(text, "2024-02-03")
    assert len(events) == 1
    assert events[0].claim_status != "claimed"
    assert name_of(events[0].actor1) != "Popular Mobilization Forces"


def test_hospital_the_wounded_were_taken_to_is_not_the_place():
    text = (
        "سقطت قذائف مدفعية على بلدة كفرنبل صباح اليوم، وأسعفت فرق الدفاع المدني الجرحى "
        "إلى مشفى إدلب المركزي."
    )
    events = rasd.extract(text, "2024-06-20")
    assert len(events) == 1
    assert events[0].location is not None and events[0].location.name != "Idlib"


def test_no_injuries_told_of_another_place_stay_there():
    """ "من دون إصابات" in a clause about shelling elsewhere is not the toll of the
    strike told before it."""
    text = (
        "استهدفت طائرة مسيرة سيارة في بلدة بنت جبيل ظهر اليوم، ما أدى إلى استشهاد شخصين. "
        "وبعد ساعات، قصفت المدفعية أطراف بلدة الخيام من دون إصابات."
    )
    events = rasd.extract(text, "2024-05-10")
    strike = next(e for e in events if e.location is not None and e.location.name == "Bint Jbeil")
    assert strike.fatalities == 2
    assert strike.injuries is None


def test_missiles_a_drone_fired_are_its_munitions():
    """ "إن الطائرة أطلقت صاروخين": a local official retelling what the drone fired is
    the same strike, which stays a drone strike with one drone."""
    text = (
        "قُتل ثلاثة أشخاص بضربة نفذتها طائرة مسيرة تركية على بناية في مدينة سنجار مساء أمس.\n\n"
        "وقال مسؤول محلي إن الطائرة أطلقت صاروخين على البناية، ما أدى إلى مقتل الثلاثة "
        "على الفور."
    )
    events = rasd.extract(text, "2024-05-10")
    assert len(events) == 1
    assert events[0].sub_event_type == "Air/drone strike"
    assert {(w.kind, w.count) for w in events[0].weapons} == {("drone", 1)}


def test_an_aggression_named_with_its_authors_is_theirs():
    """ "طيران العدوان الأمريكي البريطاني" is the US-UK strikes (actor_variants.tsv), not
    the Saudi-led coalition that the shorter "طيران العدوان" names."""
    text = "شن طيران العدوان الأمريكي البريطاني، مساء اليوم، ثلاث غارات على مديرية الصليف."
    events = rasd.extract(text, "2024-02-24")
    assert len(events) == 1
    assert name_of(events[0].actor1) == "Military Forces of the United States"


def test_an_interception_after_which_people_died_is_the_attack():
    """Air defences "confronted" an aggression, and a soldier was killed: only part of
    the attack was stopped, so the event is the strike by its author."""
    text = (
        "تصدت وسائط دفاعنا الجوية فجر اليوم لعدوان إسرائيلي بالصواريخ استهدف عددا من "
        "النقاط في محيط مدينة حماة، ما أدى إلى استشهاد عسكري وإصابة أربعة آخرين."
    )
    events = rasd.extract(text, "2024-09-11")
    assert len(events) == 1
    assert events[0].sub_event_type != "Disrupted weapons use"
    assert name_of(events[0].actor1) == "Israel Defense Forces"


def test_a_woman_and_her_child_wounded_are_two():
    """A feminine verb (أصيبت) counts, and so does the child named by its tie to her."""
    text = "أصيبت امرأة وطفلها بجروح صباح اليوم جراء قصف مدفعي على حي الروضة في مدينة تعز."
    events = rasd.extract(text, "2024-04-16")
    assert len(events) == 1
    assert events[0].injuries == 2
