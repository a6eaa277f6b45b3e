"""Throughput of the readers and the ingest stages (no store).

Generates a corpus in a temporary folder — 10,000 JSONL records, 300
scraped-page ``.txt`` files (UTF-8 and Windows-1256) and 100 HTML pages —
then times ``rasd.ingest.read`` followed by the ``INGEST`` pipeline
(segment, clean, sentences, repeats, dateline, identify) over it, in one
process. Reports articles per second of wall time and of CPU time (per core).
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest import read
from rasd.pipeline import INGEST, Pipeline

JSONL_RECORDS = 10_000
TXT_FILES = 300
HTML_FILES = 100

_PLACES = ["عين الأسد", "أربيل", "التنف", "حقل العمر", "كونيكو", "الشدادي", "بغداد", "البوكمال"]
_ACTORS = ["المقاومة الإسلامية في العراق", "فصيل مسلح", "مجهولون", "الحشد الشعبي"]
_WEAPONS = ["طائرة مسيرة", "صاروخين", "ثلاث طائرات مسيرة", "قذائف هاون", "صواريخ كاتيوشا"]
_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب"]


def _article(rng: random.Random, i: int) -> tuple[str, list[str]]:
    place, actor, weapon = rng.choice(_PLACES), rng.choice(_ACTORS), rng.choice(_WEAPONS)
    title = f"هجوم على قاعدة {place} رقم {i}"
    lede = (
        f"أعلنت {actor} استهداف قاعدة {place} بـ{weapon} فجر اليوم، "
        f"وقالت في بيان إن الهجوم جاء ردا على الاعتداءات. الخبر رقم {i}."
    )
    body = [
        lede,
        f"وقال مصدر أمني إن {weapon} سقطت قرب المدرج دون أن تسفر عن إصابات.",
        "وأضاف المصدر أن الدفاعات الجوية حاولت التصدي للهجوم، فيما لم يصدر تعليق رسمي.",
        "ويأتي الهجوم ضمن سلسلة هجمات تستهدف القواعد التي تضم قوات أمريكية منذ أشهر.",
        lede,
        "تابعونا على تويتر",
        "Add to Home screen",
        "This app can be installed in your home screen",
    ]
    return title, body


def _write_corpus(root: Path, rng: random.Random) -> int:
    with (root / "records.jsonl").open("w", encoding="utf-8") as f:
        for i in range(JSONL_RECORDS):
            title, body = _article(rng, i)
            rec = {"text": "\n".join([title, *body]), "url": f"https://example.org/{i}"}
            if i % 2:
                rec["published"] = f"2024-0{1 + i % 8}-{1 + i % 27:02d}"
            if i % 3 == 0:
                rec["id"] = f"rec-{i}"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for i in range(TXT_FILES):
        title, body = _article(rng, JSONL_RECORDS + i)
        text = "\n".join([f"{1 + i % 27} {rng.choice(_MONTHS)} , 2024", title, *body]) + "\n"
        encoding = "cp1256" if i % 3 == 0 else "utf-8"
        (root / f"page{i}.txt").write_bytes(text.encode(encoding))
    for i in range(HTML_FILES):
        title, body = _article(rng, JSONL_RECORDS + TXT_FILES + i)
        paragraphs = "".join(f"<p>{p}</p>" for p in body[:5])
        html = (
            f"<html><head><meta charset='utf-8'><title>{title}</title>"
            f'<meta property="article:published_time" content="2024-07-{1 + i % 27:02d}T10:00:00Z">'
            f"</head><body><nav><a href='/'>الرئيسية</a></nav><article><h1>{title}</h1>"
            f"{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
        )
        (root / f"page{i}.html").write_text(html, encoding="utf-8")
    return JSONL_RECORDS + TXT_FILES + HTML_FILES


def _run(paths: list[str]) -> tuple[int, int, float, float]:
    pipeline = Pipeline(INGEST)
    ok = bad = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for item in read(paths):
        if isinstance(item, InputError):
            bad += 1
            continue
        pipeline(item)
        ok += 1
    return ok, bad, time.perf_counter() - wall, time.process_time() - cpu


def main() -> dict:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="rasd-readers-bench-") as tmp:
        root = Path(tmp)
        expected = _write_corpus(root, rng)
        Pipeline(INGEST)  # imports outside the timing
        _run([str(root / "page0.html"), str(root / "page0.txt")])  # warm caches
        jsonl = _run([str(root / "records.jsonl")])
        txt = _run([str(root / "*.txt")])
        html = _run([str(root / "*.html")])
        total = _run([str(root)])
    figures = {
        "articles": total[0],
        "rejected": total[1],
        "expected": expected,
        "wall_s": round(total[2], 2),
        "cpu_s": round(total[3], 2),
        "articles_per_s": round(total[0] / total[2], 1),
        "articles_per_cpu_s": round(total[0] / total[3], 1),
        "jsonl_per_cpu_s": round(jsonl[0] / jsonl[3], 1),
        "txt_per_cpu_s": round(txt[0] / txt[3], 1),
        "html_per_cpu_s": round(html[0] / html[3], 1),
    }
    print(
        f"read + INGEST ({', '.join(INGEST)}), no store, one process:\n"
        f"  {figures['articles']} articles ({figures['rejected']} rejected) in "
        f"{figures['wall_s']} s wall / {figures['cpu_s']} s CPU\n"
        f"  {figures['articles_per_s']} articles/s wall, "
        f"{figures['articles_per_cpu_s']} articles/s per core (CPU time)\n"
        f"  by format, per core: JSONL {figures['jsonl_per_cpu_s']}, "
        f"txt {figures['txt_per_cpu_s']}, HTML {figures['html_per_cpu_s']}"
    )
    return figures


if __name__ == "__main__":
    main()
