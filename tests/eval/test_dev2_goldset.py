"""The second development gold set (gold/dev2/) stays valid, in sync and apart from the others.

gold/dev2/articles.jsonl is assembled from gold/dev2/source/*.yaml by
``gold/build.py --set dev2``; these tests fail when someone edits one side and
forgets to rebuild the other, when the set shrinks, or when one of its
paragraphs turns up in the main or held-out set (compared through the built
JSONL files by hash, so no held-out text is ever printed). Developers may tune
rasd to this set (gold/dev2/README.md); its score is not asserted here.
"""

from tests.eval.goldsets import ROOT, AuthoredSetChecks, gold_script


class TestDev2(AuthoredSetChecks):
    name = "dev2"
    scraped = 10

    def test_size_and_spread(self, gold):
        assert len(gold) >= 40
        assert sum(len(r["events"]) for r in gold) >= 60
        assert sum(1 for r in gold if not r["events"]) >= 5  # articles with zero events
        assert sum(1 for r in gold if len(r["events"]) >= 2) >= 20  # articles with several events
        assert {r["published"][:4] for r in gold} >= {"2023", "2024", "2025"}
        assert {e["location"]["country"] for r in gold for e in r["events"]} >= {
            "IQ",
            "SY",
            "YE",
            "LB",
        }
        lengths = sorted(len(r["text"]) for r in gold)
        assert lengths[0] >= 1500 and lengths[-1] <= 4000
        assert lengths[len(lengths) // 2] >= 1800

    def test_main_and_heldout_are_found_too(self):
        build = gold_script()
        assert build.SETS["main"] == (build.SOURCE, build.OUT)
        assert build.SETS["heldout"][1] == ROOT / "gold" / "heldout" / "articles.jsonl"
