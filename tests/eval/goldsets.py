"""Checks every gold set must pass (main, dev2, heldout), shared by their tests."""

from __future__ import annotations

from rasd.eval import score_gold

KEYS = {"gold_id", "date_start", "date_end", "sub_event_types", "location"}


def assert_core_keys(gold: list[dict]) -> None:
    """Every event has the scored core keys and a window that ends by publication."""
    for r in gold:
        for e in r["events"]:
            assert KEYS <= set(e), (r["id"], e.get("gold_id"))
            assert e["date_start"] <= e["date_end"] <= r["published"]


def as_prediction(e: dict) -> dict:
    """A gold event as a system would have predicted it (first accepted value of each key)."""
    loc = e["location"]
    return {
        "event_date": e["date_start"],
        "date_start": e["date_start"],
        "date_end": e["date_end"],
        "sub_event_type": e["sub_event_types"][0],
        "location": {"country": loc["country"], "lat": loc.get("lat"), "lon": loc.get("lon")},
        "actor1": {"name": e["actor1"][0]} if e.get("actor1") else None,
        "actor2": {"name": e["actor2"][0]} if e.get("actor2") else None,
        "claim_status": (e.get("claim_status") or ["unknown"])[0],
        "weapons": e.get("weapons", []),
        "fatalities": e.get("fatalities"),
        "injuries": e.get("injuries"),
    }


def assert_scores_itself(gold: list[dict]) -> None:
    """Gold events turned into predictions pair one to one with all fields right."""
    predicted = {r["id"]: [as_prediction(e) for e in r["events"]] for r in gold}
    figures = score_gold(gold, predicted).figures
    assert figures["events"]["f1"] == 1.0
    assert figures["field_accuracy"] == 1.0
