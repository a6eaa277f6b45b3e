"""``rasd explain``: an article with each event's evidence highlighted.

Pure rendering: takes the article text and event dicts (the
event-format objects, from a fresh extraction or from the store) and
returns the text with ANSI colours over every evidence span, followed by
a legend per event naming each field and the words behind it. One colour
per event; a span that backs several events takes the first event's
colour. ``colour=False`` marks spans with ``[[…]]`` instead (for pipes).
"""

from __future__ import annotations

from typing import Any

RESET = "\x1b[0m"
PALETTE = (
    "\x1b[1;41;97m",
    "\x1b[1;44;97m",
    "\x1b[1;42;30m",
    "\x1b[1;45;97m",
    "\x1b[1;43;30m",
    "\x1b[1;46;30m",
)
FIELD_MARK = "\x1b[4m"


def _spans(events: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    """(start, end, event index) of every evidence span, overlaps resolved left to right."""
    raw = sorted(
        ((e["start"], e["end"], i) for i, ev in enumerate(events) for e in ev.get("evidence", [])),
        key=lambda s: (s[0], -s[1], s[2]),
    )
    out: list[tuple[int, int, int]] = []
    pos = -1
    for start, end, i in raw:
        start = max(start, pos)
        if start >= end:
            continue
        out.append((start, end, i))
        pos = end
    return out


def highlight(text: str, events: list[dict[str, Any]], *, colour: bool = True) -> str:
    """``text`` with evidence spans coloured (or bracketed) by event."""
    pieces: list[str] = []
    pos = 0
    for start, end, i in _spans(events):
        pieces.append(text[pos:start])
        if colour:
            pieces.append(f"{PALETTE[i % len(PALETTE)]}{text[start:end]}{RESET}")
        else:
            pieces.append(f"[[{text[start:end]}]]{i + 1}")
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _value(ev: dict[str, Any], field: str) -> str:
    v = ev.get(field)
    if field == "date":
        return f"{ev.get('event_date')} ({ev.get('date_start')}..{ev.get('date_end')}, precision {ev.get('time_precision')})"
    if field == "event":
        return f"{ev.get('event_type')} / {ev.get('sub_event_type')} ({ev.get('plover_type')})"
    if isinstance(v, dict):
        return v.get("name") or str(v)
    if isinstance(v, list):
        parts = []
        for x in v:
            if isinstance(x, dict):
                parts.append(
                    " ".join(str(x[k]) for k in ("count", "kind", "model") if x.get(k) is not None)
                )
            else:
                parts.append(str(x))
        return ", ".join(parts)
    return str(v)


def legend(events: list[dict[str, Any]], *, colour: bool = True) -> str:
    """One block per event: its fields, each with the evidence words."""
    lines = []
    for i, ev in enumerate(events):
        mark = f"{PALETTE[i % len(PALETTE)]} {i + 1} {RESET}" if colour else f"[{i + 1}]"
        lines.append(f"{mark} event {ev.get('event_id')}  confidence {ev.get('confidence')}")
        by_field: dict[str, list[str]] = {}
        for e in ev.get("evidence", []):
            by_field.setdefault(e["field"], []).append(e["text"])
        for field, words in by_field.items():
            lines.append(f"    {field:17} {_value(ev, field)}  ← «{' … '.join(words)}»")
        for field in ("actor1", "actor2", "claim_status", "fatalities", "injuries"):
            if field not in by_field and ev.get(field) not in (None, "unknown"):
                lines.append(f"    {field:17} {_value(ev, field)}")
    if not events:
        lines.append("no events found")
    return "\n".join(lines)


def render(text: str, events: list[dict[str, Any]], *, colour: bool = True) -> str:
    return highlight(text, events, colour=colour) + "\n\n" + legend(events, colour=colour) + "\n"
