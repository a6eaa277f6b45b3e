"""Run every benchmark module (``bench/*_bench.py``) in turn, or those named.

Each module has ``main() -> dict`` that prints its own report and returns
the figures; all figures are written to ``bench/out/results.json``.
Usage: ``python -m bench [NAME …]`` (NAME without ``_bench``).
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem.removesuffix("_bench") for p in HERE.glob("*_bench.py"))
    results: dict[str, object] = {}
    for name in names:
        module = importlib.import_module(f"bench.{name}_bench")
        print(f"== {name} ==", flush=True)
        started = time.perf_counter()
        results[name] = module.main()
        print(f"   ({time.perf_counter() - started:.1f} s)\n", flush=True)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False, default=str)
    )
    print(f"figures written to {out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
