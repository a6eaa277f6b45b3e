"""The actor dictionary: it loads, it is consistent, and Arabic mentions resolve."""

from __future__ import annotations

import pytest

from rasd.errors import ResourceError
from rasd.extract.actors import KINDS, ActorIndex, find_actors, load, parse, with_variants
from rasd.model import Actor
from rasd.text.clitics import PhraseMatcher
from rasd.text.tokens import tokenize

# --- the packaged dictionary -------------------------------------------------


def test_loads_at_least_150_actors_with_valid_kinds_and_parents():
    index = load()
    assert isinstance(index, ActorIndex)
    assert len(index) >= 150
    assert load() is index  # cached
    for rec in index:
        assert rec.actor.kind in KINDS
        assert rec.actor.name and rec.actor.name_ar
        assert rec.parent is None or rec.parent in index
        assert rec.variants[0] == rec.actor.name_ar
    kinds = {rec.actor.kind for rec in index}
    assert kinds == KINDS


@pytest.mark.parametrize(
    ("actor_id", "kind", "country"),
    [
        ("us_forces", "state_forces", "US"),
        ("us_government", "government", "US"),
        ("israel_forces", "state_forces", "IL"),
        ("pmf", "state_forces", "IQ"),
        ("kataib_hezbollah", "armed_group", "IQ"),
        ("hezbollah", "armed_group", "LB"),
        ("houthis", "armed_group", "YE"),
        ("isis", "armed_group", None),
        ("unidentified_gunmen", "other", None),
        ("civilians", "civilians", None),
        ("protesters", "civilians", None),
    ],
)
def test_get_returns_model_actor(actor_id, kind, country):
    actor = load().get(actor_id)
    assert isinstance(actor, Actor)
    assert (actor.id, actor.kind, actor.country) == (actor_id, kind, country)


def test_unknown_id_is_a_key_error():
    with pytest.raises(KeyError):
        load().get("no_such_actor")


def test_lineage_follows_parents():
    index = load()
    assert index.lineage("kataib_hezbollah") == ["kataib_hezbollah", "islamic_resistance_iraq"]
    assert index.parent("qassam_brigades").id == "hamas"
    assert index.parent("hamas") is None


def test_entries_build_a_phrase_matcher():
    index = load()
    entries = list(index.entries())
    assert ("القوات الأمريكية", "us_forces") in entries
    assert ("Kataib Hezbollah", "kataib_hezbollah") in entries
    assert all(not v.startswith("+") for v, _ in entries)
    arabic = list(index.entries("ar"))
    assert arabic and all(v in {e for e, _ in entries} for v, _ in arabic[:50])
    matcher = PhraseMatcher(index.entries("ar"))
    text = "وأعلنت كتائب حزب الله مسؤوليتها"
    [m] = matcher.find(tokenize(text))
    assert (m.value, text[m.start : m.end]) == ("kataib_hezbollah", "كتائب حزب الله")


# --- mentions: phrase -> actor id --------------------------------------------

