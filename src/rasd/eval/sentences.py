"""Sentence-level detection scores on the OEDA arabic_event_gsr sets.

A sentence is predicted positive for its set's PLOVER type (ASSAULT or
PROTEST) when the extractor emits at least one event of that type. Gold
positive is label ``yes``; ``ambiguous`` is left out. Two scores
(shared/spec/gold-format.md): **strict** counts ``easy no`` and
``difficult no`` as negatives, **clear** only ``easy no``. Sentences are
grouped by split: a ``split`` column when the file has one, else ``dev`` or
``test`` from the file name, else what the folder's README calls its part.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rasd.errors import EvalError
from rasd.eval.report import Report, prf

Predict = Callable[[str], Iterable[Any]]
NEGATIVES = {"strict": {"easy no", "difficult no"}, "clear": {"easy no"}}
_SPLIT_WORD = re.compile(r"\b(dev|test)\b", re.IGNORECASE)


def sentence_files(path: str | Path) -> list[Path]:
    """The CSV files to score: the file itself, or a folder's ``*sentences*.csv``."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*sentences*.csv")) or sorted(path.glob("*.csv"))
        if not files:
            raise EvalError(f"{path}: no sentence CSV files in this folder", value=str(path))
        return files
    if not path.is_file():
        raise EvalError(f"{path}: no such file", value=str(path))
    return [path]


def score_sentences(csv_path: str | Path, predict: Predict) -> Report:
    """Detection P/R/F1 (strict and clear) per event type and split."""
    counts: dict[str, dict[str, dict[str, Any]]] = {}
    details: list[dict[str, Any]] = []
    for file in sentence_files(csv_path):
        default_split = _file_split(file)
        for row in _rows(file):
            label = row["label"].strip().lower()
            if label == "ambiguous":
                continue
            etype = row["event_type"].strip().upper()
            split = (row.get("split") or "").strip() or default_split
            c = counts.setdefault(etype, {}).setdefault(split, _empty())
            said = any(_plover(ev) == etype for ev in predict(row["text"]))
            c["sentences"] += 1
            if label == "yes":
                c["positives"] += 1
                c["tp" if said else "fn"] += 1
            elif said:
                c["fp_" + label] = c.get("fp_" + label, 0) + 1
            if label != "yes" and said or label == "yes" and not said:
                details.append(
                    {
                        "id": row.get("id"),
                        "event_type": etype,
                        "split": split,
                        "label": label,
                        "predicted": said,
                        "text": row["text"],
                    }
                )
    scores = {
        etype: {split: _finish(c) for split, c in sorted(splits.items())}
        for etype, splits in sorted(counts.items())
    }
    return Report("sentences", {"scores": scores}, details)


def _empty() -> dict[str, Any]:
    return {"sentences": 0, "positives": 0, "tp": 0, "fn": 0}


def _finish(c: dict[str, Any]) -> dict[str, Any]:
    out = {"sentences": c["sentences"], "positives": c["positives"]}
    for mode, negs in NEGATIVES.items():
        fp = sum(c.get("fp_" + label, 0) for label in negs)
        out[mode] = prf(c["tp"], fp, c["fn"])
    return out


def _rows(file: Path) -> Iterable[dict[str, str]]:
    try:
        with file.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"label", "event_type", "text"} - set(reader.fieldnames or ())
            if missing:
                raise EvalError(f"{file}: missing columns {sorted(missing)}", value=str(file))
            yield from reader
    except OSError as err:
        raise EvalError(f"{file}: cannot read ({err.strerror})", value=str(file)) from err


def _file_split(file: Path) -> str:
    m = _SPLIT_WORD.search(file.stem.replace("_", " "))
    if m:
        return m.group(1).lower()
    readme = file.parent / "README.md"
    if readme.is_file():
        first = readme.read_text(encoding="utf-8").splitlines()[:1]
        m = _SPLIT_WORD.search(first[0]) if first else None
        if m:
            return m.group(1).lower()
    return "all"


def _plover(event: Any) -> str | None:
    if isinstance(event, dict):
        return event.get("plover_type")
    return getattr(event, "plover_type", None)
