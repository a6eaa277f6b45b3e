"""Gazetteer coverage (session 5): Iraqi subdistrict centres, villages of south
Lebanon and the Bekaa, Yemeni districts; البقاع named for two governorates; the
IOM list's compound quarter names; new names that are also common words."""

import csv
from pathlib import Path

import pytest

from rasd.geo import find_places, lookup
from rasd.geo.gazetteer import gazetteer
from tests.geo.build_fixture import builder, write_shared

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "src" / "rasd" / "geo" / "data" / "curated"

# rough bounding boxes: a swapped or mistyped coordinate falls outside
BOXES = {
    "IQ": (29.0, 37.5, 38.7, 48.8),
    "LB": (33.0, 34.7, 35.1, 36.7),
    "YE": (12.0, 19.0, 42.0, 54.0),
    "SY": (32.3, 37.4, 35.6, 42.4),
}
FILES = (
    "iraq_subdistricts.tsv",
    "lebanon_villages.tsv",
    "yemen_districts.tsv",
    "syria_villages.tsv",
)


def _curated_rows(name: str) -> list[dict[str, str]]:
    lines = [
        ln
        for ln in (CURATED / name).read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("name", FILES)
def test_batch_rows_lie_in_their_country_and_cite_a_source(name):
    rows = _curated_rows(name)
    assert len(rows) >= 40
    shipped = {(e.name, e.country) for e in gazetteer().entries if e.id.startswith("cur:")}
    for r in rows:
        south, north, west, east = BOXES[r["country"]]
        assert south <= float(r["lat"]) <= north and west <= float(r["lon"]) <= east, r["name"]
        assert r["source"] and r["admin1"] and r["kind"], r["name"]
        assert (r["name"], r["country"]) in shipped, r["name"]


@pytest.mark.parametrize(
    "name, country, admin1",
    [
        ("قره تبه", "IQ", "Diyala"),
        ("خليفان", "IQ", "Erbil"),
        ("الكرمة", "IQ", "Anbar"),
        ("كونين", "LB", "Nabatieh"),
        ("عين إبل", "LB", "Nabatieh"),
        ("جب جنين", "LB", "Beqaa"),
        ("النبي شيت", "LB", "Baalbek-Hermel"),
        ("قعطبة", "YE", "Ad Dali"),
        ("مديرية التحيتا", "YE", "Al Hudaydah"),
    ],
)
def test_new_places_are_known(name, country, admin1):
    assert any(e.country == country and e.admin1 == admin1 for e in lookup(name)), name


def _found(text):
    return [(m.text, m.place.name if m.place else None) for m in find_places(text)]


def _place(text, words):
    return next(m.place for m in find_places(text) if m.text.endswith(words))


def test_a_subdistrict_centre_needs_no_cue():
    text = "قصفت طائرة مسيرة أطراف خليفان شمالي أربيل"
    assert ("خليفان", "Khalifan") in _found(text)


def test_bekaa_is_the_governorate_that_holds_the_village():
    text = "شنت طائرات حربية غارة على بلدة النبي شيت في البقاع"
    assert _place(text, "النبي شيت").admin1 == "Baalbek-Hermel"
    assert _place(text, "البقاع").admin1 == "Baalbek-Hermel"
    assert _place("اشتباكات مسلحة قرب مدينة زحلة في البقاع", "البقاع").admin1 == "Beqaa"
    assert _place("تصاعد التوتر في البقاع", "البقاع").admin1 == "Beqaa"  # no place to say


def test_a_village_in_the_countryside_of_a_far_town_keeps_its_place():
    # "ريف X" is the province around town X, not within 60 km of it
    text = "قتل ثلاثة مدنيين في قرية الكشكية بريف دير الزور الشرقي"
    village = _place(text, "الكشكية")
    assert (village.name, village.geo_precision) == ("Al-Kishkiyah", 1)
    # a village of another province is still placed at the town named
    assert _place("قصف على قرية الكشكية بريف حلب", "الكشكية").name == "Aleppo"


def test_eastern_ghouta_is_an_area():
    place = _place("قصف مدفعي على بلدات الغوطة الشرقية", "الغوطة الشرقية")
    assert (place.name, place.geo_precision) == ("Eastern Ghouta", 3)


def test_north_bekaa_is_baalbek_hermel():
    assert _place("دوريات للجيش في البقاع الشمالي", "البقاع الشمالي").admin1 == "Baalbek-Hermel"


def test_dhale_alone_is_the_city_and_with_muhafaza_the_province():
    city = _place("أصيب مدنيون بقصف على أحياء الضالع", "الضالع")
    assert (city.name, city.geo_precision) == ("Al-Dhale", 1)
    province = _place("قتل جندي في محافظة الضالع", "محافظة الضالع")
    assert province.geo_precision == 3


def test_kordofan_is_not_radfan():
    names = [p for _, p in _found("قتل عمال نفط في ولاية جنوب كردفان غرب البلاد")]
    assert "Radfan" not in names and "South Kordofan" in names


@pytest.mark.parametrize(
    "text",
    [
        "نظر كل من المشاركين إلى الأمر من زاويته الخاصة",
        "دارت معركة عنيفة بين الطرفين",
        "طالب البيان بانسحاب القوات الغازية فورا",
        "بلغت كميات التربة المنقولة أطنانا",
        "وزع المتطوعون المياه على الأهالي بعد أن تعطل موزع الكهرباء",
    ],
)
def test_new_names_that_are_common_words_need_a_cue(text):
    assert all(
        p is None or p not in {"Zawita", "Maarakeh", "Ghaziyeh", "Al-Turbah", "Mawza"}
        for _, p in _found(text)
    )


def test_but_a_cue_finds_them():
    assert ("بلدة معركة", "Maarakeh") in _found("غارة على بلدة معركة قرب صور في جنوب لبنان")


def test_iom_compound_quarters_are_named_as_quarters(tmp_path):
    shared = write_shared(
        tmp_path,
        "1,Babylon,Hilla,Al Oasis-Hay Al Nakheel,ناحية الواحة-حي النخيل,32.40,44.40\n"
        "2,Babylon,Hilla,Al Oasis-Hay Al Bustan,ناحيه الواحة-حي البستان,32.41,44.41\n"
        "3,Babylon,Hilla,Al Oasis-Al Fath,ناحية الواحة-الفتح,32.42,44.42\n"
        "4,Babylon,Hilla,Al Oasis,ناحيه الواحة,32.43,44.43\n",
    )
    rows = {r["id"]: r for r in builder().read_shared(shared, tmp_path / "none")}
    assert (rows["iom:1"]["name_ar"], rows["iom:1"]["kind"]) == ("حي النخيل", "neighbourhood")
    assert (rows["iom:2"]["name_ar"], rows["iom:2"]["kind"]) == ("حي البستان", "neighbourhood")
    # a location that is not a quarter is often a common word (الفتح): kept whole
    assert rows["iom:3"]["name_ar"] == "الواحة-الفتح"
    assert (rows["iom:4"]["name_ar"], rows["iom:4"]["kind"]) == ("الواحة", "admin3")
