"""Exports of fused events: CSV with ACLED's column names, JSONL, GeoJSON, Parquet.

The CSV lines up against an ACLED download column by column (ACLED's
names and order, then rasd's extra fields), so an analyst can compare the
two in a spreadsheet. Differences from ACLED, on purpose: ``fatalities``
is empty when no report gives a figure (ACLED writes 0), and ``country``
is the English name of the ISO code rasd stores.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from rasd import resources
from rasd.errors import FuseError

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "timestamp",
)
EXTRA_COLUMNS = ("claim_status", "weapons", "evidence", "article_ids", "injuries")
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
NOTES_CHARS = 400


def country_name(code: str | None) -> str:
    names = {r["code"]: r["name"] for r in resources.tsv("fuse", "countries.tsv")}
    return names.get(code or "", code or "")


def _name(actor: dict[str, Any] | None) -> str:
    return (actor or {}).get("name") or ""


def _weapons(weapons: list[dict[str, Any]]) -> str:
    parts = []
    for w in weapons:
        label = w.get("model") or w["kind"]
        parts.append(f"{label} x{w['count']}" if w.get("count") is not None else label)
    return "; ".join(parts)


def _notes(event: dict[str, Any]) -> str:
    texts = list(dict.fromkeys(e["text"] for e in event.get("evidence") or () if e.get("text")))
    return " | ".join(texts)[:NOTES_CHARS]


def acled_row(
    event: dict[str, Any],
    *,
    sources: Callable[[list[str]], list[str]] | None = None,
    timestamp: Callable[[dict[str, Any]], int] | None = None,
) -> dict[str, Any]:
    """One CSV row; ``sources`` maps article ids to outlet names (else the ids
    are used), ``timestamp`` gives the event's last change (else now)."""
    loc = event.get("location") or {}
    date = event.get("event_date")
    ids = event.get("article_ids") or []
    suspected = event.get("suspected_actor1")
    return {
        "event_id_cnty": event["event_id"],
        "event_date": date or "",
        "year": date[:4] if date else "",
        "time_precision": event.get("time_precision") or "",
        "event_type": event.get("event_type") or "",
        "sub_event_type": event.get("sub_event_type") or "",
        "actor1": _name(event.get("actor1")),
        "assoc_actor_1": _name(suspected) if suspected and not event.get("actor1") else "",
        "actor2": _name(event.get("actor2")),
        "country": country_name(loc.get("country")),
        "admin1": loc.get("admin1") or "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": loc.get("geo_precision") or "",
        "source": "; ".join(dict.fromkeys(sources(ids) if sources else ids)),
        "notes": _notes(event),
        "fatalities": "" if event.get("fatalities") is None else event["fatalities"],
        "timestamp": timestamp(event) if timestamp else int(dt.datetime.now(dt.UTC).timestamp()),
        "claim_status": event.get("claim_status") or "",
        "weapons": _weapons(event.get("weapons") or []),
        "evidence": json.dumps(event.get("evidence") or [], ensure_ascii=False),
        "article_ids": ";".join(ids),
        "injuries": "" if event.get("injuries") is None else event["injuries"],
    }


def write_csv(events: Iterable[dict[str, Any]], out: IO[str], **kw: Any) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for event in events:
        w.writerow(acled_row(event, **kw))
        n += 1
    return n


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n


def feature(event: dict[str, Any]) -> dict[str, Any]:
    loc = event.get("location") or {}
    point = (
        {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
        if loc.get("lat") is not None and loc.get("lon") is not None
        else None
    )
    return {"type": "Feature", "id": event["event_id"], "geometry": point, "properties": event}


def write_geojson(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection, written feature by feature (no whole list in memory)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for event in events:
        out.write((",\n" if n else "") + json.dumps(feature(event), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_parquet(events: Iterable[dict[str, Any]], path: str, **kw: Any) -> int:
    """The CSV columns as a Parquet file (needs pyarrow), plus the full event as JSON."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise FuseError(
            "parquet export needs pyarrow: pip install pyarrow", value="pyarrow"
        ) from err
    rows = []
    for event in events:
        row = {k: (None if v == "" else v) for k, v in acled_row(event, **kw).items()}
        for k in ("latitude", "longitude"):
            row[k] = float(row[k]) if row[k] is not None else None
        for k in ("time_precision", "geo_precision", "fatalities", "injuries", "year"):
            row[k] = int(row[k]) if row[k] is not None else None
        row["event"] = json.dumps(event, ensure_ascii=False)
        rows.append(row)
    schema = pa.schema(
        [
            (
                c,
                pa.float64()
                if c in ("latitude", "longitude")
                else pa.int64()
                if c
                in (
                    "time_precision",
                    "geo_precision",
                    "fatalities",
                    "injuries",
                    "year",
                    "timestamp",
                )
                else pa.string(),
            )
            for c in (*COLUMNS, "event")
        ]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows)
