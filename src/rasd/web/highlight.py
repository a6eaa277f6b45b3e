"""Evidence spans to highlight segments of an article's original text.

The page draws segments with ``textContent`` only, so cutting the text
here (in code points, the unit of every rasd offset) keeps the browser from
ever parsing article text as HTML and spares JavaScript the UTF-16 maths.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def segments(text: str, evidence: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` into ``{"text", "fields"}`` runs; ``fields`` lists the
    evidence fields covering a run (empty: plain text). Out-of-range or
    empty spans are ignored; overlapping spans give runs with several fields."""
    n = len(text)
    spans = []
    for ev in evidence:
        start, end = ev.get("start"), ev.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        start, end = max(0, start), min(n, end)
        if start < end:
            spans.append((start, end, str(ev.get("field") or "")))
    cuts = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[dict[str, Any]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        fields = sorted({f for s, e, f in spans if s <= a and b <= e})
        if out and out[-1]["fields"] == fields:
            out[-1]["text"] += text[a:b]
        else:
            out.append({"text": text[a:b], "fields": fields})
    return out
