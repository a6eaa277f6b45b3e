"""The second development gold set (gold/dev2/) stays valid, in sync and apart from the others.

gold/dev2/articles.jsonl is assembled from gold/dev2/source/*.yaml by
``gold/build.py --set dev2``; these tests fail when someone edits one side and
forgets to rebuild the other, when the set shrinks, or when one of its
paragraphs turns up in the main or held-out set (compared through the built
JSONL files by hash, so no held-out text is ever printed). Developers may tune
rasd to this set (gold/dev2/README.md); its score is not asserted here.
"""

from tests.eval.goldsets import ROOT, AuthoredSetChecks, Spread, gold_script


class TestDev2(AuthoredSetChecks):
    name = "dev2"
    scraped = 10
    spread = Spread(
        articles=40,
        events=60,
        empty=5,
        several=20,
        countries=frozenset({"IQ", "SY", "YE", "LB"}),
        lengths=(1500, 4000),
    )

    def test_pages_are_long(self, gold):
        lengths = sorted(len(r["text"]) for r in gold)
        assert lengths[len(lengths) // 2] >= 1800

    def test_main_and_heldout_are_found_too(self):
        build = gold_script()
        assert build.SETS["main"] == (build.SOURCE, build.OUT)
        assert build.SETS["heldout"][1] == ROOT / "gold" / "heldout" / "articles.jsonl"
