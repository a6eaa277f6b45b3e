"""Arabic sentences -> the event fields rasd must read from them.

Each case is one sentence (published 2024-07-27) and what the events must
hold; a key left out is not checked. ``n`` is the number of events.
"""

from __future__ import annotations

from collections import Counter

import pytest

import rasd

PUB = "2024-07-27"

CASES = [
    # --- event mentions: active, passive, suffered, fallen, noun ---------------
    (
        "a group announces its targeting (verbal noun with a pronoun)",
        "أعلنت المقاومة الإسلامية في العراق استهدافها قاعدة حرير في أربيل بطائرتين مسيرتين فجر اليوم.",
        {
            "n": 1,
            "sub": "Air/drone strike",
            "weapons": {("drone", 2)},
            "actor1": "Islamic Resistance in Iraq",
            "claim": "claimed",
        },
    ),
    (
        "active drone strike",
        "استهدفت المقاومة الإسلامية في العراق قاعدة عين الأسد بطائرة مسيّرة فجر اليوم.",
        {
            "n": 1,
            "sub": "Air/drone strike",
            "plover": "ASSAULT",
            "weapons": {("drone", 1)},
            "targets": {"air_base"},
            "actor1": "Islamic Resistance in Iraq",
            "date": "2024-07-27",
        },
    ),
    (
        "passive with drone",
        "استُهدفت قاعدة حرير في أربيل بطائرة مسيّرة مساء أمس.",
        {
            "n": 1,
            "sub": "Air/drone strike",
            "weapons": {("drone", 1)},
            "actor1": None,
            "date": "2024-07-26",
        },
    ),
    (
        "suffered an attack with three rockets",
        "تعرضت القوات الأمريكية في قاعدة حرير لهجوم بثلاثة صواريخ.",
        {
            "n": 1,
            "sub": "Shelling/artillery/missile attack",
            "weapons": {("rocket", 3)},
            "actor2": "Military Forces of the United States",
        },
    ),
    (
        "rockets fell",
        "سقطت أربعة صواريخ غراد على محيط مطار بغداد الدولي صباح اليوم.",
        {
            "n": 1,
            "sub": "Shelling/artillery/missile attack",
            "weapons": {("rocket", 4)},
            "models": {"Grad"},
            "targets": {"airport"},
        },
    ),
    (
        "noun headline",
        "قصف صاروخي يستهدف قاعدة عين الأسد غرب العراق",
        {"n": 1, "plover": "ASSAULT", "targets": {"air_base"}},
    ),
    (
        "two drones dual",
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة التنف بمسيرتين.",
        {"n": 1, "weapons": {("drone", 2)}},
    ),
    (
        "mortar shells",
        "سقطت قذائف هاون على معسكر للجيش قرب الموصل أمس.",
        {"n": 1, "weapons": {("mortar", None)}, "targets": {"military_base"}},
    ),
    (
        "katyusha rockets",
        "أطلق مجهولون صواريخ كاتيوشا على السفارة الأمريكية في بغداد ليلة أمس.",
        {"n": 1, "weapons": {("rocket", None)}, "models": {"Katyusha"}, "targets": {"embassy"}},
    ),
    (
        "IED on a convoy",
        "انفجرت عبوة ناسفة على رتل للدعم اللوجستي على الطريق الدولي جنوب بغداد صباح اليوم.",
        {
            "n": 1,
            "sub": "Remote explosive/landmine/IED",
            "weapons": {("ied", 1)},
            "targets": {"convoy"},
        },
    ),
    (
        "car bomb",
        "قتل 12 شخصا وأصيب 28 في انفجار سيارة مفخخة في سوق شعبي أمس.",
        {
            "n": 1,
            "sub": "Remote explosive/landmine/IED",
            "weapons": {("vbied", 1)},
            "fatalities": 12,
            "injuries": 28,
        },
    ),
    (
        "suicide bomber",
        "فجر انتحاري حزاما ناسفا وسط تجمع للمصلين أمس، ما أدى إلى مقتل سبعة أشخاص.",
        {"n": 1, "sub": "Suicide bomb", "fatalities": 7},
    ),
    (
        "ballistic missile",
        "أطلقت جماعة أنصار الله صاروخا باليستيا على سفينة تجارية في البحر الأحمر أمس.",
        {"n": 1, "weapons": {("ballistic_missile", 1)}, "targets": {"ship"}},
    ),
    (
        "interception",
        "أسقطت الدفاعات الجوية مسيّرة قرب مطار أربيل فجر اليوم.",
        {"n": 1, "sub": "Disrupted weapons use", "weapons": {("drone", 1)}},
    ),
    (
        "foiled attack by drone",
        "أحبطت القوات الأمريكية هجوما بطائرة مسيرة على قاعدة حرير أمس.",
        {"n": 1, "sub": "Disrupted weapons use"},
    ),
    (
        "air strike",
        "شنت طائرات حربية غارة جوية على مواقع في البوكمال أمس.",
        {"n": 1, "sub": "Air/drone strike"},
    ),
    (
        "assassination",
        "اغتال مسلحون مجهولون ضابطا في الشرطة وسط البصرة مساء أمس.",
        {"n": 1, "sub": "Attack", "plover": "ASSAULT"},
    ),
    (
        "kidnapping",
        "اختطف مسلحون صحافيا أجنبيا من منزله في بغداد أمس.",
        {"n": 1, "sub": "Abduction/forced disappearance"},
    ),
    (
        "clashes",
        "اندلعت اشتباكات عنيفة بين الجيش ومسلحين في ريف دير الزور أمس أسفرت عن مقتل خمسة مسلحين.",
        {"n": 1, "sub": "Armed clash", "fatalities": 5},
    ),
    (
        "arrest",
        "اعتقلت القوات الأمنية خمسة مطلوبين في كركوك أمس.",
        {"n": 1, "sub": "Arrests", "plover": "COERCE"},
    ),
    (
        "protest",
        "تظاهر مئات الأشخاص أمس أمام السفارة الأمريكية في بغداد احتجاجا على الحرب.",
        {"n": 1, "sub": "Peaceful protest", "plover": "PROTEST", "date": "2024-07-26"},
    ),
    (
        "riot",
        "أحرق المتظاهرون إطارات ورشقوا قوات الأمن بالحجارة في البصرة أمس.",
        {"n": 1, "plover": "PROTEST", "sub": "Violent demonstration"},
    ),
    (
        "sit-in",
        "اعتصم عشرات المواطنين مساء أمس أمام مبنى المحافظة في الناصرية.",
        {"n": 1, "plover": "PROTEST"},
    ),
    # --- casualties -----------------------------------------------------------------
    (
        "killed three soldiers",
        "قتل ثلاثة جنود في هجوم بعبوة ناسفة استهدف دوريتهم أمس.",
        {"n": 1, "fatalities": 3, "injuries": None},
    ),
    (
        "injured 34",
        "أسفر القصف عن إصابة 34 شخصا بجروح أمس.",
        {"n": 1, "fatalities": None, "injuries": 34},
    ),
    (
        "two dead, dual noun",
        "سقط قتيلان في قصف مدفعي على بلدة حدودية أمس.",
        {"n": 1, "fatalities": 2},
    ),
    (
        "no casualties",
        "استهدفت طائرة مسيرة قاعدة عين الأسد فجر اليوم دون وقوع إصابات.",
        {"n": 1, "fatalities": 0, "injuries": 0},
    ),
    (
        "no figure is null",
        "قصفت طائرة مسيرة قاعدة حرير أمس وأوقعت قتلى وجرحى.",
        {"n": 1, "fatalities": None, "injuries": None},
    ),
    (
        "digits and words",
        "قتل خمسة وعشرون مدنيا وأصيب 40 آخرون في غارة جوية على سوق أمس.",
        {"n": 1, "fatalities": 25, "injuries": 40},
    ),
    # --- claims -------------------------------------------------------------------------
    (
        "claimed",
        "تبنت كتائب حزب الله الهجوم على قاعدة التنف بطائرة مسيرة أمس.",
        {"n": 1, "claim": "claimed", "actor1": "Kataib Hezbollah"},
    ),
    (
        "claimed responsibility",
        "أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن استهداف قاعدة حرير بطائرة مسيرة.",
        {"n": 1, "claim": "claimed", "actor1": "Islamic Resistance in Iraq"},
    ),
    (
        "unclaimed",
        "سقطت ثلاثة صواريخ على قاعدة عين الأسد أمس ولم تتبن أي جهة الهجوم.",
        {"n": 1, "claim": "unclaimed", "actor1": None},
    ),
    (
        "attributed",
        "اتهمت واشنطن كتائب حزب الله بتنفيذ الهجوم الذي استهدف قاعدة التنف بطائرة مسيرة أمس.",
        {"n": 1, "claim": "attributed", "suspected": "Kataib Hezbollah", "actor1": None},
    ),
    (
        "denied",
        "نفت كتائب حزب الله أي علاقة لها بالهجوم الصاروخي الذي استهدف قاعدة عين الأسد أمس.",
        {"n": 1, "claim": "denied"},
    ),
    # --- not events ---------------------------------------------------------------------
    ("threat", "هددت الفصائل المسلحة باستهداف القواعد الأمريكية في العراق.", {"n": 0}),
    ("future", "ستستهدف المقاومة القواعد الأمريكية بالصواريخ في الأيام المقبلة.", {"n": 0}),
    (
        "will, with sawfa",
        "قال القيادي إن الفصائل سوف تقصف القواعد الأمريكية إذا استمر العدوان.",
        {"n": 0},
    ),
    ("conditional", "إذا تعرضت قواتنا لهجوم فإننا سنرد بقوة.", {"n": 0}),
    (
        "all options open",
        "وأكد المتحدث أن جميع الخيارات مفتوحة للرد على استهداف القاعدة.",
        {"n": 0},
    ),
    ("escalation imminent", "حذر مراقبون من أن عودة التصعيد وشيكة بعد قصف القواعد.", {"n": 0}),
    (
        "total since October",
        "نفذت الفصائل أكثر من 100 هجوم على القواعد الأمريكية منذ أكتوبر.",
        {"n": 0},
    ),
    ("question", "هل قصفت الطائرات المسيرة قاعدة عين الأسد؟", {"n": 0}),
    ("denial of the attack", "نفى مصدر أمني وقوع أي هجوم على قاعدة عين الأسد.", {"n": 0}),
    ("warning", "حذرت السفارة رعاياها من هجمات محتملة بطائرات مسيرة.", {"n": 0}),
    ("vow", "توعدت الجماعة بمواصلة الهجمات على السفن في البحر الأحمر.", {"n": 0}),
    (
        "no trigger at all",
        "عقد رئيس الوزراء اجتماعا مع وزير الخارجية لبحث العلاقات الثنائية.",
        {"n": 0},
    ),
    # --- dates ----------------------------------------------------------------------------
    (
        "explicit date",
        "قصفت طائرة مسيرة قاعدة حرير في 20 تموز 2024.",
        {"n": 1, "date": "2024-07-20"},
    ),
    ("publication date fallback", "قصفت طائرة مسيرة قاعدة حرير.", {"n": 1, "date": "2024-07-27"}),
    # --- damage ----------------------------------------------------------------------------
    (
        "damage to air defence",
        "استهدفت طائرة مسيرة منظومة دفاع جوي في القاعدة ما أدى إلى تدميرها أمس.",
        {"n": 1, "targets": {"air_defense"}, "damage": {"air defense system"}},
    ),
]


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


