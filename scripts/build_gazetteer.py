"""Build rasd's shipped gazetteer (src/rasd/geo/data/gazetteer.tsv.gz).

Reads the curated TSVs under src/rasd/geo/data/curated/ and, when present,
the shared raw files (../shared/data/gazetteer: GeoNames cities15000 for
Iraq and Syria, IOM DTM Iraq location list, OCHA Syria admin points), and
writes one gzip TSV with a fixed column order, rows in a fixed order and a
zero gzip timestamp, so the same inputs always give the same bytes.

    python scripts/build_gazetteer.py                      # curated + ../shared
    python scripts/build_gazetteer.py --no-shared -o X.gz  # curated only (tests)

Admin1 of the GeoNames towns is taken from the nearest IOM (Iraq) or OCHA
(Syria) point, since GeoNames' numeric admin1 codes differ from the names
the rest of the gazetteer uses. Every row of the three files is kept (a
town without an Arabic name is found by its English one). IOM quarters
("حي X", or "Hay …" in English) stay named "حي X" (kind neighbourhood), so
a common word X alone never matches them; "قرية X" and "مركز X" are named
X (a village; a district centre is a town), "ناحية X" (or "ناحيه X") is a
subdistrict, and "ناحية X-حي Y" is the quarter "حي Y" of subdistrict X.
Iraq's districts (admin2) come from the IOM list's district column with
the Arabic names of ``curated/iraq_districts.tsv``, named "قضاء X" and
placed at their centre town.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "src" / "rasd" / "geo" / "data" / "curated"
OUTPUT = ROOT / "src" / "rasd" / "geo" / "data" / "gazetteer.tsv.gz"
SHARED = ROOT.parent / "shared" / "data" / "gazetteer"
CURATED_FILES = (
    "countries.tsv",
    "region_admin.tsv",
    "region_cities.tsv",
    "towns.tsv",
    "syria_villages.tsv",
    "iraq_subdistricts.tsv",
    "lebanon_villages.tsv",
    "yemen_districts.tsv",
    "quarters.tsv",
    "facilities.tsv",
)
DISTRICTS = "iraq_districts.tsv"  # Arabic names of the IOM list's districts
COLUMNS = "id name name_ar variants lat lon country admin1 kind population source".split()


_IOM_PREFIXES = {"قرية", "مركز", "ناحية", "قضاء", "مدينة", "مجمع"}
# quarters of a town: named by "حي X" (often a common word: حي الشرطة، حي
# العمال), so they stay "حي X" and a bare X never matches them
_IOM_QUARTERS = {"حي", "الحي", "محلة"}
# "ناحية X", also written with heh for teh marbuta (ناحيه)
_IOM_SUBDISTRICT = {"ناحية", "ناحيه"}
_PLAIN_ARABIC = re.compile("[\u0621-\u064a ]+")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _row(**kw: object) -> dict[str, str]:
    row = {c: "" for c in COLUMNS}
    for key, value in kw.items():
        if isinstance(value, float):
            value = f"{value:.5f}".rstrip("0").rstrip(".")
        row[key] = str(value)
    return row


def read_curated(directory: Path = CURATED) -> list[dict[str, str]]:
    """Curated rows in file order, with ids derived where the file has none."""
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for name in CURATED_FILES:
        text = (directory / name).read_text(encoding="utf-8")
        body = "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
        reader = csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE)
        for lineno, rec in enumerate(reader, start=2):
            if None in rec or any(v is None for v in rec.values()):
                raise SystemExit(f"{name}: row {lineno}: wrong number of columns: {rec}")
            rec = {k: v.strip() for k, v in rec.items()}
            rid = (
                rec.get("id") or f"cur:{rec['country'] or 'XX'}:{rec['kind']}:{_slug(rec['name'])}"
            )
            if rid in seen:
                raise SystemExit(f"{name}: duplicate id {rid}")
            seen.add(rid)
            float(rec["lat"]), float(rec["lon"])  # fail loudly on a typo
            variants = [v for v in _split(rec["variants"]) if v != rec["name_ar"]]
            rows.append(
                _row(
                    id=rid,
                    name=rec["name"],
                    name_ar=rec["name_ar"],
                    variants="|".join(variants),
                    lat=rec["lat"],
                    lon=rec["lon"],
                    country=rec["country"],
                    admin1=rec["admin1"],
                    kind=rec["kind"],
                    population=rec["population"] or "0",
                    source=rec["source"],
                )
            )
    return rows


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class _Nearest:
    """Nearest labelled point on a coarse grid (enough for a few thousand points)."""

    def __init__(self, points: list[tuple[float, float, str]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        for lat, lon, label in points:
            self.cells.setdefault((int(lat * 2), int(lon * 2)), []).append((lat, lon, label))

    def __call__(self, lat: float, lon: float) -> str:
        ci, cj = int(lat * 2), int(lon * 2)
        for radius in range(0, 6):
            best = None
            for i in range(ci - radius, ci + radius + 1):
                for j in range(cj - radius, cj + radius + 1):
                    for plat, plon, label in self.cells.get((i, j), ()):
                        d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
                        if best is None or d < best[0]:
                            best = (d, label)
            if best is not None:
                return best[1]
        return ""


def _curated_table(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    body = "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    reader = csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in rec.items()} for rec in reader]


def iraq_districts(
    iom: list[dict[str, str]], built: list[dict[str, str]], curated: Path = CURATED
) -> list[dict[str, str]]:
    """Iraq's districts (admin2): names from ``iraq_districts.tsv``, placed at
    the centre town of the same Arabic name in the same governorate (the
    largest such row already built), else at the mean of the district's IOM
    locations."""
    members: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for r in iom:
        key = (r["governorate"], r["district"])
        members.setdefault(key, []).append((float(r["latitude"]), float(r["longitude"])))
    towns: dict[tuple[str, str], tuple[int, int, float, float]] = {}
    rank = {"city": 3, "town": 2}
    for row in built:
        if row["country"] != "IQ" or row["kind"] not in rank:
            continue
        for name in (row["name_ar"], *_split(row["variants"])):
            key = (row["admin1"], name)
            value = (
                rank[row["kind"]],
                int(row["population"] or 0),
                float(row["lat"]),
                float(row["lon"]),
            )
            if key not in towns or value > towns[key]:
                towns[key] = value
    rows = []
    for rec in _curated_table(curated / DISTRICTS):
        points = members.get((rec["governorate"], rec["district"]))
        if not points:
            raise SystemExit(
                f"{DISTRICTS}: no IOM locations in {rec['governorate']}/{rec['district']}"
            )
        names = [rec["name_ar"], *_split(rec["variants"])]
        centre = next(
            (towns[(rec["governorate"], n)] for n in names if (rec["governorate"], n) in towns),
            None,
        )
        if centre is not None:
            lat, lon = centre[2], centre[3]
        else:
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
        # a district is named "قضاء X": a bare X is its centre town (or a word: الدور)
        called = [n if n.startswith("قضاء ") else f"قضاء {n}" for n in names]
        called = list(dict.fromkeys(called))
        rows.append(
            _row(
                id=f"iq-adm2:{_slug(rec['governorate'])}:{_slug(rec['district'])}",
                name=rec["name"],
                name_ar=called[0],
                variants="|".join(called[1:]),
                lat=lat,
                lon=lon,
                country="IQ",
                admin1=rec["governorate"],
                kind="admin2",
                population="0",
                source="IOM DTM Iraq location list (district); Arabic name curated",
            )
        )
    return rows


def read_shared(directory: Path = SHARED, curated: Path = CURATED) -> list[dict[str, str]]:
    """Rows from the three shared raw files."""
    iom = _read_csv(directory / "iom_dtm_iraq_locations_en_ar.csv")
    ocha = _read_csv(directory / "ocha_syria_adminpoints_en_ar.csv")
    geonames = _read_csv(directory / "geonames_cities15000_IQ_SY_arabic.csv")
    iq_admin1 = _Nearest(
        [(float(r["latitude"]), float(r["longitude"]), r["governorate"]) for r in iom]
    )
    sy_admin1 = _Nearest(
        [
            (float(r["latitude"]), float(r["longitude"]), r["adm1_en"])
            for r in ocha
            if r["admin_level"] in ("2", "3")
        ]
    )
    rows: list[dict[str, str]] = []
    for r in geonames:
        names = [
            n
            for n in _split(r["arabic_names"])
            if not n.startswith("محافظة") and not re.search("[A-Za-z]", n)
        ]
        standard = [n for n in names if _PLAIN_ARABIC.fullmatch(n)]
        if standard:  # towns without an Arabic name stay, found by their English one
            best = next((n for n in standard if n.startswith("ال")), standard[0])
            names = [best, *(n for n in names if n != best)]
        else:
            names = ["", *names]
        lat, lon = float(r["latitude"]), float(r["longitude"])
        admin1 = (iq_admin1 if r["country"] == "IQ" else sy_admin1)(lat, lon)
        rows.append(
            _row(
                id=f"gn:{r['geonameid']}",
                name=r["asciiname"],
                name_ar=names[0],
                variants="|".join(names[1:]),
                lat=lat,
                lon=lon,
                country=r["country"],
                admin1=admin1,
                kind="city" if r["feature_code"] in ("PPLC", "PPLA") else "town",
                population=r["population"] or "0",
                source="GeoNames cities15000 (CC BY 4.0)",
            )
        )
    level_kind = {"1": "admin1", "2": "admin2", "3": "admin3"}
    for r in ocha:
        kind = level_kind.get(r["admin_level"])
        if kind is None or not r["name_ar"]:
            continue
        pid = r["adm3_pcode"] or r["adm1_pcode"] or _slug(r["name_en"])
        if kind == "admin2":
            pid = f"adm2-{_slug(r['name_en'])}-{r['adm1_pcode']}"
        name_ar, variants = r["name_ar"].strip(), ""
        if name_ar.startswith("مركز "):  # "X centre": the subdistrict around town X
            name_ar, variants = name_ar[len("مركز ") :], name_ar
        rows.append(
            _row(
                id=f"ocha:{pid}",
                name=r["name_en"],
                name_ar=name_ar,
                variants=variants,
                lat=float(r["latitude"]),
                lon=float(r["longitude"]),
                country="SY",
                admin1=r["adm1_en"],
                kind=kind,
                population="0",
                source="OCHA Syria admin points (CC BY-IGO)",
            )
        )
    for r in iom:
        if not r["name_ar"].strip() and not r["name_en"].strip():
            continue
        name_ar, variants, kind = r["name_ar"].strip(), "", "village"
        head, _, rest = name_ar.partition(" ")
        if head in _IOM_SUBDISTRICT and "-" in rest:
            # "ناحية الامام-حي الامير": quarter al-Amir of subdistrict al-Imam; other
            # locations so written (الانتصار، الشهيد الصدر) are often common words
            # or persons, and stay whole (never matched)
            child = rest.split("-", 1)[1].strip()
            if child.partition(" ")[0] in _IOM_QUARTERS:
                name_ar = child
                head, _, rest = name_ar.partition(" ")
        elif head in _IOM_SUBDISTRICT:
            head, name_ar = "ناحية", f"ناحية {rest}".strip()
        if head in _IOM_QUARTERS and rest:
            name_ar, kind = f"حي {rest}", "neighbourhood"
            variants = "" if head == "حي" else r["name_ar"].strip()
        elif (
            name_ar
            and r["name_en"].strip().lower().startswith("hay ")
            and head not in _IOM_PREFIXES
        ):
            name_ar, variants, kind = f"حي {name_ar}", "", "neighbourhood"
        elif head in _IOM_PREFIXES and rest:  # "قرية X", "مركز X": the name is X
            name_ar, variants = rest, name_ar
            if head == "مركز":  # a district or subdistrict centre: a town
                kind = "town"
            elif head == "ناحية":  # a subdistrict
                kind = "admin3"
        rows.append(
            _row(
                id=f"iom:{r['dtm_location_id']}",
                name=r["name_en"].strip(),
                name_ar=name_ar,
                variants=variants,
                lat=float(r["latitude"]),
                lon=float(r["longitude"]),
                country="IQ",
                admin1=r["governorate"],
                kind=kind,
                population="0",
                source="IOM DTM Iraq location list",
            )
        )
    if (curated / DISTRICTS).is_file():
        rows += iraq_districts(iom, rows, curated)
    return rows


def render(rows: list[dict[str, str]]) -> bytes:
    """The gzip TSV bytes for ``rows`` (deterministic)."""
    lines = ["\t".join(COLUMNS)]
    for row in rows:
        cells = [row[c].replace("\t", " ").replace("\n", " ") for c in COLUMNS]
        lines.append("\t".join(cells))
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(raw)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--curated", type=Path, default=CURATED)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--no-shared", action="store_true", help="curated rows only")
    args = parser.parse_args(argv)
    rows = read_curated(args.curated)
    if not args.no_shared:
        if not args.shared.is_dir():
            print(f"shared data not found at {args.shared} (use --no-shared)", file=sys.stderr)
            return 2
        rows += read_shared(args.shared, args.curated)
    args.output.write_bytes(render(rows))
    print(f"{len(rows)} places -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
