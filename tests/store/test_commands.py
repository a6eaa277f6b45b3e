"""The store commands through the real CLI entry point (click's runner)."""

import json

import pytest
from click.testing import CliRunner

from rasd.cli import COMMANDS, main
from tests.store.conftest import OTHER, PAGE


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "page.txt").write_text(PAGE, encoding="utf-8")
    (d / "old.txt").write_bytes(PAGE.replace("عين الأسد", "حرير").encode("cp1256"))
    lines = [
        json.dumps({"id": "j1", "text": OTHER, "published": "2024-07-28", "source": "agency"}),
        "{not json",
        json.dumps({"id": "j2", "url": "https://example.org/x"}),
    ]
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    return d


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_ingest_reports_rejections_and_stores_the_rest(inputs, tmp_path):
    db = str(tmp_path / "r.db")
    result = run("ingest", str(inputs), "--db", db)
    assert result.exit_code == 1
    err = result.stderr
    assert f"{inputs / 'feed.jsonl'}:2:" in err
    assert f"{inputs / 'feed.jsonl'}:3:" in err
    assert f"{inputs / 'empty.txt'}:" in err
    assert "3 articles (3 new" in err
    again = run("ingest", str(inputs), "--db", db)
    assert "3 articles (0 new, 0 updated, 3 unchanged)" in again.stderr
    listed = [json.loads(line) for line in run("articles", "--db", db).stdout.splitlines()]
    assert len(listed) == 3
    for obj in listed:
        for key in (
            "id",
            "url",
            "source",
            "title",
            "published",
            "published_precision",
            "language",
            "text",
            "body",
        ):
            assert key in obj
    assert {o["id"] for o in listed} >= {"j1"}
    cp1256 = [o for o in listed if "حرير" in o["text"]]
    assert cp1256 and cp1256[0]["published"] == "2024-07-27"


def test_ingest_clean_input_exits_zero(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = run("ingest", str(page), "--db", str(tmp_path / "r.db"))
    assert result.exit_code == 0, result.stderr


def test_usage_error_exits_two(tmp_path):
    assert run("ingest", "--db", str(tmp_path / "r.db")).exit_code == 2
    assert run("articles", "--format", "xml").exit_code == 2


def test_show_search_stats(inputs, tmp_path):
    db = str(tmp_path / "r.db")
    run("ingest", str(inputs), "--db", db)
    shown = json.loads(run("show", "j1", "--db", db, "--format", "json").stdout)
    assert shown["id"] == "j1" and shown["source"] == "agency"
    assert shown["events"] and all(e["article_ids"] == ["j1"] for e in shown["events"])
    missing = run("show", "nope", "--db", db)
    assert missing.exit_code == 1 and "nope" in missing.stderr
    hits = [json.loads(x) for x in run("search", "الامريكية", "--db", db).stdout.splitlines()]
    assert len(hits) == 2 and all("الأميركية" in h["text"] for h in hits)
    stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert stats["articles"] == 3 and stats["languages"] == {"ar": 3}


def test_stdin_dash(tmp_path):
    result = CliRunner().invoke(
        main, ["ingest", "-", "--db", str(tmp_path / "r.db")], input=PAGE.encode("utf-8")
    )
    assert result.exit_code == 0, result.stderr
    assert "1 articles (1 new" in result.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_documented(name):
    result = run(name, "--help")
    assert result.exit_code == 0, result.output
    assert "Example" in result.output or "example" in result.output
