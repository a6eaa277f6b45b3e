"""Gold scoring (shared/spec/gold-format.md) on tiny hand-made events."""

import json

import pytest

from rasd.errors import EvalError
from rasd.eval import read_gold, score_gold
from rasd.eval.gold import pair_cost

AIN_AL_ASAD = {"lat": 33.80, "lon": 42.44, "country": "IQ", "radius_km": 25}


def gold_event(**kw):
    ev = {
        "date_start": "2024-07-26",
        "date_end": "2024-07-26",
        "sub_event_types": ["Air/drone strike"],
        "location": dict(AIN_AL_ASAD),
        "actor1": None,
        "claim_status": ["unclaimed"],
        "actor2": ["US forces", "United States military"],
        "weapons": [{"kind": "drone", "count": 2}],
        "fatalities": None,
        "injuries": None,
    }
    ev.update(kw)
    return ev


def pred_event(**kw):
    ev = {
        "event_date": "2024-07-26",
        "date_start": "2024-07-26",
        "date_end": "2024-07-26",
        "sub_event_type": "Air/drone strike",
        "plover_type": "ASSAULT",
        "location": {"name": "Ain al-Asad", "country": "IQ", "lat": 33.79, "lon": 42.42},
        "actor1": None,
        "claim_status": "unclaimed",
        "actor2": {"name": "US Forces", "id": "us_forces", "kind": "state_forces"},
        "weapons": [{"kind": "drone", "model": None, "count": 2}],
        "fatalities": None,
        "injuries": None,
    }
    ev.update(kw)
    return ev


def score(gold_events, pred_events):
    rep = score_gold([{"id": "a", "text": "…", "events": gold_events}], {"a": pred_events})
    return rep.figures


def test_perfect_prediction():
    f = score([gold_event()], [pred_event()])
    assert f["pairs"] == 1
    assert f["events"]["f1"] == 1.0
    assert f["field_accuracy"] == 1.0
    assert f["fields"]["actor2"]["right"] == 1  # names compare case-insensitively


@pytest.mark.parametrize(
    "loc, pairs",
    [
        ({"name": "x", "country": "IQ", "lat": 33.80, "lon": 42.44}, 1),
        ({"name": "x", "country": "IQ", "lat": 33.95, "lon": 42.44}, 1),  # ~17 km
        ({"name": "Baghdad", "country": "IQ", "lat": 33.31, "lon": 44.36}, 0),  # ~185 km
        ({"name": "Iraq", "country": "IQ", "lat": None, "lon": None}, 0),  # no point to measure
        (None, 0),
    ],
)
def test_pairing_by_radius(loc, pairs):
    assert score([gold_event()], [pred_event(location=loc)])["pairs"] == pairs


@pytest.mark.parametrize(
    "loc, pairs",
    [
        ({"name": "Baghdad", "country": "IQ", "lat": 33.31, "lon": 44.36}, 1),
        ({"name": "Iraq", "country": "iq", "lat": None, "lon": None}, 1),
        ({"name": "Deir ez-Zor", "country": "SY", "lat": 35.33, "lon": 40.14}, 0),
        (None, 0),
    ],
)
def test_radius_null_compares_country_only(loc, pairs):
    gold = gold_event(location={"country": "IQ", "radius_km": None})
    assert score([gold], [pred_event(location=loc)])["pairs"] == pairs


def test_gold_without_location_key_pairs_anywhere():
    gold = gold_event()
    del gold["location"]
    assert score([gold], [pred_event(location=None)])["pairs"] == 1


@pytest.mark.parametrize(
    "start, end, pairs",
    [
        ("2024-07-26", "2024-07-26", 1),
        ("2024-07-20", "2024-07-27", 1),  # a week window holding the day
        ("2024-07-25", "2024-07-25", 0),
        ("2024-07-27", "2024-07-30", 0),
        (None, None, 1),  # a null predicted date pairs with any window
    ],
)
def test_pairing_by_date_window(start, end, pairs):
    pred = pred_event(date_start=start, date_end=end, event_date=start)
    assert score([gold_event()], [pred])["pairs"] == pairs


