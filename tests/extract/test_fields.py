"""Slots read across a whole article: follow-up sentences, retold ledes,
clauses that refer back, roles, claims, tolls, dates and weapons.

Each case is a short text (one to three sentences), its publication date
and what the events must hold; a key left out is not checked. ``n`` is
the number of events.
"""

from __future__ import annotations

from collections import Counter

import pytest

import rasd

CASES = [
    # --- a sentence after the event adds to it ---------------------------------------
    (
        "unclaimed in the next sentence",
        "استهدفت طائرة مسيرة قاعدة عين الأسد الجوية مساء أمس.\n\nولم تتبنَّ أي جهة الهجوم حتى الآن.",
        "2024-07-27",
        {"n": 1, "claim": "unclaimed", "actor1": None},
    ),
    (
        "no human losses with the subject between",
        "سقطت ثلاثة صواريخ على قاعدة حرير مساء أمس.\n\nولم يسفر الهجوم عن خسائر بشرية.",
        "2024-07-27",
        {"n": 1, "fatalities": 0, "injuries": 0, "weapons": {("rocket", 3)}},
    ),
    (
        "denied in a later sentence",
        "استهدف هجوم بطائرة مسيّرة فجر اليوم قاعدة فكتوريا العسكرية قرب مطار بغداد.\n\n"
        "ونفت كتائب حزب الله، في بيان مقتضب، أي علاقة لها بالهجوم.",
        "2023-11-07",
        {"n": 1, "claim": "denied", "suspected": "Kataib Hezbollah", "actor1": None},
    ),
    # --- tolls -----------------------------------------------------------------------------
    (
        "a reported silence on losses is no figure",
        "قصفت طائرة مسيرة قاعدة حرير أمس، ولم تعلن الولايات المتحدة عن وقوع خسائر.",
        "2024-07-27",
        {"n": 1, "fatalities": None, "injuries": None},
    ),
    (
        "an unknown toll is no figure",
        "قصفت طائرة مسيرة سوقا في إدلب أمس، ولم تعرف حصيلة القتلى بعد.",
        "2024-07-27",
        {"n": 1, "fatalities": None},
    ),
    (
        "negated injuries",
        "أعلنت مصادر أمنية أن 3 صواريخ أُطلقت مساء اليوم باتجاه قاعدة حرير، من دون أن تسفر عن إصابات.",
        "2024-07-16",
        {"n": 1, "injuries": 0, "claim": "unknown"},
    ),
    (
        "the figure belongs to the nearest casualty word",
        "سقط صاروخ باليستي على حي سكني في مدينة مأرب اليوم، ما أدى إلى مقتل طفلة وإصابة خمسة مدنيين آخرين.",
        "2025-02-10",
        {"n": 1, "fatalities": 1, "injuries": 5},
    ),
    (
        "killed and wounded together is neither",
        "تبنى تنظيم داعش تفجير عبوة ناسفة على دورية للجيش العراقي في الطارمية أمس، زاعماً أن الهجوم أسفر عن مقتل وإصابة ستة جنود.",
        "2025-03-19",
        {
            "n": 1,
            "fatalities": None,
            "injuries": None,
            "claim": "claimed",
            "actor1": "Islamic State",
        },
    ),
    (
        "figures joined by wa add up; clash sides after bayna",
        "اندلعت اشتباكات عنيفة أمس بين قوات سوريا الديمقراطية ومسلحين من العشائر في بلدة ذيبان، "
        "أسفرت عن مقتل خمسة من عناصر قسد وثلاثة من مقاتلي العشائر.",
        "2023-09-04",
        {"n": 1, "fatalities": 8, "actor1": "Syrian Democratic Forces", "sub": "Armed clash"},
    ),
    (
        "a dual person word is the count",
        "استشهد مواطنان ظهر اليوم جراء غارة شنتها طائرة مسيّرة على سيارة قرب النبطية.",
        "2024-04-16",
        {"n": 1, "fatalities": 2},
    ),
    # --- actors and claims -------------------------------------------------------------------
    (
        "the counted dead are victims, not the actor",
        "قُتل ثلاثة جنود من الجيش العراقي بانفجار عبوة ناسفة في قضاء الطارمية صباح اليوم.",
        "2025-03-18",
        {"n": 1, "actor1": None, "actor2": "Iraqi Army", "fatalities": 3},
    ),
    (
        "a state army announcing its own strike claims it",
        "أعلن الجيش الإسرائيلي أنه اغتال، أمس الثلاثاء، قيادياً في حزب الله بغارة نفذتها طائرة مسيّرة على سيارته قرب النبطية.",
        "2024-04-17",
        {"n": 1, "actor1": "Israel Defense Forces", "claim": "claimed"},
    ),
    (
        "a security office reporting a toll does not claim it",
        "أعلنت خلية الإعلام الأمني مقتل ٣ جنود بتفجير عبوة ناسفة في الطارمية، صباح اليوم.",
        "2025-03-18",
        {"n": 1, "actor1": None, "claim": "unknown", "fatalities": 3},
    ),
    (
        "a generic actor made precise by the one after it",
        "اختطف مسلحون يتبعون جماعة الحوثي، صباح الأحد، معلماً من منزله في منطقة الحوبان شرق مدينة تعز.",
        "2024-11-19",
        {"n": 1, "actor1": "Ansar Allah (Houthis)"},
    ),
    (
        "the attack word names its author",
        "استهدفت غارة إسرائيلية، فجر اليوم الأربعاء، مبنى سكنياً في مدينة بعلبك.",
        "2024-10-02",
        {"n": 1, "actor1": "Israel Defense Forces"},
    ),
    (
        "a protest is acted by its protesters",
        "اعتصم عشرات المواطنين، صباح اليوم الأربعاء، أمام مقر جمعية المصارف في وسط بيروت.",
        "2023-03-22",
        {"n": 1, "actor1": "Protesters"},
    ),
    # --- dates ---------------------------------------------------------------------------------
    (
        "the statement's date is not the attack's",
        "أعلنت المقاومة الإسلامية في العراق، في بيان نشرته فجر الأربعاء، مسؤوليتها عن استهداف قاعدة عين الأسد "
        "بطائرتين مسيرتين مساء أمس الثلاثاء.",
        "2023-10-25",
        {
            "n": 1,
            "date": "2023-10-24",
            "actor1": "Islamic Resistance in Iraq",
            "weapons": {("drone", 2)},
        },
    ),
    # --- one attack, one event -------------------------------------------------------------------
    (
        "an undated headline joins the dated report",
        "اشتباكات عنيفة بين قسد ومقاتلي العشائر في ريف دير الزور\n\n"
        "اندلعت اشتباكات عنيفة، أمس الأحد، بين قوات سوريا الديمقراطية ومسلحين من العشائر العربية في بلدة ذيبان بريف دير الزور الشرقي.",
        "2023-09-04",
        {"n": 1, "date": "2023-09-03"},
    ),
    (
        "a clause naming the weapon again refers back",
        "سقط صاروخ باليستي على حي سكني في مدينة مأرب عصر اليوم.\n\n"
        "وقال مصدر عسكري إن الصاروخ أُطلق من مناطق سيطرة الحوثيين في محافظة البيضاء.",
        "2025-02-10",
        {"n": 1, "weapons": {("ballistic_missile", 1)}},
    ),
    (
        "places named in passing are not second attacks",
        "هاجمت طائرتان مسيّرتان، مساء أمس، قاعدة التنف قرب المثلث الحدودي بين سوريا والعراق والأردن.",
        "2023-10-31",
        {"n": 1, "weapons": {("drone", 2)}},
    ),
    # --- weapons and type ------------------------------------------------------------------------
    (
        "count and kind in two sentences",
        "أعلن الحرس الثوري الإيراني أنه استهدف مقراً في أربيل بعدد من الصواريخ الباليستية، مساء أمس الإثنين.\n\n"
        "وقال مسؤولون أكراد إن 11 صاروخاً سقطت على منطقة سكنية في المدينة.",
        "2024-01-16",
        {
            "n": 1,
            "weapons": {("ballistic_missile", 11)},
            "actor1": "Islamic Revolutionary Guard Corps",
        },
    ),
    (
        "a unit named after a weapon is not a weapon",
        "اغتال الجيش الإسرائيلي أمس قيادياً في وحدة الصواريخ التابعة لحزب الله بغارة نفذتها طائرة مسيّرة قرب النبطية.",
        "2024-04-17",
        {"n": 1, "weapons": {("drone", 1)}},
    ),
    (
        "the weapon says what an explosion was",
        "هزت انفجارات عنيفة، مساء اليوم، مدينة أربيل إثر سقوط صواريخ باليستية على منزل.",
        "2024-01-15",
        {
            "n": 1,
            "sub": "Shelling/artillery/missile attack",
            "weapons": {("ballistic_missile", None)},
        },
    ),
    (
        "another attack is another event",
        "استهدفت طائرة مسيرة قاعدة عين الأسد الجوية مساء أمس.\n\nوفي هجوم آخر، استهدف مسلحون دورية للشرطة.",
        "2024-07-27",
        {"n": 2},
    ),
    (
        "a later sentence about the nearest event",
        "أعلنت جماعة أنصار الله أنها استهدفت سفينة تجارية في البحر الأحمر بصاروخين باليستيين مساء أمس.\n"
        "وقالت هيئة عمليات التجارة البحرية البريطانية إن السفينة تعرضت لأضرار طفيفة ولم يصب أحد من طاقمها.",
        "2024-02-14",
        {"n": 1, "injuries": 0, "claim": "claimed", "weapons": {("ballistic_missile", 2)}},
    ),
    (
        "a toll at a place of its own is its own event",
        "قتل ثلاثة أشخاص في انفجار عبوة ناسفة ببغداد صباح اليوم.\n\nوفي الموصل، قتل شخصان.",
        "2024-07-27",
        {"n": 2, "fatalities": 3},
    ),
    (
        "a dated report in another province is its own event",
        "قتل ثلاثة أشخاص في انفجار عبوة ناسفة ببغداد صباح اليوم.\n\n"
        "وفي كركوك، أسفر الانفجار الذي وقع مساء أمس في سوق شعبي عن مقتل خمسة.",
        "2024-07-27",
        {"n": 2, "fatalities": 3},
    ),
    (
        "a march carries no drone",
        "خرجت في العاصمة صنعاء، اليوم الجمعة، مسيرة حاشدة في ميدان السبعين تضامناً مع غزة.",
        "2024-03-08",
        {"weapons": set()},
    ),
]


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


