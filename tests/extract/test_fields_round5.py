"""Round 5 (session 4): precision on long articles, and the roles and types the
lead found with invented sentences. Each case is a short invented text (no
gold article is copied), its publication date and what the events must hold:
one attack told twice is one event, the reason of an arrest is no attack, a
weapon as the subject leaves the forces after it as the target, the author
after an attack noun with ل, a reporting source takes no part, an armed attack
with no weapon is no shelling, a long-past date in a comparison does not date
the news.
"""

from __future__ import annotations

import pytest

import rasd
from tests.extract.expect import check_case, name_of

CASES = [
    # --- roles ---------------------------------------------------------------------------------
    (
        "a weapon as the subject: the forces after it are the target",
        "استهدفت أربعة صواريخ القوات الأمريكية في حقل العمر النفطي بريف دير الزور مساء أمس.",
        "2024-02-11",
        {"n": 1, "actor1": None, "actor2": "Military Forces of the United States"},
    ),
    (
        "the author after an attack noun with ل (shelling by the regime forces)",
        "أصيب ثلاثة مدنيين صباح اليوم بقصف لقوات النظام على بلدة معرة النعمان جنوب إدلب.",
        "2023-05-14",
        {"n": 1, "actor1": "Military Forces of Syria"},
    ),
    (
        "the author after an attack noun with ل (an attack by the PKK)",
        "قتل جنديان تركيان أمس في هجوم لحزب العمال الكردستاني على موقع عسكري في قضاء العمادية.",
        "2023-07-03",
        {"n": 1, "actor1": "Kurdistan Workers' Party"},
    ),
    (
        "a source named after the act takes no part in it",
        "أطلق الحوثيون صباح اليوم صاروخين باتجاه ناقلة نفط في خليج عدن، وفق هيئة عمليات "
        "التجارة البحرية البريطانية.",
        "2024-03-20",
        {"n": 1, "actor1": "Ansar Allah (Houthis)", "actor2": None},
    ),
    # --- type ----------------------------------------------------------------------------------
    (
        "an armed attack on a checkpoint with no weapon named is an attack",
        "قتل شرطيان مساء أمس في هجوم مسلح على نقطة تفتيش عند مدخل مدينة بعقوبة.",
        "2024-08-12",
        {"n": 1, "sub_event_type": "Attack", "fatalities": 2},
    ),
    (
        "a bare attack on an army post with no weapon named is no shelling",
        "قتل ثلاثة جنود فجر اليوم في هجوم على موقع للجيش في ريف محافظة كركوك.",
        "2024-08-12",
        {"n": 1, "sub_event_type": "Attack"},
    ),
    (
        "an attack on an air base with no weapon named stays a remote attack",
        "تعرضت قاعدة عين الأسد الجوية غربي الأنبار لهجوم مساء أمس.",
        "2024-01-10",
        {"n": 1, "sub_event_type": "Shelling/artillery/missile attack"},
    ),
    # --- dates ---------------------------------------------------------------------------------
    (
        "a date long past in a comparison does not date the news",
        "قتل جنديان أمس في هجوم على مقر للجيش في مدينة بعقوبة، في أعنف هجوم منذ تفجير "
        "استهدف المقر في تشرين الأول 2006.",
        "2024-06-06",
        {"n": 1, "date": "2024-06-05"},
    ),
    (
        "the two others intercepted are not Monday",
        "أعلنت فصائل المقاومة مساء الخميس استهداف قاعدة حرير شمال أربيل بالصواريخ. وقال "
        "مسؤول أمريكي إن أربعة صواريخ أطلقت باتجاه القاعدة، سقط اثنان منها قرب المدرج "
        "واعترضت الدفاعات الجوية الاثنين الآخرين.",
        "2024-03-05",
        {"n": 1, "date": "2024-02-29"},
    ),
]


@pytest.mark.parametrize(("label", "text", "published", "want"), CASES, ids=[c[0] for c in CASES])
def test_round5(label, text, published, want):
    check_case(text, published, want)


# --- one attack, one event -------------------------------------------------------------------


def test_witnesses_in_a_nearby_village_retell_the_blast():
    """Residents of a village "nearby" who heard the explosion retell the attack:
    the village is a point of reference, and the army's aircraft flying over it
    make no air strike."""
    text = (
        "قتل جندي وأصيب اثنان بانفجار عبوة ناسفة استهدفت دورية للجيش قرب ناحية سليمان بيك "
        "مساء أمس.\n\n"
        "وقال سكان في قرية البو صباح القريبة إنهم سمعوا دوي الانفجار، وإن طائرات الجيش "
        "حلقت فوق المنطقة حتى الصباح."
    )
    events = rasd.extract(text, "2024-04-02")
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    assert events[0].sub_event_type == "Remote explosive/landmine/IED"


