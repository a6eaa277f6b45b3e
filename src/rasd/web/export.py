"""Events to download files: CSV (ACLED-like flat columns), JSONL, GeoJSON.

Writers are generators of text chunks so a large export streams instead of
sitting in memory. CSV cells that a spreadsheet would read as a formula are
prefixed with a quote: exported text comes from untrusted articles.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}

CSV_COLUMNS = (
    "event_id",
    "event_date",
    "date_start",
    "date_end",
    "time_precision",
    "event_type",
    "sub_event_type",
    "plover_type",
    "actor1",
    "actor1_id",
    "claim_status",
    "suspected_actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "location_ar",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injuries",
    "targets",
    "weapons",
    "damage",
    "article_ids",
    "confidence",
    "language",
)


def _name(actor: dict[str, Any] | None, key: str = "name") -> str | None:
    return actor.get(key) if actor else None


def flat(event: dict[str, Any]) -> dict[str, Any]:
    """One CSV row of an event (lists joined with ``;``)."""
    loc = event.get("location") or {}
    return {
        **{k: event.get(k) for k in CSV_COLUMNS if k in event},
        "actor1": _name(event.get("actor1")),
        "actor1_id": _name(event.get("actor1"), "id"),
        "suspected_actor1": _name(event.get("suspected_actor1")),
        "actor2": _name(event.get("actor2")),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "location": loc.get("name"),
        "location_ar": loc.get("name_ar"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("geo_precision"),
        "targets": ";".join(t.get("kind", "") for t in event.get("targets") or []),
        "weapons": ";".join(w.get("kind", "") for w in event.get("weapons") or []),
        "damage": ";".join(event.get("damage") or []),
        "article_ids": ";".join(event.get("article_ids") or []),
    }


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_csv(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for event in events:
        writer.writerow({k: _cell(v) for k, v in flat(event).items()})
        if buf.tell() > 65536:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def write_jsonl(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    for event in events:
        yield json.dumps(event, ensure_ascii=False) + "\n"


def feature(event: dict[str, Any]) -> dict[str, Any]:
    loc = event.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    geometry = (
        {"type": "Point", "coordinates": [lon, lat]}
        if lat is not None and lon is not None
        else None
    )
    return {
        "type": "Feature",
        "id": event.get("event_id"),
        "geometry": geometry,
        "properties": event,
    }


def write_geojson(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for event in events:
        yield ("" if first else ",") + json.dumps(feature(event), ensure_ascii=False)
        first = False
    yield "]}\n"


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson}
