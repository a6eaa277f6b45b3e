"""``rasd places`` and ``rasd gazetteer`` through the real CLI entry point."""

import json

from click.testing import CliRunner

from rasd.cli import main


def run(*args, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


def test_places_jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps(
            {"id": "x1", "text": "سقطت صواريخ قرب قاعدة عين الأسد بالأنبار"}, ensure_ascii=False
        ),
        "{not json",
        json.dumps({"text": "انفجار في مرفأ بيروت"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("places", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    records = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert [r["id"] for r in records][0] == "x1" and records[1]["id"]
    first = records[0]["mentions"]
    assert [m["text"] for m in first] == ["قاعدة عين الأسد", "الأنبار"]
    assert first[0]["place"]["geo_precision"] == 2 and first[0]["place"]["admin1"] == "Anbar"
    assert records[1]["mentions"][0]["place"]["name"] == "Port of Beirut"
    assert "in.jsonl:2" in result.stderr


def test_places_all_good_exit_0(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("قصف في حلب", encoding="utf-8")
    result = run("places", str(path))
    assert result.exit_code == 0
    mentions = json.loads(result.stdout)["mentions"]
    assert mentions[0]["place"]["country"] == "SY"


def test_gazetteer_lookup():
    result = run("gazetteer", "الموصل", "--format", "jsonl")
    assert result.exit_code == 0
    first = json.loads(result.stdout.splitlines()[0])
    assert first["name"] == "Mosul" and first["country"] == "IQ"
    table = run("gazetteer", "Harir Air Base")
    assert "Harir" in table.stdout