RESOLVE = [
    # US forces, through clitics and spellings
    ("القوات الأمريكية", "us_forces"),
    ("وبالقوات الأمريكية", "us_forces"),
    ("للقوات الأميركية", "us_forces"),
    ("القوات الامريكيه", "us_forces"),
    ("القوات الأميركيّة", "us_forces"),
    ("الجيش الأمريكي", "us_forces"),
    ("قوات الاحتلال الأمريكي", "us_forces"),
    ("جنود أمريكيين", "us_forces"),
    ("الأمريكيين", "us_forces"),
    ("طائرة مسيرة أمريكية", "us_forces"),
    ("الإدارة الأمريكية", "us_government"),
    ("واشنطن", "us_government"),
    ("البنتاغون", "us_dod"),
    ("التحالف الدولي", "international_coalition"),
    ("قوات التحالف الدولي بقيادة واشنطن", "international_coalition"),
    # Israel
    ("جيش الاحتلال", "israel_forces"),
    ("الجيش الإسرائيلي", "israel_forces"),
    ("قوات الاحتلال الإسرائيلي", "israel_forces"),
    ("والطيران الحربي الإسرائيلي", "israel_forces"),
    # Iraq
    ("الحشد الشعبي", "pmf"),
    ("لهيئة الحشد الشعبي", "pmf"),
    ("جهاز مكافحة الإرهاب", "iraq_cts"),
    ("الشرطة الاتحادية", "iraq_federal_police"),
    ("البيشمركة", "peshmerga"),
    ("خلية الإعلام الأمني", "iraq_security_media_cell"),
    # factions
    ("المقاومة الإسلامية في العراق", "islamic_resistance_iraq"),
    ("والمقاومة الإسلامية في العراق", "islamic_resistance_iraq"),
    ("كتائب حزب الله", "kataib_hezbollah"),
    ("حزب الله", "hezbollah"),
    ("حركة النجباء", "nujaba"),
    ("النجباء", "nujaba"),
    ("كتائب سيد الشهداء", "kataib_sayyid_al_shuhada"),
    ("عصائب أهل الحق", "asaib_ahl_al_haq"),
    ("منظمة بدر", "badr"),
    ("كتائب القسام", "qassam_brigades"),
    ("كتائب الشهيد عز الدين القسام", "qassam_brigades"),
    ("سرايا القدس", "saraya_al_quds"),
    ("فيلق القدس", "quds_force"),
    ("لواء القدس", "liwa_al_quds_syria"),
    ("الحوثيون", "houthis"),
    ("جماعة الحوثي", "houthis"),
    ("أنصار الله", "houthis"),
    ("داعش", "isis"),
    ("لداعش", "isis"),
    ("تنظيم الدولة الإسلامية", "isis"),
    ("فلول داعش", "isis"),
    ("هيئة تحرير الشام", "hts"),
    ("قسد", "sdf"),
    ("قوات سوريا الديمقراطية", "sdf"),
    ("حزب العمال الكردستاني", "pkk"),
    ("الجيش الوطني السوري", "sna"),
    ("الحرس الثوري الإيراني", "irgc"),
    ("الفصائل الموالية لإيران", "iran_backed_militias"),
    # state forces elsewhere
    ("الجيش العربي السوري", "syria_forces"),
    ("قوات النظام", "syria_forces"),
    ("الجيش العربي", "jordan_forces"),
    ("مسيرة تركية", "turkey_forces"),
    ("الطيران الروسي", "russia_forces"),
    ("قوات اليونيفيل", "unifil"),
    ("التحالف بقيادة السعودية", "saudi_coalition"),
    # generic mentions
    ("المقاومة", "resistance"),
    ("فصائل المقاومة", "resistance"),
    ("قوات الاحتلال", "occupation_forces"),
    ("فصائل مسلحة", "armed_factions"),
    ("الجماعات المسلحة", "armed_factions"),
    ("مسلحون", "armed_men"),
    ("مسلحون مجهولون", "unidentified_gunmen"),
    ("مسلحين مجهولين", "unidentified_gunmen"),
    ("طائرة مسيرة مجهولة", "unidentified_aircraft"),
    ("مدنيين", "civilians"),
    ("المتظاهرين", "protesters"),
    ("والمحتجون", "protesters"),
    ("القوات الأمنية", "security_forces"),
    ("قوات التحالف", "coalition_forces"),
    ("حركة طالبان", "taliban"),
    ("الصحوة", "sahwa"),
    ("للجيش", "security_forces"),
]


@pytest.mark.parametrize(("phrase", "actor_id"), RESOLVE)
def test_phrase_resolves_to_actor(phrase, actor_id):
    mentions = find_actors(phrase)
    assert [m.actor.id for m in mentions] == [actor_id]
    [m] = mentions
    assert phrase.endswith(m.text) and m.text == phrase[m.start : m.end]


NOT_ACTORS = [
    ("مقاومة", []),  # a common noun: the resistance needs the article
    ("انسحب دون مقاومة", []),
    ("قوة احتلال", []),
    ("فتح مسلحون النار", ["armed_men"]),  # فتح is a verb here, not Fatah ...
    ("أمل كبير", []),  # ... nor أمل Amal
    ("سقطت صواريخ على القاعدة", []),  # القاعدة is a base, not al-Qaeda
    ("حشد عسكري على الحدود", []),  # حشد is a build-up, not the PMF
    ("مؤتمر صحفي", []),  # صحفي as an adjective
    ("هجوم مسلح", []),  # مسلح as an adjective
    ("منظومة دفاع جوي", []),  # a target, not an actor
    ("جيش جرار", []),  # an army without the article is not generic security forces
    ("التحالف", []),  # ambiguous on its own (Iraq or Yemen)
    ("الجيش الوطني", ["security_forces"]),  # not the SNA nor Yemen's: some army
    ("قالت الوزارة في بيان", []),
]


@pytest.mark.parametrize(("text", "ids"), NOT_ACTORS)
def test_non_actor_words_do_not_resolve(text, ids):
    assert [m.actor.id for m in find_actors(text)] == ids


