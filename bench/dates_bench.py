"""rasd.text.dates against dateparser on the date case table.

Both read every expression of ``tests/text/date_cases.tsv`` with the case's
reference date. rasd is scored twice: exact (the window, precision
included, equals the expected one) and lenient (its best date falls in the
expected window). dateparser returns one datetime, so it is scored only
leniently; a None answer is right only when the case expects None. Speed
is expressions per second over the whole table, one process, warm caches.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

from rasd.model import DateWindow
from rasd.text.dates import find_dates, parse_date

CASES = Path(__file__).resolve().parent.parent / "tests" / "text" / "date_cases.tsv"
RASD_REPEATS = 200
DATEPARSER_REPEATS = 2


def load_cases() -> list[dict[str, Any]]:
    with CASES.open(encoding="utf-8") as fh:
        rows = csv.DictReader(
            (ln for ln in fh if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE
        )
        cases = []
        for r in rows:
            want = None
            if r["start"] != "-":
                want = DateWindow(
                    dt.date.fromisoformat(r["start"]),
                    dt.date.fromisoformat(r["end"]),
                    int(r["precision"]),
                )
            ref = dt.date.fromisoformat(r["reference"]) if r["reference"] else None
            cases.append(
                {
                    "expr": r["expr"],
                    "ref": ref,
                    "want": want,
                    "family": r["family"],
                    "set": r.get("set") or "dev",
                }
            )
    return cases


def _lenient(got: dt.date | None, want: DateWindow | None) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return want.start <= got <= want.end


def _dateparser():
    import dateparser

    def run(expr: str, ref: dt.date | None) -> dt.date | None:
        settings: dict[str, Any] = {}
        if ref is not None:
            settings["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day, 12)
        got = dateparser.parse(expr, languages=["ar"], settings=settings)
        return got.date() if got is not None else None

    return run


def main() -> dict:
    cases = load_cases()
    dp = _dateparser()
    warnings.filterwarnings("ignore")  # dateparser's deprecation chatter
    per_family: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_set: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals = defaultdict(int)
    misses: dict[str, list[str]] = {"rasd": [], "dateparser": []}
    for c in cases:
        mine = parse_date(c["expr"], c["ref"])
        theirs = dp(c["expr"], c["ref"])
        fam = per_family[c["family"]]
        part = per_set[c["set"]]
        fam["n"] += 1
        part["n"] += 1
        scores = {
            "rasd_exact": mine == c["want"],
            "rasd": _lenient(mine.best if mine else None, c["want"]),
            "dateparser": _lenient(theirs, c["want"]),
        }
        for name, ok in scores.items():
            fam[name] += ok
            part[name] += ok
            totals[name] += ok
        if not scores["rasd_exact"]:
            misses["rasd"].append(c["expr"])
        if not scores["dateparser"]:
            misses["dateparser"].append(c["expr"])

    started = time.perf_counter()
    for _ in range(RASD_REPEATS):
        for c in cases:
            parse_date(c["expr"], c["ref"])
    rasd_rate = RASD_REPEATS * len(cases) / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(DATEPARSER_REPEATS):
        for c in cases:
            dp(c["expr"], c["ref"])
    dp_rate = DATEPARSER_REPEATS * len(cases) / (time.perf_counter() - started)

    text = (
        "قصفت الطائرات مساء أمس بلدة في ريف إدلب، وكانت قد استهدفتها في 27 تموز 2024 "
        "وقبل يومين أيضاً، وقال مصدر إن الهجمات تكررت الأسبوع الماضي. "
    ) * 20
    ref = dt.date(2024, 7, 30)
    started = time.perf_counter()
    rounds = 50
    for _ in range(rounds):
        find_dates(text, reference=ref)
    find_rate = rounds * len(text) / (time.perf_counter() - started)

    n = len(cases)
    result = {
        "cases": n,
        "rasd_exact_accuracy": round(totals["rasd_exact"] / n, 3),
        "rasd_accuracy": round(totals["rasd"] / n, 3),
        "dateparser_accuracy": round(totals["dateparser"] / n, 3),
        "rasd_per_second": round(rasd_rate),
        "dateparser_per_second": round(dp_rate),
        "rasd_us_per_expression": round(1e6 / rasd_rate, 1),
        "find_dates_chars_per_second": round(find_rate),
        "families": {k: dict(v) for k, v in sorted(per_family.items())},
        "sets": {k: dict(v) for k, v in sorted(per_set.items())},
        "rasd_misses": misses["rasd"],
        "dateparser_misses": misses["dateparser"],
    }
    print(f"{n} cases")
    print(f"{'family':<14}{'n':>4}{'rasd exact':>12}{'rasd':>6}{'dateparser':>12}")
    for name, f in sorted(per_family.items()):
        print(f"{name:<14}{f['n']:>4}{f['rasd_exact']:>12}{f['rasd']:>6}{f['dateparser']:>12}")
    for name, f in sorted(per_set.items()):
        print(
            f"{'set ' + name:<14}{f['n']:>4}{f['rasd_exact']:>12}{f['rasd']:>6}{f['dateparser']:>12}"
        )
    print(
        f"{'all':<14}{n:>4}{totals['rasd_exact']:>12}{totals['rasd']:>6}{totals['dateparser']:>12}"
    )
    print(
        f"rasd {rasd_rate:,.0f} expr/s ({1e6 / rasd_rate:.1f} µs); dateparser {dp_rate:,.0f} expr/s"
    )
    print(f"find_dates {find_rate:,.0f} chars/s")
    print("rasd misses:", misses["rasd"])
    return result


if __name__ == "__main__":
    main()
