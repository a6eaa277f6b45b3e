"""What a scorer returns: figures for machines, a few lines for people.

A ``Report`` keeps the numbers (``figures``) apart from the diagnostics
(``details``: which gold event was missed, which field was wrong), so
``rasd eval --format json`` prints figures a script can pin, and the text
form shows an analyst where the extractor goes wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 with their counts (0.0 when undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


@dataclass(slots=True)
class Report:
    """Scores of one run. ``kind`` is ``gold``, ``fusion`` or ``sentences``."""

    kind: str
    figures: dict[str, Any]
    details: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, *, with_details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, **_rounded(self.figures)}
        if with_details:
            out["details"] = self.details
        return out

    def to_text(self, *, max_details: int = 40) -> str:
        if self.kind == "gold":
            return _gold_text(self, max_details)
        if self.kind == "fusion":
            return _fusion_text(self, max_details)
        return _sentences_text(self)


def _rounded(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_rounded(v) for v in obj]
    return obj


def _gold_text(rep: Report, max_details: int) -> str:
    f = rep.figures
    ev = f["events"]
    lines = [
        f"gold: {f['articles']} articles, {f['gold_events']} gold events, "
        f"{f['predicted_events']} predicted, {f['pairs']} paired",
        f"events  P {ev['precision']:.3f}  R {ev['recall']:.3f}  F1 {ev['f1']:.3f}",
        f"fields  accuracy {f['field_accuracy']:.3f} over {f['field_scored']} scored fields",
    ]
    for name, fig in f["fields"].items():
        if fig["scored"]:
            lines.append(f"  {name:<15} {fig['accuracy']:.3f}  ({fig['right']}/{fig['scored']})")
    weak = sorted(
        (fig["f1"], tag, fig)
        for tag, fig in f.get("phenomena", {}).items()
        if fig["fp"] or fig["fn"]
    )
    if weak and max_details:
        lines.append("")
        lines.append("phenomena with misses or spurious events (F1, fp, fn):")
        for f1, tag, fig in weak[: max_details if max_details > 30 else 15]:
            lines.append(f"  {tag:<36} {f1:.3f}  fp {fig['fp']}  fn {fig['fn']}")
    if rep.details and max_details:
        lines.append("")
        lines.append("where it went wrong:")
        for d in rep.details[:max_details]:
            lines.append(f"  {d['article']}: {d['problem']}: {d['what']}")
        if len(rep.details) > max_details:
            lines.append(f"  … {len(rep.details) - max_details} more (--format json shows all)")
    return "\n".join(lines)


def _sentences_text(rep: Report) -> str:
    lines = []
    for etype, splits in rep.figures["scores"].items():
        for split, fig in splits.items():
            lines.append(f"{etype} {split} ({fig['sentences']} sentences, {fig['positives']} yes)")
            for mode in ("strict", "clear"):
                s = fig[mode]
                lines.append(
                    f"  {mode:<6} P {s['precision']:.3f}  R {s['recall']:.3f}  "
                    f"F1 {s['f1']:.3f}  (tp {s['tp']} fp {s['fp']} fn {s['fn']})"
                )
    return "\n".join(lines)


def _fusion_text(rep: Report, max_details: int) -> str:
    f = rep.figures
    ev = f["events"]
    lines = [
        f"fusion: {f['real_events']} real events, {f['fused_events']} fused events, {f['pairs']} paired",
        f"events  P {ev['precision']:.3f}  R {ev['recall']:.3f}  F1 {ev['f1']:.3f}",
        f"split {f['split_events']}  merged {f['merged_events']}  "
        f"article coverage {f['article_coverage']:.3f}",
    ]
    for d in rep.details[:max_details]:
        lines.append(f"  {d['problem']}: {d['what']} ({d['article']})")
    return "\n".join(lines)
