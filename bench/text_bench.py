"""Speed of sentence splitting and quantity finding on generated Arabic news.

Builds ~4 MB of paragraphs from templates (numbers in words and digits,
duals, vague amounts, quotes, abbreviations, decimals), then times
``split_sentences`` per paragraph (MB/s of UTF-8 text) and
``find_quantities`` over pre-tokenised sentences (quantities and sentences
per second); tokenising is timed apart.
"""

from __future__ import annotations

import random
import time

from rasd.text.numbers import find_quantities
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize

PARAGRAPHS = 12_000

_AMOUNTS = [
    "ثلاثة صواريخ",
    "خمسة وعشرين شخصا",
    "صاروخين",
    "بطائرتين مسيرتين",
    "عشرات القذائف",
    "1,500 نازح",
    "ثلاثة آلاف وخمسمئة جندي",
    "عدة غارات",
    "٤ قتلى",
    "مئة وخمسين عائلة",
    "قتيلين وثلاثة جرحى",
]
_SENTENCES = [
    "أعلنت المقاومة استهداف قاعدة عين الأسد بـ{a} فجر اليوم.",
    "وقال مصدر أمني إن {a} سقطت قرب المدرج، دون أن تسفر عن إصابات.",
    "وأضاف د. محمد علي أن الخسائر بلغت 3.5 مليون دولار!",
    "وقال البيان: «استهدفنا {a}. وسنواصل عملياتنا.» وأضاف أن الهجوم نجح.",
    "هل انتهى الهجوم؟ لا أحد يعرف…",
    "وتحدثت مصادر عن {a} في محيط القاعدة؛ فيما لم يصدر تعليق رسمي",
    "ويأتي الهجوم ضمن سلسلة هجمات استهدفت القوات الأمريكية منذ الحادي عشر من الشهر الماضي.",
]


def _corpus(rng: random.Random) -> list[str]:
    paragraphs = []
    for _ in range(PARAGRAPHS):
        parts = [
            rng.choice(_SENTENCES).format(a=rng.choice(_AMOUNTS)) for _ in range(rng.randint(1, 5))
        ]
        paragraphs.append(" ".join(parts))
    return paragraphs


def main() -> dict:
    paragraphs = _corpus(random.Random(11))
    text = "\n".join(paragraphs)
    spans = []
    pos = 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 1
    megabytes = len(text.encode("utf-8")) / 1e6
    split_sentences(text, *spans[0])  # load data outside the timing
    find_quantities(tokenize(paragraphs[0]))

    started = time.perf_counter()
    sentences = [s for a, b in spans for s in split_sentences(text, a, b)]
    split_s = time.perf_counter() - started

    started = time.perf_counter()
    tokens = [tokenize(text, a, b) for a, b in sentences]
    tokenize_s = time.perf_counter() - started

    started = time.perf_counter()
    found = sum(len(find_quantities(t)) for t in tokens)
    quantities_s = time.perf_counter() - started

    figures = {
        "megabytes": round(megabytes, 2),
        "paragraphs": len(paragraphs),
        "sentences": len(sentences),
        "split_mb_per_s": round(megabytes / split_s, 2),
        "tokenize_mb_per_s": round(megabytes / tokenize_s, 2),
        "quantities": found,
        "quantities_per_s": round(found / quantities_s),
        "quantity_sentences_per_s": round(len(sentences) / quantities_s),
    }
    print(
        f"  {figures['megabytes']} MB, {figures['paragraphs']} paragraphs, "
        f"{figures['sentences']} sentences\n"
        f"  split_sentences: {figures['split_mb_per_s']} MB/s\n"
        f"  tokenize: {figures['tokenize_mb_per_s']} MB/s\n"
        f"  find_quantities: {figures['quantities']} found, "
        f"{figures['quantities_per_s']} quantities/s, "
        f"{figures['quantity_sentences_per_s']} sentences/s"
    )
    return figures


if __name__ == "__main__":
    main()
