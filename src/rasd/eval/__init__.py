"""eval: scores rasd against gold data (shared/spec/gold-format.md).

Owns the article-level gold scorer (``score_gold``: pair predicted and gold
events by place and date window, then count right fields), the
sentence-level detection scorer (``score_sentences``: PLOVER ASSAULT and
PROTEST on the OEDA arabic_event_gsr sentences), the fusion scorer
(``score_fusion``: one fused event per real event of the gold clusters)
and the ``rasd eval`` command. Scorers take event dicts (``Event.to_dict()``), so they are tested
without the extractor; only the command calls ``rasd.extract``.
"""

from __future__ import annotations

from rasd.eval.fusion import score_fusion
from rasd.eval.gold import read_gold, score_gold
from rasd.eval.report import Report
from rasd.eval.sentences import score_sentences

__all__ = ["Report", "read_gold", "score_fusion", "score_gold", "score_sentences"]
