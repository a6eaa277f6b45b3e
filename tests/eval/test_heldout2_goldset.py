"""The second held-out gold set (gold/heldout2/) stays valid, in sync and apart from the others.

gold/heldout2/articles.jsonl is assembled from gold/heldout2/source/*.yaml by
``gold/build.py --set heldout2``; these tests fail when someone edits one side
and forgets to rebuild the other, when the set shrinks, or when one of its
paragraphs turns up in the main, dev2, dev3 or first held-out set (compared
through the built JSONL files by hash, so no held-out text is ever printed).
Nobody tunes rasd to this set (gold/heldout2/README.md); its score is never
asserted here.
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
HELDOUT2 = ROOT / "gold" / "heldout2" / "articles.jsonl"
OTHERS = {
    "main": ROOT / "gold" / "articles.jsonl",
    "dev2": ROOT / "gold" / "dev2" / "articles.jsonl",
    "dev3": ROOT / "gold" / "dev3" / "articles.jsonl",
    "heldout": ROOT / "gold" / "heldout" / "articles.jsonl",
}


@pytest.fixture(scope="module")
def gold():
    return read_gold(HELDOUT2)


def test_jsonl_matches_sources():
    assert_built_from_sources("heldout2", HELDOUT2)


def test_check_flag_per_set(tmp_path, monkeypatch):
    assert_check_flag("heldout2", tmp_path, monkeypatch)


def test_set_is_found_by_folder():
    build = gold_script()
    assert build.SETS["heldout2"] == (HELDOUT2.parent / "source", HELDOUT2)


def test_size_and_spread(gold):
    assert len(gold) >= 30
    assert sum(len(r["events"]) for r in gold) >= 45
    assert all(r["id"].startswith("h2-") for r in gold)
    assert sum(1 for r in gold if not r["events"]) >= 4  # threats, analysis, talks, a denial
    assert sum(1 for r in gold if len(r["events"]) >= 2) >= 15
    assert {r["published"][:4] for r in gold} >= {"2023", "2024", "2025"}
    countries = {e["location"]["country"] for r in gold for e in r["events"]}
    assert countries >= {"IQ", "SY", "YE", "LB", "IL", "PS"}
    lengths = sorted(len(r["text"]) for r in gold)
    assert lengths[0] >= 1400 and lengths[-1] <= 3000
    subs = {s for r in gold for e in r["events"] for s in e["sub_event_types"]}
    assert {"Arrests", "Peaceful protest", "Disrupted weapons use", "Armed clash"} <= subs
    claims = {c for r in gold for e in r["events"] for c in e.get("claim_status", [])}
    assert {"claimed", "unclaimed", "attributed", "denied"} <= claims
    assert all(e["location"].get("radius_km") for r in gold for e in r["events"])


def test_apart_from_other_sets(gold):
    """Ids and paragraphs (by hash: a failure names heldout2 ids, never text)."""
    assert_apart("heldout2", gold, OTHERS)


def test_every_event_has_core_keys(gold):
    assert_core_keys(gold)


def test_gold_scores_itself_perfectly(gold):
    assert_scores_itself(gold)


def test_scraped_pages(gold):
    """A scraped page starts with a date line agreeing with `published` in day and year
    (`12 آذار , 2024`, `16 مايو, 2024`, `14 أوت 2024`) and repeats its lede word for
    word before the trailing `Add to Home screen`."""
    assert_scraped_pages(gold, at_least=5)
