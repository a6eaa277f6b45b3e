"""The held-out gold set (gold/heldout/) stays valid, in sync and apart from the main set.

gold/heldout/articles.jsonl is assembled from gold/heldout/source/*.yaml by
``gold/build.py --set heldout``; these tests fail when someone edits one side
and forgets to rebuild the other. They check the gold itself, never rasd's
score on it (nobody tunes rasd to this set; see gold/heldout/README.md).
"""

import re
from pathlib import Path

import pytest

from rasd.eval import read_gold
from tests.eval.goldsets import (
    assert_built_from_sources,
    assert_check_flag,
    assert_core_keys,
    assert_scores_itself,
    gold_script,
)

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "gold" / "heldout" / "articles.jsonl"
MAIN = ROOT / "gold" / "articles.jsonl"


@pytest.fixture(scope="module")
def gold():
    return read_gold(HELDOUT)


def test_jsonl_matches_sources():
    assert_built_from_sources("heldout", HELDOUT)


def test_check_flag_per_set(tmp_path, monkeypatch):
    assert_check_flag("heldout", tmp_path, monkeypatch)


def test_extra_tables_may_not_redefine_main_keys(tmp_path):
    build = gold_script()
    (tmp_path / "places.yaml").write_text(
        "baghdad: {country: IQ, lat: 0.0, lon: 0.0, radius_km: 5}\n", encoding="utf-8"
    )
    with pytest.raises(build.GoldError, match="redefines"):
        build.table("places.yaml", tmp_path)


def test_size_and_spread(gold):
    assert len(gold) >= 30
    assert sum(len(r["events"]) for r in gold) >= 40
    assert sum(1 for r in gold if not r["events"]) >= 3  # articles with zero events
    assert sum(1 for r in gold if len(r["events"]) >= 2) >= 8  # articles with several events
    assert {r["published"][:4] for r in gold} >= {"2023", "2024", "2025"}
    assert {e["location"]["country"] for r in gold for e in r["events"]} >= {"IQ", "SY", "YE", "LB"}
    lengths = sorted(len(r["text"]) for r in gold)
    assert lengths[len(lengths) // 2] >= 1500  # longer than the main set's articles


def test_apart_from_main_set(gold):
    main = read_gold(MAIN)
    assert not {r["id"] for r in gold} & {r["id"] for r in main}
    main_paragraphs = {
        p.strip() for r in main for p in r["text"].split("\n") if len(p.strip()) > 40
    }
    for r in gold:
        for p in r["text"].split("\n"):
            assert p.strip() not in main_paragraphs, (r["id"], p[:60])


def test_every_event_has_core_keys(gold):
    assert_core_keys(gold)


def test_gold_scores_itself_perfectly(gold):
    assert_scores_itself(gold)


def test_scraped_date_lines_match_published(gold):
    """The date line of a scraped page (`27 تموز , 2024`, `14 ماي 2025`) agrees with
    `published` in day and year (month names vary by region and are not checked here)."""
    scraped = [r for r in gold if r["text"].endswith("Add to Home screen")]
    assert len(scraped) >= 8
    for r in scraped:
        numbers = [int(n) for n in re.findall(r"\d+", r["text"].split("\n", 1)[0])]
        year, _, day = (int(x) for x in r["published"].split("-"))
        assert numbers == [day, year], r["id"]
