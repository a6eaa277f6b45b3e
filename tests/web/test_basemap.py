"""The shipped admin-1 outlines: every unit of the region, arcs that decode,
and units where they belong (the map must work with no tile server)."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest


@pytest.fixture(scope="module")
def topo():
    path = resources.files("rasd.web") / "static" / "geo" / "admin1.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _points(topo, geometry):
    arcs = topo["arcs"]
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    for polygon in polygons:
        for ring in polygon:
            for i in ring:
                yield from arcs[i] if i >= 0 else reversed(arcs[~i])


def test_every_country_of_the_region_has_its_units(topo):
    counts = Counter(g["properties"]["country"] for g in topo["objects"]["admin1"]["geometries"])
    assert counts["IQ"] == 18 and counts["SY"] >= 14 and counts["LB"] >= 6
    assert {"YE", "JO", "IL", "SA", "IR", "TR"} <= set(counts)


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("Baghdad", 33.31, 44.37), ("Ninawa", 36.34, 43.13), ("Damascus", 33.51, 36.29)],
)
def test_units_lie_where_they_belong(topo, name, lat, lon):
    (g,) = [g for g in topo["objects"]["admin1"]["geometries"] if g["properties"]["name"] == name]
    pts = list(_points(topo, g))
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    assert min(xs) <= lon <= max(xs) and min(ys) <= lat <= max(ys)


def test_service_worker_caches_the_outlines():
    sw = (resources.files("rasd.web") / "static" / "sw.js").read_text(encoding="utf-8")
    assert "/static/geo/admin1.json" in sw and "/static/geo/countries-50m.json" in sw
