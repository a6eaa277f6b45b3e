"""Run every fuzz target (or those named) for FUZZ_SECONDS each and report.

    python fuzz/run.py [NAME ...]        # NAME: text, numbers, dates, decode, html, feed, readers, pipeline
    FUZZ_SECONDS=300 make fuzz

Each target keeps its corpus in ``fuzz/out/corpus/NAME`` (so later runs go
on where earlier ones stopped) and writes any crashing input to
``fuzz/out/crashes/NAME-crash-…``. The figures (inputs tried, corpus size,
coverage, crashes) go to ``fuzz/out/results.json``. Exit status 1 if any
target crashed. A crash stops that target (libFuzzer's rule); fix it, add
the input to ``tests/hostile/test_fuzz_regressions.py``, run again.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TARGETS = ("text", "numbers", "dates", "decode", "html", "feed", "readers", "pipeline")


def run_target(name: str, seconds: int) -> dict[str, object]:
    corpus = OUT / "corpus" / name
    crashes = OUT / "crashes"
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        str(HERE / f"fuzz_{name}.py"),
        str(corpus),
        f"-max_total_time={seconds}",
        "-timeout=30",
        "-rss_limit_mb=3000",
        "-max_len=8192",
        "-print_final_stats=1",
        f"-artifact_prefix={crashes}/{name}-",
    ]
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, errors="replace")
    log = proc.stdout + proc.stderr
    (OUT / f"{name}.log").write_text(log[-200_000:])
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
    done = re.findall(r"Done (\d+) runs", log)
    last = re.findall(r"^#(\d+)\s", log, re.M)
    tried = int((runs or done or last or ["0"])[-1])
    cov = re.findall(r"cov: (\d+) ft: (\d+) corp: (\d+)", log)
    artifacts = re.findall(r"Test unit written to (\S+)", log)
    return {
        "target": name,
        "seconds": round(time.monotonic() - started, 1),
        "inputs_tried": tried,
        "coverage": int(cov[-1][0]) if cov else None,
        "features": int(cov[-1][1]) if cov else None,
        "corpus": len(list(corpus.iterdir())),
        "crashed": bool(artifacts) or proc.returncode not in (0,),
        "artifacts": artifacts,
        "returncode": proc.returncode,
    }


def main(argv: list[str]) -> int:
    seconds = int(os.environ.get("FUZZ_SECONDS", "60"))
    names = argv or list(TARGETS)
    results_file = OUT / "results.json"
    OUT.mkdir(exist_ok=True)
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    failed = False
    for name in names:
        r = run_target(name, seconds)
        before = results.get(name, {})
        r["inputs_tried_total"] = before.get("inputs_tried_total", 0) + r["inputs_tried"]
        r["seconds_total"] = round(before.get("seconds_total", 0) + r["seconds"], 1)
        results[name] = r
        results_file.write_text(json.dumps(results, indent=2))
        flag = "CRASH " + " ".join(r["artifacts"]) if r["crashed"] else "ok"
        print(
            f"{name:8} {r['inputs_tried']:>9} inputs in {r['seconds']:>6} s,"
            f" cov {r['coverage']}, corpus {r['corpus']}: {flag}",
            flush=True,
        )
        failed |= bool(r["crashed"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
