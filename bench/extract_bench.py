"""Extraction speed on generated ~3,500-character Arabic articles (target:
at least 1,000 articles per second per core), plus the detection figures
on the OEDA sentence sets when /work/shared is present (bench/extract_gsr.py).

Articles are assembled from a pool of event, background, threat and filler
sentences with varied places, weapons and numbers, in the scraped-page
shape (date line, headline, paragraphs). Two timings, one core each:
the ``extract`` stage alone on ingested articles, and ingest + extract.
"""

from __future__ import annotations

import random
import time

from rasd.extract.api import process
from rasd.extract.stage import extract_article
from rasd.model import Article
from rasd.pipeline import INGEST, Pipeline

PLACES = ["قاعدة عين الأسد", "قاعدة حرير", "مطار أربيل", "قاعدة التنف", "حقل العمر", "الموصل", "كركوك", "البصرة"]
WEAPONS = ["بطائرة مسيرة", "بطائرتين مسيرتين", "بثلاثة صواريخ", "بأربعة صواريخ غراد", "بقذائف هاون", "بعبوة ناسفة"]
EVENT = [
    "استهدفت المقاومة الإسلامية في العراق {p} {w} فجر اليوم، وقال مصدر أمني إن الهجوم لم يسفر عن إصابات.",
    "تعرضت القوات الأمريكية في {p} لهجوم {w} مساء أمس، ولم تتبن أي جهة الهجوم حتى الآن.",
    "قتل {n} جنود وأصيب {m} آخرون في انفجار استهدف رتلا قرب {p} صباح اليوم.",
    "أعلنت كتائب حزب الله مسؤوليتها عن قصف {p} {w}، مؤكدة أن الإصابة كانت مباشرة.",
    "تظاهر مئات المواطنين أمس أمام مبنى المحافظة في {p} احتجاجا على انقطاع الكهرباء.",
]
OTHER = [
    "وهددت الفصائل باستهداف القواعد الأمريكية إذا لم تنسحب القوات الأجنبية من البلاد.",
    "وتقول الفصائل إنها نفذت أكثر من {k} هجوم على القوات الأمريكية منذ تشرين الأول الماضي.",
    "وأكد المتحدث أن جميع الخيارات مفتوحة، وأن عودة التصعيد وشيكة.",
    "وعقد رئيس الوزراء اجتماعا مع قادة الأجهزة الأمنية لبحث سبل تعزيز الاستقرار في المحافظات.",
    "ويأتي ذلك في ظل توتر متصاعد في المنطقة منذ أشهر، وسط دعوات دولية إلى ضبط النفس.",
    "وأشار مراقبون إلى أن الحكومة تواجه ضغوطا متزايدة من القوى السياسية بشأن الوجود الأجنبي.",
    "وتشهد أسعار النفط ارتفاعا ملحوظا في الأسواق العالمية مع استمرار المخاوف من اتساع رقعة الصراع.",
    "شارك الخبر",
]


def article(rng: random.Random, target: int = 3500) -> str:
    lines = ["27 تموز , 2024", "هجوم جديد على " + rng.choice(PLACES)]
    size = sum(map(len, lines))
    while size < target:
        pool = EVENT if rng.random() < 0.4 else OTHER
        s = rng.choice(pool).format(
            p=rng.choice(PLACES), w=rng.choice(WEAPONS), n=rng.randint(2, 9), m=rng.randint(2, 40), k=rng.randint(50, 200)
        )
        lines.append(s)
        size += len(s) + 1
    return "\n".join(lines) + "\n"


def main() -> dict:
    rng = random.Random(7)
    texts = [article(rng) for _ in range(400)]
    ingest = Pipeline(INGEST)
    ingested = [ingest(Article(text=t)) for t in texts]
    for a in ingested[:20]:  # warm the lexicons and caches
        extract_article(a)
    started = time.perf_counter()
    events = 0
    for a in ingested:
        events += len(extract_article(a).events)
    stage_s = time.perf_counter() - started
    started = time.perf_counter()
    for t in texts:
        process(Article(text=t))
    full_s = time.perf_counter() - started
    out = {
        "articles": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts)),
        "events_per_article": round(events / len(texts), 2),
        "extract_stage_articles_per_s_per_core": round(len(texts) / stage_s),
        "ingest_plus_extract_articles_per_s_per_core": round(len(texts) / full_s),
    }
    for k, v in out.items():
        print(f"   {k}: {v}")
    try:
        from bench import extract_gsr
    except ImportError:  # run as a script from elsewhere
        return out
    out["detection"] = extract_gsr.main()
    return out


if __name__ == "__main__":
    main()
