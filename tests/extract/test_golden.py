"""End to end on whole articles in the scraped-page shape (date line,
headline, paragraphs, a repeated lede, share/follow lines): the events
must be exactly the hand-checked ones in ``golden/*.json``.

Regenerate with ``golden/regen.py`` only after checking the new output by
hand. In red_sea the US strikes ("وفي وقت لاحق، شنت طائرات أمريكية …") carry
no date of their own and continue the story's date (Tuesday evening); a
protest's actor1 is its protesters (basra_protest).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rasd
from tests.extract.golden_view import PUBLISHED, view

GOLDEN = Path(__file__).parent / "golden"
ARTICLES = sorted(GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_golden_article(path: Path, has_geo) -> None:
    want = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    events = rasd.extract(path.read_text(encoding="utf-8"), published=PUBLISHED.get(path.stem))
    assert [view(e) for e in events] == want


def test_there_are_three_golden_articles() -> None:
    assert len(ARTICLES) >= 3


def test_retold_lede_is_one_event() -> None:
    text = (GOLDEN / "ain_al_asad.txt").read_text(encoding="utf-8")
    events = rasd.extract(text)
    assert len(events) == 1
    # the repeated lede and the headline add evidence, not events
    assert len({e.start for e in events[0].evidence if e.field == "event"}) >= 2
