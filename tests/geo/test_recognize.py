"""Toponym recognition and resolution: clitics, cues, traps, precision."""

import pytest

from rasd.geo import Context, find_places


def names(text, **kw):
    return [(m.text, m.place.name if m.place else None) for m in find_places(text, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قصف مدفعي بالموصل وبغداد", [("الموصل", "Mosul"), ("بغداد", "Baghdad")]),
        ("وصل الوفد لمدينة الموصل", [("مدينة الموصل", "Mosul")]),
        (
            "هجوم على قاعدة عين الأسد في الأنبار",
            [("قاعدة عين الأسد", "Ain al-Asad Air Base"), ("الأنبار", "Anbar")],
        ),
        (
            "هجوم على قاعدة عين الاسد في الانبار",
            [("قاعدة عين الاسد", "Ain al-Asad Air Base"), ("الانبار", "Anbar")],
        ),
        ("استهدفت مسيرة حقل كونيكو للغاز", [("حقل كونيكو للغاز", "Conoco gas field")]),
        ("قصف قرية الزعفرانية الشرقية", [("قرية الزعفرانية", "Al Zafaraneya")]),
        ("انفجار في مرفأ بيروت", [("مرفأ بيروت", "Port of Beirut")]),
        ("وصلت شحنة إلى السعودية والكويت", [("السعودية", "Saudi Arabia"), ("الكويت", "Kuwait")]),
        ("غادر الرئيس العراقي إلى عمان", [("عمان", "Oman")]),
        ("أمطار غزيرة في الأردن وخاصة في عمان", [("الأردن", "Jordan"), ("عمان", "Amman")]),
        ("عاد إلى طرابلس قادما من بيروت", [("طرابلس", "Tripoli (Lebanon)"), ("بيروت", "Beirut")]),
    ],
)
def test_gazetteer_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("سقط صاروخ في قرية البزيزات الواقعة شرقا", [("قرية البزيزات", None)]),
        ("اشتباكات في بلدة تل قرقوز", [("بلدة تل قرقوز", None)]),
        ("انفجار في منطقة عسكرية", []),  # adjective, not a name
        ("في مدينة صناعية كبيرة", []),
        ("بالمدينة هذين اليومين", []),  # the article points back, names nothing
    ],
)
def test_cues_catch_missing_names(text, expected):
    got = [(m.text, m.place.name if m.place else None) for m in find_places(text)]
    assert [g for g in got if g[1] is None] == expected


@pytest.mark.parametrize(
    "text",
    [
        "التقطت صور كثيرة للحادث",  # صور = pictures, not Tyre
        "ثوب من حرير",  # silk, not Harir
        "قال علي إن الوضع هادئ",  # person name
        "وزير خارجية البلد",
        "حفاظا على الأمن",  # على is not the village علي
        "القائم بالأعمال الأمريكي",  # chargé d'affaires, not al-Qaim
        "#امطار_الكويت",  # a topic hashtag, not a mention
        "@الكويت",
        "الاردن24 ينشر الخبر",  # a news outlet
        "المشهد فوضوي",  # the scene, not Mashhad
    ],
)
def test_traps_are_not_places(text):
    assert find_places(text) == []


def test_trap_names_accepted_with_cue_or_context():
    assert names("قصف مدينة صور")[0][1] == "Tyre"
    assert names("هجوم على قاعدة حرير")[0][1] == "Harir Air Base"
    got = names("معارك في العراق قرب القائم على الحدود")
    assert ("القائم", "Al Qa'im") in got or any(n and "Qa" in n for _, n in got)


@pytest.mark.parametrize(
    "text, precision, relation",
    [
        ("سقطت قذائف قرب الموصل", 2, "قرب"),
        ("على بعد 10 كم غرب الرمادي", 2, "غرب"),
        ("في محيط مطار بغداد الدولي", 2, "محيط"),
        ("على أطراف بلدة الشدادي", 2, "أطراف"),
        ("في الموصل", 1, None),
        ("في محافظة نينوى", 3, None),
        ("في العراق", 3, None),
    ],
)
def test_precision(text, precision, relation):
    m = find_places(text)[-1]
    assert (m.precision, m.relation) == (precision, relation)
    assert m.place.geo_precision == precision


def test_facility_carries_its_admin1():
    m = find_places("استهداف قاعدة حرير")[0]
    assert (m.place.admin1, m.place.country, m.precision) == ("Erbil", "IQ", 1)


def test_cue_prefers_the_fitting_homonym():
    city = find_places("في بغداد")[0].place
    province = find_places("في محافظة بغداد")[0].place
    assert city.geo_precision == 1 and province.geo_precision == 3


def test_context_chooses_among_homonyms():
    assert find_places("في عمان", context="JO")[0].place.country == "JO"
    assert find_places("في عمان", context=Context.of(["OM"]))[0].place.country == "OM"


def test_offsets_point_into_the_original_text():
    text = "قُصِفَت بالمَوْصِلِ مواقع"
    m = find_places(text)[0]
    assert text[m.start : m.end] == m.text == "المَوْصِلِ"


def test_start_end_window():
    text = "في بغداد. وفي البصرة"
    got = find_places(text, 10)
    assert [m.text for m in got] == ["البصرة"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the attacker's nationality after a feminine or plural noun is no place
        ("غارات نفذتها طائرات حربية روسية على سوق", []),
        ("بضربة نفذتها طائرة مسيرة تركية على سيارة", []),
        # the country itself after a preposition or و
        ("قصف على سورية", [("سورية", "Syria")]),
        ("زار العراق وسورية", [("العراق", "Iraq"), ("سورية", "Syria")]),
    ],
)
def test_nationality_adjective_is_not_a_place(text, expected):
    assert names(text) == expected


