"""Slots and merging on long-article shapes: background attacks, tallies,
denials, claims told apart from the attack, companions counted, totals,
payloads, weapons of another event named beside this one.

Each case is a short invented text, its publication date and what the
events must hold (a key left out is not checked; ``last`` checks the last
event instead of the first). ``n`` is the number of events.
"""

from __future__ import annotations

from collections import Counter

import pytest

import rasd

CASES = [
    # --- background and talk about attacks ------------------------------------------
    (
        "an attack dated to a past month is background",
        "قتل جنديان بانفجار عبوة ناسفة استهدفت دورية في قضاء الحويجة مساء أمس.\n\n"
        "وكانت المنطقة قد شهدت في آذار الماضي هجوماً مماثلاً أودى بحياة خمسة جنود.",
        "2024-07-27",
        {"n": 1, "fatalities": 2},
    ),
    (
        "an attack dated more than a week back is background",
        "سقطت ثلاثة صواريخ على قاعدة حرير مساء أمس.\n\n"
        "وكانت القاعدة قد تعرضت في الثالث من حزيران لهجوم بطائرة مسيرة.",
        "2024-07-27",
        {"n": 1, "weapons": {("rocket", 3)}},
    ),
    (
        "a tally over two years is no event and adds no toll",
        "قصفت المدفعية التركية قرى في قضاء زاخو فجر اليوم، ما أدى إلى إصابة راعٍ.\n\n"
        "ونفذت تركيا خلال العامين الماضيين مئات الضربات على المنطقة أسفرت عن مقتل عشرات المدنيين.",
        "2024-07-27",
        {"n": 1, "fatalities": None},
    ),
    (
        "a denial of the attack itself is no event",
        "قيادة العمليات تنفي تعرض قاعدة بلد الجوية لهجوم بطائرة مسيرة",
        "2024-07-27",
        {"n": 0},
    ),
    # --- one attack, several tellings ----------------------------------------------
    (
        "a claim in a later paragraph joins the attack it claims",
        "قتل ثلاثة جنود بهجوم شنه مسلحون على نقطة عسكرية قرب بلدة ذيبان مساء أمس.\n\n"
        "وتبنى تنظيم داعش الهجوم في بيان نشره صباح اليوم، زاعماً أنه قتل سبعة جنود.",
        "2024-07-27",
        {"n": 1, "actor1": "Islamic State", "claim": "claimed", "fatalities": 3},
    ),
    (
        "a claim told in the attack's own sentence keeps it one event",
        "قُتل عنصر في قوات سوريا الديمقراطية، مساء أمس، برصاص مسلحين في بلدة البصيرة، "
        "قبل أن يتبنى تنظيم داعش العملية في بيان.\n\n"
        "وأفاد مراسل محلي بأن المسلحين أطلقوا النار على العنصر أمام منزله ما أدى إلى مقتله.",
        "2024-07-27",
        {"n": 1, "actor1": "Islamic State", "claim": "claimed"},
    ),
    (
        "a group announcing the attack as a verbal noun claims it",
        "أعلنت جماعة الحوثي، مساء الأربعاء، استهداف سفينة تجارية في البحر الأحمر بصاروخين باليستيين.",
        "2024-06-13",
        {"n": 1, "actor1": "Ansar Allah (Houthis)", "claim": "claimed"},
    ),
    (
        "a named army that did not claim is no claim",
        "استهدفت ضربة جوية شقة سكنية في الضاحية الجنوبية لبيروت مساء أمس، ما أدى إلى مقتل ثلاثة أشخاص.\n\n"
        "ولم يعلن الجيش الإسرائيلي مسؤوليته عن الضربة.",
        "2024-01-03",
        {"n": 1, "claim": "unknown"},
    ),
    # --- tolls -----------------------------------------------------------------------
    (
        "him and his companion are two",
        "اغتال مسلحون مجهولون موظفاً حكومياً بإطلاق النار على سيارته في مدينة الديوانية مساء أمس، "
        "ما أدى إلى مقتله ومرافقه.",
        "2024-07-27",
        {"n": 1, "fatalities": 2, "sub": "Attack", "weapons": {("small_arms", None)}},
    ),
    (
        "persons joined by and add up",
        "استشهد ضابط برتبة نقيب وجنديان بانفجار عبوة ناسفة استهدفت دورية في حمرين مساء أمس.",
        "2024-03-12",
        {"n": 1, "fatalities": 3},
    ),
    (
        "a total over several strikes is not the toll of one",
        "قتل تسعة مقاتلين بغارات أمريكية على مواقع في قضاء القائم مساء أمس.\n\n"
        "وأعلنت الحكومة أن الحصيلة الإجمالية للغارات بلغت ستة عشر قتيلاً.",
        "2024-02-03",
        {"n": 1, "fatalities": 9},
    ),
    # --- type and weapons ----------------------------------------------------------------
    (
        "tear gas canisters are no grenade",
        "تظاهر مئات المواطنين أمام مبنى المحافظة في الناصرية مساء أمس، "
        "وأطلقت قوات الأمن قنابل الغاز المسيل للدموع لتفريق المتظاهرين.",
        "2024-07-27",
        {"n": 1, "weapons": set(), "not_sub": "Grenade"},
    ),
    (
        "explosives carried by a drone are its payload",
        "قتل مدنيان بسقوط طائرة مسيرة محملة بمواد متفجرة على حي سكني في مدينة السقيلبية مساء أمس.",
        "2024-06-12",
        {"n": 1, "weapons": {("drone", 1)}},
    ),
    (
        "more than ten shells is no count",
        "قصفت المدفعية الأمريكية محيط مدينة الميادين مساء أمس بأكثر من عشر قذائف.",
        "2024-08-05",
        {"weapons": {("artillery", None)}},
    ),
    (
        "the weapon of the attack answered is not this attack's",
        "شنت طائرات حربية إسرائيلية غارات على ميناء الحديدة مساء أمس، "
        "رداً على هجوم بطائرة مسيرة على تل أبيب.",
        "2024-07-21",
        {"weapons": {("aircraft", None)}},
    ),
    (
        "a second drone shot down is the same attack's",
        "أصيب ثلاثة جنود فجر اليوم بهجوم بطائرة مسيرة مفخخة على موقع عسكري في مديرية حيس.\n\n"
        "وأضاف البيان أن الدفاعات تمكنت من إسقاط طائرة مسيرة ثانية قبل وصولها إلى هدفها.",
        "2024-04-24",
        {"n": 1, "weapons": {("drone", 2)}, "sub": "Air/drone strike"},
    ),
    (
        "the weapon named when the strike is told again says what it was",
        "قُتل سبعة أشخاص مساء أمس بضربة استهدفت شقة سكنية في الضاحية الجنوبية لبيروت.\n\n"
        "وأفاد شهود عيان بأن الضربة نفذتها طائرة مسيرة أطلقت صواريخ عدة على المبنى.",
        "2024-01-03",
        {"n": 1, "sub": "Air/drone strike"},
    ),
    (
        "the toll after a fall in the event's own sentence is its toll",
        "اعترضت الدفاعات الجوية، مساء أمس السبت، صاروخاً باليستياً أطلقته ميليشيا الحوثي "
        "باتجاه مدينة مأرب، وسقطت شظاياه في حي سكني شرقي المدينة، "
        "ما أدى إلى إصابة مدنيين اثنين بجروح.",
        "2024-11-03",
        {"n": 1, "injuries": 2},
    ),
    (
        "a source's name in quotes is no date",
        "قُتل عنصران، مساء الثلاثاء، بضربة نفذتها طائرة مسيرة تركية استهدفت سيارة قرب سنجار.\n\n"
        'وقال مسؤول محلي لـ"زاغروس اليوم" إن الطائرة المسيرة أطلقت صاروخاً على السيارة.',
        "2023-11-15",
        {"n": 1, "date": "2023-11-14"},
    ),
    # --- actors ------------------------------------------------------------------------
    (
        "a generic force is the army it belongs to",
        "اعترضت الدفاعات الجوية التابعة للجيش العراقي، مساء أمس، طائرة مسيرة فوق قاعدة بلد الجوية.",
        "2024-07-27",
        {"n": 1, "actor1": "Iraqi Army"},
    ),
    (
        "a generic mention is the group the article names with those words",
        "قصفت مليشيا الحوثي حياً سكنياً في مدينة تعز مساء أمس بقذائف الهاون.\n\n"
        "وفي الساحل الغربي، أصيب ثلاثة جنود فجر اليوم بهجوم بطائرة مسيرة أطلقتها المليشيا "
        "على موقع عسكري في مديرية حيس.",
        "2024-04-24",
        {"last": True, "actor1": "Ansar Allah (Houthis)"},
    ),
]


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


