"""The shipped gazetteer: loading it and looking names up.

``data/gazetteer.tsv.gz`` is one row per place (built by
``scripts/build_gazetteer.py``). It is read once, on first use, into a list
of ``Entry`` and a dictionary from the matching form of every name (Arabic
spellings and the English name) to the entries bearing it, so a look-up
is one dictionary hit.
"""

from __future__ import annotations

import functools
import gzip
import math
from dataclasses import dataclass

from rasd import resources
from rasd.errors import GeoError
from rasd.model import Place
from rasd.text.clitics import analyses, bare
from rasd.text.normalize import match_form

FILE = "gazetteer.tsv.gz"
COLUMNS = "id name name_ar variants lat lon country admin1 kind population source".split()

# kinds that stand for one point: a facility, a town (ACLED precision 1)
POINT_KINDS = frozenset(
    "city town village neighbourhood air_base military_base naval_base oil_field gas_field "
    "oil_facility gas_facility refinery airport border_crossing embassy consulate port camp "
    "facility hospital".split()
)
FACILITY_KINDS = POINT_KINDS - {"city", "town", "village", "neighbourhood"}
AREA_KINDS = frozenset({"admin2", "admin3"})  # part of a larger place: precision 2
# admin1, region, country, sea: the region only (precision 3)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row."""

    id: str
    name: str
    name_ar: str
    variants: tuple[str, ...]
    lat: float
    lon: float
    country: str
    admin1: str
    kind: str
    population: int
    source: str

    @property
    def names_ar(self) -> tuple[str, ...]:
        return (self.name_ar, *self.variants) if self.name_ar else self.variants

    @property
    def precision(self) -> int:
        """ACLED geo precision of naming this place itself."""
        if self.kind in POINT_KINDS:
            return 1
        if self.kind in AREA_KINDS:
            return 2
        return 3

    @property
    def is_facility(self) -> bool:
        return self.kind in FACILITY_KINDS

    def place(self, precision: int | None = None) -> Place:
        return Place(
            name=self.name,
            country=self.country or None,
            lat=self.lat,
            lon=self.lon,
            geo_precision=precision or self.precision,
            name_ar=self.name_ar or None,
            admin1=self.admin1 or None,
            gazetteer_id=self.id,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "name_ar": self.name_ar,
            "variants": list(self.variants),
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "kind": self.kind,
            "population": self.population,
            "source": self.source,
        }


def key(name: str) -> str:
    """Look-up key of a name: matching form, single spaces, no leading article."""
    return _key_of_form(match_form(name))


def _key_of_form(form: str) -> str:
    return bare(" ".join(form.replace("_", " ").split()))


def _spellings(k: str) -> tuple[str, ...]:
    """A key and the other ways news writes it: a tribal prefix البو is written
    apart or joined to the name (البو كمال، البوكمال); أبو declines (أبي، أبا)."""
    if k.startswith("بو ") and len(k) > 4 and " " not in k[3:]:
        return (k, "بو" + k[3:])
    words = k.split(" ")
    if "ابو" in words[:-1]:
        # "أبو X" declines: "في قضاء أبي الخصيب"، "إلى أبا …" are the same name
        return (k, *(" ".join(case if w == "ابو" else w for w in words) for case in ("ابي", "ابا")))
    return (k,)


class Gazetteer:
    """Entries plus a name index. Build with ``Gazetteer.load()``."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        index: dict[str, list[Entry]] = {}
        article_forms: dict[str, set[bool]] = {}  # key -> written with/without ال
        known: dict[str, tuple[str, bool]] = {}  # name -> (key, written with ال)
        for entry in entries:
            seen = set()
            for name in (*entry.names_ar, entry.name):
                found = known.get(name)
                if found is None:
                    form = match_form(name)
                    found = known[name] = (_key_of_form(form), form.startswith("ال"))
                for k in _spellings(found[0]):
                    if k and k not in seen:
                        seen.add(k)
                        index.setdefault(k, []).append(entry)
            for name in entry.names_ar:
                written, said = known[name]
                for k in _spellings(written):
                    article_forms.setdefault(k, set()).add(said)
        self.index = index
        self.article_forms = {k: tuple(v) for k, v in article_forms.items()}
        self.by_id = {e.id: e for e in entries}

    @classmethod
    def load(cls, raw: bytes | None = None) -> Gazetteer:
        """Parse the shipped file (or ``raw`` gzip bytes of one)."""
        if raw is None:
            try:
                raw = resources.resource_path("geo", FILE).read_bytes()
            except FileNotFoundError as err:
                raise GeoError(f"missing gazetteer rasd/geo/data/{FILE}", value=FILE) from err
        try:
            text = gzip.decompress(raw).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as err:
            raise GeoError(f"unreadable gazetteer: {err}", value=FILE) from err
        lines = text.splitlines()
        if not lines or lines[0].split("\t") != COLUMNS:
            raise GeoError("gazetteer header does not match the expected columns", value=lines[:1])
        entries = []
        for lineno, line in enumerate(lines[1:], start=2):
            cells = line.split("\t")
            if len(cells) != len(COLUMNS):
                raise GeoError(f"gazetteer line {lineno}: {len(cells)} columns", value=line)
            gid, name, name_ar, variants, lat, lon, country, admin1, kind, pop, source = cells
            entries.append(
                Entry(
                    gid,
                    name,
                    name_ar,
                    tuple(v for v in variants.split("|") if v),
                    float(lat),
                    float(lon),
                    country,
                    admin1,
                    kind,
                    int(pop or 0),
                    source,
                )
            )
        return cls(entries)

    def lookup(self, name: str) -> list[Entry]:
        """Entries named ``name`` (any spelling, with or without the article),
        most prominent first."""
        k = key(name)
        found = self.index.get(k)
        if not found and k:  # through clitics on the first word: بالموصل
            head, _, rest = k.partition(" ")
            for _plen, stem in analyses(head)[1:]:
                found = self.index.get(bare(" ".join(filter(None, (stem, rest)))))
                if found:
                    break
        if not found:
            return []
        return sorted(found, key=prominence, reverse=True)


KIND_PRIOR = {
    "country": 8.0,
    "city": 4.0,
    "admin1": 3.5,
    "region": 3.5,
    "sea": 3.0,
    "town": 3.0,
    "admin2": 2.5,
    "neighbourhood": 2.0,
    "admin3": 2.0,
    "village": 1.0,
}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def prominence(entry: Entry) -> float:
    """How likely a bare mention of the name means this entry, context aside."""
    prior = KIND_PRIOR.get(entry.kind, 4.0 if entry.is_facility else 1.0)
    return prior + 0.5 * math.log10(entry.population + 1)


@functools.cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.load()


def lookup(name: str) -> list[Place]:
    """Places named ``name`` (Arabic or English, any spelling), most prominent first."""
    return [e.place() for e in gazetteer().lookup(name)]
