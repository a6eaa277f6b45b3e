"""The second development gold set (gold/dev2/) stays valid, in sync and apart from the others.

gold/dev2/articles.jsonl is assembled from gold/dev2/source/*.yaml by
``gold/build.py --set dev2``; these tests fail when someone edits one side and
forgets to rebuild the other, when the set shrinks, or when one of its
paragraphs turns up in the main or held-out set (compared through the built
JSONL files by hash, so no held-out text is ever printed). Developers may tune
rasd to this set (gold/dev2/README.md); its score is not asserted here.
"""

from pathlib import Path

import pytest

from rasd.eval import read_gold
from tests.eval.goldsets import (
    assert_apart,
    assert_built_from_sources,
    assert_check_flag,
    assert_core_keys,
    assert_scores_itself,
    assert_scraped_pages,
    gold_script,
)

ROOT = Path(__file__).resolve().parents[2]
DEV2 = ROOT / "gold" / "dev2" / "articles.jsonl"
MAIN = ROOT / "gold" / "articles.jsonl"
HELDOUT = ROOT / "gold" / "heldout" / "articles.jsonl"


@pytest.fixture(scope="module")
def gold():
    return read_gold(DEV2)


def test_jsonl_matches_sources():
    assert_built_from_sources("dev2", DEV2)


def test_check_flag_per_set(tmp_path, monkeypatch):
    assert_check_flag("dev2", tmp_path, monkeypatch)


def test_sets_are_found_by_folder():
    build = gold_script()
    assert build.SETS["main"] == (build.SOURCE, build.OUT)
    assert build.SETS["heldout"][1] == HELDOUT
    assert build.SETS["dev2"] == (DEV2.parent / "source", DEV2)


def test_size_and_spread(gold):
    assert len(gold) >= 40
    assert sum(len(r["events"]) for r in gold) >= 60
    assert sum(1 for r in gold if not r["events"]) >= 5  # articles with zero events
    assert sum(1 for r in gold if len(r["events"]) >= 2) >= 20  # articles with several events
    assert {r["published"][:4] for r in gold} >= {"2023", "2024", "2025"}
    assert {e["location"]["country"] for r in gold for e in r["events"]} >= {"IQ", "SY", "YE", "LB"}
    lengths = sorted(len(r["text"]) for r in gold)
    assert lengths[0] >= 1500 and lengths[-1] <= 4000
    assert lengths[len(lengths) // 2] >= 1800


def test_apart_from_other_sets(gold):
    """Ids and paragraphs (by hash: a failure names dev2 ids, never text)."""
    assert_apart("dev2", gold, {"main": MAIN, "heldout": HELDOUT})


def test_every_event_has_core_keys(gold):
    assert_core_keys(gold)


def test_gold_scores_itself_perfectly(gold):
    assert_scores_itself(gold)


def test_scraped_pages(gold):
    """A scraped page starts with a date line agreeing with `published` in day and year
    (`27 تموز , 2024`, `06 غشت 2024`) and repeats its lede word for word before the
    trailing `Add to Home screen`."""
    assert_scraped_pages(gold, at_least=10)
