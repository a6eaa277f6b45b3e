"""Detection: telling a sentence that reports an attack or a protest from talk about one.

Each case is an invented sentence and whether rasd must emit an ASSAULT or a
PROTEST event for it (the sentence-level test of gold-format.md, last
section). The notes name the phenomenon the case guards.
"""

from __future__ import annotations

import pytest

import rasd
from rasd import resources
from rasd.extract.frames import frames, passes, retells
from rasd.extract.lexicon import _norm_variant
from rasd.extract.mentions import read_sentence
from rasd.text import match_form


def types(text: str) -> set[str]:
    return {e.plover_type for e in rasd.extract(text)}


REPORTS = [
    # a verb that is often figurative, used with a target
    ("هاجم مسلحون نقطة تفتيش للشرطة في بعقوبة أمس.", "ASSAULT"),
    # the casualties first, the attack after جراء: the attack is the event
    ("استشهد مواطنان ظهر اليوم جراء غارة شنتها طائرة مسيرة على سيارة قرب النبطية.", "ASSAULT"),
    # a city whose name holds a judicial word (بعقوبة / عقوبة) is still a place
    ("قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار عبوة ناسفة وسط بعقوبة أمس.", "ASSAULT"),
    # an indefinite relative clause (no الذي) is part of the new event
    ("انفجرت عبوة ناسفة استهدفت دورية للشرطة في الموصل صباح اليوم.", "ASSAULT"),
    # strikes counted as the means of one attack (بعدة غارات), not a tally
    ("استهدف الطيران ميناء الحديدة مساء اليوم بعدة غارات.", "ASSAULT"),
    # an inflected shooting phrase is the phrase, not the bare verb that needs a weapon
    ("وقال شهود إن دورية للجيش أطلقت النار على سيارة مدنية عند الحاجز أمس.", "ASSAULT"),
    # a grenade thrown: a verb that needs its weapon
    ("ألقى مجهولون قنبلة يدوية على متجر في حي الكرادة فجر اليوم.", "ASSAULT"),
    # core protest verbs with counted participants
    ("تظاهر مئات الطلاب أمام وزارة التعليم في بغداد أمس.", "PROTEST"),
    ("تجمع عشرات المواطنين أمام مبنى المحافظة للمطالبة بتحسين الكهرباء.", "PROTEST"),
    # a verb of breaking out whose subject is an indefinite protest noun
    ("اندلعت في البصرة أمس مظاهرات غاضبة ضد انقطاع الماء.", "PROTEST"),
    # a negation bound to one trigger (أعمال عنف) leaves the protest standing
    ("خرجت مظاهرات حاشدة في الناصرية أمس، ولم تسجل أعمال عنف.", "PROTEST"),
    # protesters as محتجون, and a protest verb some words before its protest word
    ("أضرم محتجون غاضبون مساء أمس النار في مقر حزب وسط الناصرية احتجاجا على البطالة.", "PROTEST"),
]

TALK = [
    # idioms holding a trigger word
    ("أعلن الطرفان وقف إطلاق النار في المدينة أمس.", "ASSAULT"),
    ("أطلق الخاطفون سراح الصحافي أمس بعد مفاوضات طويلة.", "ASSAULT"),
    ("ودعا الوزير إلى احترام قواعد الاشتباك على الحدود.", "ASSAULT"),
    # a time phrase is not a throwing verb (وقت / القت)
    ("وفي وقت سابق ضبطت الشرطة صواريخ وقذائف هاون في مخزن مهجور.", "ASSAULT"),
    # a figurative verb without weapon, target or victim
    ("هاجم وزير الخارجية سياسة الحكومة في مؤتمر صحفي أمس.", "ASSAULT"),
    # an event already known, named through a relative clause, as the topic of an inquiry
    ("وتواصلت التحقيقات في التفجير الذي استهدف دورية للشرطة.", "ASSAULT"),
    # the suicide bomber as a person, not an attack
    ("وتحدث جيران الانتحاري عن حياته في الحي.", "ASSAULT"),
    # an ordinal counts attacks: a tally, not a report
    ("وهذا ثاني هجوم انتحاري تشهده المدينة.", "ASSAULT"),
    # a condemnation governs an attack joined to its clause by و
    ("وأدانت الجامعة العربية بشدة القصف الإسرائيلي أمس وشن غارات جوية على مخيم جباليا.", "ASSAULT"),
    # a denial of the reports that told of the attack
    ("نفت قيادة الشرطة أمس الأنباء عن هجوم مسلح على مركز للشرطة في كركوك.", "ASSAULT"),
    # what is feared or planned (أن يتم + verbal noun)
    ("وتخشى الحكومة أن يتم قصف المدن الحدودية بالصواريخ.", "ASSAULT"),
    # the ل of purpose on a verbal noun: what a launcher is for
    ("ونصب الجنود منصات لإطلاق قذائف الهاون قرب الحدود.", "ASSAULT"),
    # known protesters chanting: a detail of a protest told before
    ("وردد المتظاهرون شعارات ضد الحكومة.", "PROTEST"),
    ("ورفع المتظاهرون لافتات تطالب بالإصلاح.", "PROTEST"),
    # security forces gathering are not protesters
    ("واحتشدت قوات الأمن بأعداد كبيرة في ساحة التحرير أمس.", "PROTEST"),
    # riot police is a unit, not a riot
    ("ونشرت السلطات قوات مكافحة الشغب حول الساحة.", "PROTEST"),
    # a protest noun alone, in passing
    ("وقال أحد منظمي المظاهرة إن المطابع طبعت صور الرئيس.", "PROTEST"),
    # protesters in a relative clause (المتظاهرين الذين تجمعوا): background
    ("واعتقلت الشرطة ستة من المتظاهرين الذين تجمعوا قرب المحطة.", "PROTEST"),
    # police dispersing protesters, told alone: not a protest report of its own
    ("واستخدمت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين.", "PROTEST"),
]


