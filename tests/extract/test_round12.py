"""Round 12 (session 5): leftovers of rounds 8-11 in general form. Each case is a
short invented text (no gold sentence or place is copied), its publication date and
what its events must hold:

- a monitor named for human rights (المرصد السوري لحقوق الإنسان) is a source giving a
  toll, not talk of courts: its toll sentence still tells the event;
- a guided missile (صاروخ موجه) is no wave (موجة) of attacks: a claim with one passes;
- what a commander killed "was responsible for" (كان مسؤولاً عن إطلاق صواريخ على …)
  is his past, not a second attack by the army that killed him;
- a side taken from a later telling is never the side already on the other slot;
- a side that admits its own losses (وأقر الجيش بإصابة جندي) is the side hit, neither
  the attacker nor the claimant, and its admission joins the attack on it, not the
  side's own strike told just before;
- a denial in a sentence with no event word (نفى … أي علاقة لها بما جرى) denies the
  event told just before;
- a lede that tells the attack in a relative clause with its doer under a
  condemnation (توالت الإدانات للهجوم الذي نفذه مسلحون … على …) is news; a relative
  clause that only refers back (بالقصف الذي استهدف البلدة) or tells an old attack is not;
- a country named before a place in it (للمملكة العربية السعودية في منطقة نجران) gives
  way to that place;
- the aggression told as the subject of its result (وأدى العدوان إلى استشهاد …) gives
  the toll of the raid before it (guards).
"""

from __future__ import annotations

import pytest

import rasd
from tests.extract.expect import check_case

