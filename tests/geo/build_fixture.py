"""The gazetteer build script and the shared source files it reads, written small
for the tests of tests/geo (the real files live in ../shared/data/gazetteer)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

IOM_HEADER = "dtm_location_id,governorate,district,name_en,name_ar,latitude,longitude\n"
OCHA = (
    "admin_level,name_en,name_ar,latitude,longitude,adm3_pcode,adm2_en,adm2_ar,adm1_en,"
    "adm1_ar,adm1_pcode\n1,Aleppo,حلب,36.14,37.39,,,,Aleppo,حلب,SY02\n"
)
GEONAMES_HEADER = (
    "geonameid,name,asciiname,arabic_names,latitude,longitude,feature_class,feature_code,"
    "country,admin1,population\n"
)


def builder():
    """scripts/build_gazetteer.py as a module."""
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_shared(folder: Path, iom_rows: str, geonames_rows: str = "") -> Path:
    """The three shared source files in ``folder``/shared: the IOM rows given, one
    OCHA row (Aleppo) and the GeoNames rows given."""
    shared = folder / "shared"
    shared.mkdir()
    (shared / "iom_dtm_iraq_locations_en_ar.csv").write_text(
        IOM_HEADER + iom_rows, encoding="utf-8"
    )
    (shared / "ocha_syria_adminpoints_en_ar.csv").write_text(OCHA, encoding="utf-8")
    (shared / "geonames_cities15000_IQ_SY_arabic.csv").write_text(
        GEONAMES_HEADER + geonames_rows, encoding="utf-8"
    )
    return shared