def test_null_predicted_date_pairs_but_date_field_is_wrong():
    f = score([gold_event()], [pred_event(date_start=None, date_end=None, event_date=None)])
    assert f["pairs"] == 1
    assert f["fields"]["date"] == {"right": 0, "scored": 1, "accuracy": 0.0}


def test_counts_precision_and_recall():
    gold = [gold_event(), gold_event(date_start="2024-07-28", date_end="2024-07-28")]
    pred = [
        pred_event(),
        pred_event(event_date="2024-08-02", date_start="2024-08-02", date_end="2024-08-02"),
    ]
    ev = score(gold, pred)["events"]
    assert (ev["tp"], ev["fp"], ev["fn"]) == (1, 1, 1)
    assert ev["precision"] == ev["recall"] == ev["f1"] == 0.5


def test_maximum_matching_then_nearest():
    # both predictions lie near both gold points; nearest-first greedy would pair
    # pred 0 with gold 0 and leave gold 1 unpaired
    g0 = gold_event(location={"lat": 33.80, "lon": 42.44, "country": "IQ", "radius_km": 30})
    g1 = gold_event(location={"lat": 33.80, "lon": 42.80, "country": "IQ", "radius_km": 5})
    p0 = pred_event(location={"country": "IQ", "lat": 33.80, "lon": 42.78}, fatalities=1)
    p1 = pred_event(location={"country": "IQ", "lat": 33.80, "lon": 42.50}, fatalities=2)
    rep = score_gold([{"id": "a", "text": "", "events": [g0, g1]}], {"a": [p0, p1]})
    assert rep.figures["pairs"] == 2


def test_missing_article_predictions_count_as_misses():
    rep = score_gold([{"id": "a", "text": "", "events": [gold_event()]}], {})
    assert rep.figures["events"]["recall"] == 0.0
    assert rep.details[0]["problem"] == "missed"


def test_zero_event_article_with_spurious_prediction():
    f = score([], [pred_event()])
    assert (f["gold_events"], f["predicted_events"], f["events"]["fp"]) == (0, 1, 1)


@pytest.mark.parametrize(
    "pred_weapons, right",
    [
        ([{"kind": "drone", "model": None, "count": 2}], 1),
        ([{"kind": "drone", "model": "Shahed", "count": 2}], 1),  # model is not scored
        ([{"kind": "drone", "count": 1}, {"kind": "drone", "count": 1}], 0),
        ([{"kind": "drone", "count": 2}, {"kind": "rocket", "count": None}], 0),
        ([{"kind": "drone", "count": None}], 0),
        ([], 0),
    ],
)
def test_weapons_multiset(pred_weapons, right):
    f = score([gold_event()], [pred_event(weapons=pred_weapons)])
    assert f["fields"]["weapons"]["right"] == right


def test_weapons_multiset_order_free():
    gold = gold_event(weapons=[{"kind": "drone", "count": 1}, {"kind": "rocket", "count": 4}])
    pred = pred_event(weapons=[{"kind": "rocket", "count": 4}, {"kind": "drone", "count": 1}])
    assert score([gold], [pred])["fields"]["weapons"]["right"] == 1


@pytest.mark.parametrize(
    "field, gold_value, pred_value, right",
    [
        ("fatalities", None, None, 1),
        ("fatalities", None, 0, 0),  # 0 only when the text says none
        ("fatalities", 0, 0, 1),
        ("fatalities", 3, 3, 1),
        ("injuries", 34, 43, 0),
        ("actor1", None, None, 1),
        ("actor1", None, {"name": "Kataib Hezbollah"}, 0),
        ("actor1", ["Kataib Hezbollah", "Kata'ib Hizballah"], {"name": "kataib hezbollah"}, 1),
        ("actor1", ["Kataib Hezbollah"], None, 0),
        ("claim_status", ["claimed"], "claimed", 1),
        ("claim_status", ["unclaimed", "unknown"], "unknown", 1),
        ("claim_status", ["denied"], "attributed", 0),
    ],
)
def test_scalar_fields(field, gold_value, pred_value, right):
    f = score([gold_event(**{field: gold_value})], [pred_event(**{field: pred_value})])
    assert f["fields"][field]["right"] == right


