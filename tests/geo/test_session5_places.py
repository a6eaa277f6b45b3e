"""Session 5: event places on unseen long articles, by category.

Each case is invented for the category it tests (places the gazetteer
lacked, a list of villages inside a town of another country's homonym, a
quarter named after a common word, a cause a protest is about, an office
read as a district, a declined أبو, a quoted target)."""

from __future__ import annotations

import pytest

from rasd.geo import find_places, lookup
from rasd.geo.recognize import is_origin, quoted_name


def _places(text: str, context=None) -> list[tuple[str, str | None, str | None]]:
    return [
        (m.text, m.place.name if m.place else None, m.place.country if m.place else None)
        for m in find_places(text, context=context)
    ]


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("قامشلو", "Qamishli", "SY"),
        ("القامشلي", "Qamishli", "SY"),
        ("باطيفا", "Batifa", "IQ"),
        ("البرج 22", "Tower 22", "JO"),
        ("مديرية سحار", "Sahar District", "YE"),
    ],
)
def test_names_the_gazetteer_lacked(name: str, expected: str, country: str) -> None:
    first = lookup(name)[0]
    assert (first.name, first.country) == (expected, country)


def test_common_words_that_name_small_places_need_a_cue() -> None:
    assert ("بلدة القصر", "Al-Qasr (Hermel)", "LB") in _places(
        "داهمت دورية منزلاً في بلدة القصر قرب الحدود"
    )
    assert _places("عقد اجتماع في القصر الجمهوري مساء أمس") == []
    assert ("منطقة الضباب", "Al-Dhabab", "YE") in _places("تقدم المسلحون نحو منطقة الضباب")
    assert not any(p[1] == "Al-Dhabab" for p in _places("غطى الضباب الطرقات صباح اليوم"))


def test_a_list_item_follows_the_next_item_into_its_container() -> None:
    # "قرى X وY في Z": Y is a homonym of a town abroad; both villages lie in Z
    got = _places("قصفت المدفعية قرى الدردارة وصيدا شرقي بلدة تل تمر بريف الحسكة")
    assert got[0][0] == "قرى الدردارة" and got[0][2] == "SY"
    assert got[1][0] == "صيدا" and got[1][2] == "SY"


def test_a_quarter_known_only_abroad_is_the_texts_own_town_quarter() -> None:
    text = "سقطت قذيفة على حي المنصور، وأفاد ناشطون في حلب وإدلب وحماة بأن القصف مستمر"
    assert ("حي المنصور", None, None) in _places(text)
    # the same quarter in a story about its own city stays
    assert ("حي المنصور", "Mansour (Baghdad)", "IQ") in _places("انفجرت عبوة في حي المنصور ببغداد")


def test_a_cause_is_not_where_a_protest_is() -> None:
    text = "خرجت مسيرة حاشدة في مدينة الحديدة تضامناً مع أهالي مدينة جنين"
    assert is_origin(text, 0, text.index("مدينة جنين"))
    assert not is_origin(text, 0, text.index("مدينة الحديدة"))
    text = "احتشد الآلاف في ساحة الجامع نصرة لغزة"
    assert is_origin(text, 0, text.index("غزة"))
    # a cause word beyond the clause says nothing of the next one
    text = "نظمت وقفة تضامناً مع المعتقلين، ثم سقطت قذيفة على بلدة البصيرة"
    assert not is_origin(text, 0, text.index("بلدة البصيرة"))


def test_an_office_is_a_district_only_in_yemen() -> None:
    assert not any(
        p[0].startswith("مديرية") for p in _places("أعلنت مديرية الزراعة في الموصل إتلاف المحصول")
    )
    got = _places("شن الطيران غارتين على مديرية المطمة في محافظة الجوف اليمنية، وفي صنعاء وعدن")
    assert any(p[0] == "مديرية المطمة" and p[2] == "YE" for p in got)


