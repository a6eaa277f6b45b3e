"""Hand-made article-level events for fusion tests."""

from __future__ import annotations

from typing import Any

AIN_AL_ASAD = {
    "name": "Ain al-Asad Air Base",
    "name_ar": "قاعدة عين الأسد",
    "country": "IQ",
    "admin1": "Al Anbar",
    "lat": 33.80,
    "lon": 42.44,
    "geo_precision": 1,
    "gazetteer_id": "iq-ain-al-asad",
}
HARIR = {
    "name": "Harir Air Base",
    "name_ar": "قاعدة حرير",
    "country": "IQ",
    "admin1": "Erbil",
    "lat": 36.53,
    "lon": 44.35,
    "geo_precision": 1,
    "gazetteer_id": "iq-harir",
}
ANBAR = {
    "name": "Al Anbar",
    "name_ar": "الأنبار",
    "country": "IQ",
    "admin1": "Al Anbar",
    "lat": 33.0,
    "lon": 42.0,
    "geo_precision": 3,
    "gazetteer_id": "iq-anbar",
}
US_FORCES = {
    "name": "US forces",
    "name_ar": None,
    "id": "us-forces",
    "kind": "state_forces",
    "country": "US",
}
IRI = {
    "name": "Islamic Resistance in Iraq",
    "name_ar": "المقاومة الإسلامية في العراق",
    "id": "iri",
    "kind": "armed_group",
    "country": "IQ",
}


def event(
    article: str,
    *,
    n: int = 1,
    day: str = "2023-10-24",
    start: str | None = None,
    end: str | None = None,
    precision: int = 1,
    place: dict[str, Any] | None = AIN_AL_ASAD,
    sub: str = "Air/drone strike",
    etype: str = "Explosions/Remote violence",
    weapons: list[dict[str, Any]] | None = None,
    targets: list[dict[str, Any]] | None = None,
    actor1: dict[str, Any] | None = None,
    actor2: dict[str, Any] | None = US_FORCES,
    claim: str = "unknown",
    fatalities: int | None = None,
    injuries: int | None = None,
) -> dict[str, Any]:
    """An article-level event as the extractor emits it (one article id)."""
    weapons = [{"kind": "drone", "model": None, "count": 2}] if weapons is None else weapons
    return {
        "schema_version": 1,
        "event_id": f"{article}-e{n}",
        "article_ids": [article],
        "event_date": day if start is None else (end or day),
        "date_start": start or day,
        "date_end": end or day,
        "time_precision": precision,
        "event_type": etype,
        "sub_event_type": sub,
        "plover_type": "ASSAULT",
        "actor1": actor1,
        "claim_status": claim,
        "suspected_actor1": None,
        "actor2": actor2,
        "targets": [{"kind": "air_base", "text": "قاعدة"}] if targets is None else targets,
        "weapons": weapons,
        "location": place,
        "fatalities": fatalities,
        "injuries": injuries,
        "damage": [],
        "evidence": [
            {"article_id": article, "field": "event", "start": 0, "end": 5, "text": "استهد"}
        ],
        "confidence": 0.6,
        "language": "ar",
    }
