"""Scoring place names: IDRISI-style recognition and gold event locations."""

import json

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.errors import EvalError
from rasd.eval.places import read_mentions, score_locations, score_mentions, split


def _rec(text, *mentions):
    spans = []
    for surface, kind in mentions:
        at = text.index(surface)
        spans.append({"text": surface, "type": kind, "startIdx": at, "endIdx": at + len(surface)})
    return {"text": text, "location_mentions": spans}


def _found(*spans):
    return lambda text: [{"start": a, "end": b} for a, b in spans]


def test_exact_loose_and_overlap():
    text = "أمطار في بالكويت وعمان اليوم"
    rec = _rec(text, ("بالكويت", "CTRY"), ("وعمان", "CITY"))
    k = text.index("بالكويت")
    o = text.index("وعمان")
    # clitics left out (rasd's spans), annotators kept them
    report = score_mentions([rec], find=_found((k + 1, k + 7), (o + 1, o + 5)))
    f = report.figures
    assert f["exact"]["f1"] == 0.0
    assert f["exact_loose"]["f1"] == 1.0
    assert f["overlap"]["f1"] == 1.0


def test_spurious_and_missed_counted():
    text = "في بيروت وصيدا"
    rec = _rec(text, ("بيروت", "CITY"), ("صيدا", "CITY"))
    b = text.index("بيروت")
    report = score_mentions([rec], find=_found((b, b + 5), (0, 2)))
    f = report.figures
    assert f["overlap"]["precision"] == 0.5 and f["overlap"]["recall"] == 0.5
    problems = [d["problem"] for d in report.details]
    assert any(p.startswith("missed 'صيدا'") for p in problems)
    assert any(p.startswith("spurious 'في'") for p in problems)


def test_repeated_name_counts_once_at_its_first_occurrence():
    text = "بيروت ثم بيروت"
    rec = _rec(text, ("بيروت", "CITY"))
    second = text.rindex("بيروت")
    report = score_mentions([rec], find=_found((second, second + 5)))
    assert report.figures["exact"]["f1"] == 1.0


def test_split_is_fixed_and_about_one_in_five():
    texts = [f"تغريدة رقم {i}" for i in range(2000)]
    sides = [split(t) for t in texts]
    assert sides == [split(t) for t in texts]
    assert 0.15 < sides.count("heldout") / len(sides) < 0.25


def test_rasd_finder_by_default():
    rec = _rec("انفجار في مرفأ بيروت", ("مرفأ بيروت", "HPOI"))
    assert score_mentions([rec]).figures["exact"]["f1"] == 1.0


def test_read_mentions_folder_and_errors(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(_rec("في حلب", ("حلب", "CITY"))) + "\n")
    records = read_mentions(tmp_path)
    assert records[0]["file"] == "a" and records[0]["location_mentions"][0]["endIdx"] == 6
    (tmp_path / "b.jsonl").write_text("{broken\n")
    with pytest.raises(EvalError, match="b.jsonl:1"):
        read_mentions(tmp_path)


def _gold(*events):
    return [{"id": "a1", "events": list(events)}]


def test_locations_pair_without_looking_at_places():
    gold = _gold(
        {
            "date_start": "2024-01-01",
            "date_end": "2024-01-01",
            "sub_event_types": ["Air/drone strike"],
            "location": {"lat": 33.8, "lon": 42.44, "country": "IQ", "radius_km": 25},
        },
        {
            "date_start": "2024-01-01",
            "date_end": "2024-01-01",
            "sub_event_types": ["Armed clash"],
            "location": {"lat": 36.2, "lon": 44.0, "country": "IQ", "radius_km": 10},
        },
    )
    pred = {
        "a1": [
            {
                "date_start": "2024-01-01",
                "sub_event_type": "Air/drone strike",
                "location": {"name": "Ain al-Asad", "lat": 33.81, "lon": 42.45, "country": "IQ"},
            },
            {
                "date_start": "2024-01-01",
                "sub_event_type": "Armed clash",
                "location": {"name": "Mosul", "lat": 36.34, "lon": 43.13, "country": "IQ"},
            },
        ]
    }
    report = score_locations(gold, pred)
    f = report.figures
    assert (f["paired_events"], f["within_radius"]) == (2, 1)
    assert "got Mosul" in report.details[0]["what"]


def test_country_only_gold_compares_countries():
    gold = _gold({"date_start": None, "location": {"country": "YE", "radius_km": None}})
    pred = {"a1": [{"location": {"name": "Sanaa", "country": "YE", "lat": 15.3, "lon": 44.2}}]}
    assert score_locations(gold, pred).figures["accuracy"] == 1.0


def test_cli_eval_places(tmp_path):
    path = tmp_path / "tweets.jsonl"
    path.write_text(
        json.dumps(_rec("أمطار غزيرة في الكويت", ("الكويت", "CTRY")), ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "--places", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["kind"] == "places" and figures["exact"]["f1"] == 1.0
    text = CliRunner().invoke(main, ["eval", "--places", str(path)])
    assert "overlap" in text.stdout and "heldout" in text.stdout


def test_cli_locations_needs_gold():
    result = CliRunner().invoke(main, ["eval", "--locations", "--places", "x.jsonl"])
    assert result.exit_code == 2
