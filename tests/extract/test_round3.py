"""Round 3 on long-article shapes: actors resolved by country or by the
outlet's voice, army units and
directorates, arrests by a patrol, charges named as the reason of an arrest,
attempts, shots fired with the subject between verb and النار, a pluperfect
retelling, a claim dated only by its statement, interceptions prevented,
follow-ups that name two attacks, two attack kinds in one headline, a second
target joined by و on a count, people counted by a person word.

Each case is a short invented text, its publication date and what the
events must hold (see test_fields_article.py for the shape).
"""

from __future__ import annotations

import pytest

from tests.extract.expect import check_case

CASES = [
    # --- actors whose name does not say whose they are ---------------------------------
    (
        "bare المقاومة الإسلامية in a Lebanese story is Hezbollah",
        "قصفت مسيرة إسرائيلية منزلاً في بلدة عيترون جنوب لبنان صباح اليوم، ما أدى إلى مقتل شخصين.\n\n"
        "وفي المقابل، أعلنت المقاومة الإسلامية في بيان أن مجاهديها استهدفوا ثكنة برانيت "
        "بالصواريخ عصر اليوم.",
        "2024-03-14",
        {"last": True, "actor1": "Hezbollah"},
    ),
    (
        "a unit named by its ordinal is the army of the event's country",
        "اعتقلت قوة من الفرقة الخامسة ثلاثة مطلوبين في مدينة حماة فجر اليوم الأحد، "
        "بحسب ما أفاد الجيش السوري.",
        "2025-02-09",
        {"n": 1, "actor1": "Military Forces of Syria"},
    ),
    (
        "an arrest by a patrol of a directorate: the patrol is the subject",
        "أوقفت دورية من مديرية المخابرات، فجر اليوم الخميس، شخصين في مدينة صيدا، "
        "بحسب بيان للجيش اللبناني.",
        "2023-12-07",
        {"n": 1, "sub_event_type": "Arrests", "actor1": "Lebanese Armed Forces"},
    ),
    (
        "الجيش اليمني in a government outlet is the government's army",
        "قال الجيش اليمني إنه استهدف مواقع لمليشيا الحوثي في مديرية حيس بالمدفعية صباح اليوم.",
        "2024-05-30",
        {"n": 1, "actor1": "Military Forces of Yemen (government)"},
    ),
    (
        "القوات المسلحة اليمنية in Sanaa's voice are the Houthis",
        "استهدفت القوات المسلحة اليمنية سفينة في البحر الأحمر بصاروخين، ردا على العدوان الأمريكي.",
        "2024-05-30",
        {"n": 1, "actor1": "Ansar Allah (Houthis)"},
    ),
    (
        "an arrest after an incursion: the force a clause before made it",
        "وفي ريف القنيطرة، توغلت قوة من الجيش الإسرائيلي مؤلفة من ثلاث آليات، صباح اليوم، "
        "في أطراف قرية بريقة، واعتقلت شابين من أبناء القرية.",
        "2025-05-27",
        {"n": 1, "sub_event_type": "Arrests", "actor1": "Israel Defense Forces"},
    ),
    (
        "a barracks hit in Israel is the Israeli army's",
        "أعلن حزب الله في بيان أن مقاتليه استهدفوا ثكنة برانيت بالصواريخ عصر اليوم.",
        "2024-01-03",
        {"n": 1, "actor2": "Israel Defense Forces"},
    ),
    # --- detection -----------------------------------------------------------------------
    (
        "the reason given for an arrest is a charge, not a shooting",
        "أوقفت قوة من الجيش اللبناني مساء أمس ثلاثة أشخاص في بلدة المنية "
        '"لإقدامهم على إطلاق النار في الهواء خلال عرس".',
        "2023-12-07",
        {"n": 1, "sub_event_type": "Arrests"},
    ),
    (
        "an arrest tried is no arrest; the clash it caused is the event",
        "اندلعت اشتباكات بين مسلحين من قبيلتين في مدينة مأرب مساء الأحد، على خلفية "
        "محاولة مسلحين اعتقال أحد أبناء القبيلة، ما أسفر عن مقتل شخصين.",
        "2024-06-10",
        {"n": 1, "sub_event_type": "Armed clash", "fatalities": 2},
    ),
    (
        "stopping production is no arrest",
        "استهدفت طائرة مسيرة حقل شيخان النفطي في محافظة دهوك فجر اليوم.\n\n"
        'وأوضحت الشركة المشغلة للحقل أنها أوقفت الإنتاج "كإجراء احترازي".',
        "2025-07-20",
        {"n": 1, "sub_event_type": "Air/drone strike"},
    ),
    (
        "shots fired with their object between verb and النار",
        "هاجم مسلحون مجهولون مساء أمس مجموعة من الرعاة في قرية تل الذهب جنوب الموصل، "
        "وأطلقوا عليهم النار من أسلحة رشاشة، ما أدى إلى إصابة ثلاثة منهم.",
        "2024-08-06",
        {"n": 1, "sub_event_type": "Attack", "weapons": {("small_arms", None)}, "injuries": 3},
    ),
    (
        "an interception a human error prevented did not happen",
        "وكانت الجماعة قد تبنت الجمعة هجوماً بطائرة مسيرة على مبنى في مدينة عسقلان، "
        "أسفر عن إصابة شخصين، وقال الجيش الإسرائيلي إن خللاً فنياً حال دون اعتراض الطائرة.",
        "2024-07-21",
        {"n": 1, "sub_event_type": "Air/drone strike", "injuries": 2},
    ),
    (
        "a war remnant that went off is an explosive",
        "أصيب طفلان بجروح، ظهر أمس، بانفجار جسم من مخلفات الحرب أثناء لعبهما في أرض زراعية "
        "عند أطراف مدينة سراقب.",
        "2025-05-27",
        {"n": 1, "sub_event_type": "Remote explosive/landmine/IED", "injuries": 2},
    ),
    (
        "أقدم … على: the act after the light verb is not late in the sentence",
        "أقدم مسلحون مجهولون يستقلون سيارة رباعية الدفع من دون لوحات تسجيل، مساء الأحد، على "
        "اختطاف الناشط المدني سامر الحلي من أمام منزله وسط مدينة الكوت.",
        "2024-05-20",
        {"n": 1, "sub_event_type": "Abduction/forced disappearance"},
    ),
    (
        "rallies told as وقفات حاشدة or evening marches are protests, not drones",
        "وفي صنعاء، نظم أبناء العاصمة وقفات حاشدة في عدد من المديريات مساء اليوم، رفعوا خلالها "
        "شعارات تندد بالحصار.",
        "2024-02-24",
        {"n": 1, "sub_event_type": "Peaceful protest"},
    ),
    # --- merging ---------------------------------------------------------------------------
    (
        "a claim dated only by its statement joins the attack retold with وكان … قد",
        'أعلن تنظيم "داعش"، اليوم الأربعاء، مسؤوليته عن هجوم مسلح استهدف رعاة في قرية '
        "تابعة لقضاء خانقين بمحافظة ديالى، أسفر عن مقتل اثنين منهم.\n\n"
        "وكان مسلحون قد هاجموا، مساء أمس الثلاثاء، مجموعة من الرعاة قرب قرية البو حسين "
        "الصغيرة، وأطلقوا عليهم النار.",
        "2024-09-11",
        {"n": 1, "actor1": "Islamic State", "fatalities": 2, "date": "2024-09-10"},
    ),
    (
        "two attack kinds joined by و in a headline are not one frame",
        "مقتل أربعة مدنيين بغارات روسية على ريف إدلب وقصف مدفعي على دارة عزة\n\n"
        "قُتل أربعة مدنيين صباح اليوم جراء غارات نفذتها طائرات حربية روسية على سوق في بلدة "
        "كفرنبل جنوب إدلب.",
        "2023-10-12",
        {"weapons": {("aircraft", None)}, "fatalities": 4},
    ),
    (
        "a second target joined by و on a count is a second event sharing the verb",
        "شن طيران التحالف، مساء أمس، ست غارات على مطار الحديدة، وثلاث غارات على جزيرة كمران "
        "قبالة مديرية الصليف.",
        "2024-02-25",
        {"n": 2},
    ),
    (
        "a statement's day still sets the story's date for the sentences after it",
        "أعلنت الجماعة، مساء الأربعاء، استهداف سفينة شحن في البحر الأحمر بزورق مسير.\n\n"
        "وهذا أول هجوم للجماعة بزورق منذ بدء حملتها في تشرين الثاني الماضي.\n\n"
        "وفي صنعاء، خرج آلاف الأشخاص في مسيرات مسائية احتفاءً بالعملية.",
        "2024-06-13",
        {"last": True, "sub_event_type": "Peaceful protest", "date": "2024-06-12"},
    ),
    # --- follow-ups and figures ---------------------------------------------------------------
    (
        "a follow-up naming two attacks reaches both",
        "استهدفت طائرة مسيرة حقل خورمالا النفطي فجر اليوم، بينما استهدفت مسيرتان حقل "
        "سرسنك في محافظة دهوك.\n\nولم تعلن أي جهة مسؤوليتها عن الهجومين.",
        "2025-07-16",
        {"n": 2, "claim_status": "unclaimed", "all": True},
    ),
    (
        "a shepherd wounded is one",
        "قصفت المدفعية التركية قرى تابعة لناحية كاني ماسي مساء أمس، ما أدى إلى إصابة راعٍ "
        "بجروح طفيفة.",
        "2023-11-15",
        {"n": 1, "injuries": 1},
    ),
]


@pytest.mark.parametrize(("label", "text", "published", "want"), CASES, ids=[c[0] for c in CASES])
def test_round3(label, text, published, want):
    check_case(text, published, want)