def test_mentions_in_a_sentence_with_offsets_and_longest_match():
    text = (
        "أعلنت المقاومة الإسلامية في العراق استهداف القوات الأميركية في قاعدة "
        "عين الأسد، فيما نفت كتائب حزب الله علاقتها، واتهمت واشنطن إيران."
    )
    found = [(m.actor.id, m.text) for m in find_actors(text)]
    assert found == [
        ("islamic_resistance_iraq", "المقاومة الإسلامية في العراق"),
        ("us_forces", "القوات الأميركية"),
        ("kataib_hezbollah", "كتائب حزب الله"),
        ("us_government", "واشنطن"),
        ("iran_government", "إيران"),
    ]


def test_window_and_diacritics_keep_original_offsets():
    text = "قال شاهد: إنّ القوّاتِ الأمريكيّةَ ردّت. ثم وصل الحشدُ الشعبي."
    cut = text.index("ثم")
    first = find_actors(text, 0, cut)
    assert [(m.actor.id, m.text) for m in first] == [("us_forces", "القوّاتِ الأمريكيّةَ")]
    second = find_actors(text, cut)
    assert [(m.actor.id, text[m.start : m.end]) for m in second] == [("pmf", "الحشدُ الشعبي")]


def test_quotation_marks_inside_a_name_are_skipped():
    text = 'وتبنى تنظيم «القاعدة» الهجوم، ونفت حركة "حماس" ذلك.'
    found = [(m.actor.id, m.text) for m in find_actors(text)]
    assert found == [("al_qaeda", "تنظيم «القاعدة"), ("hamas", 'حركة "حماس')]


def test_english_variants():
    text = "Kataib Hezbollah claimed the attack on US forces, the Pentagon said."
    assert [m.actor.id for m in find_actors(text)] == ["kataib_hezbollah", "us_forces", "us_dod"]


# --- validation ----------------------------------------------------------------


def _row(**over: str) -> dict[str, str]:
    row = {
        "id": "x_forces",
        "name": "",
        "name_ar": "قوات إكس",
        "kind": "state_forces",
        "country": "IQ",
        "parent": "",
        "variants": "جيش إكس",
        "variants_en": "",
        "note": "",
    }
    row.update(over)
    row["name"] = row["name"] or row["id"].replace("_", " ")
    return row


def test_parse_accepts_a_good_table():
    index = parse([_row(), _row(id="y_group", name_ar="جماعة واي", variants="", parent="x_forces")])
    assert len(index) == 2
    assert index.parent("y_group").id == "x_forces"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([_row(), _row(name_ar="قوات زد", variants="")], "duplicate id"),
        ([_row(kind="militia")], "unknown kind"),
        ([_row(parent="nobody")], "unknown parent"),
        ([_row(id="Bad Id")], "bad id"),
        ([_row(country="Iraq")], "bad country"),
        ([_row(name_ar="")], "required"),
        ([_row(variants="قوات إكس-واي")], "punctuation"),
        # the same variant, up to spelling and the article, for two actors
        ([_row(), _row(id="z", name_ar="زد", variants="قوات اكس")], "also names x_forces"),
        ([_row(), _row(id="z", name_ar="زد", variants="الجيش إكس")], "also names x_forces"),
        (
            [_row(parent="y"), _row(id="y", name_ar="واي", variants="", parent="x_forces")],
            "cycle",
        ),
    ],
)
def test_parse_rejects_bad_rows_naming_file_and_row(rows, message):
    with pytest.raises(ResourceError) as err:
        parse(rows, source="actors.tsv")
    assert message in str(err.value)
    assert str(err.value).startswith("actors.tsv: row ")


def test_missing_column_is_reported():
    row = _row()
    del row["kind"]
    with pytest.raises(ResourceError, match="missing columns"):
        parse([row])


def test_extra_variants_join_their_actor_and_unknown_ids_fail():
    """data/actor_variants.tsv adds variants to dictionary rows; an id it names that
    the dictionary lacks is an error, not a silent new actor."""
    rows = [{"id": "a", "variants": "x | y"}, {"id": "b", "variants": ""}]
    out = with_variants(rows, [{"id": "b", "variant": "z"}, {"id": "a", "variant": "w"}])
    assert out[0]["variants"] == "x | y | w" and out[1]["variants"] == "z"
    with pytest.raises(ResourceError):
        with_variants(rows, [{"id": "nobody", "variant": "q"}])