@pytest.mark.parametrize(
    ("text", "kind"), REPORTS, ids=[f"report-{i}" for i in range(len(REPORTS))]
)
def test_reports_an_event(text: str, kind: str) -> None:
    assert kind in types(text)


@pytest.mark.parametrize(("text", "kind"), TALK, ids=[f"talk-{i}" for i in range(len(TALK))])
def test_talk_is_not_an_event(text: str, kind: str) -> None:
    assert kind not in types(text)


def _frames(text: str):
    r = read_sentence(text, 0, len(text))
    assert r is not None
    out = frames(r)
    for f in out:
        passes(f)
    return out


def test_negation_cancels_only_its_trigger() -> None:
    (f,) = [
        f
        for f in _frames("خرجت مظاهرات في البصرة أمس ولم تسجل أعمال عنف.")
        if f.family == "protest"
    ]
    assert not f.blocked
    assert any("negation" in reason for reason in f.reasons)
    assert {f.reading.text[t.start : t.end] for t in f.live} == {"خرجت مظاهرات"}


def test_head_is_a_live_trigger() -> None:
    """A trigger cancelled by its needs (سقط with no weapon) does not decide the type."""
    text = "اندلعت اشتباكات بين الجيش ومسلحين في المدينة أمس، وسقط فيها قتيلان."
    for f in _frames(text):
        if f.family == "violence" and f.live:
            assert f.head in f.live


def test_capped_detail_still_ranks_the_telling() -> None:
    """Detail is capped for the yes/no test, not for choosing the base telling."""
    text = (
        "قال مصدر أمني إن مسلحين مجهولين اغتالوا ضابطا في الشرطة وسط البصرة مساء أمس "
        "بإطلاق النار عليه من مسدس كاتم للصوت، ما أسفر عن مقتله على الفور."
    )
    f = max((f for f in _frames(text) if f.family == "violence"), key=lambda f: f.score)
    assert passes(f)
    assert f.score >= f.decision


def test_a_retelling_joins_the_event_told_before() -> None:
    lone = "وأطلقت قوات الأمن الغاز المسيل للدموع لتفريق المتظاهرين ما أدى إلى إصابة ثلاثة أشخاص."
    (f,) = [f for f in _frames(lone) if f.family == "protest"]
    assert not passes(f) and retells(f)
    assert "PROTEST" not in types(lone)
    text = "تظاهر مئات المواطنين أمس أمام مبنى محافظة البصرة احتجاجا على انقطاع الكهرباء.\n" + lone
    events = [e for e in rasd.extract(text, published="2024-08-03") if e.plover_type == "PROTEST"]
    assert len(events) == 1
    assert events[0].sub_event_type == "Protest with intervention"


@pytest.mark.parametrize("name", ["triggers", "modality"])
def test_no_phrase_is_shadowed_by_another_row(name: str) -> None:
    """A variant listed in two rows only ever matches the first: the second row's
    kind, scope or weight for it would be dead data."""
    seen: dict[str, int] = {}
    clashes = []
    for i, row in enumerate(resources.tsv("extract", f"{name}.tsv")):
        for raw in row["phrase"].split("|"):
            v = _norm_variant(raw.strip())
            if v in seen and seen[v] != i:
                clashes.append((raw, seen[v], i))
            seen.setdefault(v, i)
    assert not clashes


def test_no_trigger_is_cut_to_a_stub() -> None:
    """The lexicon drops an article from a phrase's first word (الهجوم -> هجوم);
    a verb that merely starts with ال (القى، القت) would become a stub that
    matches inside other words (وقت = و + قت)."""
    stubs = []
    for row in resources.tsv("extract", "triggers.tsv"):
        for raw in row["phrase"].split("|"):
            v = _norm_variant(raw.strip())
            cut = v and match_form(raw.strip()).split()[0] != v.split()[0]
            if cut and len(v.split()[0].rstrip("*")) <= 2 and " " not in v:
                stubs.append(raw)
    assert not stubs
