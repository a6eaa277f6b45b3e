"""Regenerate the expected output of the golden articles (run by hand, then
READ the diff: the expected files are checked by a person, not trusted).

    .venv/bin/python tests/extract/golden/regen.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))

import rasd  # noqa: E402
from tests.extract.golden_view import PUBLISHED, view  # noqa: E402


def main() -> None:
    for path in sorted(HERE.glob("*.txt")):
        events = rasd.extract(path.read_text(encoding="utf-8"), published=PUBLISHED.get(path.stem))
        out = [view(e) for e in events]
        path.with_suffix(".json").write_text(
            json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(path.with_suffix(".json"))


if __name__ == "__main__":
    main()
