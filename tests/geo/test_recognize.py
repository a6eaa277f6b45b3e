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