@pytest.mark.parametrize(
    "event_date, right",
    [("2024-07-20", 1), ("2024-07-27", 1), ("2024-07-28", 0), (None, 0)],
)
def test_date_field_inside_window(event_date, right):
    gold = gold_event(date_start="2024-07-20", date_end="2024-07-27")
    pred = pred_event(event_date=event_date, date_start="2024-07-20", date_end="2024-07-28")
    assert score([gold], [pred])["fields"]["date"]["right"] == right


def test_sub_event_type_any_listed_answer():
    gold = gold_event(sub_event_types=["Air/drone strike", "Shelling/artillery/missile attack"])
    pred = pred_event(sub_event_type="Shelling/artillery/missile attack")
    assert score([gold], [pred])["fields"]["sub_event_type"]["right"] == 1


def test_left_out_keys_are_not_scored():
    gold = {"date_start": "2024-07-26", "date_end": "2024-07-26", "location": dict(AIN_AL_ASAD)}
    f = score([gold], [pred_event(fatalities=9)])
    assert f["pairs"] == 1
    assert f["field_scored"] == 1  # only the date
    assert f["fields"]["fatalities"]["scored"] == 0


def test_field_accuracy_is_over_pairs_only():
    gold = [gold_event(fatalities=2), gold_event(date_start="2025-01-01", date_end="2025-01-01")]
    f = score(gold, [pred_event(fatalities=2)])
    assert f["fields"]["fatalities"] == {"right": 1, "scored": 1, "accuracy": 1.0}


def test_pair_cost_is_distance():
    far = pred_event(location={"country": "IQ", "lat": 33.80, "lon": 42.64})
    cost = pair_cost(gold_event(), far)
    assert cost is not None and 17 < cost < 20


def test_report_renders_and_rounds():
    rep = score_gold(
        [{"id": "a", "text": "", "events": [gold_event()]}], {"a": [pred_event(injuries=5)]}
    )
    assert "wrong injuries" in rep.to_text()
    d = rep.to_dict(with_details=True)
    assert d["kind"] == "gold" and d["details"][0]["article"] == "a"
    json.dumps(d)


def test_accepts_event_objects():
    class Ev:
        def to_dict(self):
            return pred_event()

    assert score([gold_event()], [Ev()])["pairs"] == 1


def test_read_gold(tmp_path):
    path = tmp_path / "g.jsonl"
    rec = {
        "id": "a",
        "published": "2024-07-27",
        "lang": "ar",
        "text": "نص",
        "events": [gold_event()],
    }
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n\n", encoding="utf-8")
    assert read_gold(path)[0]["id"] == "a"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("{not json", "not JSON"),
        ('{"id": "a", "text": ""}', "missing key 'events'"),
        ('{"id": "a", "text": "", "events": [{"date_start": "27/07/2024"}]}', "not YYYY-MM-DD"),
        (
            '{"id": "a", "text": "", "events": [{"location": {"radius_km": 5}}]}',
            "needs lat and lon",
        ),
        ('{"id": "a", "text": "", "events": [{"actor1": "Hamas"}]}', "list of names"),
    ],
)
def test_read_gold_rejects(tmp_path, line, reason):
    path = tmp_path / "g.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=reason) as err:
        read_gold(path)
    assert ":1:" in str(err.value)


def test_phenomena_breakdown():
    recs = [
        {"id": "a", "text": "", "phenomena": ["zero-events"], "events": []},
        {"id": "b", "text": "", "phenomena": ["lede-repeated"], "events": [gold_event()]},
    ]
    rep = score_gold(recs, {"a": [pred_event()], "b": [pred_event(), pred_event()]})
    ph = rep.figures["phenomena"]
    assert (ph["zero-events"]["fp"], ph["zero-events"]["tp"]) == (1, 0)
    assert (ph["lede-repeated"]["tp"], ph["lede-repeated"]["fp"]) == (1, 1)
    assert "zero-events" in rep.to_text()
