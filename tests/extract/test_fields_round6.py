"""Round 6 (session 4): categories of the errors on unseen long articles, fixed
from invented material. Each case is a short invented text (no gold article is
copied), its publication date and what the events must hold: attacks on ships
at sea, clashes in a refugee camp between factions, rockets fired "from the
direction of" a place, a spokesman's claim, a detector is no attacker, the rest
of a salvo that got through, one civilian victim, kidnappings, material damage
only and the Asayish's own arrests.
"""

from __future__ import annotations

import pytest

import rasd
from tests.extract.expect import check_case

CASES = [
    # --- ships at sea --------------------------------------------------------------------------
    (
        "an attack on a ship in the Red Sea is placed in Yemen's waters",
        "أعلن الناطق باسم الحوثيين يحيى سريع، مساء اليوم، استهداف سفينة نفطية في البحر الأحمر "
        "بطائرات مسيرة.",
        "2024-06-10",
        {"n": 1, "place": "Red Sea", "actor1": "Ansar Allah (Houthis)", "claim_status": "claimed"},
    ),
    (
        "the crew is safe, told in the next sentence: no one killed or hurt",
        "أعلنت هيئة عمليات التجارة البحرية البريطانية أن سفينة تجارية تعرضت لهجوم بصاروخ على بعد "
        "70 ميلا بحريا غرب مدينة الحديدة صباح اليوم. وأضافت الهيئة أن الطاقم بخير.",
        "2024-06-10",
        {"n": 1, "fatalities": 0, "injuries": 0},
    ),
    (
        "a sentence with no event word that says nobody was hurt is the toll of the last event",
        "سقطت قذيفة هاون على حي الجحملية في تعز اليوم. ولم تقع إصابات.",
        "2024-06-10",
        {"n": 1, "fatalities": 0, "injuries": 0},
    ),
    # --- a camp, two factions ------------------------------------------------------------------
    (
        "clashes in a Palestinian camp in Lebanon: the camp, Fatah and the Islamists",
        "اندلعت اشتباكات عنيفة مساء أمس في مخيم عين الحلوة للاجئين الفلسطينيين قرب مدينة صيدا "
        "جنوب لبنان بين عناصر من حركة فتح ومسلحين من جماعات إسلامية، ما أسفر عن مقتل شخصين "
        "وإصابة خمسة آخرين. وتجري اتصالات للتوصل إلى وقف لإطلاق النار بين الطرفين.",
        "2023-07-31",
        {
            "n": 1,
            "place": "Ain al-Hilweh camp",
            "sub_event_type": "Armed clash",
            "actor1": "Fatah",
            "actor2": "Islamist militants",
            "fatalities": 2,
            "injuries": 5,
        },
    ),
    (
        "a named Islamist group of the camp is the other side",
        "اندلعت اشتباكات فجر اليوم في مخيم عين الحلوة بين حركة فتح وعناصر من جند الشام.",
        "2023-09-10",
        {"n": 1, "actor1": "Fatah", "actor2": "Jund al-Sham"},
    ),
    (
        "clashes resumed (تجددت الاشتباكات) are a clash, not a protest nor a retelling",
        "تجددت الاشتباكات فجر اليوم في مخيم عين الحلوة بين حركة فتح وعناصر من جند الشام، وأصيب "
        "شخص بجروح. وعقدت هيئة العمل الفلسطيني المشترك اجتماعا في صيدا للبحث في تثبيت وقف "
        "إطلاق النار في المخيم.",
        "2023-09-10",
        {"n": 1, "sub_event_type": "Armed clash", "injuries": 1, "place": "Ain al-Hilweh camp"},
    ),
    # --- a drone strike on a car ---------------------------------------------------------------
    (
        "a car hit on the road of a village of Tyre: the village, in Lebanon",
        "استهدفت مسيرة إسرائيلية سيارة على طريق بلدة المنصوري الساحلي جنوب صور اليوم، ما أدى إلى "
        "مقتل شخصين.",
        "2024-06-10",
        {"n": 1, "place": "Mansouri (Tyre)", "fatalities": 2},
    ),
    # --- launched from the direction of --------------------------------------------------------
    (
        "rockets fired from the direction of a town fell on another place",
        "سقط صاروخان أطلقا من اتجاه بلدة الخيام على مستوطنة المطلة اليوم دون إصابات.",
        "2024-06-10",
        {"n": 1, "place": "Metula", "weapons": {("rocket", 2)}},
    ),
    (
        "من جهة X with no launch word is where they came from",
        "سقطت ثلاثة صواريخ من جهة بلدة كفركلا على مستوطنة كريات شمونة اليوم.",
        "2024-06-10",
        {"n": 1, "place": "Kiryat Shmona"},
    ),
    # --- claims in a military spokesman's statement --------------------------------------------
    (
        "the side a spokesman speaks for, his name before the act, claims it",
        "أعلن المتحدث العسكري للحوثيين يحيى سريع استهداف السفينة البريطانية في خليج عدن بعدد "
        "من الصواريخ الباليستية.",
        "2024-06-10",
        {"n": 1, "actor1": "Ansar Allah (Houthis)", "claim_status": "claimed"},
    ),
    (
        "the armed forces announce carrying out an operation on a target in Israel",
        "أعلنت القوات المسلحة اليمنية تنفيذ عملية عسكرية استهدفت مطار بن غوريون في منطقة يافا "
        "المحتلة بصاروخ باليستي.",
        "2025-05-04",
        {"n": 1, "actor1": "Ansar Allah (Houthis)", "claim_status": "claimed"},
    ),
    (
        "the target abroad in the Houthis' words: occupied Jaffa is in Israel",
        "أعلنت القوات المسلحة اليمنية استهداف هدف حيوي في منطقة يافا المحتلة بطائرة مسيرة.",
        "2024-07-20",
        {"n": 1, "place": "Jaffa (Tel Aviv-Yafo)", "actor1": "Ansar Allah (Houthis)"},
    ),
    (
        "the Yafa drone is no place; the armed forces that hit an Israeli ship are the Houthis",
        "أعلنت القوات المسلحة اليمنية استهداف سفينة إسرائيلية بطائرة مسيرة نوع يافا اليوم.",
        "2024-07-20",
        {"n": 1, "place": None, "actor1": "Ansar Allah (Houthis)"},
    ),
    (
        "an army that detected the launch did not fire",
        "أعلن الجيش الإسرائيلي رصد إطلاق خمسة صواريخ من جنوب لبنان باتجاه مستوطنة كريات شمونة "
        "صباح اليوم.",
        "2024-01-20",
        {"n": 1, "actor1": None, "place": "Kiryat Shmona", "weapons": {("rocket", 5)}},
    ),
    (
        "an army that detected the launch did not fire (the verb first)",
        "رصد الجيش الإسرائيلي إطلاق خمسة صواريخ من لبنان باتجاه كريات شمونة صباح اليوم.",
        "2024-01-20",
        {"n": 1, "actor1": None},
    ),
    # --- an interception inside a strike report ------------------------------------------------
    (
        "a missile stopped over the sea on its way: the place is the target",
        "استهدف الحوثيون مدينة إيلات بصاروخ باليستي فجر اليوم، وأعلن الجيش الإسرائيلي اعتراض "
        "الصاروخ فوق البحر الأحمر قبل وصوله.",
        "2024-06-10",
        {"n": 1, "place": "Eilat"},
    ),
    (
        "two drones shot down and the third exploded inside the base: one strike",
        "شنت فصائل مسلحة هجوما بثلاث طائرات مسيرة على قاعدة عين الأسد الجوية فجر اليوم، وتمكنت "
        "الدفاعات الجوية من إسقاط اثنتين منها بينما انفجرت الثالثة داخل القاعدة ما أدى إلى "
        "إصابة جنديين.",
        "2024-06-10",
        {"n": 1, "sub_event_type": "Air/drone strike", "injuries": 2, "weapons": {("drone", 3)}},
    ),
    (
        "two rockets intercepted and a third fell near the town: one event",
        "أعلن الجيش الإسرائيلي اعتراض صاروخين أطلقا من لبنان، فيما سقط صاروخ ثالث في منطقة "
        "مفتوحة قرب كريات شمونة اليوم.",
        "2024-06-10",
        {"n": 1, "place": "Kiryat Shmona"},
    ),
    # --- one person hurt -----------------------------------------------------------------------
    (
        "a driver named by his vehicle is one person",
        "انفجرت عبوة ناسفة بسيارة مدنية في حي الجديدة ببغداد اليوم ما أدى إلى إصابة سائقها.",
        "2024-06-10",
        {"n": 1, "injuries": 1},
    ),
    (
        "one child hurt by shelling: the victims are civilians",
        "أصيب طفل بجروح خطيرة جراء قصف مدفعي على قرية كفرنوران غربي حلب اليوم.",
        "2024-06-10",
        {"n": 1, "injuries": 1, "actor2": "Civilians"},
    ),
    # --- kidnappings ---------------------------------------------------------------------------
    (
        "a citizen kidnapped by gunmen: the kidnappers, the victim, the town",
        "اختطف مسلحون مجهولون مواطنا من أمام منزله في بلدة الصنمين بريف درعا الشمالي مساء أمس.",
        "2024-03-01",
        {
            "n": 1,
            "sub_event_type": "Abduction/forced disappearance",
            "actor1": "Unidentified gunmen",
            "actor2": "Civilians",
            "place": "As Sanamayn",
        },
    ),
    # --- material damage only ------------------------------------------------------------------
    (
        "damage limited to material: no one killed or hurt",
        "استهدفت طائرة مسيرة منزلا في بلدة عيتا الشعب اليوم، واقتصرت الأضرار على الماديات.",
        "2024-03-01",
        {"n": 1, "fatalities": 0, "injuries": 0},
    ),
    (
        "material damage without the word only says nothing of casualties",
        "سقطت قذيفة على منزل في بلدة عيتا الشعب اليوم، ما أدى إلى أضرار مادية.",
        "2024-03-01",
        {"n": 1, "fatalities": None, "injuries": None},
    ),
    # --- the Asayish ---------------------------------------------------------------------------
    (
        "the Asayish announce their arrests (their name in brackets)",
        "أعلنت قوى الأمن الداخلي (الأسايش) في بيان اليوم اعتقال خلية تابعة لتنظيم داعش في "
        "مدينة الحسكة خلال عملية أمنية.",
        "2024-03-01",
        {"n": 1, "sub_event_type": "Arrests", "actor1": "Asayish (North and East Syria)"},
    ),
    (
        "those arrested suspected of belonging to IS: a charge, not a blame",
        "نفذت قوات الأسايش حملة مداهمات في حي غويران بمدينة الحسكة فجر اليوم، اعتقلت خلالها "
        "خمسة أشخاص يشتبه بانتمائهم لتنظيم داعش.",
        "2024-03-01",
        {"n": 1, "actor1": "Asayish (North and East Syria)", "claim_status": "unknown"},
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_round6_case(text: str, published: str, want: dict) -> None:
    check_case(text, published, want)


def test_a_sea_is_placed_in_yemen():
    """ "سفينة … في البحر الأحمر" with no other place: the event is in Yemen's
    waters (ACLED codes the attacks on shipping in Yemen), not in no country."""
    events = rasd.extract(
        "أفادت هيئة عمليات التجارة البحرية البريطانية بأن سفينة تجارية تعرضت لهجوم بصاروخ في "
        "خليج عدن اليوم، وأن الطاقم بخير.",
        "2024-06-10",
    )
    assert len(events) == 1
    assert events[0].location is not None and events[0].location.country == "YE"
