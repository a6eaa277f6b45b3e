"""``rasd extract`` and ``rasd explain`` through the click runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from rasd.extract.commands import explain, extract
from rasd.extract.explain import highlight, legend

GOLDEN = Path(__file__).parent / "golden"
LEDE = "قصفت طائرة مسيرة قاعدة عين الأسد الجوية فجر اليوم دون وقوع إصابات."


def test_extract_jsonl_uses_the_input_id(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "art-7", "text": LEDE, "published": "2024-07-27"}, ensure_ascii=False)
        + "\n"
    )
    result = CliRunner().invoke(extract, [str(src), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 1
    assert rows[0]["article_ids"] == ["art-7"]
    assert rows[0]["event_date"] == "2024-07-27"
    assert rows[0]["schema_version"] == 1
    assert all(e["article_id"] == "art-7" for e in rows[0]["evidence"])


def test_extract_csv_and_table() -> None:
    path = str(GOLDEN / "red_sea.txt")
    out = CliRunner().invoke(extract, [path, "--format", "csv"]).output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and {r["country"] for r in rows} >= {"YE"}
    table = CliRunner().invoke(extract, [path, "--format", "table"]).output
    assert "sub_event_type" in table.splitlines()[0]


def test_extract_reports_bad_input_and_exits_1(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(LEDE, encoding="utf-8")
    result = CliRunner().invoke(extract, [str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 1
    assert "missing.txt: no such file or directory" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["sub_event_type"] == "Air/drone strike"


def test_explain_a_file_marks_evidence() -> None:
    result = CliRunner().invoke(explain, [str(GOLDEN / "ain_al_asad.txt"), "--no-colour"])
    assert result.exit_code == 0, result.output
    assert "[[طائرتين مسيرتين]]1" in result.output
    assert "claim_status" in result.output


def test_explain_unknown_id_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(explain, ["no-such-article", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2


def test_highlight_colours_and_legend() -> None:
    ev = {
        "event_id": "e1",
        "sub_event_type": "Air/drone strike",
        "evidence": [{"field": "event", "start": 0, "end": 4, "text": "قصفت"}],
    }
    out = highlight("قصفت طائرة", [ev])
    assert "\x1b[" in out and out.endswith(" طائرة")
    assert "قصفت" in legend([ev], colour=False)
    assert legend([], colour=False) == "no events found"