def test_the_charge_of_an_arrest_is_no_attack():
    """ "اعتقال ثلاثة متهمين بإطلاق الصواريخ": the arrest is the news; the rockets
    fired are what the men are accused of, an attack told before."""
    text = (
        "سقطت ثلاثة صواريخ على قاعدة بلد الجوية مساء الثلاثاء من دون إصابات.\n\n"
        "وفجر الأربعاء، أعلنت الشرطة اعتقال ثلاثة متهمين بإطلاق الصواريخ في منطقة زراعية "
        "قرب قضاء الدجيل، وضبط منصة إطلاق."
    )
    events = rasd.extract(text, "2024-01-10")
    subs = sorted(e.sub_event_type for e in events)
    assert subs == ["Arrests", "Shelling/artillery/missile attack"], subs


def test_suspects_of_the_attack_arrested_next_day():
    """ "اعتقال خمسة أشخاص يشتبه بتورطهم في الهجوم": the attack named as the reason
    of the next day's arrests is not a second attack."""
    text = (
        "قتل عنصران من الأمن العام بهجوم شنه مسلحون على حاجز قرب بلدة القرداحة مساء الأحد."
        "\n\n"
        "وصباح اليوم الاثنين، أطلقت قوى الأمن العام حملة تمشيط أسفرت عن اعتقال خمسة أشخاص "
        "يشتبه بتورطهم في الهجوم."
    )
    events = rasd.extract(text, "2025-03-10")
    subs = sorted(e.sub_event_type for e in events)
    assert "Arrests" in subs
    assert len(events) == 2, subs


def test_arrests_in_the_raid_that_killed_are_the_raid():
    """One raid killed a man and detained two: one event, not a raid and arrests."""
    text = (
        "قتل قيادي في تنظيم داعش واعتقل اثنان من مرافقيه، فجر اليوم، في عملية إنزال نفذتها "
        "قوات التحالف الدولي في بلدة الشحيل بريف دير الزور."
    )
    events = rasd.extract(text, "2024-07-20")
    assert len(events) == 1, [e.sub_event_type for e in events]


def test_a_statement_placing_the_raid_in_the_country_is_the_raid():
    """The raid told at its town, then the force's statement that it struck "in
    eastern Syria" (the command of the force named in the report): one event."""
    text = (
        "قتل قيادي في تنظيم داعش فجر اليوم في عملية إنزال نفذتها قوات التحالف الدولي في "
        "بلدة الشحيل بريف دير الزور.\n\n"
        "وأكدت القيادة المركزية الأمريكية في بيان أن قواتها نفذت غارة في شرق سوريا أسفرت "
        "عن مقتل قيادي في داعش."
    )
    events = rasd.extract(text, "2024-07-20")
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    assert events[0].location is not None and events[0].location.country == "SY"
    assert events[0].location.name != "Syria"


def test_the_missiles_the_drone_fired_near_the_car_are_the_strike():
    """An official retells the drone strike: "the drone fired one missile at the car
    near X", X a village a few km from the strike's place in the same province."""
    text = (
        "قُتل عنصران من وحدات مقاومة سنجار مساء أمس بضربة نفذتها طائرة مسيرة تركية "
        "استهدفت سيارتهما قرب مجمع سنوني شمال سنجار.\n\n"
        "وقال مسؤول محلي إن الطائرة أطلقت صاروخاً واحداً على السيارة قرب قرية خانصور."
    )
    events = rasd.extract(text, "2023-11-20")
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    assert [(w.kind, w.count) for w in events[0].weapons] == [("drone", 1)]


def test_one_of_the_shells_near_a_school_is_the_same_shelling():
    """ "وسقطت إحدى القذائف قرب مدرسة، ما دفع مديرية التربية …": one of the shells
    told in the sentence; the office named after it is no other place."""
    text = (
        "أصيب طفلان بجروح مساء أمس بقصف مدفعي لقوات النظام استهدف الأحياء السكنية في "
        "مدينة سرمين، وسقطت إحدى القذائف قرب مدرسة، ما دفع مديرية التربية إلى تعليق الدوام."
    )
    events = rasd.extract(text, "2023-10-10")
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]


