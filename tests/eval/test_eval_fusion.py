"""Fusion scoring: one fused event per real event (gold_id) across articles."""

import json

from click.testing import CliRunner

from rasd.eval import score_fusion
from rasd.eval.commands import eval_command

HARIR = {"lat": 36.54, "lon": 44.35, "country": "IQ", "radius_km": 15}
OMAR = {"lat": 35.00, "lon": 40.58, "country": "SY", "radius_km": 20}


def gev(gid, loc, day="2024-07-16"):
    return {"gold_id": gid, "date_start": day, "date_end": day, "location": loc}


GOLD = [
    {"id": "a", "text": "", "cluster": "c1", "events": [gev("c1-e1", HARIR), gev("c1-e2", OMAR)]},
    {"id": "b", "text": "", "cluster": "c1", "events": [gev("c1-e1", HARIR)]},
    {"id": "c", "text": "", "cluster": "c1", "events": [gev("c1-e1", HARIR)]},
]


def fused(ids, loc, day="2024-07-16"):
    return {
        "article_ids": ids,
        "event_date": day,
        "date_start": day,
        "date_end": day,
        "location": {"country": loc["country"], "lat": loc["lat"], "lon": loc["lon"]},
    }


def test_one_fused_event_per_real_event():
    f = score_fusion(GOLD, [fused(["a", "b", "c"], HARIR), fused(["a"], OMAR)]).figures
    assert (f["real_events"], f["fused_events"], f["pairs"]) == (2, 2, 2)
    assert f["events"]["f1"] == 1.0
    assert f["split_events"] == 0 and f["article_coverage"] == 1.0


def test_split_event_is_counted_and_costs_precision():
    rep = score_fusion(GOLD, [fused(["a", "b"], HARIR), fused(["c"], HARIR), fused(["a"], OMAR)])
    f = rep.figures
    assert f["split_events"] == 1
    assert f["events"]["precision"] == 2 / 3
    assert f["events"]["recall"] == 1.0
    assert any(d["problem"] == "split" and d["what"] == "c1-e1" for d in rep.details)


def test_fused_event_must_cite_an_article_of_the_real_event():
    gold = GOLD + [{"id": "z", "text": "", "events": [gev("z-e1", HARIR)]}]
    f = score_fusion(gold, [fused(["z"], HARIR)]).figures
    assert f["pairs"] == 1  # pairs with z-e1 only, c1-e1 stays missed
    assert f["events"]["recall"] == 1 / 3


def test_fused_events_outside_the_gold_articles_are_ignored():
    f = score_fusion(GOLD, [fused(["other"], HARIR)]).figures
    assert f["fused_events"] == 0


def test_wrong_place_does_not_pair():
    f = score_fusion(GOLD, [fused(["a", "b", "c"], OMAR)]).figures
    assert f["pairs"] == 1  # only the al-Omar event of article a


def test_cli_fused(tmp_path):
    g = tmp_path / "g.jsonl"
    g.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    p = tmp_path / "p.jsonl"
    p.write_text(json.dumps(fused(["a", "b", "c"], HARIR)) + "\n", encoding="utf-8")
    res = CliRunner().invoke(eval_command, ["--gold", str(g), "--predicted", str(p), "--fused"])
    assert res.exit_code == 0, res.output
    assert "fusion: 2 real events, 1 fused events, 1 paired" in res.output
    assert CliRunner().invoke(eval_command, ["--gold", str(g), "--fused"]).exit_code == 2


def test_merged_event_is_counted():
    # one fused event for two nearby real events of one article: one pairs, one is merged
    near = {"lat": 36.60, "lon": 44.35, "country": "IQ", "radius_km": 15}
    gold = [{"id": "a", "text": "", "events": [gev("e1", HARIR), gev("e2", near)]}]
    rep = score_fusion(gold, [fused(["a"], HARIR)])
    assert rep.figures["merged_events"] == 1
    assert rep.figures["events"]["recall"] == 0.5
    assert [d["problem"] for d in rep.details] == ["merged"]