@pytest.mark.parametrize("text,want", [(t, w) for _, t, w in CASES], ids=[c[0] for c in CASES])
def test_sentence(text: str, want: dict) -> None:
    events = rasd.extract(text, published=PUB)
    assert len(events) == want["n"], [e.to_dict() for e in events]
    if not events:
        return
    ev = events[0]
    if "sub" in want:
        assert ev.sub_event_type == want["sub"]
    if "plover" in want:
        assert ev.plover_type == want["plover"]
    if "weapons" in want:
        assert Counter((w.kind, w.count) for w in ev.weapons) == Counter(want["weapons"])
    if "models" in want:
        assert {w.model for w in ev.weapons if w.model} == want["models"]
    if "targets" in want:
        assert want["targets"] <= {t.kind for t in ev.targets}
    if "damage" in want:
        assert set(ev.damage) == want["damage"]
    for key, attr in (
        ("fatalities", "fatalities"),
        ("injuries", "injuries"),
        ("claim", "claim_status"),
    ):
        if key in want:
            assert getattr(ev, attr) == want[key]
    for key, attr in (
        ("actor1", "actor1"),
        ("actor2", "actor2"),
        ("suspected", "suspected_actor1"),
    ):
        if key in want:
            assert _name(getattr(ev, attr)) == want[key]
    if "date" in want:
        assert ev.window is not None and ev.window.best.isoformat() == want["date"]


def test_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
