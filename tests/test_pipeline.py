"""The pipeline registry: names resolve lazily, failures stay per article."""

import pytest

from rasd import pipeline
from rasd.errors import RasdError, TextError
from rasd.model import Article


def test_unknown_stage_is_named():
    with pytest.raises(RasdError, match="no-such-stage"):
        pipeline.Pipeline(["no-such-stage"])


def test_every_registered_stage_declares_reads_and_writes():
    for info in pipeline.STAGES.values():
        assert info.writes, info.name
        assert ":" in info.target


def test_batch_routes_one_failure_and_goes_on(monkeypatch):
    def explode(article: Article) -> Article:
        if article.text == "bad":
            raise TextError("boom", value=article.text)
        article.meta["seen"] = True
        return article

    monkeypatch.setitem(
        pipeline.STAGES, "explode", pipeline.StageInfo("explode", "x:y", (), ("meta",), "")
    )
    pipe = pipeline.Pipeline(["explode"])
    pipe._fns = [explode]
    failed = []
    out = list(
        pipe.run_batch(
            [Article("good"), Article("bad"), Article("good too")],
            on_error=lambda a, e: failed.append(a.text),
        )
    )
    assert [a.text for a in out] == ["good", "good too"]
    assert failed == ["bad"]
