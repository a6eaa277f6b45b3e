"""Pairing on unseen long articles (session 5): the stage's dates, background and
merging rules that decide whether a predicted event meets its real one. Each case
is a short invented text (no gold article is copied), its publication date and
what its events must hold:

- a night told by its two weekdays (ليلة السبت على الأحد) starts on the first;
- a past attack dated by its own words to a past week only, or claimed in a
  statement long ago, is background, unless the week dates the cause a response
  word names; so is an attack told over a season (خلال الصيف, roles.tsv span),
  and a claim told in background claims nothing of the event told before;
- a headline takes the date of the first telling at its own place;
- a date after حتى (the end of a stretch: لا يزال رهن الاعتقال حتى اليوم) dates nothing;
- the opening date of a lede with no event word of ours is the story's date (a page's
  date line is not), and an undated telling that borrows an opening date months back
  is background;
- a claim of the bombing of the device (تفجير العبوة) is a claim of the bombing told;
- an event noun followed by أخرى/آخر/ثانية/جديدة (roles.tsv ``other``) tells another event;
- shells on a spot the gazetteer does not know are the shelling of the town;
- an arrest told after the raid's shooting in the statement's sentence is the raid;
- suspects arrested with no place but the province (the police command's) are
  placed where the violence they are suspected of was;
- an event whose type no word decided takes the type of the story's strikes told
  before it (same days, same side or none named);
- a clash between two named sides stays a clash when shells are told later, and
  shots fired told after it join it;
- a force firing to disperse protesters, the rioters' violence the police tell of,
  and a slogan quoted by the protesters are part of the protest.
"""

from __future__ import annotations

import pytest

from tests.extract.expect import check_case