def test_strikes_on_a_province_then_on_places_in_it_are_those_strikes():
    """ "سلسلة غارات على محافظة الحديدة" then eight strikes on the airport and four on
    Kamaran island: two events, not three."""
    text = (
        "شن العدوان الأمريكي البريطاني، مساء أمس السبت، سلسلة غارات على محافظة الحديدة، في "
        "تصعيد جديد.\n\n"
        "وأفاد مراسلنا بأن طيران العدوان شن ست غارات على مطار الحديدة الدولي جنوب المدينة، "
        "وثلاث غارات على جزيرة كمران قبالة الصليف."
    )
    events = rasd.extract(text, "2024-03-03")
    names = sorted(e.location.name for e in events if e.location is not None)
    assert len(events) == 2, names
    assert "Al Hudaydah Governorate" not in names


def test_a_place_in_quoted_words_is_not_where_it_happened():
    """The speaker's quoted reason names the ports of another country: the ship
    attack told before is not placed there, nor split off."""
    text = (
        "أعلنت جماعة الحوثي مساء الأربعاء استهداف سفينة تجارية قرب ميناء الحديدة بصواريخ "
        "باليستية وطائرات مسيرة، وقالت إنها أصابتها إصابة مباشرة.\n\n"
        "وقال المتحدث العسكري باسم الجماعة في بيان إن العملية جاءت نصرة للشعب الفلسطيني، "
        'وإن السفينة استهدفت "لانتهاك الشركة المالكة لها قرار حظر الدخول إلى موانئ فلسطين '
        'المحتلة".'
    )
    events = rasd.extract(text, "2024-03-05")
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    assert events[0].location is None or events[0].location.country != "PS"


def test_weapons_in_depots_that_were_hit_are_no_weapons_used():
    """ "استهدفت القاذفات … مستودعات للصواريخ والطائرات المسيرة": what was hit."""
    text = (
        "شنت قاذفات أمريكية مساء أمس غارات على مواقع في مدينة القائم، استهدفت مراكز قيادة "
        "ومستودعات للصواريخ والطائرات المسيرة."
    )
    events = rasd.extract(text, "2024-02-03")
    assert len(events) == 1
    assert {w.kind for w in events[0].weapons} <= {"aircraft"}


def test_the_actor_after_a_counted_person_is_his_side():
    """ "قتل قيادي في تنظيم داعش": the leader killed is counted (one), so the group
    named after him is the victim's, not the killer."""
    text = "قتل قيادي في تنظيم داعش فجر اليوم في عملية إنزال جوي في بلدة الشحيل بريف دير الزور."
    events = rasd.extract(text, "2024-07-20")
    assert len(events) == 1
    assert name_of(events[0].actor1) != "Islamic State"
    assert events[0].fatalities == 1


def test_the_speaker_after_the_target_is_not_hit():
    """ "غارات على صنعاء، وقال المحتجون إن الغارات لن تخيفهم": the protesters speak."""
    text = "شنت طائرات أمريكية أمس غارات على صنعاء، وقال المحتجون إن الغارات لن تخيفهم."
    events = rasd.extract(text, "2024-01-13")
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert name_of(strike.actor2) != "Protesters"


def test_returning_fire_in_the_raid_keeps_its_toll():
    """ "فتعرضت لإطلاق نار، فردت على مصادر النيران بالمثل، ما أدى إلى مقتل …": the
    patrol firing back is the same fight, not a reply whose toll is another event's."""
    text = (
        "وقالت قيادة الجيش إن دورية من مديرية المخابرات دهمت فجر اليوم منازل مطلوبين في حي "
        "الشراونة بمدينة بعلبك، فتعرضت لإطلاق نار من أسلحة حربية، فردت على مصادر النيران "
        "بالمثل، ما أدى إلى مقتل أحد المطلوبين وإصابة عسكريين اثنين."
    )
    events = rasd.extract(text, "2024-03-05")
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injuries) == (1, 2)


