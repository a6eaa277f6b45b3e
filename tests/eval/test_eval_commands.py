"""``rasd eval`` on files of gold and predicted events (no extractor needed)."""

import json

from click.testing import CliRunner

from rasd.eval.commands import eval_command

GOLD = {
    "id": "a1",
    "published": "2024-07-27",
    "lang": "ar",
    "text": "استهدفت طائرة مسيرة قاعدة عين الأسد",
    "events": [
        {
            "date_start": "2024-07-27",
            "date_end": "2024-07-27",
            "sub_event_types": ["Air/drone strike"],
            "location": {"lat": 33.80, "lon": 42.44, "country": "IQ", "radius_km": 25},
            "fatalities": None,
        }
    ],
}
PRED = {
    "article_ids": ["a1"],
    "event_date": "2024-07-27",
    "date_start": "2024-07-27",
    "date_end": "2024-07-27",
    "sub_event_type": "Air/drone strike",
    "location": {"country": "IQ", "lat": 33.8, "lon": 42.44},
    "fatalities": 1,
}


def test_eval_gold_with_predicted_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(PRED) + "\n", encoding="utf-8")
    res = CliRunner().invoke(
        eval_command, ["--gold", str(gold), "--predicted", str(pred), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["events"]["f1"] == 1.0
    assert out["fields"]["fatalities"]["accuracy"] == 0.0
    res = CliRunner().invoke(eval_command, ["--gold", str(gold), "--predicted", str(pred)])
    assert "F1 1.000" in res.output and "wrong fatalities" in res.output


def test_eval_usage_errors(tmp_path):
    assert CliRunner().invoke(eval_command, []).exit_code == 2
    assert CliRunner().invoke(eval_command, ["--predicted", "x.jsonl"]).exit_code == 2


def test_eval_bad_gold_is_one_message(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{oops\n", encoding="utf-8")
    res = CliRunner().invoke(eval_command, ["--gold", str(gold), "--predicted", str(gold)])
    assert res.exit_code == 1
    assert "gold.jsonl:1: not JSON" in res.output


def test_eval_runs_the_extractor_per_article(tmp_path, monkeypatch):
    from rasd.errors import ExtractError
    from rasd.eval import commands

    calls = []

    def fake_extract(text, published, lang):
        calls.append((published, lang))
        if "boom" in text:
            raise ExtractError("bad article")
        return [PRED]

    monkeypatch.setattr(commands, "_extract", fake_extract)
    other = dict(GOLD, id="a2", text="boom")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (GOLD, other)), encoding="utf-8"
    )
    res = CliRunner().invoke(eval_command, ["--gold", str(gold), "--format", "json"])
    assert res.exit_code == 0
    assert calls == [("2024-07-27", "ar"), ("2024-07-27", "ar")]
    assert "a2: extraction failed: bad article" in res.stderr
    out = json.loads(res.stdout)
    assert (out["pairs"], out["gold_events"]) == (1, 2)


def test_eval_sentences_folder(tmp_path, monkeypatch):
    from rasd.eval import commands

    (tmp_path / "assault_sentences.csv").write_text(
        "id,event_type,label,accept,reject,total,text\n1,ASSAULT,yes,3,0,3,x\n2,ASSAULT,easy no,0,3,3,y\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        commands,
        "_extract",
        lambda text, p, lang: [{"plover_type": "ASSAULT"}] if text == "x" else [],
    )
    res = CliRunner().invoke(eval_command, ["--sentences", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["scores"]["ASSAULT"]["all"]["clear"]["f1"] == 1.0
