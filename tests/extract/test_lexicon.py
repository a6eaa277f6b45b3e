"""The lexicon matcher: variants, wildcards, clitics, offsets back to the original."""

from __future__ import annotations

import pytest

from rasd.extract.lexicon import Lexicon, lexicon
from rasd.extract.mentions import read_sentence
from rasd.text import normalize

ROWS = [
    {"phrase": "استهدف*|قصف", "v": "attack"},
    {"phrase": "طائرة مسيرة|مسيرة", "v": "drone"},
    {"phrase": "لا إصابات", "v": "none"},
]


@pytest.mark.parametrize(
    "text,found",
    [
        ("استهدفت المقاومة القاعدة", [("استهدفت", "attack")]),
        ("واستهدفوا الرتل", [("استهدفوا", "attack")]),
        ("بطائرة مسيّرة", [("طائرة مسيّرة", "drone")]),
        ("والمسيرة سقطت", [("مسيرة", "drone")]),
        ("قصفٌ عنيف ولا إصابات", [("قصفٌ", "attack"), ("لا إصابات", "none")]),
        ("قصفها", []),  # no wildcard on قصف: a pronoun suffix is another word form
        ("يستهدف", []),  # the present tense is not the listed past form
    ],
)
def test_find(text: str, found: list[tuple[str, str]]) -> None:
    lex = Lexicon(ROWS)
    norm = normalize(text)
    got = []
    for h in lex.find(norm.text):
        a, b = norm.to_original(h.start, h.end)
        got.append((text[a:b], h.row["v"]))
    assert got == found


@pytest.mark.parametrize(
    "name", ["triggers", "weapons", "targets", "claims", "casualties", "modality", "roles"]
)
def test_packaged_lexicons_load(name: str) -> None:
    assert len(lexicon(name).rows) >= 5


def test_sentence_without_trigger_is_skipped() -> None:
    text = "عقد الوزير اجتماعا مع نظيره."
    assert read_sentence(text, 0, len(text)) is None


def test_drone_is_not_a_protest_march() -> None:
    text = "أسقطت الدفاعات مسيرة قرب المطار أمس."
    r = read_sentence(text, 0, len(text))
    assert r is not None
    assert all(t.row["plover_type"] != "PROTEST" for t in r.triggers)