@pytest.mark.parametrize("text,published,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_article_fields(text: str, published: str, want: dict) -> None:
    events = rasd.extract(text, published=published)
    if "n" in want:
        assert len(events) == want["n"], [e.to_dict() for e in events]
    if not events:
        return
    ev = events[-1] if want.get("last") else events[0]
    if "sub" in want:
        assert ev.sub_event_type == want["sub"], ev.to_dict()
    if "not_sub" in want:
        assert ev.sub_event_type != want["not_sub"], ev.to_dict()
    if "weapons" in want:
        assert Counter((w.kind, w.count) for w in ev.weapons) == Counter(want["weapons"])
    for key, attr in (
        ("fatalities", "fatalities"),
        ("injuries", "injuries"),
        ("claim", "claim_status"),
    ):
        if key in want:
            assert getattr(ev, attr) == want[key], ev.to_dict()
    if "actor1" in want:
        assert _name(ev.actor1) == want["actor1"], ev.to_dict()
    if "date" in want:
        assert ev.window is not None and ev.window.best.isoformat() == want["date"]


def test_a_headline_naming_two_places_gives_its_author_to_both(has_geo) -> None:
    text = (
        "غارات إسرائيلية على النبطية وبنت جبيل\n\n"
        "قُتل أربعة أشخاص في غارة استهدفت منزلاً في مدينة النبطية مساء أمس الاثنين.\n\n"
        "كما قُتل ثلاثة أشخاص وأصيب سبعة آخرون في غارة على مبنى سكني في مدينة بنت جبيل "
        "في الليلة ذاتها."
    )
    events = rasd.extract(text, published="2024-09-24")
    assert [e.fatalities for e in events] == [4, 3]
    assert [_name(e.actor1) for e in events] == ["Israel Defense Forces"] * 2


def test_a_tally_over_hundreds_of_sites_is_no_event() -> None:
    text = (
        "قُتل أربعة أشخاص في غارة إسرائيلية استهدفت منزلاً في بلدة كفررمان مساء أمس.\n\n"
        "وكانت وزارة الصحة قد أعلنت أن الغارات التي شنت أمس على مئات المواقع في الجنوب "
        "والبقاع أسفرت عن مقتل أكثر من خمسمئة شخص."
    )
    events = rasd.extract(text, published="2024-09-24")
    assert [e.fatalities for e in events] == [4]


def test_shots_at_a_car_are_an_attack_not_a_clash() -> None:
    """One side shooting at a car is an attack; a clash needs two armed sides."""
    text = (
        "وأفاد مصدر أمني بأن المسلحين أطلقوا وابلاً من الرصاص على سيارة النقيب أثناء توقفها "
        "في شارع التسعين بمدينة عدن مساء أمس، ما أدى إلى مقتله على الفور."
    )
    events = rasd.extract(text, published="2025-05-14")
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert events[0].fatalities == 1


@pytest.mark.parametrize("name", ["roles", "weapons", "casualties", "claims", "targets"])
def test_no_slot_phrase_is_shadowed(name: str) -> None:
    """A variant in two rows only ever matches the first: the second row is dead data."""
    from rasd import resources
    from rasd.extract.lexicon import _norm_variant

    seen: dict[str, int] = {}
    clashes = []
    for i, row in enumerate(resources.tsv("extract", f"{name}.tsv")):
        for raw in row["phrase"].split("|"):
            v = _norm_variant(raw.strip())
            if v in seen and seen[v] != i:
                clashes.append((raw, seen[v], i))
            seen.setdefault(v, i)
    assert not clashes
