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
