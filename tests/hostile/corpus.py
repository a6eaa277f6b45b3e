"""The bad-input corpus, built in a temporary directory by the tests (no
binary files in git): each entry is a file and what rasd must say about it."""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

GOOD = (
    "استهدفت طائرة مسيّرة قاعدة عين الأسد الجوية في محافظة الأنبار فجر اليوم، "
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم.\n"
)
OTHER = "سقطت ثلاثة صواريخ على حقل كونيكو في ريف دير الزور مساء أمس، وفق مصادر محلية.\n"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@dataclass(frozen=True)
class Bad:
    name: str
    reason: str  # a piece of the rejection message
    line: int | None = None  # for a record file: the line rejected


def nested_html(depth: int, closed: bool = True) -> str:
    body = "<div><span>" * depth + f"<p>{GOOD}</p>"
    if closed:
        body += "</span></div>" * depth
    return f"<html><head><title>عمق</title></head><body>{body}</body></html>"


def records(n: int, broken: int, text: str = "خبر رقم {i} عن قصف في دير الزور") -> str:
    lines = []
    for i in range(1, n + 1):
        if i == broken:
            lines.append('{"id": "broken", "text": "سطر مقطوع')
        else:
            lines.append(json.dumps({"id": f"r{i}", "text": text.format(i=i)}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def build(
    root: Path, *, big_mb: int = 50, n_records: int = 40
) -> tuple[list[Path], list[Bad], dict]:
    """Write the corpus under ``root``; returns (inputs, expected rejections,
    expected accepted counts by name)."""
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(8)
    files: dict[str, bytes] = {
        "good.txt": (GOOD + OTHER).encode(),
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "photo.html": b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512)),
        "empty.txt": b"",
        "invalid-utf8.txt": GOOD.encode()[:60] + b"\xff\xfe\xc3" + GOOD.encode()[60:] + b"\xc3(",
        "mixed-encodings.txt": GOOD.encode("utf-8") + OTHER.encode("cp1256"),
        "mixed-encodings.jsonl": b"\n".join(
            [
                json.dumps({"id": "m1", "text": GOOD}, ensure_ascii=False).encode("utf-8"),
                json.dumps({"id": "m2", "text": OTHER}, ensure_ascii=False).encode("cp1256"),
                json.dumps({"id": "m3", "text": OTHER + GOOD}, ensure_ascii=False).encode("utf-8"),
            ]
        )
        + b"\n",
        "controls.txt": (
            BIDI[:4] + GOOD.replace(" ", " " + ZERO_WIDTH) + BIDI[4:] + OTHER + "\u2069"
        ).encode(),
        "boilerplate.txt": "Add to Home screen\nShare this article\nجميع الحقوق محفوظة\n".encode(),
        "nested.html": nested_html(10_000).encode(),
        "shallow-nested.html": nested_html(200, closed=False).encode(),
        "records.jsonl": records(n_records, broken=n_records // 2).encode(),
    }
    packed = gzip.compress((GOOD * 200).encode(), mtime=0)
    files["truncated.txt.gz"] = packed[: len(packed) // 2]
    for name, data in files.items():
        (root / name).write_bytes(data)
    big = root / "huge.txt"
    line = (GOOD * 20).encode()
    with big.open("wb") as f:
        for _ in range(big_mb * (1 << 20) // len(line) + 1):
            f.write(line)
    bad = [
        Bad("binary.txt", "binary"),
        Bad("photo.html", "binary file (PNG image)"),
        Bad("empty.txt", "empty file"),
        Bad("invalid-utf8.txt", "invalid UTF-8 at byte"),
        Bad("mixed-encodings.txt", "invalid UTF-8"),
        Bad("boilerplate.txt", "only boilerplate"),
        Bad("records.jsonl", "not JSON", line=n_records // 2),
        Bad("truncated.txt.gz", "gzip"),
        Bad("huge.txt", "over the limit"),
        Bad("nested.html", "HTML nested more than 1000 elements deep"),
    ]
    accepted = {
        "good.txt": 1,
        "controls.txt": 1,
        "shallow-nested.html": 1,
        "mixed-encodings.jsonl": 3,
        "records.jsonl": n_records - 1,
    }
    inputs = [root / name for name in sorted(files)] + [big]
    return inputs, bad, accepted