def test_a_second_place_with_another_side_as_subject_is_not_the_strike():
    """A headline "قتيلان بغارة إسرائيلية في X وحزب الله يستهدف Y": the second place is
    Hezbollah's act, not the Israeli drone strike at a second place."""
    text = (
        "قتيلان بغارة من مسيرة إسرائيلية في عيتا الشعب وحزب الله يستهدف ثكنة زرعيت\n\n"
        "قتل عنصران من حزب الله عصر أمس بغارة نفذتها طائرة مسيرة إسرائيلية على دراجة نارية "
        "في بلدة عيتا الشعب.\n\n"
        "في المقابل، أعلن حزب الله أن مقاتليه استهدفوا مساء أمس ثكنة زرعيت بالصواريخ "
        "الموجهة."
    )
    events = rasd.extract(text, "2024-02-20")
    assert len(events) == 2, [(e.sub_event_type, e.location) for e in events]
    assert sorted(name_of(e.actor1) for e in events) == ["Hezbollah", "Israel Defense Forces"]


def test_a_headline_summing_up_events_lends_no_toll():
    """A headline naming a sniper's victim and soldiers killed elsewhere; the report
    of the sniper (one child) keeps its toll, and the soldiers' toll, told at a place
    of its own, is another event."""
    text = (
        "طفل ضحية قناص في تعز ومقتل أربعة جنود في مواجهات شرق المدينة\n\n"
        "قُتل طفل في العاشرة من عمره، عصر الأحد، برصاص قناص أثناء لعبه أمام منزله في حي "
        "الروضة بمدينة تعز.\n\n"
        "وفي الجبهة الشرقية للمدينة، قُتل أربعة جنود وأصيب ستة آخرون، مساء الأحد، في "
        "مواجهات عنيفة في منطقة الكدحة."
    )
    events = rasd.extract(text, "2025-03-10")
    tolls = sorted(e.fatalities for e in events if e.fatalities is not None)
    assert tolls == [1, 4], [(e.sub_event_type, e.location, e.fatalities) for e in events]


def test_a_bullet_that_felled_a_child_is_no_shelling():
    """ "إن طفله سقط بعد أن أصابته رصاصة": a fall word with a bullet is shots fired."""
    text = (
        "وقال والد الطفل إن طفله سقط على الفور بعد أن أصابته رصاصة في الرأس أمام منزله "
        "في حي الروضة بمدينة تعز عصر أمس."
    )
    events = rasd.extract(text, "2025-03-10")
    assert events
    assert events[0].sub_event_type != "Shelling/artillery/missile attack"


def test_fire_that_dispersed_a_deadly_protest_is_that_protest():
    """Clashes between protesters with four dead, and the security forces' fire "to
    disperse them" with the same toll: one protest event, not a protest and an attack."""
    text = (
        "قُتل أربعة أشخاص وأصيب عشرة آخرون، مساء السبت، في مواجهات اندلعت بين متظاهرين "
        "من الطرفين قرب مبنى المحافظة في مدينة كركوك.\n\n"
        "وقالت مصادر أمنية إن المتظاهرين تراشقوا بالحجارة، وإن القوات الأمنية أطلقت "
        "الرصاص الحي في الهواء لتفريق الطرفين، ما أدى إلى مقتل أربعة من المتظاهرين."
    )
    events = rasd.extract(text, "2023-09-03")
    assert len(events) == 1, [(e.sub_event_type, e.fatalities) for e in events]


def test_an_attack_in_an_analysts_quoted_words_is_no_news():
    """The analyst's quoted account ("الفصائل قصفت القاعدة أمس …") of an attack told
    as news dated today is commentary, not a second attack the day before."""
    text = (
        "سقطت ثلاثة صواريخ على قاعدة عين الأسد الجوية غربي الأنبار فجر اليوم.\n\n"
        'ويقول المحلل الأمني أحمد الشريفي إن "الفصائل قصفت القاعدة أمس بصواريخ الكاتيوشا '
        'كما قصفتها قبل أسبوع".'
    )
    events = rasd.extract(text, "2024-03-05")
    assert len(events) == 1, [(e.sub_event_type, e.window) for e in events]


def test_the_body_a_speaker_belongs_to_is_not_the_target():
    """ "وأكد مسؤول في وزارة الدفاع الأمريكية أن قاعدة … تعرضت لهجوم": the ministry
    speaks; it was not hit."""
    text = (
        "استهدفت طائرة مسيرة قاعدة حرير شمال أربيل مساء أمس من دون إصابات.\n\n"
        "وأكد مسؤول في وزارة الدفاع الأمريكية أن قاعدة في شمال العراق تعرضت لهجوم بطائرة "
        "مسيرة، مشيراً إلى أن الهجوم هو الثاني خلال أسبوع."
    )
    events = rasd.extract(text, "2024-03-05")
    assert len(events) == 1
    assert name_of(events[0].actor2) != "US Department of Defense"