CASES = [
    (
        "guard: a toll given by a monitor named for human rights passes on its own",
        "وقال المرصد السوري لحقوق الإنسان إن قصفاً مدفعياً لقوات النظام على بلدة كفرنبل "
        "جنوبي إدلب أسفر مساء أمس عن مقتل ثلاثة مدنيين.",
        "2024-05-12",
        {"n": 1, "fatalities": 3, "place": "Kafranbel"},
    ),
    (
        "a claim of a strike with a guided missile is news (صاروخ موجه is no wave)",
        "أعلن حزب الله، اليوم الأحد، أن مقاتليه استهدفوا بصاروخ موجه دبابة ميركافا قرب "
        "موقع المالكية.",
        "2024-05-12",
        {"n": 1, "actor1": "Hezbollah", "claim_status": "claimed"},
    ),
    (
        "an admission of one's own wounded joins the attack on that side, not its own strike",
        "أعلن حزب الله، مساء الخميس، أن مقاتليه استهدفوا ثكنة زرعيت بالصواريخ الموجهة.\n\n"
        "وشن الطيران الحربي الإسرائيلي غارة على منزل في بلدة عيتا الشعب جنوبي لبنان.\n\n"
        "وأقر الجيش الإسرائيلي بإصابة جندي بجروح طفيفة جراء سقوط صاروخ مضاد للدروع في "
        "محيط الثكنة.",
        "2024-05-10",
        {"n": 2, "actor1": "Hezbollah", "actor2": "Israel Defense Forces", "injuries": 1},
    ),
    (
        "… and the side's own strike keeps no wounded of the admission",
        "أعلن حزب الله، مساء الخميس، أن مقاتليه استهدفوا ثكنة زرعيت بالصواريخ الموجهة.\n\n"
        "وشن الطيران الحربي الإسرائيلي غارة على منزل في بلدة عيتا الشعب جنوبي لبنان.\n\n"
        "وأقر الجيش الإسرائيلي بإصابة جندي بجروح طفيفة جراء سقوط صاروخ مضاد للدروع في "
        "محيط الثكنة.",
        "2024-05-10",
        {"n": 2, "last": True, "actor1": "Israel Defense Forces", "injuries": None},
    ),
    (
        "a denial with no event word in its sentence denies the event before it",
        "انفجرت عبوة ناسفة، صباح اليوم الأحد، بدورية للجيش في مدينة الرمادي، ما أدى إلى "
        "إصابة جنديين.\n\n"
        "ونفى المتحدث باسم حركة حماس أي علاقة لها بما جرى.",
        "2024-05-12",
        {"n": 1, "claim_status": "denied", "injuries": 2},
    ),
    (
        "guard: a denial of something else with no word for the event denies nothing",
        "انفجرت عبوة ناسفة، صباح اليوم الأحد، بدورية للجيش في مدينة الرمادي، ما أدى إلى "
        "إصابة جنديين.\n\n"
        "ونفى المتحدث باسم حركة حماس وجود أي مفاوضات مع الحكومة.",
        "2024-05-12",
        {"n": 1, "claim_status": "unknown"},
    ),
    (
        "the aggression as the subject of its result gives the toll of the raid (guard)",
        "قصفت طائرات حربية، فجر اليوم الأحد، منزلاً في بلدة الخيام جنوبي لبنان.\n\n"
        "وأدى العدوان إلى استشهاد مواطنين اثنين وإصابة ثلاثة آخرين.",
        "2024-05-12",
        {"n": 1, "fatalities": 2, "injuries": 3},
    ),
    (
        "… told after a colon in the agency's words (guard)",
        "قصفت طائرات حربية، فجر اليوم الأحد، منزلاً في بلدة الخيام جنوبي لبنان.\n\n"
        "وقالت الوكالة: العدوان أدى إلى استشهاد مواطنين اثنين وإصابة ثلاثة آخرين.",
        "2024-05-12",
        {"n": 1, "fatalities": 2, "injuries": 3},
    ),
    (
        "a condemnation lede telling the attack in a relative clause with its doer (a drone)",
        "أدانت وزارة الخارجية العراقية، اليوم الأحد، الهجوم الذي شنته طائرة مسيرة على حقل "
        "كورمور الغازي في محافظة السليمانية، وأسفر عن إصابة ثلاثة عمال.",
        "2024-05-12",
        {"n": 1, "injuries": 3, "weapons": {("drone", 1)}},
    ),
    (
        "… and with its doer named (gunmen; guard)",
        "توالت الإدانات للهجوم الذي نفذه مسلحون مجهولون، مساء أمس السبت، على نقطة تفتيش "
        "للجيش في مدينة الرمادي، وأسفر عن مقتل ثلاثة جنود.",
        "2024-05-12",
        {"n": 1, "place": "Ramadi", "fatalities": 3, "date": "2024-05-11"},
    ),
    (
        "guard: a condemnation of the strike told before, by a relative clause of reference",
        "قصفت طائرات حربية، فجر اليوم الأحد، منزلاً في بلدة الخيام جنوبي لبنان.\n\n"
        "وندد رئيس الحكومة بالقصف الذي استهدف البلدة، معتبراً أنه خرق للقرار الدولي.",
        "2024-05-12",
        {"n": 1, "place": "Khiam"},
    ),
    (
        "a place of the country named after the country says where in it",
        "استهدفت طائرة مسيرة، مساء أمس السبت، موقعاً عسكرياً على الحدود الجنوبية للمملكة "
        "العربية السعودية في منطقة نجران، ما أدى إلى إصابة جنديين.",
        "2024-05-12",
        {"n": 1, "place": "Najran Region", "injuries": 2},
    ),
    (
        "what a killed commander was responsible for is no second attack",
        "شن الطيران الإسرائيلي، مساء أمس السبت، غارة على سيارة في بلدة حولا جنوبي لبنان.\n\n"
        "وقال الجيش الإسرائيلي في بيان إنه قضى على قيادي في حزب الله كان مسؤولاً عن إطلاق "
        "صواريخ على الجليل.",
        "2024-05-12",
        {"n": 1, "actor1": "Israel Defense Forces"},
    ),
]


@pytest.mark.parametrize(("label", "text", "published", "want"), CASES, ids=[c[0] for c in CASES])
def test_round12_case(label: str, text: str, published: str, want: dict) -> None:
    check_case(text, published, want)


@pytest.mark.parametrize(
    "sentence",
    [
        "وقالت الشبكة السورية لحقوق الإنسان إن الغارات أسفرت عن مقتل أربعة مدنيين.",
        "وأفاد المرصد لحقوق الإنسان بأن القصف أسفر عن مقتل أربعة مدنيين.",
    ],
)
def test_rights_body_is_no_judicial_cue(sentence: str):
    """A body named for human rights is read whole (neutral), so no judicial cue."""
    from rasd.extract.mentions import read_sentence

    r = read_sentence(sentence, 0, len(sentence))
    assert not [c for c in r.cues if c.row["cue"] == "judicial"]