def test_abu_declines() -> None:
    assert lookup("قضاء أبي الخصيب")[0].name == lookup("قضاء أبو الخصيب")[0].name
    assert lookup("أبي غريب")[0].country == "IQ"


def test_a_quotation_opened_by_a_place_name_is_the_target() -> None:
    text = 'أعلنت الفصائل أنها استهدفت "قاعدة حرير" بطائرتين مسيرتين'
    assert quoted_name(text, 0, text.index("قاعدة"))
    text = 'قال المتحدث إن "الهجوم على الموصل لن يمر"'
    assert not quoted_name(text, 0, text.index("الموصل"))


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("سد الفرات", "Tabqa Dam", "SY"),
        ("سد دوكان", "Dukan Dam", "IQ"),
        ("مطار الضمير العسكري", "Dumayr Military Airport", "SY"),
        ("مطار الجراح", "Jirah Military Airbase", "SY"),
        ("بركة ريشا", "Birket Risha position", "IL"),
    ],
)
def test_dams_airfields_and_border_positions(name: str, expected: str, country: str) -> None:
    first = lookup(name)[0]
    assert (first.name, first.country) == (expected, country)


def test_a_town_named_like_its_district() -> None:
    # the gazetteer knows "قضاء خانقين" and "قضاء الميمونة" but no town of those names:
    # a district is placed at its centre town, named like it
    got = find_places("سقطت قذيفتان على مدينة خانقين شمال شرقي محافظة ديالى")
    assert got[0].text == "مدينة خانقين"
    assert got[0].place is not None and got[0].place.name == "Khanaqin District"
    assert got[0].precision == 2
    got = find_places("اندلع نزاع عشائري في ناحية الميمونة جنوب العمارة")
    assert got[0].place is not None and got[0].place.admin1 == "Missan"


def test_belonging_to_says_where_an_unknown_village_lies() -> None:
    got = find_places("قصفت المدفعية قرية الزيتونة التابعة لقضاء العمادية في محافظة دهوك")
    assert got[0].text == "قرية الزيتونة"
    assert got[0].place is not None and got[0].place.name == "Amedi District"


def test_the_desert_of_a_town_is_near_it() -> None:
    got = find_places("قتل ثلاثة عناصر بهجوم في بادية البوكمال بريف دير الزور")
    assert got[0].place is not None and got[0].place.name.startswith("Albu Kamal")
    assert got[0].precision == 2 and got[0].relation == "بادية"


def test_a_collective_town_cue() -> None:
    got = _places("استهدفت مسيرة سيارة عند مدخل مجمع خانصور غربي سنجار")
    assert got[0][0] == "مجمع خانصور" and got[0][2] == "IQ"
    assert _places("افتتح مجمع تجاري جديد في أربيل") == [("أربيل", "Erbil", "IQ")]


def test_a_village_of_another_province_is_not_the_district_named() -> None:
    # the long lists know "سيد صادق" only as a village far south; a story about
    # Sulaymaniyah that names its district means the district it lacks
    text = "قصفت مسيرة سيارة في قضاء سيد صادق شرقي محافظة السليمانية، وفي السليمانية وحلبجة"
    got = find_places(text)
    first = next(m for m in got if m.text == "قضاء سيد صادق")
    assert first.place is None or first.place.admin1 == "Sulaymaniyah"


def test_a_seat_of_government_speaking_is_no_place() -> None:
    for text, name in [
        ("ولم يصدر أي رد رسمي من أنقرة على القصف", "أنقرة"),
        ("واتهمت طهران الولايات المتحدة بالوقوف وراء الهجوم", "طهران"),
        ("وتتواصل المفاوضات بين بغداد والفصائل منذ أسابيع", "بغداد"),
    ]:
        assert is_origin(text, 0, text.index(name)), text
    for text, name in [
        ("سقطت قذيفة على حي سكني في أنقرة", "أنقرة"),
        ("دارت اشتباكات بين منبج والباب", "منبج"),
    ]:
        assert not is_origin(text, 0, text.index(name)), text
