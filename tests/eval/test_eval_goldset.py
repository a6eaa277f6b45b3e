"""The bundled gold set (gold/) and sample corpus (sample/) stay valid and in sync.

gold/articles.jsonl is assembled from gold/source/*.yaml by gold/build.py,
and sample/ is written from the gold texts by gold/make_sample.py; these
tests fail when someone edits one side and forgets to rebuild the other.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from rasd.eval import read_gold
from tests.eval.goldsets import assert_core_keys, assert_scores_itself, gold_script

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "gold" / "articles.jsonl"


@pytest.fixture(scope="module")
def gold():
    return read_gold(GOLD)


def test_jsonl_matches_sources():
    built = gold_script("build").build()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in built)
    assert GOLD.read_text(encoding="utf-8") == text, "run gold/build.py"


def test_sample_matches_gold():
    for name, data in gold_script("make_sample").files().items():
        assert (ROOT / "sample" / name).read_bytes() == data, f"run gold/make_sample.py ({name})"


def test_size_and_clusters(gold):
    assert len(gold) >= 40
    clusters = Counter(r["cluster"] for r in gold if r.get("cluster"))
    assert len(clusters) >= 10
    assert all(2 <= n <= 6 for n in clusters.values())
    assert sum(1 for r in gold if not r["events"]) >= 3  # articles with zero events
    assert {r["published"][:4] for r in gold} >= {"2023", "2024", "2025"}
    assert {e["location"]["country"] for r in gold for e in r["events"]} >= {"IQ", "SY", "YE", "LB"}


def test_every_event_has_core_keys(gold):
    assert_core_keys(gold)


def test_gold_scores_itself_perfectly(gold):
    assert_scores_itself(gold)


def test_clusters_fuse_to_one_event_per_gold_id(gold):
    """Fusing the gold itself by gold_id scores perfectly, with nothing split."""
    from rasd.eval import score_fusion

    fused = {}
    for r in gold:
        for e in r["events"]:
            ev = fused.setdefault(
                e["gold_id"],
                {
                    "article_ids": [],
                    "date_start": e["date_start"],
                    "date_end": e["date_end"],
                    "location": {k: e["location"].get(k) for k in ("country", "lat", "lon")},
                },
            )
            ev["article_ids"].append(r["id"])
    figures = score_fusion(gold, list(fused.values())).figures
    assert figures["events"]["f1"] == 1.0
    assert figures["split_events"] == 0 and figures["merged_events"] == 0
    assert sum(len(v["article_ids"]) > 1 for v in fused.values()) >= 10


def test_scraped_date_lines_match_published(gold):
    from rasd.text.dates import parse_date

    scraped = [r for r in gold if r["text"].endswith("Add to Home screen")]
    assert len(scraped) >= 5
    for r in scraped:
        window = parse_date(r["text"].split("\n", 1)[0])
        assert window is not None and window.start.isoformat() == r["published"], r["id"]
