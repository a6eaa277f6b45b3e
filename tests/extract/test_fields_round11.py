"""Round 11 (session 5): detection and fields on long articles and real sentences.
Each case is a short invented text (no gold sentence or place is copied), its
publication date and what its events must hold: a toll told by a plural pronoun
after its figure (لقي ستة … مصرعهم) and both sides' tolls added up, an aircraft's
model written with a hyphen (F-16), two air raids in the dual, an author's
statement with a time aside between verb and noun and a cause counted over weeks,
and the Saudi-led coalition told in Sanaa's voice beside the US.
"""

from __future__ import annotations

import pytest

import rasd
from tests.extract.expect import check_case

COALITION = "Saudi-led Coalition"
US = "Military Forces of the United States"

CASES = [
    # --- tolls ------------------------------------------------------------------------------------
    (
        "a figure after لقي counted by the plural pronoun of مصرعهم",
        "لقي أربعة من عناصر الشرطة مصرعهم في هجوم مسلح على نقطة تفتيش غرب مدينة الفلوجة مساء أمس.",
        "2024-05-03",
        {"n": 1, "fatalities": 4, "actor2": "Iraqi Police"},
    ),
    (
        "the two sides' tolls of one clash add up (لقي … مصرعهم، وقتل جنديان)",
        "لقي خمسة مسلحين مصرعهم، وقتل جنديان في اشتباكات مع الجيش في ريف حماة الشمالي أمس.",
        "2024-05-03",
        {"n": 1, "fatalities": 7, "sub_event_type": "Armed clash"},
    ),
    (
        "a figure, the people it counts and their side, then a plural casualty verb",
        "وأفاد مصدر طبي بأن ستة عناصر من قوات الأمن أصيبوا بجروح في هجوم بقذائف الهاون "
        "على مقرهم في بلدة الرياض مساء أمس.",
        "2024-05-03",
        {"n": 1, "injuries": 6},
    ),
    (
        "a figure counting fighters of a side before قتلوا",
        "وقال المرصد إن تسعة عشر مقاتلاً من الفصائل الموالية لإيران قتلوا في غارات على "
        "مواقعهم قرب الميادين.",
        "2024-05-03",
        {"n": 1, "fatalities": 19},
    ),
    (
        "kin named by a pronoun count one (والدتهما وشخصان آخران: three)",
        "قتل طفلان وأصيبت والدتهما وشخصان آخران بجروح جراء قصف مدفعي على بلدة الأبزمو صباح اليوم.",
        "2024-05-03",
        {"n": 1, "fatalities": 2, "injuries": 3},
    ),
    (
        "a dual verb is its own count (شخصين أصيبا)",
        "سقط صاروخ على منزل في بلدة المطلة، وقال الإسعاف إن شخصين أصيبا بجروح طفيفة.",
        "2024-05-03",
        {"n": 1, "injuries": 2},
    ),
    (
        "a dual person word before an attack noun counts persons, not attacks",
        "وقتل شرطيان في اشتباكات مع مهربين قرب الحدود مساء أمس.",
        "2024-05-03",
        {"n": 1, "fatalities": 2},
    ),
    (
        "two more wounded in the nominative dual (وأصيب آخران)",
        "قتل مدني وأصيب آخران بانفجار عبوة ناسفة في سوق بلدة الشرقاط صباح اليوم.",
        "2024-05-03",
        {"n": 1, "fatalities": 1, "injuries": 2},
    ),
    # --- weapons and actors -----------------------------------------------------------------------
    (
        "an aircraft's model with a hyphen names the air force and counts nothing",
        "قصفت طائرات F-16 العراقية أوكاراً لتنظيم داعش في صحراء الأنبار فجر اليوم.",
        "2024-05-03",
        {"n": 1, "actor1": "Iraqi Air Force", "weapons": {("aircraft", None)}},
    ),
    (
        "the model in Arabic letters (إف-16) is no count of aircraft",
        "وقصفت طائرات إف-16 العراقية مخابئ للتنظيم في جبال حمرين مساء أمس.",
        "2024-05-03",
        {"n": 1, "actor1": "Iraqi Air Force", "weapons": {("aircraft", None)}},
    ),
    (
        "two raids in the dual are air strikes",
        "واستهدفت غارتان منزلاً في أطراف بلدة الخيام جنوبي لبنان مساء أمس.",
        "2024-05-03",
        {"n": 1, "sub_event_type": "Air/drone strike"},
    ),
    (
        "two raids launched by aircraft (شنت … غارتين) are news",
        "وشنت طائرات حربية غارتين على أطراف بلدة كفرشوبا جنوبي لبنان ظهر اليوم.",
        "2024-05-03",
        {"n": 1, "sub_event_type": "Air/drone strike"},
    ),
    (
        "an air raid named with no weapon was flown by aircraft",
        "استشهد مواطنان في غارة إسرائيلية على منزل في بلدة ميس الجبل ظهر اليوم.",
        "2024-05-03",
        {"n": 1, "weapons": {("aircraft", None)}},
    ),
    (
        "the assumed aircraft gives way to the drone another telling names",
        "غارة إسرائيلية على سيارة في بلدة حولا\nاستهدفت مسيّرة إسرائيلية، ظهر اليوم، سيارة "
        "على طريق بلدة حولا في جنوب لبنان، ما أدى إلى سقوط قتيلين.",
        "2024-05-03",
        {"n": 1, "weapons": {("drone", 1)}},
    ),
    (
        "a drone downed by a southern force that caused no harm of any kind",
        "أعلنت قوات دفاع شبوة إسقاط طائرة مسيرة مفخخة قرب مدينة عزان، مشيرة إلى أنها سقطت "
        "من دون أن تسبب أي أضرار.",
        "2024-05-03",
        {
            "n": 1,
            "actor1": "Shabwa Defence Forces",
            "fatalities": 0,
            "injuries": 0,
        },
    ),
    (
        "nobody hurt, told with عدم تسجيل or لم يصب أي من",
        "سقط صاروخان داخل قاعدة حرير شمال أربيل، وقال مسؤول عسكري إنه لم يصب أي من "
        "الجنود، مؤكداً عدم تسجيل أي خسائر بشرية.",
        "2024-05-03",
        {"n": 1, "fatalities": 0, "injuries": 0},
    ),
    # --- an author's statement --------------------------------------------------------------------
    (
        "a time aside between the verb and its attack noun; the cause counted over weeks",
        "أعلنت القيادة المركزية الأمريكية أن طائرات تابعة لها شنت، فجر الأحد، ضربات جوية "
        "على مخزن للأسلحة في ريف دير الزور، رداً على هجمات استهدفت قواتها خلال الأسابيع "
        "الماضية.",
        "2024-05-06",
        {"n": 1, "sub_event_type": "Air/drone strike", "date": "2024-05-05"},
    ),
    (
        "a count of raids as the object of the verb that launched them is no tally",
        "شن طيران التحالف الدولي خمس غارات على مواقع للتنظيم في ريف دير الزور.",
        "2024-05-03",
        {"n": 1, "sub_event_type": "Air/drone strike"},
    ),
    (
        "the speaker's own forces (قواته) after إن: the speaker did it and says so",
        "وقال الجيش التركي إن قواته قصفت مواقع للمسلحين في ريف تل أبيض مساء أمس.",
        "2024-05-03",
        {"n": 1, "actor1": "Military Forces of Turkey", "claim_status": "claimed"},
    ),
    (
        "the speaker's own artillery (مدفعيته) is the weapon",
        "وقال الجيش الإسرائيلي إن مدفعيته قصفت أطراف بلدة كفركلا بعد رصد تحركات مشبوهة.",
        "2024-05-03",
        {"n": 1, "weapons": {("artillery", None)}, "claim_status": "claimed"},
    ),
    (
        "missiles stored at the sites struck are what was hit, not what hit",
        "وقالت القيادة المركزية الأمريكية إن قواتها شنت ضربات على مواقع تخزين صواريخ في "
        "محافظة الحديدة.",
        "2024-05-03",
        {"n": 1, "weapons": {("aircraft", None)}},
    ),
    (
        "a quote of what the victim did names neither the weapon nor the side hit",
        "لقي عنصر في حزب الله مصرعه في غارة شنتها مسيرة إسرائيلية على سيارة في بلدة "
        'حولا، وقال الجيش الإسرائيلي إن العنصر "كان يعد لإطلاق قذائف على الجليل".',
        "2024-05-03",
        {"n": 1, "actor2": "Hezbollah", "weapons": {("drone", 1)}},
    ),
    (
        "the aggression told before, as the subject of its result, brings its toll",
        "تصدت وسائط الدفاع الجوي لعدوان إسرائيلي بالصواريخ استهدف نقاطاً في ريف حمص. "
        "وأضاف المصدر أن العدوان أدى إلى إصابة عسكريين اثنين بجروح.",
        "2024-05-03",
        {"n": 1, "injuries": 2},
    ),
    (
        "one name is not both the attacker and the side hit",
        "تصدت الدفاعات الجوية لعدوان إسرائيلي بالصواريخ على مواقع قرب مدينة حماة.",
        "2024-05-03",
        {"n": 1, "actor1": "Israel Defense Forces", "actor2": None},
    ),
    (
        "a threat joined by و after an act blocks only what it threatens",
        "واحتجز مسلحون قرابة أربعين رهينة في مصرف وسط مدينة الحلة وهددوا بنسف المبنى إذا "
        "لم تنفذ مطالبهم.",
        "2024-05-03",
        {"n": 1, "sub_event_type": "Abduction/forced disappearance"},
    ),
    (
        "two spy planes shot down are two drones",
        "وأعلنت القوات الحكومية أنها أسقطت طائرتي استطلاع فوق مدينة مأرب مساء أمس.",
        "2024-05-03",
        {"n": 1, "weapons": {("drone", 2)}},
    ),
    # --- Sanaa's voice: the coalition stays the coalition -----------------------------------------
    (
        "العدوان السعودي الأمريكي in Sanaa's voice is the coalition",
        "شن طيران العدوان السعودي الأمريكي ثلاث غارات على مديرية باقم بمحافظة صعدة.",
        "2019-05-03",
        {"n": 1, "actor1": COALITION},
    ),
    (
        "العدوان الأميركي السعودي (the US named first) is the coalition too",
        "شن طيران العدوان الأميركي السعودي غارتين على مديرية رازح بمحافظة صعدة.",
        "2019-05-03",
        {"n": 1, "actor1": COALITION},
    ),
    (
        "طيران تحالف العدوان السعودي beside a mention of العدوان الأمريكي stays the coalition",
        "استشهد مواطن في غارة لطيران تحالف العدوان السعودي على مديرية شدا بمحافظة صعدة، "
        "فيما يواصل العدوان الأمريكي تحليقه في أجواء المحافظة.",
        "2019-05-03",
        {"actor1": COALITION, "fatalities": 1},
    ),
    (
        "طيران العدوان in an article naming only العدوان الأمريكي is the US",
        "شن طيران العدوان غارتين على مديرية اللحية بمحافظة الحديدة، في تصعيد جديد للعدوان "
        "الأمريكي على اليمن.",
        "2024-05-03",
        {"n": 1, "actor1": US},
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_round11_case(text: str, published: str, want: dict) -> None:
    check_case(text, published, want)


@pytest.mark.parametrize(
    "text",
    [
        "ولم تعلن أي جهة مسؤوليتها عن الغارتين حتى الآن.",
        "وأدى انفجار أسطوانة غاز في مطعم شعبي بالمدينة إلى مقتل ثلاثة عمال.",
        "وقضى أربعة أشخاص في حريق شب في مبنى سكني بسبب ماس كهربائي.",
        "وأطلقت وكالة الفضاء صاروخاً يحمل قمراً صناعياً للاتصالات من قاعدتها الجنوبية.",
        "وتعرضت أنظمة المصرف المركزي لهجوم إلكتروني أدى إلى تعطيل خدماته ساعات.",
        "وشارك المئات في تشييع جثمان الشرطي الذي قتل في الهجوم.",
        "وقالت الشرطة إنها تعرفت على هوية منفذ التفجير الانتحاري.",
    ],
    ids=[
        "two raids named by reference",
        "a gas cylinder explosion",
        "a fire from an electrical fault",
        "a satellite launch",
        "an attack on computers",
        "a funeral of one killed",
        "the bomber identified (منفذ … is no border crossing)",
    ],
)
def test_round11_no_event(text: str) -> None:
    """References, accidents, launches, attacks on computers and funerals are no
    event of their own."""
    assert rasd.extract(text, "2024-05-03") == []


@pytest.mark.parametrize(
    "text",
    [
        "وتعرض مراسل محلي للضرب على أيدي عناصر من الأمن خلال تغطيته اعتصاماً للعمال.",
        "واحتجز مسلحون قرابة ثلاثين رهينة داخل مصرف في وسط المدينة.",
        "وهاجم مسلحون مجهولون مركزاً للشرطة في أطراف بلدة الضلوعية فجر اليوم.",
        "وقتل شرطيان عندما فتح مسلحون النار على سيارتهما قرب بلدة المقدادية.",
    ],
    ids=[
        "beaten: the verbal noun after a bare تعرض carries the article",
        "hostages counted between the verb and the noun",
        "a police post in the accusative is a target",
        "a dual person word counts the dead",
    ],
)
def test_round11_assault(text: str) -> None:
    """Sentences that tell an assault in the shapes the real sentences use."""
    events = rasd.extract(text, "2024-05-03")
    assert [e.plover_type for e in events] == ["ASSAULT"]