def test_cue_word_before_a_name_is_not_the_town_it_spells():
    # "حي" (al-Hayy in Wasit) is the cue of the quarter al-Wasiti, in Kirkuk
    found = find_places("اعتقال خمسة في حي الواسطي جنوبي مدينة كركوك")
    assert [m.text for m in found] == ["حي الواسطي", "مدينة كركوك"]
    assert found[0].place.name == "Kirkuk"
    assert names("أطلقت القوات الرصاص الحي") == []


@pytest.mark.parametrize(
    "text",
    [
        "قتل القيادي روجهات عفرين ورفيقه",
        "اعتقلت القوات المدعو أبو حلب",
        "وقال الناشط عمر الموصل إن",
    ],
)
def test_a_name_after_a_title_or_kinship_word_is_a_person(text):
    assert names(text) == []


def test_a_place_after_a_title_and_a_preposition_is_a_place():
    assert names("وقال الناشط في عفرين إن") == [("عفرين", "`Afrin")]


def test_town_named_in_another_country_is_placed_in_the_explicit_container():
    # "بلدة عيترون شرقي درعا" would be a Syrian homonym the gazetteer lacks,
    # not the Lebanese town of the list
    found = find_places("بهجوم على حاجز في بلدة عيترون شرقي درعا")
    assert found[0].place.country == "SY" and found[0].place.name == "Dar'a"
    assert found[0].precision == 2
    # a Syrian homonym the gazetteer has is taken
    found = find_places("بهجوم على حاجز في بلدة الطيبة شرقي درعا")
    assert found[0].place.name == "Al-Tayba (Daraa)" and found[0].precision == 1
    leb = find_places("غارة على بلدة الطيبة في قضاء مرجعيون")
    assert leb[0].place.country == "LB"
    # a town of the same country far from the city whose countryside it is in
    assert names("في مدينة منبج بريف حلب")[0] == ("مدينة منبج", "Manbij")


def test_dual_and_plural_cues_and_junctions():
    assert names("بين بلدتي الطيبة ودير سريان في قضاء مرجعيون")[0][1] == "Al-Tayibe (Marjayoun)"
    assert ("مفرق خانصور", "Khana sor") in names("قرب مفرق خانصور في سنجار")


def test_a_cue_before_a_verb_names_nothing():
    assert names("من منزله في قرية تقع جنوب مدينة الشدادي") == [("مدينة الشدادي", "Shaddadi")]


def test_a_known_town_keeps_its_place_in_a_country_named_loosely():
    found = find_places("استهدفوا ثكنة زرعيت في شمال فلسطين المحتلة")
    assert found[0].place.name == "Zar'it"


def test_syrian_town_outranks_the_subdistrict_point_of_its_name():
    found = find_places("قتل عنصر برصاص مسلحين في بلدة البصيرة بريف دير الزور الشرقي")
    town = next(m for m in found if "البصيرة" in m.text)
    assert town.kind == "town" and abs(town.place.lat - 35.15) < 0.05


def test_quarter_named_like_a_person_lies_in_the_town_named_with_it():
    text = "اختطف مسلحون ناشطاً من أمام منزله في حي الحسين وسط مدينة العمارة"
    quarter = next(m for m in find_places(text) if m.text.startswith("حي"))
    assert quarter.place.name == "Al 'Amarah" and quarter.precision == 1


def test_a_word_read_as_a_person_name_does_not_hide_the_place_after_it():
    names = [m.place.name for m in find_places("غارات على القائم غربي الأنبار") if m.place]
    assert "Al Qa'im" in names


def test_cue_only_name_after_a_relation_word_in_its_country():
    found = find_places("غارة إسرائيلية على بلدة العباسية قرب صور", context="LB")
    assert [m.place.name for m in found if m.place][-1] == "Tyre"
    assert not [m for m in find_places("نشر الناشطون صور الدمار", context="LB") if m.place]


def test_place_precheck_remembers_words_without_mixing_sentences() -> None:
    """The pre-check answers from remembered words: asked again, or after a
    sentence that names a place, a sentence without one still says no."""
    from rasd.geo.recognize import _may_name_place

    with_place = "سقطت قذائف على مدينة الموصل مساء أمس"
    without = "قال المتحدث إن الاجتماع انتهى دون اتفاق"
    for _ in range(2):
        assert _may_name_place(with_place, 0, len(with_place))
        assert not _may_name_place(without, 0, len(without))


def test_place_precheck_spans_of_one_text_keep_their_own_answers() -> None:
    """Answers remembered per span of the last text: each span of one text, asked
    in any order and again, gets what a fresh look at it gives."""
    from rasd.geo import recognize

    text = "قال المتحدث إن الاجتماع انتهى.\nسقطت قذائف على مدينة الموصل.\nوانتهى دون اتفاق."
    cuts = [0, 31, 60, len(text)]
    spans = [(a, b) for a in cuts for b in cuts if a < b]
    lex = recognize.lexicon()
    want = {s: recognize._may_name_place_new(text, *s, lex) for s in spans}
    assert set(want.values()) == {True, False}
    for s in spans + spans[::-1]:
        assert recognize._may_name_place(text, *s) == want[s], s