@pytest.mark.parametrize("text,published,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_fields(text: str, published: str, want: dict) -> None:
    events = rasd.extract(text, published=published)
    if "n" in want:
        assert len(events) == want["n"], [e.to_dict() for e in events]
    if not events:
        return
    ev = events[0]
    if "sub" in want:
        assert ev.sub_event_type == want["sub"]
    if "weapons" in want:
        assert Counter((w.kind, w.count) for w in ev.weapons) == Counter(want["weapons"])
    for key, attr in (
        ("fatalities", "fatalities"),
        ("injuries", "injuries"),
        ("claim", "claim_status"),
    ):
        if key in want:
            assert getattr(ev, attr) == want[key], ev.to_dict()
    for key, attr in (
        ("actor1", "actor1"),
        ("actor2", "actor2"),
        ("suspected", "suspected_actor1"),
    ):
        if key in want:
            assert _name(getattr(ev, attr)) == want[key], ev.to_dict()
    if "date" in want:
        assert ev.window is not None and ev.window.best.isoformat() == want["date"]


def test_a_time_word_is_not_the_place(has_geo) -> None:
    text = "سقطت صواريخ كاتيوشا، فجر اليوم الجمعة، على المنطقة الخضراء وسط بغداد."
    events = rasd.extract(text, published="2023-12-08")
    assert len(events) == 1
    dates = [e for e in events[0].evidence if e.field == "date"]
    places = [e for e in events[0].evidence if e.field == "location"]
    assert places and not any(p.start < d.end and d.start < p.end for p in places for d in dates)
