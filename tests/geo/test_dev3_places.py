"""Place categories read off gold/dev3: a tribal prefix written joined or apart
(البو كمال / البوكمال), and "X east of Y" naming a place off Y, not in it."""

from rasd.geo import find_places
from rasd.geo.gazetteer import Entry, Gazetteer


def _entry(gid, name, name_ar, kind, lat, lon, pop=0, variants=()):
    return Entry(
        gid, name, name_ar, tuple(variants), lat, lon, "SY", "Deir-ez-Zor", kind, pop, "test"
    )


def test_tribal_prefix_written_joined_finds_the_name_written_apart():
    gaz = Gazetteer(
        [
            _entry("t1", "Albu Kamal", "البو كمال", "town", 34.45, 40.92, pop=50000),
            _entry("t2", "Abu Kamal district", "البوكمال", "admin2", 34.59, 40.69),
        ]
    )
    found = gaz.lookup("البوكمال")
    assert [e.id for e in found][0] == "t1"  # the town, most prominent, is found joined too
    assert {e.id for e in gaz.lookup("مدينة البو كمال".split(" ", 1)[1])} == {"t1"}


def test_prefix_rule_leaves_longer_names_alone():
    gaz = Gazetteer([_entry("v1", "Albu Ali al-Jasim", "البو علي الجاسم", "village", 34.0, 41.0)])
    assert gaz.lookup("البوعلي الجاسم") == []  # only one-word names are joined


def test_bearing_word_places_a_known_place_off_the_town():
    # a subdistrict east of a town of the same country, ~70 km away: it is where it is
    text = "انفجر لغم في بادية ناحية عقيربات شرق مدينة السلمية"
    first = find_places(text)[0]
    assert first.place is not None and first.place.name == "Oqeirbat"


def test_bearing_word_does_not_keep_a_homonym_of_another_place():
    # a village named like places elsewhere, east of a Syrian city: placed by the city
    text = "قصف على قرية الخالدية شرق الرقة"
    first = find_places(text)[0]
    assert first.place is not None and first.place.country == "SY"


def test_a_homonym_abroad_said_to_lie_in_a_place_is_placed_there():
    # "صيدا" beside villages "in the countryside of" a Syrian subdistrict: not Lebanon's Sidon
    text = "قصفت المدفعية قرى الخالدية وصيدا في ريف ناحية عين عيسى"
    found = {m.text: m.place for m in find_places(text)}
    assert found["صيدا"] is not None and found["صيدا"].country == "SY"


def test_a_city_abroad_in_a_plain_list_stays_abroad():
    names = [(m.text, m.place.country) for m in find_places("عاد إلى طرابلس قادما من بيروت")]
    assert names == [("طرابلس", "LB"), ("بيروت", "LB")]


def test_a_town_the_shared_lists_lack_is_found_in_its_country():
    first = find_places("استهدفت الغارة نقاطا في محيط بلدة السيدة زينب بريف دمشق")[0]
    assert first.place is not None and first.place.country == "SY"
