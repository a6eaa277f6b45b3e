"""Detection figures on the OEDA arabic_event_gsr sentences (helper for extract_bench).

A sentence is positive for ASSAULT/PROTEST when rasd emits an event with
that PLOVER type. The shared folder is the dev part; it is cut in two
halves by a hash of the sentence id (``tune`` and ``check``) so a figure
on sentences the rules were not read against is reported beside the one
they were tuned on. Usage: ``python -m bench.extract_gsr [--errors N] [--half tune|check]
[--reasons]``; with ``--reasons`` each error is followed by its frames: pass or drop, the
decision score and the reasons (triggers, cues, details) that made it.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

import rasd

DATA = Path("/work/shared/data/arabic_event_gsr")
FILES = {"ASSAULT": "assault_sentences.csv", "PROTEST": "protest_sentences.csv"}


def half(sentence_id: str) -> str:
    return "tune" if int(hashlib.md5(sentence_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def explain(text: str) -> list[str]:
    """One line per frame of ``text``: family, pass/drop, decision score, head, reasons."""
    from rasd.extract.frames import passes
    from rasd.extract.stage import candidate_frames
    from rasd.model import Article
    from rasd.pipeline import INGEST, Pipeline

    article = Pipeline(INGEST)(Article(text=text))
    out = []
    for f, _ in candidate_frames(article):
        verdict = "pass" if passes(f) else "drop"
        head = article.text[f.head.start : f.head.end]
        out.append(f"    {f.family:8} {verdict} {f.decision:+.1f} «{head}» {', '.join(f.reasons)}")
    return out


def run(errors: int = 0, which: str | None = None, reasons: bool = False) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if not DATA.is_dir():
        return out
    for etype, name in FILES.items():
        rows = list(csv.DictReader((DATA / name).open(encoding="utf-8")))
        counts: dict[str, dict[str, int]] = {}
        wrong = []
        for row in rows:
            label = row["label"]
            if label == "ambiguous":
                continue
            h = half(row["id"])
            said = any(e.plover_type == etype for e in rasd.extract(row["text"]))
            for key in (h, "all"):
                c = counts.setdefault(key, {"tp": 0, "fn": 0, "fp_easy": 0, "fp_difficult": 0})
                if label == "yes":
                    c["tp" if said else "fn"] += 1
                elif said:
                    c["fp_easy" if label == "easy no" else "fp_difficult"] += 1
            if (which is None or h == which) and ((label == "yes") != said):
                wrong.append((label, said, row["text"]))
        out[etype] = {
            key: {
                "clear": prf(c["tp"], c["fp_easy"], c["fn"]),
                "strict": prf(c["tp"], c["fp_easy"] + c["fp_difficult"], c["fn"]),
            }
            for key, c in sorted(counts.items())
        }
        if errors:
            for label, said, text in wrong[:errors]:
                print(f"[{etype}] gold={label!r} said={said}: {text[:220]}")
                if reasons:
                    print("\n".join(explain(text)))
    return out


def main() -> dict:
    res = run()
    for etype, by in res.items():
        for key, s in by.items():
            print(f"{etype:8} {key:6} clear {s['clear']}  strict {s['strict']}")
    return res


if __name__ == "__main__":
    args = sys.argv[1:]
    n = int(args[args.index("--errors") + 1]) if "--errors" in args else 0
    w = args[args.index("--half") + 1] if "--half" in args else None
    r = run(n, w, "--reasons" in args)
    for etype, by in r.items():
        for key, s in by.items():
            print(f"{etype:8} {key:6} clear {s['clear']}  strict {s['strict']}")
