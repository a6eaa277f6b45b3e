"""Stages 2 and 4: event frames in a sentence, and the test that they report an event.

A sentence is cut into clauses at boundary words (``؛``، ``فيما``، ``وفي`` …,
data/roles.tsv); the triggers of a clause that belong to one family
(violence, protest, arrests) form one frame. A clause naming places in
two countries is cut again before the second place, so "… in Iraq and …
in Syria" gives two frames. Each frame gets a score: the strongest
trigger, bonuses for concrete detail (weapon, target, figure, date, place,
actor, claim) and the weights of the modality cues in scope
(data/modality.tsv). A blocking cue (threat, future, condition, negation,
question) or a score under the threshold (data/settings.yaml) drops it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from rasd import resources
from rasd.extract.mentions import Item, SentenceReading

BLOCK = -9.0
FAMILY = {"ASSAULT": "violence", "FIGHT": "violence", "PROTEST": "protest", "COERCE": "arrest"}


@functools.cache
def settings() -> dict:
    return resources.yaml_data("extract", "settings.yaml")


@dataclass(slots=True)
class Frame:
    """One candidate event: a clause span and the trigger hits that make it."""

    start: int
    end: int
    family: str
    triggers: list[Item]
    reading: SentenceReading
    score: float = 0.0
    blocked: bool = False
    parent: Frame | None = None  # the frame whose verb this one shares (a second place)
    reasons: list[str] = field(default_factory=list)

    @property
    def head(self) -> Item:
        """The trigger that decides the type: highest priority, then strongest, then first."""
        prio = settings()["priority"]

        def rank(t: Item) -> tuple[float, float, int]:
            return (prio.get(t.row["sub_event_type"], 0), float(t.row["strength"]), -t.start)

        return max(self.triggers, key=rank)

    def inside(self, items: list) -> list:
        return [i for i in items if self.start <= i.start and i.end <= self.end]


def clauses(r: SentenceReading) -> list[tuple[int, int]]:
    """Clause spans of a sentence: cut before each boundary word."""
    cuts = {b.start for b in r.roles if b.row["role"] == "boundary"} | {r.start}
    # "… سفينة في البحر الأحمر وغارات على الحديدة": a trigger joined by و opens a new clause
    violent = [t for t in r.triggers if FAMILY.get(t.row["plover_type"]) == "violence"]
    first = min((t.start for t in violent), default=r.end)
    for t in violent:
        if t.start > first and r.text[t.start - 1 : t.start] == "و":
            cuts.add(t.start - 1)
    cuts = sorted(cuts)
    spans = []
    for i, a in enumerate(cuts):
        b = cuts[i + 1] if i + 1 < len(cuts) else r.end
        if b > a:
            spans.append((a, b))
    return spans


def _country(place) -> str | None:
    p = getattr(place, "place", None)
    return getattr(p, "country", None) if p is not None else None


def _split_by_country(r: SentenceReading, a: int, b: int) -> list[tuple[int, int]]:
    """Cut a clause before a place in a second country (two attacks, two countries)."""
    places = [p for p in r.places if a <= p.start and p.end <= b and _country(p)]
    spans, start, seen = [], a, None
    for p in places:
        c = _country(p)
        if seen is not None and c != seen:
            cut = _cut_before(r, start, p.start)
            if cut > start:
                spans.append((start, cut))
                start = cut
        seen = c
    spans.append((start, b))
    return spans


def _cut_before(r: SentenceReading, lo: int, pos: int) -> int:
    """Where the conjunct holding ``pos`` starts: a comma or a word with the
    conjunction و at most four words before it; ``lo`` when there is none."""
    before = [t for t in r.tokens if lo < t.start < pos][-4:]
    for t in reversed(before):
        if t.form in ("،", ",") or (t.kind == "word" and t.form.startswith("و") and t.form != "و" * len(t.form)):
            return t.start
        if t.form == "و":
            return t.start
    return lo


def frames(r: SentenceReading) -> list[Frame]:
    """Candidate frames of a sentence, before scoring."""
    out: list[Frame] = []
    for a, b in clauses(r):
        pieces = _split_by_country(r, a, b) if r.places else [(a, b)]
        for pa, pb in pieces:
            trig = [t for t in r.triggers if pa <= t.start < pb]
            if not trig and len(pieces) > 1 and out:
                # a second place with no verb of its own shares the clause's trigger
                prev = out[-1]
                if prev.end == pa:
                    out.append(Frame(pa, pb, prev.family, prev.triggers, r, parent=prev))
                continue
            fams: dict[str, list[Item]] = {}
            for t in trig:
                fams.setdefault(FAMILY.get(t.row["plover_type"], "violence"), []).append(t)
            for fam, ts in fams.items():
                out.append(Frame(pa, pb, fam, ts, r))
    return _join_orphans(out)


def _join_orphans(out: list[Frame]) -> list[Frame]:
    """A clause holding only a weak noun ("the attack") right after a frame of
    the same family continues that frame rather than starting a new one."""
    joined: list[Frame] = []
    for f in out:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.family == f.family
            and prev.reading is f.reading
            and prev.end == f.start
            and all(t.row["form"] in ("noun", "plural") for t in f.triggers)
            and not f.inside(f.reading.places)
        ):
            prev.end = f.end
            prev.triggers = prev.triggers + f.triggers
            continue
        joined.append(f)
    return joined


def score(f: Frame) -> float:
    """How surely the frame reports one concrete event; sets ``f.score``/``f.reasons``."""
    s = settings()
    bonus = s["bonus"]
    r = f.reading
    head = f.head
    scale = s.get("cue_scale", {}).get(f.family) or {}
    strengths = sorted({_strength(r, t) for t in f.triggers}, reverse=True)
    total = strengths[0]
    extra = min(bonus["extra_trigger_max"], bonus["extra_trigger"] * (len(f.triggers) - 1))
    extra *= scale.get("extra_trigger", 1.0)
    total += extra
    reasons = [f"trigger {strengths[0]:+.1f}"]
    if extra:
        reasons.append(f"more triggers {extra:+.1f}")

    blocked = False

    def add(label: str, value: float, kind: str | None = None) -> None:
        nonlocal total, blocked
        if kind is not None and value > BLOCK:
            value *= scale.get(kind, 1.0)
        total += value
        blocked = blocked or value <= BLOCK
        reasons.append(f"{label} {value:+.1f}")

    if f.family == "violence":
        if f.inside(r.weapons):
            add("weapon", bonus["weapon"])
        if f.inside(r.targets):
            add("target", bonus["target"])
    if any(c.row["count"] != "zero" for c in f.inside(r.casualties)) and _has_figure(f):
        add("figure", bonus["casualty_figure"], "figure")
    if any(
        getattr(a.actor, "kind", "") in ("armed_group", "state_forces") for a in f.inside(r.actors)
    ):
        add("actor", bonus["actor"])
    if f.inside(r.places):
        add("place", bonus["place"])
    if r.dates:
        inside = [d for d in r.dates if f.start <= d.start < f.end] or r.dates
        nearest = min(inside, key=lambda d: abs(d.start - head.start))
        if getattr(nearest, "future", False):
            add("future date", BLOCK)
        else:
            add("date", bonus["date"])
    if any(c.row["status"] == "claimed" and c.row["actor"] == "after" for c in f.inside(r.claims)):
        add("claim", bonus["claim"])
    if head.row["form"] in ("noun", "plural") and _quantity_before(r, head):
        add("count of attacks", bonus["quantity_before_trigger"])
    if head.row.get("needs") == "weapon" and not (
        f.inside(r.weapons) or any(t.row["needs"] != "weapon" for t in f.triggers)
    ):
        add("nothing to intercept", BLOCK)
    first = min(f.triggers, key=lambda t: t.start)
    if r.words_between(r.start, first.start) > s["late_words"] and not any(
        c.row["role"] == "complement"
        and c.end <= first.start
        and r.words_between(c.end, first.start) <= s["near_words"]
        for c in r.roles
    ):
        add("late in the sentence", bonus["late"], "late")
    if head.row["form"] in ("noun", "plural") and _definite(r, head):
        add("definite noun", bonus["definite"], "definite")
    if head.row.get("needs") == "protest" and not _protest_nearby(r, f, head):
        add("no protest word by the verb", BLOCK)
    seen: dict[str, float] = {}
    for cue in r.cues:
        kind = cue.row["cue"]
        w = float(cue.row["weight"])
        if not w or not _in_scope(cue, f, head):
            continue
        if kind not in seen or abs(w) > abs(seen[kind]):
            seen[kind] = w
    for kind, w in seen.items():
        add(kind, w, kind)
    f.score = total
    f.blocked = blocked
    f.reasons = reasons
    return total


def passes(f: Frame) -> bool:
    """Score the frame; True when it reports an event."""
    thresholds = settings()["threshold"]
    total = score(f)
    return not f.blocked and total >= thresholds.get(f.family, thresholds["other"])


def _in_scope(cue: Item, f: Frame, head: Item) -> bool:
    scope = cue.row["scope"]
    r = f.reading
    if scope == "sentence":
        return True
    if not (f.start <= cue.start and cue.end <= f.end):
        return False
    if scope == "clause":
        return True
    first = min(f.triggers, key=lambda t: t.start)
    if scope == "before":
        return cue.end <= head.start or cue.end <= first.start
    if scope == "lead":
        return cue.end <= first.start and r.words_between(cue.end, first.start) <= settings()["near_words"]
    if scope == "near":
        return any(
            cue.end <= t.start and r.words_between(cue.end, t.start) <= settings()["near_words"]
            for t in f.triggers
        )
    return False


def _has_figure(f: Frame) -> bool:
    r = f.reading
    return any(f.start <= q.start < f.end for q in r.quantities) or any(
        c.row["count"] in ("one", "two") for c in f.inside(r.casualties)
    )


def _quantity_before(r: SentenceReading, t: Item) -> bool:
    return any(
        q.end <= t.start and r.words_between(q.end, t.start) == 0 for q in r.quantities
    ) or any(
        q.end <= t.start and r.words_between(q.end, t.start) <= 1 and q.value is None
        for q in r.quantities
    )


def _definite(r: SentenceReading, t: Item) -> bool:
    """The trigger noun carries the article (الهجوم): it refers back to a known event."""
    return r.definite_at(t.start)


def _strength(r: SentenceReading, t: Item) -> float:
    """A verb trigger with the article is a verbal noun (التظاهر): as weak as a noun."""
    value = float(t.row["strength"])
    if t.row["form"] == "verb" and r.definite_at(t.start):
        return min(value, settings()["verbal_noun_strength"])
    return value


def _protest_nearby(r: SentenceReading, f: Frame, verb: Item) -> bool:
    """A protest action verb (خرج، أحرق، أغلق …) counts when a protest word is close after it."""
    return any(
        t is not verb
        and t.row.get("needs") != "protest"
        and (
            (t.start >= verb.end and r.words_between(verb.end, t.start) <= 5)
            or (t.end <= verb.start and r.words_between(t.end, verb.start) <= 1)
        )
        for t in f.triggers
    )


def hopeful(r: SentenceReading) -> bool:
    """Before the dearer look-ups: can any frame of the sentence still become an
    event (or an echo) once actors, places, dates and figures add their bonus?"""
    s = settings()
    b = s["bonus"]
    best_case = b["actor"] + b["place"] + b["date"] + b["casualty_figure"]
    for f in frames(r):
        total = score(f)
        floor = s["threshold"].get(f.family, s["threshold"]["other"]) - s["echo_margin"]
        if not f.blocked and total + best_case >= floor:
            return True
    return False
