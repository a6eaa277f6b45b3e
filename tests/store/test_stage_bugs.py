"""A bug inside a stage (an exception that is not rasd's own) loses that
article only: it is reported as a rejection and the rest of the batch is stored."""

from __future__ import annotations

import json

from rasd.pipeline import INGEST, STAGES, register
from rasd.store import api, open_store

BAD = "tests.store.test_stage_bugs:explode_on_marker"


def explode_on_marker(article):
    if "انفجار-اختباري" in article.text:
        raise ZeroDivisionError("boom")
    return article


def test_a_crashing_stage_rejects_one_article_and_the_batch_goes_on(tmp_path):
    register("explode", BAD, reads=["text"], writes=[])
    try:
        src = tmp_path / "in.jsonl"
        lines = [
            {"id": "a", "text": "قصفت طائرة مسيرة قاعدة حرير أمس.\n"},
            {"id": "b", "text": "خبر فيه انفجار-اختباري لا أكثر.\n"},
            {"id": "c", "text": "تظاهر مئات المواطنين أمام مبنى المحافظة.\n"},
        ]
        src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
        rejected = []
        with open_store(str(tmp_path / "r.db")) as store:
            report = api.ingest(
                [str(src)], store, stages=INGEST + ("explode",), on_reject=rejected.append
            )
            assert sorted(a.id for a in store.articles()) == ["a", "c"]
        assert report.new == 2 and len(report.rejected) == 1
        assert "ZeroDivisionError" in rejected[0] and "internal error" in rejected[0]
    finally:
        STAGES.pop("explode", None)
