"""The third development gold set (gold/dev3/) stays valid, in sync and apart from the others.

gold/dev3/articles.jsonl is assembled from gold/dev3/source/*.yaml by
``gold/build.py --set dev3``; these tests fail when someone edits one side and
forgets to rebuild the other, when the set shrinks, or when one of its
paragraphs turns up in the main, dev2 or held-out set (compared through the
built JSONL files by hash, so no held-out text is ever printed). Developers may
tune rasd to this set (gold/dev3/README.md); its score is not asserted here.
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
DEV3 = ROOT / "gold" / "dev3" / "articles.jsonl"
OTHERS = {
    "main": ROOT / "gold" / "articles.jsonl",
    "dev2": ROOT / "gold" / "dev2" / "articles.jsonl",
    "heldout": ROOT / "gold" / "heldout" / "articles.jsonl",
}


@pytest.fixture(scope="module")
def gold():
    return read_gold(DEV3)


def test_jsonl_matches_sources():
    assert_built_from_sources("dev3", DEV3)


def test_check_flag_per_set(tmp_path, monkeypatch):
    assert_check_flag("dev3", tmp_path, monkeypatch)


def test_set_is_found_by_folder():
    build = gold_script()
    assert build.SETS["dev3"] == (DEV3.parent / "source", DEV3)


def test_size_and_spread(gold):
    assert len(gold) >= 24
    assert sum(len(r["events"]) for r in gold) >= 50
    assert sum(1 for r in gold if not r["events"]) >= 4  # articles with zero events
    assert sum(1 for r in gold if len(r["events"]) >= 2) >= 15  # articles with several events
    assert {r["published"][:4] for r in gold} >= {"2023", "2024", "2025"}
    assert {e["location"]["country"] for r in gold for e in r["events"]} >= {"IQ", "SY", "YE", "LB"}
    lengths = sorted(len(r["text"]) for r in gold)
    assert lengths[0] >= 1500 and lengths[-1] <= 3500
    subs = {s for r in gold for e in r["events"] for s in e["sub_event_types"]}
    assert {"Arrests", "Peaceful protest", "Disrupted weapons use"} <= subs
    claims = {c for r in gold for e in r["events"] for c in e.get("claim_status", [])}
    assert {"claimed", "unclaimed", "attributed", "denied"} <= claims


def test_apart_from_other_sets(gold):
    """Ids and paragraphs (by hash: a failure names dev3 ids, never text)."""
    assert_apart("dev3", gold, OTHERS)


def test_places_apart_from_dev2_keys_agree():
    """A place key dev3 shares with dev2 has the same point (both add to the main table)."""
    import yaml

    mine = yaml.safe_load((DEV3.parent / "source" / "places.yaml").read_text(encoding="utf-8"))
    dev2 = ROOT / "gold" / "dev2" / "source" / "places.yaml"
    theirs = yaml.safe_load(dev2.read_text(encoding="utf-8")) if dev2.exists() else {}
    for key in set(mine) & set(theirs):
        assert mine[key] == theirs[key], key


def test_every_event_has_core_keys(gold):
    assert_core_keys(gold)


def test_gold_scores_itself_perfectly(gold):
    assert_scores_itself(gold)


def test_scraped_pages(gold):
    """A scraped page starts with a date line agreeing with `published` in day and year
    (`06 آب , 2024`, `04 فيفري 2024`, `14 ماي 2025`) and repeats its lede word for word
    before the trailing `Add to Home screen`."""
    assert_scraped_pages(gold, at_least=6)
