"""The third held-out gold set (gold/heldout3/) stays valid, in sync and apart from the others.

gold/heldout3/articles.jsonl is assembled from gold/heldout3/source/*.yaml by
``gold/build.py --set heldout3``; these tests fail when someone edits one side
and forgets to rebuild the other, when the set shrinks, or when one of its
paragraphs turns up in the main, dev2, dev3, first or second held-out set
(compared through the built JSONL files by hash, so no held-out text is ever
printed). Nobody tunes rasd to this set (gold/heldout3/README.md); its score
is never asserted here.
"""

from tests.eval.goldsets import AuthoredSetChecks, Spread


class TestHeldout3(AuthoredSetChecks):
    name = "heldout3"
    scraped = 5
    spread = Spread(
        articles=30,
        events=60,
        empty=5,  # threats, analysis, talks, a denial
        several=15,
        countries=frozenset({"IQ", "SY", "YE", "LB", "IL", "PS"}),
        lengths=(1400, 3000),
        subs=frozenset(
            {
                "Arrests",
                "Peaceful protest",
                "Protest with intervention",
                "Disrupted weapons use",
                "Armed clash",
                "Abduction/forced disappearance",
            }
        ),
        claims=frozenset({"claimed", "unclaimed", "attributed", "denied"}),
        prefix="h3-",
    )
