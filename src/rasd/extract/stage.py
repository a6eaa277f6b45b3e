"""The ``extract`` pipeline stage: an ingested Article in, ``article.events`` out.

Reads each content sentence (boilerplate and repeated sentences are
already skipped), builds frames, keeps those that report an event, fills
their slots and merges frames that tell the same attack (stage 5): same
kind of event, the same or an unnamed place, overlapping dates and
compatible weapons. A lede retold later adds its evidence to the first
event instead of making a second one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from rasd.extract.frames import FAMILY, Frame, frames, hopeful, passes, settings
from rasd.extract.mentions import add_mentions, read_lexicons, read_sentence
from rasd.extract.slots import Slots, evidence, fill
from rasd.model import Article, DateWindow, Event, Weapon
from rasd.text import match_form
from rasd.text.dates import find_dates

_ECHO_SKIPS = ("actor1", "actor2", "suspected_actor1", "claim_status", "date", "location")
_CLAIM_RANK = {"claimed": 4, "denied": 3, "attributed": 2, "unclaimed": 1, "unknown": 0}


def candidate_frames(article: Article) -> list[tuple[Frame, int]]:
    """Every frame of the article with the index of its sentence (scored, not yet filtered)."""
    text = article.text
    ref = article.published.date if article.published else None
    out = []
    for i, s in enumerate(article.content_sentences()):
        r = read_sentence(text, s.start, s.end, reference=ref)
        if r is None:
            continue
        for f in frames(r):
            passes(f)
            out.append((f, i))
    return out


def extract_article(article: Article) -> Article:
    """Stage ``extract``: fill ``article.events`` (replacing what was there)."""
    text = article.text
    aid = article.id or ""
    published = article.published.window if article.published else None
    ref = article.published.date if article.published else None
    para_dates: dict[int, list] = {}
    kept: list[tuple[Frame, Slots, int]] = []
    filled: dict[int, Slots] = {}
    echoes: list[tuple[Frame, Slots, int]] = []
    sentences = article.content_sentences()
    for i, s in enumerate(sentences):
        r = read_lexicons(text, s.start, s.end)
        if r is None or not hopeful(r):
            continue
        add_mentions(r, reference=ref)
        for f in frames(r):
            if not passes(f):
                if _echo(f):
                    echoes.append((f, fill(f, text, published=None), i))
                continue
            fallback = None
            if not r.dates and s.paragraph < len(article.paragraphs):
                if s.paragraph not in para_dates:
                    p = article.paragraphs[s.paragraph]
                    para_dates[s.paragraph] = [
                        d for d in find_dates(text, p.start, p.end, reference=ref) if not d.future
                    ]
                fallback = para_dates[s.paragraph]
            slots = fill(f, text, fallback_dates=fallback, published=published)
            if f.parent is not None and id(f.parent) in filled:
                _inherit(slots, filled[id(f.parent)])
            filled[id(f)] = slots
            kept.append((f, slots, i))
    # the most certain telling of an attack is the base; weaker retellings fill its gaps
    order = sorted(range(len(kept)), key=lambda k: (-kept[k][0].score, k))
    merged: list[_Merged] = []
    for k in order:
        f, slots, i = kept[k]
        target = _merge_target(merged, f, slots)
        if target is not None:
            _merge(target, slots, f, aid, text)
            continue
        merged.append(_Merged(_event(f, slots, aid, text), slots, f, _place_keys(slots), i))
    for f, slots, i in echoes:
        m = _echo_target(merged, f, slots, i)
        if m is not None:  # an echo adds figures, targets and damage, not actors or dates
            slots.window = None
            slots.actor1 = slots.actor2 = slots.suspected_actor1 = None
            slots.claim_status = "unknown"
            slots.evidence = [e for e in slots.evidence if e[0] not in _ECHO_SKIPS]
            _merge(m, slots, f, aid, text)
    out = []
    for m in merged:
        ev = m.event
        ev.evidence.sort(key=lambda e: (e.start, e.end, e.field))
        first = ev.evidence[0]
        ev.event_id = hashlib.sha1(f"{aid}:{first.start}:{first.end}".encode()).hexdigest()[:16]
        out.append(ev)
    out.sort(key=lambda ev: ev.evidence[0].start)
    article.events = out
    return article


@dataclass(slots=True)
class _Merged:
    event: Event
    slots: Slots
    frame: Frame
    places: set[str]
    sentence: int


def _echo(f: Frame) -> bool:
    """A frame too weak to be an event of its own that may still add to one
    told just before: "the ship suffered light damage and no one was hurt"."""
    return not f.blocked and f.score >= settings()["threshold"].get(f.family, 2.4) - settings()["echo_margin"]


def _echo_target(merged: list[_Merged], f: Frame, s: Slots, i: int) -> _Merged | None:
    """The event an echo continues: the latest one of its family told at most
    two sentences before, sharing a target kind when the echo names one."""
    fam = FAMILY.get(s.plover_type, "violence")
    best = None
    for m in merged:
        if FAMILY.get(m.event.plover_type, "violence") != fam or not 0 <= i - m.sentence <= 2:
            continue
        if s.targets and not {t.kind for t in s.targets} & {t.kind for t in m.event.targets}:
            continue
        if not (s.targets or s.fatalities is not None or s.injuries is not None):
            continue
        if s.location is not None and not _same_place(m, s):
            continue
        if best is None or m.sentence > best.sentence:
            best = m
    return best


def _place_keys(s: Slots) -> set[str]:
    if s.place_text is None:
        return set()
    words = match_form(s.place_text).split()
    keys = {" ".join(words)}
    if len(words) > 1:  # "محافظة الحديدة" also answers to "الحديدة"
        keys.add(" ".join(words[1:]))
    return {k.removeprefix("ال") for k in keys}


def _inherit(child: Slots, parent: Slots) -> None:
    """A second place hit by the same verb shares its subject, claim and date."""
    if child.actor1 is None:
        child.actor1 = parent.actor1
        child.evidence.extend(e for e in parent.evidence if e[0] == "actor1")
    if child.claim_status == "unknown":
        child.claim_status = parent.claim_status
        child.suspected_actor1 = child.suspected_actor1 or parent.suspected_actor1
        child.evidence.extend(e for e in parent.evidence if e[0] in ("claim_status", "suspected_actor1"))
    if not any(e[0] == "date" for e in child.evidence) and any(e[0] == "date" for e in parent.evidence):
        child.window = parent.window
        child.evidence.extend(e for e in parent.evidence if e[0] == "date")


def _confidence(f: Frame) -> float:
    th = settings()["threshold"].get(f.family, 2.4)
    return round(min(0.98, max(0.05, 0.55 + 0.12 * (f.score - th))), 3)


def _event(f: Frame, s: Slots, aid: str, text: str) -> Event:
    return Event(
        event_type=s.event_type,
        sub_event_type=s.sub_event_type,
        plover_type=s.plover_type,
        article_ids=[aid],
        window=s.window,
        actor1=s.actor1,
        claim_status=s.claim_status,
        suspected_actor1=s.suspected_actor1,
        actor2=s.actor2,
        targets=list(s.targets),
        weapons=list(s.weapons),
        location=s.location,
        fatalities=s.fatalities,
        injuries=s.injuries,
        damage=list(s.damage),
        evidence=evidence(aid, text, s),
        confidence=_confidence(f),
    )


def _overlap(a: DateWindow | None, b: DateWindow | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _same_place(m: _Merged, s: Slots) -> bool:
    a, b = m.event.location, s.location
    if a is None or b is None:
        return True
    if a.gazetteer_id and b.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    if a.name == b.name:
        return True
    return bool(m.places & _place_keys(s))


def _weapons_fit(a: list[Weapon], b: list[Weapon]) -> bool:
    if not a or not b:
        return True
    return bool({w.kind for w in a} & {w.kind for w in b})


def _merge_target(merged: list[_Merged], f: Frame, s: Slots) -> _Merged | None:
    fam = FAMILY.get(s.plover_type, "violence")
    for m in merged:
        ev = m.event
        if FAMILY.get(ev.plover_type, "violence") != fam:
            continue
        if m.frame.reading is f.reading:
            # two frames of one sentence are two events unless the second is a weak echo
            if any(float(t.row["strength"]) >= 2 for t in f.triggers) or s.location is not None:
                continue
        if not _same_place(m, s):
            continue
        if not _overlap(ev.window, s.window) and m.frame.reading is not f.reading:
            continue
        if not _weapons_fit(ev.weapons, s.weapons):
            continue
        if m.slots.specific and s.specific and m.slots.sub_event_type != s.sub_event_type and s.weapons and ev.weapons:
            continue
        return m
    return None


def _merge(m: _Merged, s: Slots, f: Frame, aid: str, text: str) -> None:
    """Fold a retelling into the event: fill what is missing, keep every span."""
    ev = m.event
    prio = settings()["priority"]
    if s.specific and (
        not m.slots.specific
        or (ev.sub_event_type in ("Armed clash", "Attack") and s.sub_event_type not in ("Armed clash", "Attack"))
        or (f.family == "protest" and prio.get(s.sub_event_type, 0) > prio.get(ev.sub_event_type, 0))
    ):
        ev.event_type, ev.sub_event_type, ev.plover_type = s.event_type, s.sub_event_type, s.plover_type
        m.slots.specific = True
    if s.sub_event_type != "Disrupted weapons use" or ev.sub_event_type == s.sub_event_type:
        ev.actor1 = ev.actor1 or s.actor1
        ev.actor2 = ev.actor2 or s.actor2
    ev.suspected_actor1 = ev.suspected_actor1 or s.suspected_actor1
    if _CLAIM_RANK[s.claim_status] > _CLAIM_RANK[ev.claim_status]:
        ev.claim_status = s.claim_status
    if ev.location is None and s.location is not None:
        ev.location = s.location
    m.places |= _place_keys(s)
    if ev.window is None or (s.window is not None and s.window.precision < ev.window.precision):
        ev.window = s.window
    for w in s.weapons:
        same = [x for x in ev.weapons if x.kind == w.kind]
        if not same:
            ev.weapons.append(w)
            continue
        old = same[0]
        count = old.count if w.count is None else w.count if old.count is None else max(old.count, w.count)
        ev.weapons[ev.weapons.index(old)] = Weapon(w.kind, old.model or w.model, count)
    for t in s.targets:
        if t.kind not in {x.kind for x in ev.targets}:
            ev.targets.append(t)
    for d in s.damage:
        if d not in ev.damage:
            ev.damage.append(d)
    ev.fatalities = _max(ev.fatalities, s.fatalities)
    ev.injuries = _max(ev.injuries, s.injuries)
    have = {(e.field, e.start, e.end) for e in ev.evidence}
    kept_actor = {k: getattr(ev, k) == getattr(s, k) for k in ("actor1", "actor2", "suspected_actor1")}
    ev.evidence.extend(
        e
        for e in evidence(aid, text, s)
        if (e.field, e.start, e.end) not in have and kept_actor.get(e.field, True)
    )
    ev.confidence = round(min(0.99, max(ev.confidence, _confidence(f)) + 0.03), 3)


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)
