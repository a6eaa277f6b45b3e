"""Sentence detection scores: strict and clear, ambiguous left out, splits."""

import csv

import pytest

from rasd.errors import EvalError
from rasd.eval import score_sentences

ROWS = [
    # id, type, label, text
    ("s1", "ASSAULT", "yes", "هجوم فعلي"),
    ("s2", "ASSAULT", "yes", "حدث آخر"),
    ("s3", "ASSAULT", "easy no", "هجوم في حديث عام"),
    ("s4", "ASSAULT", "difficult no", "هجوم مختلف عليه"),
    ("s5", "ASSAULT", "ambiguous", "هجوم غامض"),
    ("s6", "ASSAULT", "easy no", "لا شيء"),
    ("p1", "PROTEST", "yes", "تظاهرة"),
    ("p2", "PROTEST", "easy no", "كلام"),
]


def write_csv(path, rows, split=None):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            ["id", "event_type", "label", "accept", "reject", "total", "text"]
            + (["split"] if split else [])
        )
        for r in rows:
            w.writerow([r[0], r[1], r[2], 0, 0, 3, r[3]] + ([split(r)] if split else []))


def predict(text):
    events = []
    if "هجوم" in text:
        events.append({"plover_type": "ASSAULT"})
    if "تظاهرة" in text:
        events.append({"plover_type": "PROTEST"})
    events.append({"plover_type": "THREATEN"})  # other types never count
    return events


def test_strict_and_clear(tmp_path):
    path = tmp_path / "assault_sentences.csv"
    write_csv(path, ROWS)
    rep = score_sentences(path, predict)
    a = rep.figures["scores"]["ASSAULT"]["all"]
    assert a["sentences"] == 5  # ambiguous left out
    assert a["positives"] == 2
    assert (a["strict"]["tp"], a["strict"]["fp"], a["strict"]["fn"]) == (1, 2, 1)
    assert (a["clear"]["tp"], a["clear"]["fp"], a["clear"]["fn"]) == (1, 1, 1)
    assert a["clear"]["precision"] == 0.5
    p = rep.figures["scores"]["PROTEST"]["all"]
    assert p["strict"]["f1"] == 1.0
    assert "ASSAULT all" in rep.to_text()
    assert {d["id"] for d in rep.details} == {"s2", "s3", "s4"}


def test_split_column(tmp_path):
    path = tmp_path / "x.csv"
    write_csv(path, ROWS, split=lambda r: "test" if r[0] in ("s2", "s6") else "dev")
    scores = score_sentences(path, predict).figures["scores"]["ASSAULT"]
    assert scores["test"]["sentences"] == 2
    assert scores["dev"]["strict"]["recall"] == 1.0


def test_folder_and_readme_split(tmp_path):
    write_csv(tmp_path / "assault_sentences.csv", ROWS[:6])
    write_csv(tmp_path / "protest_sentences.csv", ROWS[6:])
    (tmp_path / "README.md").write_text(
        "# Arabic event gold sentences (dev part)\n", encoding="utf-8"
    )
    scores = score_sentences(tmp_path, predict).figures["scores"]
    assert set(scores) == {"ASSAULT", "PROTEST"}
    assert set(scores["ASSAULT"]) == {"dev"}


def test_file_name_split(tmp_path):
    path = tmp_path / "assault_sentences_test.csv"
    write_csv(path, ROWS[:2])
    assert set(score_sentences(path, predict).figures["scores"]["ASSAULT"]) == {"test"}


def test_missing_inputs(tmp_path):
    with pytest.raises(EvalError):
        score_sentences(tmp_path / "nope.csv", predict)
    with pytest.raises(EvalError, match="no sentence CSV"):
        score_sentences(tmp_path, predict)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text\n1,x\n", encoding="utf-8")
    with pytest.raises(EvalError, match="missing columns"):
        score_sentences(bad, predict)
