"""Bad input: each bad file or record gives one clear message naming it
(``PATH[:LINE]: reason`` on stderr), the batch goes on, and ``--rejects``
writes a report of what was refused."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from rasd.errors import InputError
from rasd.ingest import read
from rasd.ingest.html import extract_page
from rasd.ingest.readers import html_article, read_stream
from rasd.model import Article
from rasd.store import open_store
from rasd.text import match_form
from rasd.text.tokens import tokenize
from tests.hostile import corpus


def rasd(*args, stdin: bytes | None = None, timeout: int = 600):
    return subprocess.run(
        [sys.executable, "-m", "rasd", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    inputs, bad, accepted = corpus.build(root / "in")
    db, rejects = root / "r.db", root / "rejects.jsonl"
    proc = rasd("ingest", *inputs, "--db", db, "--rejects", rejects, "--no-progress")
    return {
        "root": root / "in",
        "bad": bad,
        "accepted": accepted,
        "proc": proc,
        "stderr": proc.stderr.decode("utf-8"),
        "db": db,
        "rejects": rejects,
    }


def test_exit_status_is_one_and_nothing_crashed(batch):
    assert batch["proc"].returncode == 1, batch["stderr"]
    assert "Traceback" not in batch["stderr"]


def test_one_line_per_bad_input_naming_it(batch):
    lines = [ln for ln in batch["stderr"].splitlines() if not ln.startswith("rasd: ")]
    assert len(lines) == len(batch["bad"]), lines
    for bad in batch["bad"]:
        where = str(batch["root"] / bad.name) + (f":{bad.line}" if bad.line else "")
        mine = [ln for ln in lines if ln.startswith(where + ": ")]
        assert len(mine) == 1, (bad, lines)
        assert bad.reason in mine[0], mine[0]


def test_the_rest_of_the_batch_is_stored(batch):
    with open_store(str(batch["db"])) as store:
        assert store.integrity_ok()
        origins = [r[0] for r in store.conn.execute("SELECT origin FROM articles")]
    by_file: dict[str, int] = {}
    for origin in origins:
        name = origin.rsplit("/", 1)[-1].split(":", 1)[0]
        by_file[name] = by_file.get(name, 0) + 1
    assert by_file == batch["accepted"]
    summary = batch["stderr"].splitlines()[-1]
    assert f"{len(batch['bad'])} rejected" in summary


def test_rejects_report_has_one_json_line_per_rejection(batch):
    rows = [json.loads(ln) for ln in batch["rejects"].read_text("utf-8").splitlines()]
    assert len(rows) == len(batch["bad"])
    for bad in batch["bad"]:
        path = str(batch["root"] / bad.name)
        row = next(r for r in rows if r["input"] == path)
        assert row["line"] == bad.line
        assert bad.reason in row["reason"]
        assert row["message"] == f"{row['where']}: {row['reason']}"
        assert row["code"].startswith("E")


def test_controls_are_kept_in_text_and_ignored_by_search(batch):
    with open_store(str(batch["db"])) as store:
        row = store.conn.execute(
            "SELECT id, text FROM articles WHERE origin LIKE '%controls.txt'"
        ).fetchone()
        assert corpus.BIDI[:4] in row["text"] and corpus.ZERO_WIDTH in row["text"]
        hits = [a.id for a, _ in store.search("عين الأسد")]
        assert row["id"] in hits


def test_stdin_rejections_name_stdin():
    proc = rasd("ingest", "-", "--db", ":memory:", "--no-progress", stdin=b"\x7fELF\x02\x01" * 50)
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines()[0] == "<stdin>: binary file (executable), not text"


def test_rejects_file_that_cannot_be_written_is_a_usage_error(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(corpus.GOOD)
    proc = rasd("ingest", good, "--db", tmp_path / "r.db", "--rejects", tmp_path / "no" / "r.jsonl")
    assert proc.returncode == 2
    assert "cannot write the rejects report" in proc.stderr.decode()


# --- reader level: quick checks on the same inputs --------------------------------


@pytest.mark.parametrize("closed", [True, False])
@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_nesting_is_refused_before_parsing(depth, closed):
    """The HTML parser's time grows with the square of the depth (30,000
    levels took minutes), so a page nested deeper than any news page is
    refused up front, in well under a second."""
    item = html_article(corpus.nested_html(depth, closed=closed).encode(), "deep.html")
    assert isinstance(item, InputError)
    assert str(item) == "deep.html: HTML nested more than 1000 elements deep: not a news page"


@pytest.mark.parametrize("closed", [True, False])
def test_moderate_nesting_is_read(closed):
    page = extract_page(corpus.nested_html(400, closed=closed))
    assert "عين الأسد" in page.text


def test_nested_html_inside_a_record_and_a_feed():
    recs = [{"id": "deep", "html": corpus.nested_html(10_000)}, {"id": "ok", "text": corpus.GOOD}]
    data = "\n".join(json.dumps(r) for r in recs).encode()
    items = list(read_stream(io.BytesIO(data), "d.jsonl", kind="jsonl"))
    assert isinstance(items[0], InputError) and items[0].where == "d.jsonl:1"
    assert "nested more than" in items[0].reason
    assert isinstance(items[1], Article)
    fragment = corpus.nested_html(5_000).replace("<", "&lt;").replace(">", "&gt;")
    feed = (
        '<rss version="2.0"><channel><title>t</title>'
        f"<item><title>a</title><description>{fragment}</description></item>"
        "</channel></rss>"
    ).encode()
    items = list(read_stream(io.BytesIO(feed), "f.rss", kind="feed"))
    assert len(items) == 1 and "nested more than" in items[0].reason


def test_zero_width_and_bidi_do_not_split_words():
    text = "\u202bعين\u200c الأ\u200dسد\u202c"
    assert [t.form for t in tokenize(text)] == [match_form("عين"), match_form("الأسد")]


def test_invalid_utf8_in_one_record_rejects_that_line_only():
    data = (
        b'{"id": "a", "text": "\xd8\xb9\xd9\x8a\xd9\x86 \xd8\xa7\xd9\x84\xd8\xa3\xd8\xb3\xd8\xaf"}\n'
        b'{"id": "b", "text": "\xd8\xb9\xd9\x8a\xff\xfe \xd8\xa7\xd9\x84\xd8\xa3\xd8\xb3\xd8\xaf"}\n'
        b'{"id": "c", "text": "abc def"}\n'
    )
    items = list(read_stream(io.BytesIO(data), "u.jsonl", kind="jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "RecordError", "Article"]
    assert items[1].where == "u.jsonl:2"


@pytest.mark.slow
def test_one_broken_line_in_a_million(tmp_path):
    n, broken = 1_000_000, 654_321
    path = tmp_path / "million.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(1, n + 1):
            if i == broken:
                f.write('{"id": "x", "text": \n')
            else:
                f.write(f'{{"id":"r{i}","text":"خبر رقم {i}"}}\n')
    taken = 0
    errors = []
    for item in read([path]):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            taken += 1
    assert taken == n - 1
    assert len(errors) == 1 and errors[0].startswith(f"{path}:{broken}: not JSON")
