"""The third held-out gold set (gold/heldout3/) stays valid, in sync and apart from the others.

gold/heldout3/articles.jsonl is assembled from gold/heldout3/source/*.yaml by
``gold/build.py --set heldout3``; these tests fail when someone edits one side
and forgets to rebuild the other, when the set shrinks, or when one of its
paragraphs turns up in the main, dev2, dev3, first or second held-out set
(compared through the built JSONL files by hash, so no held-out text is ever
printed). Nobody tunes rasd to this set (gold/heldout3/README.md); its score
is never asserted here.
"""

from tests.eval.goldsets import AuthoredSetChecks


class TestHeldout3(AuthoredSetChecks):
    name = "heldout3"
    scraped = 5

    def test_size_and_spread(self, gold):
        assert len(gold) >= 30
        assert sum(len(r["events"]) for r in gold) >= 60
        assert all(r["id"].startswith("h3-") for r in gold)
        assert sum(1 for r in gold if not r["events"]) >= 5  # threats, analysis, talks, a denial
        assert sum(1 for r in gold if len(r["events"]) >= 2) >= 15
        assert {r["published"][:4] for r in gold} >= {"2023", "2024", "2025"}
        countries = {e["location"]["country"] for r in gold for e in r["events"]}
        assert countries >= {"IQ", "SY", "YE", "LB", "IL", "PS"}
        lengths = sorted(len(r["text"]) for r in gold)
        assert lengths[0] >= 1400 and lengths[-1] <= 3000
        subs = {s for r in gold for e in r["events"] for s in e["sub_event_types"]}
        assert {
            "Arrests",
            "Peaceful protest",
            "Protest with intervention",
            "Disrupted weapons use",
            "Armed clash",
            "Abduction/forced disappearance",
        } <= subs
        claims = {c for r in gold for e in r["events"] for c in e.get("claim_status", [])}
        assert {"claimed", "unclaimed", "attributed", "denied"} <= claims
        assert all(e["location"].get("radius_km") for r in gold for e in r["events"])