CASES = [
    # --- dates -----------------------------------------------------------------------------
    (
        "a night told by its two weekdays starts on the first of them",
        "قتل شخصان وأصيب أربعة آخرون، ليلة السبت على الأحد، في اشتباك مسلح بين عشيرتين "
        "في قضاء الفلوجة.",
        "2024-03-05",
        {"n": 1, "date": "2024-03-02", "fatalities": 2},
    ),
    (
        "a headline takes the date of the first telling at its place, not the day's rally",
        "آلاف المتظاهرين في الحلة.. وإصابة ثلاثة برصاص الحراس في الكوت\n\n"
        "تظاهر آلاف المواطنين، ظهر اليوم الثلاثاء، في ساحة التحرير وسط مدينة الحلة، "
        "مطالبين بتوفير الكهرباء.\n\n"
        "وكانت مدينة الكوت قد شهدت، مساء أمس الاثنين، توتراً أمام مبنى المحافظة حين حاول "
        "عشرات المحتجين اقتحامه.",
        "2024-03-05",
        {"n": 2, "place": "Al Kut", "date": "2024-03-04", "injuries": 3},
    ),
    (
        "a lede with no event word of ours dates the claim told after it (not the date line)",
        "5 آذار , 2024\n"
        "سفينة تبلغ عن إصابتها قرب المخا والحوثيون يتبنون\n"
        "أعلنت هيئة عمليات التجارة البحرية البريطانية، مساء أمس الإثنين، أن سفينة شحن "
        "أبلغت عن إصابتها بمقذوف مجهول قبالة ميناء المخا.\n"
        "وبعد ساعات، أعلن المتحدث العسكري باسم جماعة الحوثي أن القوات البحرية استهدفت "
        "السفينة بعدد من الصواريخ البحرية.",
        "2024-03-05",
        {"n": 1, "date": "2024-03-04"},
    ),
    (
        "a date after حتى (still held today) does not date the past detention",
        "اعتقلت قوات الأمن، فجر اليوم الثلاثاء، خمسة ناشطين من منازلهم في مدينة الحلة.\n\n"
        "وكانت السلطات قد احتجزت عام 2022 عدداً من الصحفيين في مدينة الكوت، ولا يزال بعضهم "
        "رهن الاعتقال حتى اليوم.",
        "2024-03-05",
        {"n": 1, "place": "Al Hillah"},
    ),
    # --- background ------------------------------------------------------------------------
    (
        "similar raids last week (a past week, no day) are background",
        "قتل ثلاثة مدنيين، صباح اليوم الثلاثاء، بغارة جوية على منزل في مدينة سلقين.\n\n"
        "وكانت منازل في مدينة اللاذقية قد تعرضت لغارات مماثلة الأسبوع الماضي.",
        "2024-03-05",
        {"n": 1, "date": "2024-03-05"},
    ),
    (
        "attacks told over a season (خلال الصيف) are background",
        "قتل جنديان، صباح أمس الاثنين، بانفجار عبوة ناسفة استهدفت دوريتهما في قضاء سامراء.\n\n"
        "وكانت قواعد عسكرية في المحافظة قد تعرضت خلال الصيف لهجمات بالصواريخ والطائرات "
        "المسيرة، أصيب في إحداها عدد من الجنود.",
        "2024-03-05",
        {"n": 1, "fatalities": 2, "date": "2024-03-04"},
    ),
    (
        "the claim of attacks told over months claims nothing of the attack told before",
        "سقطت ثلاثة صواريخ، مساء أمس الاثنين، داخل قاعدة عين الأسد الجوية غربي الأنبار، من "
        "دون أن تسفر عن إصابات.\n\n"
        "وتعرضت القواعد التي تستضيف قوات أمريكية في العراق منذ مطلع العام لأكثر من أربعين "
        "هجوماً بالصواريخ والطائرات المسيرة، تبنت غالبيتها فصائل مسلحة.",
        "2024-03-05",
        {"n": 1, "actor1": None, "claim_status": "unknown"},
    ),
    (
        "an attack claimed in a statement months ago is background",
        "قتل جنديان، صباح أمس الاثنين، بانفجار عبوة ناسفة استهدفت دوريتهما في قضاء سامراء.\n\n"
        "وكان التنظيم قد تبنى في كانون الثاني الماضي هجوماً بسيارة مفخخة على حاجز في "
        "مدينة الرمادي، أسفر عن مقتل ستة جنود.",
        "2024-03-05",
        {"n": 1, "fatalities": 2, "date": "2024-03-04"},
    ),
    (
        "last week dating the cause after a response word keeps the army's claim",
        "قتل شخصان وأصيب عشرة آخرون في غارات شنها الطيران الإسرائيلي، مساء أمس الاثنين، "
        "على ميناء رأس عيسى شمال الحديدة.\n\n"
        'وقال الجيش الإسرائيلي، في بيان، إن مقاتلاته "أغارت على بنى تحتية تابعة للحوثيين" '
        "في الميناء، مضيفاً أن الضربة جاءت رداً على إطلاق صاروخ باتجاه إيلات الأسبوع الماضي.",
        "2024-03-05",
        {"n": 1, "claim_status": "claimed", "fatalities": 2, "injuries": 10},
    ),
    # --- one operation, one event ----------------------------------------------------------
    (
        "a claim of the bombing of the device (تفجير العبوة) joins the bombing told",
        "قتل جندي وأصيب اثنان، صباح أمس الاثنين، بانفجار عبوة ناسفة استهدفت عربة عسكرية "
        "في قضاء الحويجة.\n\n"
        "وتبنى تنظيم داعش، في بيان نشره مساء أمس، تفجير العبوة.",
        "2024-03-05",
        {"n": 1, "fatalities": 1, "claim_status": "claimed", "actor1": "Islamic State"},
    ),
    (
        "shells on a quarter the gazetteer does not know are the shelling of the town",
        "قتل طفل وأصيبت امرأتان، أمس الاثنين، جراء قصف بقذائف الهاون على أحياء سكنية في "
        "مدينة حرستا.\n\n"
        'وقال مصدر محلي إن "ثلاث قذائف سقطت على منازل المواطنين في حي البساتين عصر '
        'الاثنين".',
        "2024-03-05",
        {"n": 1, "fatalities": 1, "weapons": {("mortar", 3)}},
    ),
    (
        "a raid told as another (غارة أخرى) is another event, even in the same district",
        "قتل مدنيان، فجر اليوم الثلاثاء، بغارة جوية إسرائيلية على منزل في بلدة النبي شيت "
        "في قضاء بعلبك.\n\n"
        "وفي الوقت نفسه تقريباً، استهدفت غارة أخرى أطراف بلدة سرعين في قضاء بعلبك، من دون "
        "أن ترد معلومات عن إصابات.",
        "2024-10-08",
        {"n": 2, "last": True, "fatalities": None},
    ),
    (
        "a raid whose type no word decided takes the type of the story's strikes",
        "شن طيران العدوان الأمريكي البريطاني، مساء أمس الاثنين، ثلاث غارات على ميناء "
        "الصليف شمال الحديدة.\n\n"
        "وفي وقت متزامن، استهدفت غارتان جزيرة زقر في البحر الأحمر.",
        "2024-03-05",
        {"n": 2, "all": True, "sub_event_type": "Air/drone strike"},
    ),
    (
        "the same side's act at another place on the same day is another strike, not a clash",
        "شنت مقاتلات إسرائيلية، فجر اليوم الثلاثاء، غارات على مواقع في محيط بلدة الكسوة "
        "بريف دمشق.\n\n"
        "وفي وقت متزامن، استهدف العدو الإسرائيلي موقعاً في ريف القصير بريف حمص، واقتصرت "
        "الأضرار على الماديات.",
        "2024-03-05",
        {"n": 2, "last": True, "sub_event_type": "Air/drone strike"},
    ),
    (
        "suspects arrested by the province's police are placed where the clash was",
        "قُتل ثلاثة أشخاص وأصيب أربعة آخرون، مساء الجمعة، في نزاع عشائري مسلح اندلع بين "
        "عشيرتين في قضاء سوق الشيوخ بمحافظة ذي قار.\n\n"
        "وفي اليوم التالي، أعلنت قيادة شرطة ذي قار، السبت، اعتقال خمسة من المتورطين في "
        "النزاع وضبط أسلحة متوسطة.",
        "2024-03-10",
        {"n": 2, "last": True, "sub_event_type": "Arrests", "place": "Suq Al-Shoyokh District"},
    ),
    (
        "arrests told after the raid's shooting in the statement are the raid",
        "نفذت وحدات من الجيش العراقي، فجر اليوم الثلاثاء، عملية دهم واسعة في قضاء الطارمية، "
        "تخللها اشتباك مسلح أسفر عن مقتل مسلحين اثنين.\n\n"
        'وقالت قيادة الجيش - مديرية الإعلام، في بيان، إن "دورية تعرضت لإطلاق نار من قبل '
        'مسلحين أثناء دهم منازل مطلوبين، فردت على مصادر النيران بالمثل"، مضيفة أن القوة '
        "أوقفت خمسة أشخاص في ناحية المشاهدة، وضبطت كمية من الأسلحة الحربية والذخائر "
        "والمخدرات.",
        "2024-03-05",
        {"n": 1, "sub_event_type": "Armed clash", "fatalities": 2},
    ),
    (
        "a clash between two sides stays a clash, and the shots a side blames join it",
        "تجددت الاشتباكات، مساء أمس الاثنين، بين عناصر من حركة فتح ومسلحين من مجموعات "
        "متشددة في مخيم البداوي قرب طرابلس، ما أدى إلى مقتل شخصين وإصابة عشرة.\n\n"
        "فيما سقطت قذائف عدة خارج المخيم، طال بعضها أطراف مخيم البداوي.\n\n"
        'وقال مسؤول في الحركة إن "المجموعات المتشددة بادرت إلى إطلاق النار على مراكزنا".',
        "2024-03-05",
        {"n": 1, "sub_event_type": "Armed clash", "fatalities": 2, "injuries": 10},
    ),
    (
        "a force firing in the air to disperse the protesters is the protest's intervention",
        "أحرق محتجون غاضبون، مساء أمس الاثنين، إطارات أمام مبنى مديرية الكهرباء في مدينة "
        "الديوانية.\n\n"
        "وقال شهود عيان إن المحتجين تجمعوا في البداية في شارع الجمهورية وقطعوا الطرقات، قبل "
        "أن يتوجه بعضهم إلى المبنى، ما دفع قوات الأمن إلى إطلاق النار في الهواء لتفريقهم.",
        "2024-03-05",
        {"n": 1, "actor1": "Protesters", "actor2": "Iraqi Security Forces", "weapons": set()},
    ),
    (
        "the police's account of rioters storming the building is the protest's violence",
        "فرقت قوات الشرطة، ظهر اليوم الثلاثاء، تظاهرة لمئات الخريجين أمام مبنى محافظة "
        "كربلاء، مستخدمة خراطيم المياه، ما أسفر عن إصابة خمسة متظاهرين.\n\n"
        'في المقابل، قال مصدر في قيادة شرطة كربلاء إن "عدداً من المندسين حاولوا اقتحام '
        'المبنى والاعتداء على الحراس"، مؤكداً إصابة ثلاثة من عناصر الأمن.',
        "2024-03-05",
        {"n": 1, "sub_event_type": "Protest with intervention", "actor1": "Protesters"},
    ),
    (
        "a slogan the protesters carry (من قتل …؟) is no killing",
        "وصباح اليوم الثلاثاء، خرج العشرات من زملاء الصحفي في تظاهرة أمام مبنى محافظة ذي "
        'قار، رافعين صوره ولافتات كتب عليها "من قتل زميلنا؟"، وأقدموا على قطع عدد من الطرق.',
        "2024-03-05",
        {"n": 1, "sub_event_type": "Peaceful protest"},
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_pairing_case(text: str, published: str, want: dict) -> None:
    check_case(text, published, want)


def _told(sentence: int, place: str, fatalities: int | None):
    """A merged event as the stage holds it: a shelling at one gazetteer entry."""
    import datetime as dt
    from types import SimpleNamespace

    from rasd.extract.slots import Slots
    from rasd.extract.stage import _Merged
    from rasd.model import DateWindow, Event, Place

    day = dt.date(2024, 9, 11)
    ev = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        plover_type="ASSAULT",
        window=DateWindow(day, day, 1),
        location=Place("Qatana", "SY", 33.43, 36.08, 2, "قطنا", "Rif-dimashq", "gn:test"),
        fatalities=fatalities,
    )
    trigger = SimpleNamespace(start=0, end=4, row={"form": "verb"})
    frame = SimpleNamespace(
        triggers=[trigger], reading=SimpleNamespace(roles=[], text="قصفت"), start=0, end=4
    )
    slots = Slots(ev.event_type, ev.sub_event_type, ev.plover_type, True)
    return _Merged(ev, slots, frame, {place}, sentence, True, {sentence})


def test_one_place_told_twice_is_one_event():
    """A town's shelling and, told apart, the province's shelling later placed at the
    same town by its details (one gazetteer entry, named with the same words) are one
    event; the toll of the second is kept."""
    from rasd.extract.stage import _fold_same

    first, second = _told(0, "قطنا", None), _told(2, "محيط قطنا", 1)
    out = _fold_same([first, second], "a", "")
    assert out == [first]
    assert first.event.fatalities == 1
    assert first.sentences == {0, 2}


def test_two_sites_geocoded_to_one_entry_stay_two():
    from rasd.extract.stage import _fold_same

    first, second = _told(0, "مجمع السفارة", None), _told(2, "قاعدة المطار", None)
    assert len(_fold_same([first, second], "a", "")) == 2


def test_an_analysis_opening_months_back_dates_its_undated_attack_as_background():
    import rasd

    text = (
        "منذ أن أعلنت الفصائل المسلحة مطلع شباط الماضي تعليق عملياتها، تعيش القواعد "
        "العسكرية هدوءاً نسبياً.\n\n"
        "وشنت الفصائل المسلحة هجوماً بطائرات مسيرة على قاعدة عين الأسد الجوية، بحسب "
        "مصادر أمنية."
    )
    assert rasd.extract(text, "2024-06-09") == []
