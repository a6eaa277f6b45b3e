"""Stage 3: an event frame's slots — type, actors, claim, weapons, targets,
damage, casualties, date and place — each with the evidence span it came from.

Everything is read inside the frame's clause, by position relative to the
trigger: a figure a few words after ``مقتل``, a count right before
``صواريخ``, the actor after an active verb or after ``شنه``/``على يد``
(data/roles.tsv), the claimer after ``تبنت``, the accused after ``اتهمت``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from rasd.extract.frames import Frame, settings
from rasd.extract.mentions import Item, SentenceReading
from rasd.model import Actor, DateWindow, Evidence, Place, Target, Weapon
from rasd.text import match_form

AGENT_GAP = 2  # words between a verb and the actor after it
GENERIC_SUBS = ("Attack", "Armed clash")


@dataclass(slots=True)
class Slots:
    """The filled slots of one frame, before it becomes an ``Event``."""

    event_type: str
    sub_event_type: str
    plover_type: str
    specific: bool  # the type came from the words, not from a fallback
    actor1: Actor | None = None
    claim_status: str = "unknown"
    suspected_actor1: Actor | None = None
    actor2: Actor | None = None
    targets: list[Target] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    damage: list[str] = field(default_factory=list)
    fatalities: int | None = None
    injuries: int | None = None
    window: DateWindow | None = None
    location: Place | None = None
    place_text: str | None = None  # the words that named the place (for merging)
    evidence: list[tuple[str, int, int]] = field(default_factory=list)  # (field, start, end)

    def cite(self, name: str, start: int, end: int) -> None:
        if (name, start, end) not in self.evidence:
            self.evidence.append((name, start, end))


@functools.cache
def _units() -> frozenset[str]:
    return frozenset(match_form(u) for u in settings()["units"])


def fill(f: Frame, text: str, *, fallback_dates=None, published: DateWindow | None = None) -> Slots:
    """The slots of frame ``f`` over ``text`` (the article text)."""
    r = f.reading
    head = f.head
    slots = Slots("", "", head.row["plover_type"], True)
    for t in f.triggers:
        slots.cite("event", t.start, t.end)
    _weapons(f, text, slots)
    _type(f, slots)
    _targets(f, text, slots)
    _casualties(f, text, slots)
    _actors(f, slots)
    _date(f, slots, fallback_dates, published)
    _place(f, r, slots)
    return slots


# --- type ------------------------------------------------------------------


def _type(f: Frame, slots: Slots) -> None:
    s = settings()
    head = f.head
    sub = head.row["sub_event_type"]
    weapon_subs = [w.row["sub_event_type"] for w in f.inside(f.reading.weapons)]
    weapon_subs = [x for x in weapon_subs if x != "-"]
    if sub == "-" or (sub in GENERIC_SUBS and weapon_subs and f.family == "violence"):
        if weapon_subs:
            sub = max(weapon_subs, key=lambda x: s["priority"].get(x, 0))
            slots.plover_type = "ASSAULT"
        else:
            slots.specific = False
            key = "with_target" if f.inside(f.reading.targets) else "without_target"
            _, sub = s["fallback"][key]
    slots.sub_event_type = sub
    slots.event_type = s["event_types"].get(sub, head.row["event_type"])


# --- weapons ---------------------------------------------------------------


def _count_near(r: SentenceReading, text: str, w: Item) -> tuple[int | None, object | None]:
    gap = settings()["weapon_gap"]
    for q in r.quantities:
        if q.start <= w.start < q.end or w.start <= q.start < w.end:  # a dual: صاروخين
            return q.value, q
        if q.end <= w.start and r.words_between(q.end, w.start) == 0 and not _is_unit_after(r, text, q):
            return q.value, q
        if q.end <= w.start and r.words_between(q.end, w.start) <= gap - 1 and q.value and q.value < 100:
            # "بـ 3 صواريخ": a stray letter between
            between = text[q.end : w.start].strip(" ـ-")
            if len(between) <= 2:
                return q.value, q
    return None, None


def _is_unit_after(r: SentenceReading, text: str, q) -> bool:
    after = text[q.end : q.end + 14].split()
    return bool(after) and match_form(after[0]) in _units()


def _weapons(f: Frame, text: str, slots: Slots) -> None:
    r = f.reading
    found: list[list] = []  # [kind, model, count, start, end]
    for w in f.inside(r.weapons):
        row = w.row
        number = row["number"]
        model = row["model"] if row["model"] != "-" else None
        if number == "model":
            prev = found[-1] if found else None
            if prev is not None and r.words_between(prev[4], w.start) <= 3 and prev[0] in (row["kind"], "rocket", "drone"):
                prev[1] = model
                prev[0] = row["kind"]
                slots.cite("weapons", w.start, w.end)
                continue
            found.append([row["kind"], model, None, w.start, w.end])
            slots.cite("weapons", w.start, w.end)
            continue
        value, q = _count_near(r, text, w)
        if number == "du":
            count = 2
        elif value is not None:
            count = value
        elif number == "sg":
            count = 1
        else:
            count = None
        found.append([row["kind"], model, count, w.start, w.end])
        slots.cite("weapons", w.start, w.end)
        if q is not None:
            slots.cite("weapons", q.start, q.end)
    merged: dict[tuple[str, str | None], list] = {}
    for kind, model, count, *_ in found:
        key = (kind, model)
        same_kind = [k for k in merged if k[0] == kind and (k[1] is None or model is None)]
        if same_kind:
            k = same_kind[0]
            old = merged.pop(k)
            merged[(kind, old[1] or model)] = [kind, old[1] or model, old[2] if old[2] is not None else count]
        else:
            merged[key] = [kind, model, count]
    slots.weapons = [Weapon(kind, model, count) for kind, model, count in merged.values()]


# --- targets and damage ------------------------------------------------------


def _targets(f: Frame, text: str, slots: Slots) -> None:
    r = f.reading
    if f.family != "violence":
        return
    seen = set()
    for t in _own_targets(f):
        kind = t.row["kind"]
        snippet = text[t.start : t.end]
        if (kind, snippet) in seen:
            continue
        seen.add((kind, snippet))
        slots.targets.append(Target(kind, snippet))
        slots.cite("targets", t.start, t.end)
    damage = [d for d in f.inside(r.roles) if d.row["role"] == "damage"]
    if damage and slots.targets:
        # what was hit is the verb's object: the first target after the trigger
        hits = _own_targets(f)
        after = [t for t in hits if t.start >= f.head.end] or hits
        word = after[0].row["damage"]
        if word != "-":
            slots.damage = [word]
            for d in damage:
                slots.cite("damage", d.start, d.end)


def _own_targets(f: Frame) -> list[Item]:
    """Targets after the first trigger, or just before it (the subject of a
    suffered or passive verb: قاعدة … تعرضت لهجوم); not those of another conjunct."""
    r = f.reading
    first = min(f.triggers, key=lambda t: t.start)
    suffer = any(t.row["form"] == "suffer" for t in f.triggers)
    return [
        t
        for t in f.inside(r.targets)
        if t.start >= first.start or suffer or r.words_between(t.end, first.start) <= 3
    ]


# --- casualties --------------------------------------------------------------


def _casualties(f: Frame, text: str, slots: Slots) -> None:
    r = f.reading
    gap = settings()["casualty_gap"]
    for c in f.inside(r.casualties):
        fld, how = c.row["field"], c.row["count"]
        if how == "zero":
            if fld in ("none", "no_fatalities") and slots.fatalities is None:
                slots.fatalities = 0
            if fld in ("none", "no_injuries") and slots.injuries is None:
                slots.injuries = 0
            slots.cite("fatalities" if fld != "no_injuries" else "injuries", c.start, c.end)
            continue
        value, q = None, None
        if how == "one":
            value = 1
        elif how == "two":
            value = 2
        for qq in r.quantities:
            if qq.start <= c.start < qq.end or c.start <= qq.start < c.end:
                value, q = qq.value, qq  # a dual: قتيلان
                break
            if how == "after" and qq.start >= c.end and r.words_between(c.end, qq.start) <= gap:
                if not _is_unit_after(r, text, qq) and not _is_date(r, qq):
                    value, q = qq.value, qq
                break
            if how == "before" and qq.end <= c.start and r.words_between(qq.end, c.start) <= 2:
                if not _is_unit_after(r, text, qq) and not _is_date(r, qq):
                    value, q = qq.value, qq
        if value is None:
            continue
        if fld == "fatalities" and slots.fatalities is None:
            slots.fatalities = value
        elif fld == "injuries" and slots.injuries is None:
            slots.injuries = value
        else:
            continue
        slots.cite(fld, c.start, c.end)
        if q is not None:
            slots.cite(fld, q.start, q.end)


def _is_date(r: SentenceReading, q) -> bool:
    return any(d.start <= q.start and q.end <= d.end for d in r.dates)


# --- actors and claims --------------------------------------------------------


def _actor_after(f: Frame, pos: int, *, gap: int = AGENT_GAP, skip=()) -> object | None:
    r = f.reading
    for a in f.inside(r.actors):
        if a.start >= pos and a not in skip:
            return a if r.words_between(pos, a.start) <= gap else None
    return None


def _actor_before(f: Frame, pos: int, *, gap: int = AGENT_GAP) -> object | None:
    r = f.reading
    best = None
    for a in f.inside(r.actors):
        if a.end <= pos and r.words_between(a.end, pos) <= gap:
            best = a
    return best


def _kind(a) -> str:
    return getattr(a.actor, "kind", "")


def _actors(f: Frame, slots: Slots) -> None:
    r = f.reading
    claimer = None
    victim = None
    used: list = []
    claims = f.inside(r.claims) or [c for c in r.claims if c.start >= f.end or c.end <= f.start]
    for c in claims:
        status, where = c.row["status"], c.row["actor"]
        if status == "claimed":
            a = (
                _actor_before(f, c.start, gap=4)
                if where == "before"
                else _actor_after(f, c.end, gap=3) or _actor_before(f, c.start, gap=2)
            )
            if a is None and where == "after":  # أعلنت الجماعة، فجر اليوم، مسؤوليتها
                a = _actor_before(f, c.start, gap=6)
            if a is None and where == "before":
                continue
            if a is not None and _kind(a) not in ("armed_group",):
                continue
            slots.claim_status = "claimed"
            slots.cite("claim_status", c.start, c.end)
            if a is not None:
                claimer = a
                slots.actor1 = a.actor
                slots.cite("actor1", a.start, a.end)
                used.append(a)
            break
        if status == "unclaimed":
            slots.claim_status = "unclaimed"
            slots.cite("claim_status", c.start, c.end)
            break
        if status == "denied":
            a = _actor_after(f, c.end, gap=2) or _actor_before(f, c.start, gap=2)
            if a is None or not c.row["phrase"]:
                continue
            slots.claim_status = "denied"
            slots.cite("claim_status", c.start, c.end)
            slots.suspected_actor1 = a.actor
            slots.cite("suspected_actor1", a.start, a.end)
            used.append(a)
            break
        if status == "attributed":
            after = [a for a in f.inside(r.actors) if a.start >= c.end]
            if not after:
                continue
            blamed = after[1] if len(after) > 1 and _kind(after[0]) != "armed_group" else after[0]
            if _kind(blamed) != "armed_group" and len(after) == 1 and c.row["actor"] == "blamed":
                if "اتهم" not in match_form(c.row["phrase"]):
                    continue
            slots.claim_status = "attributed"
            slots.cite("claim_status", c.start, c.end)
            slots.suspected_actor1 = blamed.actor
            slots.cite("suspected_actor1", blamed.start, blamed.end)
            used.extend(after[: after.index(blamed) + 1])
            break
    if slots.actor1 is None and slots.claim_status not in ("attributed", "denied"):
        agent = None
        for t in sorted(f.triggers, key=lambda t: t.start):
            if t.row["form"] == "verb":
                agent = _actor_after(f, t.end, skip=used) or _actor_before(f, t.start)
            if agent is None:
                for role in f.inside(r.roles):
                    if role.row["role"] == "agent":
                        agent = _actor_after(f, role.end, skip=used)
                        if agent is not None:
                            break
            if agent is not None and t.row["form"] != "suffer":
                break
            agent = None
        if agent is not None:
            slots.actor1 = agent.actor
            slots.cite("actor1", agent.start, agent.end)
            used.append(agent)
    for t in f.triggers:
        if t.row["form"] == "suffer":
            victim = _actor_after(f, t.end, gap=1, skip=used) or _actor_before(f, t.start, gap=6)
            if victim is not None:
                break
    if victim is None:
        for role in f.inside(r.roles):
            if role.row["role"] == "patient":
                victim = _actor_after(f, role.end, gap=3, skip=used)
                if victim is not None and victim not in used:
                    break
                victim = None
    if victim is None:
        first = min(t.start for t in f.triggers)
        for a in f.inside(r.actors):
            if a.start > first and a not in used and _kind(a) in ("state_forces", "armed_group", "civilians"):
                victim = a
                break
    if victim is not None and victim not in used and victim is not claimer:
        slots.actor2 = victim.actor
        slots.cite("actor2", victim.start, victim.end)


# --- date and place -----------------------------------------------------------


def _date(f: Frame, slots: Slots, fallback_dates, published: DateWindow | None) -> None:
    r = f.reading
    head = f.head
    usable = [d for d in r.dates if not getattr(d, "future", False)]
    inside = [d for d in usable if f.start <= d.start < f.end]
    pool = inside or usable
    if pool:
        d = min(pool, key=lambda d: abs(d.start - head.start))
        slots.window = d.window
        slots.cite("date", d.start, d.end)
        return
    if fallback_dates:
        d = fallback_dates[0]
        slots.window = d.window
        slots.cite("date", d.start, d.end)
        return
    slots.window = published


def _place(f: Frame, r: SentenceReading, slots: Slots) -> None:
    inside = f.inside(r.places)
    head = f.head
    if not inside:
        return
    after = [p for p in inside if p.start >= head.start]
    m = (after or inside)[0]
    place = getattr(m, "place", None)
    if place is None:
        place = Place(name=m.text, country=None, name_ar=m.text)
    slots.location = place
    slots.place_text = m.text
    slots.cite("location", m.start, m.end)


def evidence(article_id: str, text: str, slots: Slots) -> list[Evidence]:
    return [Evidence(article_id, name, a, b, text[a:b]) for name, a, b in slots.evidence]