def test_judicial_cue_still_read():
    """Guard: a report on human rights (no body's name) is still a judicial cue."""
    from rasd.extract.mentions import read_sentence

    sentence = "وتحدث تقرير عن انتهاكات حقوق الإنسان ومقتل مدنيين في الهجمات."
    r = read_sentence(sentence, 0, len(sentence))
    assert [c for c in r.cues if c.row["cue"] == "judicial"]


def test_one_side_never_both():
    """Guard: a later telling that names as the side hit the side the event already has as its
    attacker adds no actor2."""
    events = rasd.extract(
        "قصفت المدفعية الإسرائيلية، مساء أمس السبت، أطراف بلدة عيترون جنوبي لبنان.\n\n"
        "وأفاد مصدر محلي بأن القصف الإسرائيلي على عيترون استهدف الجيش الإسرائيلي.",
        "2024-05-12",
    )
    for ev in events:
        if ev.actor1 is not None and ev.actor2 is not None:
            assert ev.actor1.id != ev.actor2.id


def test_admitting_side_is_hit():
    """The slots of an admission: the admitting side is actor2, not actor1, and
    claims nothing."""
    from rasd.extract.frames import frames, passes
    from rasd.extract.mentions import read_sentence
    from rasd.extract.slots import fill

    line = "وأقر الجيش الإسرائيلي بإصابة جندي بجروح طفيفة جراء سقوط صاروخ قرب الثكنة."
    r = read_sentence(line, 0, len(line))
    f = frames(r)[0]
    passes(f)
    s = fill(f, line)
    assert s.actor1 is None
    assert s.actor2 is not None and s.actor2.id == "israel_forces"
    assert s.claim_status == "unknown"


def test_denial_names_the_suspect():
    events = rasd.extract(
        "انفجرت عبوة ناسفة، صباح اليوم الأحد، بدورية للجيش في مدينة الرمادي، ما أدى إلى "
        "إصابة جنديين.\n\n"
        "ونفى المتحدث باسم حركة حماس أي علاقة لها بما جرى.",
        "2024-05-12",
    )
    assert events[0].suspected_actor1 is not None
    assert events[0].suspected_actor1.name == "Hamas"


@pytest.mark.parametrize(
    "sentence",
    [
        "وقالت مصادر أمنية إن منفذ التفجير الانتحاري فجر نفسه قرب مدخل مدينة بعقوبة.",
        "وأشارت المصادر إلى أن منفذ الهجوم كان يستقل دراجة نارية في مدينة بعقوبة.",
    ],
)
def test_perpetrator_is_no_crossing(sentence: str):
    """``منفذ`` before an attack noun is the one who carried it out, not a border
    crossing: the attack noun never starts a name caught after a cue (geo stopwords)."""
    from rasd.extract.mentions import read_sentence

    r = read_sentence(sentence, 0, len(sentence))
    names = [sentence[p.start : p.end] for p in r.places]
    assert not [n for n in names if n.startswith("منفذ")]
    assert any("بعقوبة" in n for n in names)


def test_gaza_envelope_is_not_gaza():
    """``غلاف غزة`` names the Israeli towns around the Strip: no place in Palestine, so
    the clause is not cut into a second country."""
    events = rasd.extract(
        "أطلقت فصائل فلسطينية، مساء أمس السبت، صواريخ على مستوطنات غلاف غزة، وقال الجيش "
        "الإسرائيلي إن صاروخاً سقط في منطقة مفتوحة قرب كيبوتس ناحال عوز في غلاف غزة.",
        "2024-05-12",
    )
    assert len(events) == 1
    assert all(ev.location is None or ev.location.country == "IL" for ev in events)


def test_old_attack_in_relative_clause_is_no_news():
    """Guard: a relative clause with its doer that tells an attack of years ago."""
    assert (
        rasd.extract("أدانت الحكومة الهجوم الذي شنته الجماعة قبل عامين على المطار.", "2024-05-12")
        == []
    )
