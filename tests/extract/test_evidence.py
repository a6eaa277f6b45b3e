"""Every field of every event is backed by a span of the original text:
``evidence.text == article.text[start:end]``, on every test article and sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

import rasd
from rasd.extract.api import process
from rasd.model import Article
from tests.extract.test_cases import CASES, PUB

GOLDEN = Path(__file__).parent / "golden"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.txt"))] + [
    c[1] for c in CASES
]

DIACRITICS = "قُصِفَتْ قاعدةُ عينِ الأسدِ بطائرةٍ مسيّرةٍ فجرَ اليومِ، ولم تُسفرْ عن إصاباتٍ."


@pytest.mark.parametrize("text", TEXTS + [DIACRITICS], ids=range(len(TEXTS) + 1))
def test_evidence_spans_are_exact(text: str) -> None:
    article = process(Article(text=text, id="t1"))
    for ev in article.events:
        assert ev.evidence, ev
        for e in ev.evidence:
            assert e.text == article.text[e.start : e.end]
            assert e.article_id == "t1"
            assert e.start < e.end
        assert ev.article_ids == ["t1"]
        assert ev.event_id
        assert 0.0 <= ev.confidence <= 1.0


def test_evidence_survives_diacritics() -> None:
    events = rasd.extract(DIACRITICS, published=PUB)
    assert len(events) == 1
    words = {e.text for e in events[0].evidence}
    assert "طائرةٍ مسيّرةٍ" in words


def test_event_ids_are_stable() -> None:
    text = (GOLDEN / "red_sea.txt").read_text(encoding="utf-8")
    a = [e.event_id for e in rasd.extract(text)]
    b = [e.event_id for e in rasd.extract(text)]
    assert a == b and len(set(a)) == len(a)


def test_every_event_field_has_evidence_when_set() -> None:
    events = rasd.extract((GOLDEN / "ain_al_asad.txt").read_text(encoding="utf-8"))
    fields = {e.field for e in events[0].evidence}
    assert {"event", "weapons", "actor1", "claim_status", "date", "fatalities"} <= fields


FIELDS = ("actor1", "actor2", "suspected_actor1", "weapons", "targets", "location")
FIELDS += ("fatalities", "injuries", "damage", "claim_status")

# inferred values, each of which must still point at words: a default actor
# (protesters), a claim read from a speaker, a "no casualties" sentence, a
# place named earlier in the article, a barracks' owner
INFERRED = [
    "تظاهر مئات المواطنين أمام مبنى المحافظة في البصرة احتجاجاً على انقطاع الكهرباء.",
    "أعلن الجيش الإسرائيلي أنه اغتال قيادياً في حزب الله بغارة على بلدة النبطية.",
    "استهدفت طائرة مسيرة قاعدة حرير. وقال مصدر أمني إن الهجوم لم يسفر عن إصابات.",
    "سقطت قذائف هاون قرب السفارة الأمريكية في بغداد.\n\nوقال مصدر إن القذائف أطلقت من منطقة قريبة.",
]


@pytest.mark.parametrize("text", TEXTS + INFERRED, ids=range(len(TEXTS) + len(INFERRED)))
def test_every_filled_field_has_evidence(text: str) -> None:
    article = process(Article(text=text, id="t1", published=None))
    for event in article.events:
        d = event.to_dict()
        cited = {e["field"] for e in d["evidence"]}
        for name in FIELDS:
            if d.get(name) not in (None, [], {}, "unknown"):
                assert name in cited, (name, d.get(name), d["evidence"])
