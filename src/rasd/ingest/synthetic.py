"""Generated articles in the scraped-page shape, for benchmarks and scale tests.

Not news: sentences assembled from the building blocks in
``data/synthetic.tsv`` with a seeded random generator, so the same seed
gives the same corpus. Each article has a date line, a headline, a lede
repeated further down, body paragraphs and a trailing app prompt, and is
about ``target_chars`` long, like the pages rasd reads.
"""

from __future__ import annotations

import functools
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from rasd import resources

_SLOT = re.compile(r"\{(\w+)\}")


@functools.cache
def _blocks() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in resources.tsv("ingest", "synthetic.tsv"):
        out.setdefault(row["slot"], []).append(row["value"])
    return {k: tuple(v) for k, v in out.items()}


def _fill(template: str, rng: random.Random, fixed: dict[str, str]) -> str:
    def pick(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in fixed:
            return fixed[name]
        if name == "day":
            return str(rng.randint(1, 28))
        if name == "monthnum":
            return str(rng.randint(1, 12))
        if name == "year":
            return str(rng.choice((2023, 2024, 2025)))
        return rng.choice(_blocks()[name])

    return _SLOT.sub(pick, template)


def article_text(rng: random.Random, target_chars: int = 3500) -> str:
    """One generated article."""
    b = _blocks()
    fixed = {"place": rng.choice(b["place"]), "country": rng.choice(b["country"])}
    lede = _fill(rng.choice(b["lede"]), rng, fixed)
    lines = [
        _fill(rng.choice(b["dateline"]), rng, {}),
        _fill(rng.choice(b["headline"]), rng, fixed),
        lede,
    ]
    size = sum(map(len, lines))
    repeated = False
    while size < target_chars:
        if not repeated and size > target_chars / 2:
            lines.append(lede)  # news sites repeat the lede
            repeated = True
        else:
            lines.append(_fill(rng.choice(b["body"]), rng, fixed))
        size += len(lines[-1]) + 1
    lines.append(rng.choice(b["trailer"]))
    return "\n".join(lines) + "\n"


def corpus(n: int, *, seed: int = 0, target_chars: int = 3500) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        yield article_text(rng, target_chars)


def write_jsonl(path: Path, n: int, *, seed: int = 0, target_chars: int = 3500) -> Path:
    """``n`` generated articles as JSONL records (no ids: content hashes decide)."""
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(corpus(n, seed=seed, target_chars=target_chars)):
            body, _, trailer = text.rstrip("\n").rpartition("\n")
            # a serial number keeps the generated articles distinct
            record = {"text": f"{body}\n({i})\n{trailer}\n", "source": "synthetic"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
