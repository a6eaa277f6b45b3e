"""The shipped gazetteer: built file vs its sources, contents, look-ups."""

import gzip
import importlib.util
from pathlib import Path

import pytest

from rasd.geo import lookup
from rasd.geo.gazetteer import FACILITY_KINDS, Gazetteer, gazetteer
from rasd.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data" / "gazetteer"


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(raw: bytes) -> list[str]:
    return gzip.decompress(raw).decode("utf-8").splitlines()


def test_curated_part_matches_curated_sources(tmp_path):
    out = tmp_path / "curated.tsv.gz"
    assert _builder().main(["--no-shared", "-o", str(out)]) == 0
    rebuilt = _rows(out.read_bytes())
    shipped = _rows(resource_path("geo", "gazetteer.tsv.gz").read_bytes())
    assert shipped[0] == rebuilt[0]  # header
    curated_ids = {ln.split("\t", 1)[0] for ln in rebuilt[1:]}
    shipped_curated = [ln for ln in shipped[1:] if ln.split("\t", 1)[0] in curated_ids]
    assert shipped_curated == rebuilt[1:], "rerun scripts/build_gazetteer.py"


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data/gazetteer (developers only)")
def test_whole_file_matches_all_sources(tmp_path):
    out = tmp_path / "all.tsv.gz"
    assert _builder().main(["-o", str(out)]) == 0
    assert out.read_bytes() == resource_path("geo", "gazetteer.tsv.gz").read_bytes()


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.gz", tmp_path / "b.gz"
    builder = _builder()
    builder.main(["--no-shared", "-o", str(a)])
    builder.main(["--no-shared", "-o", str(b)])
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
