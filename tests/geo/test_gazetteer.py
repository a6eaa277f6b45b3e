"""The shipped gazetteer: built file vs its sources, contents, look-ups."""

import gzip
from pathlib import Path

import pytest

from rasd.geo import lookup
from rasd.geo.gazetteer import FACILITY_KINDS, Gazetteer, gazetteer
from rasd.resources import resource_path
from tests.geo.build_fixture import builder, write_shared

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data" / "gazetteer"


def _rows(raw: bytes) -> list[str]:
    return gzip.decompress(raw).decode("utf-8").splitlines()


def test_curated_part_matches_curated_sources(tmp_path):
    out = tmp_path / "curated.tsv.gz"
    assert builder().main(["--no-shared", "-o", str(out)]) == 0
    rebuilt = _rows(out.read_bytes())
    shipped = _rows(resource_path("geo", "gazetteer.tsv.gz").read_bytes())
    assert shipped[0] == rebuilt[0]  # header
    curated_ids = {ln.split("\t", 1)[0] for ln in rebuilt[1:]}
    shipped_curated = [ln for ln in shipped[1:] if ln.split("\t", 1)[0] in curated_ids]
    assert shipped_curated == rebuilt[1:], "rerun scripts/build_gazetteer.py"


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data/gazetteer (developers only)")
def test_whole_file_matches_all_sources(tmp_path):
    out = tmp_path / "all.tsv.gz"
    assert builder().main(["-o", str(out)]) == 0
    assert out.read_bytes() == resource_path("geo", "gazetteer.tsv.gz").read_bytes()


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.gz", tmp_path / "b.gz"
    script = builder()
    script.main(["--no-shared", "-o", str(a)])
    script.main(["--no-shared", "-o", str(b)])
    assert a.read_bytes() == b.read_bytes()


def test_contents_cover_the_region():
    gaz = gazetteer()
    facilities = [e for e in gaz.entries if e.kind in FACILITY_KINDS]
    assert len(facilities) >= 80
    countries = {e.country for e in gaz.entries if e.kind == "country"}
    assert len(countries) >= 190
    for code in ("LB", "JO", "PS", "IL", "YE", "EG", "IR", "SA", "KW", "BH", "QA", "AE", "OM"):
        units = [e for e in gaz.entries if e.country == code and e.kind == "admin1"]
        assert units, code
    assert sum(e.country == "IQ" for e in gaz.entries) > 5000
    assert sum(e.country == "SY" for e in gaz.entries) > 300
    for e in gaz.entries:
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180, e.id
        assert e.name and e.kind and e.source, e.id


@pytest.mark.parametrize(
    "name, english, kind",
    [
        ("عين الأسد", "Ain al-Asad Air Base", "air_base"),
        ("قاعدة حرير", "Harir Air Base", "air_base"),
        ("قاعدة فيكتوري", "Victory Base Complex", "military_base"),
        ("قاعدة أربيل الجوية", "Erbil Air Base", "air_base"),
        ("التنف", "Al-Tanf Garrison", "military_base"),
        ("حقل كونيكو", "Conoco gas field", "gas_field"),
        ("حقل العمر", "Al-Omar oil field", "oil_field"),
        ("قاعدة الشدادي", "Shaddadi base", "military_base"),
        ("خراب الجير", "Kharab al-Jir airfield", "air_base"),
        ("قسرك", "Qasrak base", "military_base"),
        ("البرج 22", "Tower 22", "military_base"),
        ("معبر البوكمال", "Albu Kamal border crossing", "border_crossing"),
        ("معبر باب الهوى", "Bab al-Hawa border crossing", "border_crossing"),
        ("السفارة الأمريكية في بغداد", "US Embassy Baghdad", "embassy"),
        ("قاعدة بلد الجوية", "Balad Air Base", "air_base"),
    ],
)
def test_facilities(name, english, kind):
    entries = gazetteer().lookup(name)
    assert entries and entries[0].name == english and entries[0].kind == kind


