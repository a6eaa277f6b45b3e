"""Traps and homonyms: common words that are also small places, containment
("X في Y"), districts, quarters of towns."""

import pytest

from rasd.geo import find_places


def names(text, **kw):
    return [(m.text, m.place.name if m.place else None) for m in find_places(text, **kw)]


@pytest.mark.parametrize(
    "text",
    [
        "قصف مدفعي عنيف في العراق",  # مدفعي: an adjective, also a quarter of Baghdad
        "فجر اليوم الخميس في العراق",  # a weekday, also a village
        "قالت الشرطة العراقية",  # police, also a quarter
        "وزارة الصحة العراقية",
        "حركة الملاحة في المطار العراقي",
        "القوات الحكومية السورية",  # the adjective, not the country سورية
        "استدعت الخارجية العراقية القائم بالأعمال الإيراني",
    ],
)
def test_common_words_are_not_places(text):
    got = [n for n in names(text) if n[0] != "العراق"]
    assert got == []


def test_quarter_of_a_town_needs_its_cue():
    assert names("في حي الشعب شرقي بغداد")[0][0] == "حي الشعب"
    assert all(t != "الشعب" for t, _ in names("قال الشعب العراقي كلمته في بغداد"))


def test_province_around_picks_the_homonym():
    m = find_places("اختطف ناشط في حي الشعب شرقي بغداد")[0]
    assert m.place.admin1 == "Baghdad"


def test_inner_place_takes_the_outer_when_no_homonym_lies_there():
    m, city = find_places("سقط صاروخ على حي الروضة في مدينة مأرب")
    assert city.place.name == "Marib"
    assert m.place.name == "Marib" and m.place.country == "YE" and m.precision == 1


def test_unknown_village_in_a_province_gets_precision_2():
    m = find_places("قصف على قرية المعيزيلة بريف حلب")[0]
    assert m.text == "قرية المعيزيلة"
    assert (m.place.name, m.precision) == ("Aleppo", 2)


def test_larger_place_first_is_no_containment():
    got = find_places("العراق في بغداد")
    assert [m.place.name for m in got] == ["Iraq", "Baghdad"]


def test_district_cue_gives_the_district_precision_2():
    m = find_places("استهدفت دورية في قضاء الطارمية")[0]
    assert m.place.name == "Tarmia District" and m.precision == 2
    assert abs(m.place.lat - 33.66) < 0.1  # at its centre town


def test_well_known_quarter_without_cue():
    m = find_places("انفجار في الكرادة وسط بغداد")[0]
    assert (m.place.name, m.place.admin1, m.precision) == ("Karrada", "Baghdad", 1)


def test_river_bank_is_not_the_west_bank():
    assert names("قصف على الضفة الغربية للفرات") == []
    assert names("اقتحام في الضفة الغربية")[0][1] == "West Bank"


def test_article_contracted_with_a_preposition_counts_as_the_article():
    assert names("وصلت القوات للموصل") == [("موصل", "Mosul")]


def test_a_city_listed_beside_another_district_stays_itself():
    got = find_places("وصلت القوات إلى كركوك، قضاء خانقين")
    assert got[0].place.name == "Kirkuk"


def test_subdistrict_word_is_no_place():
    assert names("مدير الناحية في البصرة") == [("البصرة", "Basrah")]


def test_a_cue_word_is_not_also_a_name_of_its_own():
    got = names("سقط صاروخ على حي الروضة في مدينة مأرب، وقصفت مسيرة قاعدة حرير")
    assert [t for t, _ in got] == ["حي الروضة", "مدينة مأرب", "قاعدة حرير"]
