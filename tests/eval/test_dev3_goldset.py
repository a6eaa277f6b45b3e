"""The third development gold set (gold/dev3/) stays valid, in sync and apart from the others.

gold/dev3/articles.jsonl is assembled from gold/dev3/source/*.yaml by
``gold/build.py --set dev3``; these tests fail when someone edits one side and
forgets to rebuild the other, when the set shrinks, or when one of its
paragraphs turns up in the main, dev2 or held-out set (compared through the
built JSONL files by hash, so no held-out text is ever printed). Developers may
tune rasd to this set (gold/dev3/README.md); its score is not asserted here.
"""

from tests.eval.goldsets import ROOT, AuthoredSetChecks, Spread


class TestDev3(AuthoredSetChecks):
    name = "dev3"
    scraped = 6
    spread = Spread(
        articles=24,
        events=50,
        empty=4,
        several=15,
        countries=frozenset({"IQ", "SY", "YE", "LB"}),
        lengths=(1500, 3500),
        subs=frozenset({"Arrests", "Peaceful protest", "Disrupted weapons use"}),
        claims=frozenset({"claimed", "unclaimed", "attributed", "denied"}),
    )

    def test_places_apart_from_dev2_keys_agree(self):
        """A place key dev3 shares with dev2 has the same point (both add to the main table)."""
        import yaml

        mine = yaml.safe_load(
            (self.path().parent / "source" / "places.yaml").read_text(encoding="utf-8")
        )
        dev2 = ROOT / "gold" / "dev2" / "source" / "places.yaml"
        theirs = yaml.safe_load(dev2.read_text(encoding="utf-8")) if dev2.exists() else {}
        for key in set(mine) & set(theirs):
            assert mine[key] == theirs[key], key