@pytest.mark.parametrize(
    "name, english, country",
    [
        ("الموصل", "Mosul", "IQ"),
        ("بالموصل", "Mosul", "IQ"),  # through a clitic
        ("وبغداد", "Baghdad", "IQ"),
        ("الأنبار", "Anbar", "IQ"),
        ("الانبار", "Anbar", "IQ"),  # alef without hamza
        ("Mosul", "Mosul", "IQ"),
        ("حلب", "Aleppo", "SY"),
        ("الحسكة", "Al Hasakah", "SY"),
        ("العراق", "Iraq", "IQ"),
        ("الولايات المتحدة", "United States", "US"),
        ("صنعاء", "Sanaa", "YE"),
        ("غازي عنتاب", "Gaziantep", "TR"),
    ],
)
def test_lookup(name, english, country):
    places = lookup(name)
    assert places and places[0].name == english and places[0].country == country


def test_lookup_unknown_is_empty():
    assert lookup("لا يوجد مكان بهذا الاسم") == []


def test_facility_place_has_admin1_and_precision_1():
    place = lookup("قاعدة عين الأسد")[0]
    assert (place.admin1, place.geo_precision) == ("Anbar", 1)
    assert abs(place.lat - 33.8) < 0.1 and abs(place.lon - 42.44) < 0.1


def test_province_has_precision_3():
    assert lookup("محافظة نينوى")[0].geo_precision == 3


def test_bad_file_raises_geo_error():
    from rasd.errors import GeoError

    with pytest.raises(GeoError):
        Gazetteer.load(b"not gzip")
    with pytest.raises(GeoError):
        Gazetteer.load(gzip.compress(b"a\tb\n"))


def _shared_fixture(tmp_path):
    shared = write_shared(
        tmp_path,
        "1,Baghdad,Tarmia,Hay Al-Shurta,حي الشرطة,33.60,44.30\n"
        "2,Baghdad,Tarmia,Al Tarmiya Center,مركز الطارمية,33.66,44.40\n"
        "3,Baghdad,Tarmia,Hay Al Madfay,المدفعي,33.62,44.32\n"
        "4,Baghdad,Tarmia,Albu Khanfar,قرية البو خنفر,33.70,44.20\n"
        "5,Baghdad,Tarmia,Nameless,,33.71,44.21\n",
        "1,Simele,Simele,,36.86,42.85,P,PPL,IQ,08,20000\n",
    )
    curated = tmp_path / "curated"
    curated.mkdir()
    (curated / "iraq_districts.tsv").write_text(
        "# test\ngovernorate\tdistrict\tname\tname_ar\tvariants\n"
        "Baghdad\tTarmia\tTarmia District\tالطارمية\tقضاء الطارمية\n",
        encoding="utf-8",
    )
    return shared, curated


def test_shared_rows_quarters_districts_and_unnamed(tmp_path):
    shared, curated = _shared_fixture(tmp_path)
    rows = {r["id"]: r for r in builder().read_shared(shared, curated)}
    quarter = rows["iom:1"]
    assert (quarter["name_ar"], quarter["kind"]) == ("حي الشرطة", "neighbourhood")
    assert rows["iom:3"]["name_ar"] == "حي المدفعي"  # "Hay …" in English: a quarter too
    assert (rows["iom:2"]["name_ar"], rows["iom:2"]["kind"]) == ("الطارمية", "town")
    assert (rows["iom:4"]["name_ar"], rows["iom:4"]["kind"]) == ("البو خنفر", "village")
    assert rows["iom:5"]["name"] == "Nameless" and rows["iom:5"]["name_ar"] == ""
    assert rows["gn:1"]["name"] == "Simele" and rows["gn:1"]["name_ar"] == ""
    district = rows["iq-adm2:baghdad:tarmia"]
    assert district["kind"] == "admin2" and district["admin1"] == "Baghdad"
    assert (district["lat"], district["lon"]) == ("33.66", "44.4")  # at its centre town


def test_district_without_centre_town_sits_at_the_mean(tmp_path):
    shared, curated = _shared_fixture(tmp_path)
    (curated / "iraq_districts.tsv").write_text(
        "governorate\tdistrict\tname\tname_ar\tvariants\n"
        "Baghdad\tTarmia\tTarmia District\tاسم آخر\t\n",
        encoding="utf-8",
    )
    rows = {r["id"]: r for r in builder().read_shared(shared, curated)}
    assert rows["iq-adm2:baghdad:tarmia"]["lat"] == "33.658"


def test_iraq_districts_shipped():
    districts = [e for e in gazetteer().entries if e.country == "IQ" and e.kind == "admin2"]
    assert len(districts) >= 100
    assert {e.admin1 for e in districts} >= {"Anbar", "Ninewa", "Basrah", "Erbil"}
