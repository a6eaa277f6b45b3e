"""The ``extract`` pipeline stage: an ingested Article in, ``article.events`` out.

Reads each content sentence (boilerplate and repeated sentences are
already skipped), builds frames, keeps those that report an event, fills
their slots and merges frames that tell the same attack (stage 5): same
kind of event, the same or an unnamed place, overlapping dates and
compatible weapons. A lede retold later adds its evidence to the first
event instead of making a second one. One verb that hits sites counted off by
ordinal (الأول … والثاني …) or two towns far apart joined by و makes one event
at each place.

A sentence without a date of its own continues the story's date (the
event told before it); such a borrowed date, or the publication date, never
keeps two tellings apart. A clause that refers back (الهجوم، الصاروخ with
the article; a clause that only gives the toll) continues the event it
names: the latest one of its kind, the one at its own place when it names
one, and for a dated report at a place of its own only one in the same
province. Tellings by two different named actors, or after words that
announce another event (وفي هجوم آخر), stay apart. Sentences that report no
event but say who claimed, denied or was blamed, that nobody was hurt or
what was damaged (ولم تتبنَّ أي جهة الهجوم، لم يسفر الهجوم عن إصابات) add
that to the event told just before. Background is dropped before merging:
tellings dated by their own words to a month, a year, a past week or a day
more than a week back (or claimed in a statement so dated), attacks told over
months (خلال العامين الماضيين مئات الضربات) or on a multitude of sites, and
denials of the event itself; a claim or a blame told inside background claims
nothing. A toll said to be updated (ارتفعت حصيلة … إلى) replaces the event's;
a first toll (الحصيلة الأولية) only fills what is missing.
A claim of an attack already told (وتبنى التنظيم الهجوم، تفجير العبوة) joins
that attack; a side admitting its own losses (وأقر الجيش بإصابة جندي) joins the
attack on it, never its own strike, and no event carries one side as both actors;
a denial with no event word (نفى … أي علاقة لها بما جرى) denies the event before it. A force's shots at a protest, the crowd's violence and a slogan
are parts of the protest, not attacks. docs/extract.md has the full list.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field, replace

from rasd import resources
from rasd.extract.frames import FAMILY, Frame, frames, hopeful, passes, retells, settings
from rasd.extract.mentions import (
    add_mentions,
    read_admission,
    read_denial,
    read_lexicons,
    read_medic_toll,
    read_sentence,
    read_zero_toll,
)
from rasd.extract.slots import (
    QUOTE_MARKS,
    Slots,
    evidence,
    fill,
    fill_admission,
    fill_follow_up,
    fill_toll,
    fold_weapons,
    in_quote,
    inside_casualty,
    retype,
)
from rasd.geo.gazetteer import km
from rasd.geo.recognize import body_name, is_origin
from rasd.model import Actor, Article, DateWindow, Event, Weapon
from rasd.text import match_form
from rasd.text.dates import find_dates, parse_date
from rasd.text.numbers import find_quantities, ordinal
from rasd.text.tokens import tokenize

_ECHO_SKIPS = ("actor1", "actor2", "suspected_actor1", "claim_status", "date", "location")
FOLLOW_UP = 3  # sentences after an event within which a claim or toll may still refer to it
SPAN_GAP = 8  # words between a stretch of time (منذ مطلع العام) and the attack it spans
RECENT_DAYS = 7  # a past attack is news only when dated to a day within this many days
WEAPON_TYPES = (
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
)
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
    retold: list[tuple[Frame, Slots, int]] = []
    silent: list[tuple[object, int]] = []  # sentences with event words but no event of their own
    narrative: DateWindow | None = None  # the date the story is at
    early: list[Slots] = []  # tellings before the story's first date
    sentences = article.content_sentences()
    for i, s in enumerate(sentences):
        r = read_lexicons(text, s.start, s.end)
        if r is None:
            if kept and i - kept[-1][2] <= FOLLOW_UP:
                # "وأضافت الهيئة أن الطاقم بخير ولم تقع إصابات": no event word, but a
                # toll of none for the event just told
                z = (
                    read_zero_toll(text, s.start, s.end)
                    or read_denial(text, s.start, s.end)
                    # "وأقر الجيش بإصابة جندي بجروح متوسطة": the toll of the side hit
                    or read_admission(text, s.start, s.end)
                    # "وقال الإسعاف إن شخصين أصيبا بجروح": a rescue service's toll
                    or read_medic_toll(text, s.start, s.end)
                )
                if z is not None:
                    silent.append((z, i))
            if narrative is None and not kept and i < FOLLOW_UP:
                # "أعلنت الهيئة، مساء أمس الإثنين، أن سفينة أبلغت عن إصابتها": a lede with
                # no event word of ours still gives the date the story opens with (and
                # "منذ أن أعلنت الفصائل مطلع شباط الماضي …" the months-old date of an
                # analysis, which then dates its undated tellings as background)
                narrative = _opening_date(text, s, ref)
            continue
        if not hopeful(r):
            if _may_follow(r):
                silent.append((r, i))
            if narrative is None and not kept and i < FOLLOW_UP:  # the date the story opens with
                narrative = _opening_date(text, s, ref)
            continue
        add_mentions(r, reference=ref)
        # "ولم يصدر تعليق على الضربات حتى ظهر اليوم": the time up to which something
        # held dates no event (dates.py ``until``)
        r.dates = [d for d in r.dates if not getattr(d, "until", False)]
        told = False
        history: list[Frame] = []  # frames of the sentence dropped as background
        for f in frames(r):
            if not passes(f):
                if retells(f):  # not news of its own: it may only join an event told before
                    sl = fill(f, text, published=published, narrative=narrative)
                    if not _history(f, sl, published):
                        retold.append((f, sl, i))
                    else:
                        history.append(f)
                elif _echo(f) or (told and _toll_only(f)):
                    # (told: "…، وسقطت شظاياه …، ما أدى إلى إصابة مدنيين اثنين": the toll
                    # of the event this sentence has told, whatever its own verb)
                    sl = fill(f, text, published=None)
                    if not _history(f, sl, published):
                        echoes.append((f, sl, i))
                    else:
                        history.append(f)
                elif _over_span(f):
                    history.append(f)  # (attacks told over months: a tally, see below)
                continue
            if (
                f.parent is not None
                and not f.conjunct
                and not (f.inside(r.targets) or f.inside(r.weapons))
            ):
                continue  # a place named in passing (الحدود بين سوريا والعراق) is not a second attack
            if f.parent is not None and _other_subject(f):
                continue  # "… في عيترون وحزب الله يستهدف ثكنة برانيت": another side's act
            fallback = None
            if not r.dates and s.paragraph < len(article.paragraphs):
                if s.paragraph not in para_dates:
                    p = article.paragraphs[s.paragraph]
                    para_dates[s.paragraph] = [
                        d for d in find_dates(text, p.start, p.end, reference=ref) if _usable(d)
                    ]
                fallback = para_dates[s.paragraph]
            slots = fill(f, text, fallback_dates=fallback, published=published, narrative=narrative)
            if f.parent is not None and id(f.parent) in filled:
                _inherit(slots, filled[id(f.parent)])
            if _history(f, slots, published):
                history.append(f)
                continue  # "في نيسان 2024 قتل خمسة عمال في هجوم مماثل": history, not news
            if _commentary(f):
                # "ويقول المحلل إن "الفصائل قصفت القاعدة أمس"": an analyst's words may
                # refer to the attack told as news, they tell none of their own
                retold.append((f, slots, i))
                continue
            filled[id(f)] = slots
            kept.append((f, slots, i))
            # "غارات استهدفت موقعين، الأول في مدينة X، والثاني قرب مطار Y": one event at
            # each place the sites are counted off at
            for g in _place_parts(f, slots):
                gs = fill(
                    g, text, fallback_dates=fallback, published=published, narrative=narrative
                )
                _inherit(gs, slots)
                filled[id(g)] = gs
                kept.append((g, gs, i))
            if not slots.dated and not slots.said and narrative is None:
                early.append(slots)  # dated by publication only, before the story opened
            told = True
        if told:
            dated = [
                sl.window
                for _, sl, j in kept
                if j == i and (sl.dated or sl.said) and sl.window is not None
            ]
            narrative = dated[-1] if dated else narrative
        else:
            # (background says nothing of the event told before it: "تبنت غالبيتها
            # فصائل عراقية" of sixty attacks since October claims none of them)
            if _may_follow(r) and not _background_claim(r, history):
                silent.append((r, i))
            past = [d for d in r.dates if not getattr(d, "future", False)]
            if past and narrative is None:  # the most precise date the story opened with
                narrative = min(past, key=lambda d: (d.window.precision, d.start)).window
    # a headline told before the story's first date continues that date, not the day
    # of publication ("… وقصف مدفعي على قرى العمادية" over a report of Tuesday night)
    first = next((sl.window for _, sl, _ in kept if sl.dated and sl.window is not None), None)
    # … and a headline that names a place takes the date of the first telling there, even
    # a weak one ("وإصابة اثنين برصاص الحراس في البلدة" over a report of the rally today
    # and, further down, "وكانت البلدة قد شهدت مساء أمس …")
    there = sorted(
        ((j, sl) for _, sl, j in (*kept, *echoes, *retold) if sl.dated and sl.window is not None),
        key=lambda x: x[0],
    )
    for sl in early:
        own = _place_keys(sl)
        at = next(
            (
                x.window
                for _, x in there
                if own and any(_within(a, b) or _within(b, a) for a in own for b in _place_keys(x))
            ),
            None,
        )
        if at is not None or first is not None:
            sl.window = at or first
    # the most certain telling of an attack is the base; weaker retellings fill its gaps
    refers = {
        k
        for k in range(len(kept))
        if _anaphoric(kept[k][0], kept[k][1]) or _claims_told(kept[k][0])
    }
    plain = [k for k in range(len(kept)) if k not in refers]
    back = sorted(refers)
    # a telling that says when and where is a surer base than one that borrows both
    order = sorted(plain, key=lambda k: (-_anchored(kept[k][1]), -kept[k][0].score, k))
    merged: list[_Merged] = []
    for k in order:
        f, slots, i = kept[k]
        if _charge(f, kept) or _raid_arrest(f, slots, kept):
            continue  # "اعتقال ثلاثة متهمين بإطلاق الصواريخ": the arrest's charge
        target = _merge_target(merged, f, slots, i)
        if target is not None:
            _merge(target, slots, f, aid, text, i)
            continue
        merged.append(
            _Merged(_event(f, slots, aid, text), slots, f, _place_keys(slots), i, slots.dated, {i})
        )
    for k in back:  # in text order: a clause that refers back joins what it refers to
        f, slots, i = kept[k]
        if _charge(f, kept) or _raid_arrest(f, slots, kept):
            continue  # "اعتقال سبعة أشخاص يشتبه بتورطهم في الهجوم": the arrest's reason
        if _claims_told(f):
            # "وتبنى تنظيم داعش الهجوم في بيان صباح اليوم": the claim joins the attack it
            # claims; its date is the statement's, its place and figures the claimant's words
            target = _claimed_event(merged, f, slots, i)
            if target is not None:
                _merge_claim(target, slots, f, aid, text, i)
                continue
        target = _antecedent(merged, f, slots, i)
        if target is not None:
            _merge(target, slots, f, aid, text, i, back=True)
            continue
        target = _merge_target(merged, f, slots, i)
        if target is not None:
            _merge(target, slots, f, aid, text, i)
            continue
        _same_strikes(merged, f, slots, i, aid, text)
        merged.append(
            _Merged(_event(f, slots, aid, text), slots, f, _place_keys(slots), i, slots.dated, {i})
        )
    for f, slots, i in retold:  # frames.retells: a weak telling joins its antecedent or nothing
        if _charge(f, kept) or _after_first(f):
            continue
        target = _antecedent(merged, f, slots, i)
        toll = _toll_only(f)  # "…، وسقط فيها قتيلان": the toll of the clause before it
        if (
            target is not None
            and (min(target.sentences) < i or toll)
            and _same_actor(target.event.actor1, slots.actor1)
            and _weapons_fit(target.event.weapons, slots.weapons)
        ):
            _merge(target, slots, f, aid, text, i, back=toll)
    for f, slots, i in echoes:
        m = _echo_target(merged, f, slots, i)
        if m is not None:  # an echo adds figures, targets and damage, not actors or dates
            slots.window = None
            slots.actor1 = slots.actor2 = slots.suspected_actor1 = None
            slots.claim_status = "unknown"
            slots.evidence = [e for e in slots.evidence if e[0] not in _ECHO_SKIPS]
            _merge(m, slots, f, aid, text, i, back=True)
    merged = _fold_provinces(merged, aid, text)
    merged = _fold_into_protests(merged, aid, text)
    merged = _fold_same(merged, aid, text)
    merged = _fold_into_raids(merged)
    _place_arrests(merged)
    _type_by_story(merged)
    for r, i in silent:
        _follow_up(merged, r, i, aid, text, ref)
    for m in merged:
        _got_through(m.event)
    _share_actor(merged, kept, aid, text)
    _name_generic_actors([m.event for m in merged], text)
    _resolve_by_country([m.event for m in merged])
    _resolve_by_voice([m.event for m in merged], text)
    out = []
    ids: set[str] = set()
    for m in merged:
        ev = m.event
        ev.weapons = fold_weapons(ev.weapons)
        ev.evidence.sort(key=lambda e: (e.start, e.end, e.field))
        first = ev.evidence[0]
        key, n = f"{aid}:{first.start}:{first.end}", 0
        ev.event_id = hashlib.sha1(key.encode()).hexdigest()[:16]
        while ev.event_id in ids:  # two places under one verb share its first span
            n += 1
            ev.event_id = hashlib.sha1(f"{key}:{n}".encode()).hexdigest()[:16]
        ids.add(ev.event_id)
        out.append(ev)
    out.sort(key=lambda ev: ev.evidence[0].start)
    article.events = out
    return article


def _opening_date(text: str, s, ref) -> DateWindow | None:
    """The most precise past date of an opening sentence, unless the sentence is only
    a date (the page's date line: the day of publication, not the story's)."""
    if parse_date(text[s.start : s.end], ref) is not None:
        return None
    past = [d for d in find_dates(text, s.start, s.end, reference=ref) if _usable(d)]
    return min(past, key=lambda d: (d.window.precision, d.start)).window if past else None


def _usable(d) -> bool:
    """A date that may date an event: not to come, not the end of a stretch."""
    return not d.future and not getattr(d, "until", False)


def _background_claim(r, history: list[Frame]) -> bool:
    """Every claim, denial or blame of the sentence is told inside background (a frame
    dropped as history): "تعرضت القواعد منذ مطلع العام لأربعين هجوماً تبنت غالبيتها
    فصائل"، "قصف استهدف المطار في نيسان الماضي، وهو هجوم حمّلت الحكومة مسؤوليته
    لتركيا"."""
    cues = [c for c in r.claims if c.row.get("kind") == "claim"]
    return (
        bool(history)
        and bool(cues)
        and all(
            any(
                h.start <= c.start < h.end
                # (a blame or a denial told after the old attack's own words; "ولم تعلن
                # أي جهة مسؤوليتها عن الهجوم، الذي جاء بعد هجوم مماثل الشهر الماضي"
                # says it of the news)
                and (c.row["status"] == "claimed" or min(t.start for t in h.triggers) < c.start)
                for h in history
            )
            for c in cues
        )
    )


def _fold_same(merged: list[_Merged], aid: str, text: str) -> list[_Merged]:
    """Two events that came to stand at the same place (one gazetteer entry, named
    with the same words) on the same days, of one type, by one side, are one event
    told twice ("تصدت الدفاعات لعدوان بالصواريخ على محيط البلدة" and the source's
    "نفذ العدو عدواناً جوياً مستهدفاً ريف المحافظة", then placed at the town by the
    details): the later joins the first, unless it was announced as another event or
    the two give other tolls."""
    out = list(merged)
    for m in merged:
        if m not in out:
            continue
        ev = m.event
        gid = getattr(ev.location, "gazetteer_id", None)
        if not gid or _another(m.frame):
            continue
        for x in out:
            if x is m or min(x.sentences) > min(m.sentences):
                continue
            xe = x.event
            if (
                getattr(xe.location, "gazetteer_id", None) == gid
                and xe.sub_event_type == ev.sub_event_type
                and _overlap(xe.window, ev.window)
                and _same_actor(xe.actor1, ev.actor1)
                and not (
                    xe.fatalities is not None
                    and ev.fatalities is not None
                    and xe.fatalities != ev.fatalities
                )
                and not (x.sentences & m.sentences)
                # (the same words name it: two sites geocoded to one city stay two)
                and any(_within(a, b) or _within(b, a) for a in x.places for b in m.places)
            ):
                _absorb(x, m)
                out.remove(m)
                break
    return out


def _operation_word(r, a: int, b: int) -> bool:
    """A word for an operation (roles ``operation``: عملية، العملية …) stands in
    ``[a, b)`` of the reading."""
    return any(a <= x.start < b for x in r.role("operation"))


def _fold_into_raids(merged: list[_Merged]) -> list[_Merged]:
    """ "نفذت القوات عملية إنزال أسفرت عن اعتقال قيادي" and then "وقال المركز إن العملية
    استهدفت مسؤول التمويل …، قبل أن يبادر أحدهم بإطلاق النار، ما أدى إلى مقتله": violence
    told of "the operation" (العملية before its act), after an arrest told as an
    operation at the same place on the same days, by the same force or none named, is
    that raid's detail, not an attack of its own."""
    out = list(merged)
    for m in merged:
        ev = m.event
        if FAMILY.get(ev.plover_type, "violence") != "violence" or len(m.sentences) != 1:
            continue
        r = m.frame.reading
        first = min(t.start for t in m.frame.triggers)
        if not _operation_word(r, r.start, first):
            continue
        hosts = [
            x
            for x in out
            if FAMILY.get(x.event.plover_type) == "arrest"
            and min(x.sentences) < min(m.sentences)
            and _operation_word(x.frame.reading, x.frame.reading.start, x.frame.reading.end)
            and _overlap(x.event.window, ev.window)
            and _same_place(x, m.slots)
            and _same_actor(x.event.actor1, ev.actor1)
        ]
        if not hosts:
            continue
        _absorb(max(hosts, key=lambda x: min(x.sentences)), m)
        out.remove(m)
    return out


def _place_arrests(merged: list[_Merged]) -> None:
    """ "وأعلنت قيادة شرطة المحافظة اعتقال ستة من المتورطين في النزاع": arrests of
    suspects (modality.tsv ``judicial``, ``accuse`` or ``background`` cues after the
    arrest word: متهمين، المتورطين في) with no place of their own, or only one as
    vague as a province or its city (the province of a violent event told before
    them), are placed where that event was (the nearest such event before): the
    suspects of the clash were taken for it, the police command names only its
    province."""
    from rasd.geo.gazetteer import gazetteer

    entries = gazetteer().by_id
    for m in merged:
        ev = m.event
        if FAMILY.get(ev.plover_type) != "arrest" or not _suspects(m.frame):
            continue
        before = [
            x
            for x in merged
            if FAMILY.get(x.event.plover_type, "violence") == "violence"
            and min(x.sentences) < min(m.sentences)
            and x.event.location is not None
            and not _unplaced(x.event.location)
        ]
        if ev.location is not None:
            own = entries.get(getattr(ev.location, "gazetteer_id", None) or "")
            if own is None or own.kind not in ("admin1", "city"):
                continue
            before = [
                x
                for x in before
                if x.event.location.country == ev.location.country
                and x.event.location.admin1
                and x.event.location.admin1 == ev.location.admin1
                and x.event.location.gazetteer_id != ev.location.gazetteer_id
            ]
        if not before:
            continue
        x = max(before, key=lambda x: max(x.sentences))
        ev.location = x.event.location
        ev.evidence = [e for e in ev.evidence if e.field != "location"]
        ev.evidence.extend(e for e in x.event.evidence if e.field == "location")


def _type_by_story(merged: list[_Merged]) -> None:
    """ "شن طيران العدوان غارات على مطار الحديدة … فيما استهدفت غارتان جزيرة كمران":
    an event whose type no word decided (the fallback) and that names no weapon takes
    the type of the strikes told before it on the same days, by the same side or by
    no side named: one story of strikes, each at its own place."""
    for m in merged:
        ev = m.event
        if m.slots.specific or ev.weapons or FAMILY.get(ev.plover_type, "violence") != "violence":
            continue
        told = [
            x
            for x in merged
            if x is not m
            and x.slots.specific
            and x.event.sub_event_type in WEAPON_TYPES
            and min(x.sentences) < min(m.sentences)
            and _overlap(x.event.window, ev.window)
            and (
                ev.actor1 is None
                or (x.event.actor1 is not None and _same_side(x.event.actor1, ev.actor1))
            )
        ]
        if not told:
            continue
        x = max(told, key=lambda x: min(x.sentences))
        ev.event_type, ev.sub_event_type, ev.plover_type = (
            x.event.event_type,
            x.event.sub_event_type,
            x.event.plover_type,
        )
        m.slots.specific = True


def _same_side(a: Actor, b: Actor) -> bool:
    """The same named side (not merely two generic mentions)."""
    return a.id == b.id or _one_side(a.id, b.id)


def _suspects(f: Frame) -> bool:
    """The arrest clause says the arrested are suspects of something (a judicial,
    accusation or background cue after the arrest word)."""
    r = f.reading
    first = min(t.start for t in f.triggers)
    return any(
        c.row.get("cue") in ("judicial", "accuse", "background") and first < c.start < f.end
        for c in r.cues
    )


def _absorb(x: _Merged, m: _Merged) -> None:
    """Fold event ``m`` as a whole into ``x``: what ``x`` lacks, the greater toll,
    the weapons and targets of new kinds, and every span."""
    a, b = x.event, m.event
    for k in ("actor1", "actor2", "suspected_actor1"):
        if getattr(a, k) is None and getattr(b, k) is not None:
            if k == "actor2" and a.actor1 is not None and _same_side(b.actor2, a.actor1):
                continue  # one side is never both: the attacker is not the side hit
            if k == "actor1" and a.actor2 is not None and _same_side(b.actor1, a.actor2):
                if b.claim_status != "claimed":
                    continue  # … nor the side hit the attacker, unless it claims it
                a.actor2 = None
                a.evidence = [e for e in a.evidence if e.field != "actor2"]
            setattr(a, k, getattr(b, k))
    if _CLAIM_RANK[b.claim_status] > _CLAIM_RANK[a.claim_status]:
        a.claim_status = b.claim_status
    a.fatalities = _max(a.fatalities, b.fatalities)
    a.injuries = _max(a.injuries, b.injuries)
    kinds = _kinds(a.weapons)
    a.weapons.extend(w for w in b.weapons if w.kind not in kinds)
    a.targets.extend(t for t in b.targets if t.kind not in {y.kind for y in a.targets})
    a.damage.extend(d for d in b.damage if d not in a.damage)
    have = {(e.field, e.start, e.end) for e in a.evidence}
    same = {k: getattr(a, k) == getattr(b, k) for k in ("actor1", "actor2", "suspected_actor1")}
    a.evidence.extend(
        e for e in b.evidence if (e.field, e.start, e.end) not in have and same.get(e.field, True)
    )
    x.sentences |= m.sentences
    x.dated = x.dated or m.dated


def _fold_provinces(merged: list[_Merged], aid: str, text: str) -> list[_Merged]:
    """ "شن العدوان سلسلة غارات على محافظة الحديدة" and then the strikes on its airport
    and on Kamaran island: an event placed only at a province (or a region) that
    holds events of the same type on the same days at places inside it is those
    events told as a whole; it joins the first of them."""
    from rasd.geo.gazetteer import gazetteer

    entries = gazetteer().by_id
    out = list(merged)
    for m in merged:
        loc = m.event.location
        e = entries.get(getattr(loc, "gazetteer_id", None) or "")
        if e is None or e.kind not in ("admin1", "region"):
            continue
        # (a name two provinces share, البقاع of Beqaa and of Baalbek-Hermel, holds
        # the places of either)
        held = {e.admin1 or e.name} | {
            h.admin1 or h.name
            for h in gazetteer().lookup(loc.name_ar or "")
            if h.kind in ("admin1", "region") and h.country == loc.country
        }
        inside = [
            x
            for x in out
            if x is not m
            and x.event.sub_event_type == m.event.sub_event_type
            and x.event.location is not None
            and x.event.location.country == loc.country
            and (x.event.location.admin1 or "") in held
            and x.event.location.gazetteer_id != loc.gazetteer_id
            and _overlap(x.event.window, m.event.window)
        ]
        if not inside:
            continue
        target = min(inside, key=lambda x: min(x.sentences))
        m.slots.location, m.slots.place_text, m.slots.places = None, None, []
        m.slots.evidence = [x for x in m.slots.evidence if x[0] != "location"]
        m.slots.window = None
        _merge(target, m.slots, m.frame, aid, text, min(m.sentences), back=True)
        target.sentences |= m.sentences
        out.remove(m)
    return out


def _fold_into_protests(merged: list[_Merged], aid: str, text: str) -> list[_Merged]:
    """ "قُتل أربعة أشخاص في مواجهات بين متظاهرين" and "القوات الأمنية أطلقت الرصاص
    لتفريق الطرفين": violence whose victims are the protesters of a protest at the same
    place on the same day, with the same toll, is that protest's violence (the protest
    keeps its type and its protesters), not a second event."""
    out = list(merged)
    protests = [m for m in merged if FAMILY.get(m.event.plover_type) == "protest"]
    for m in merged:
        ev = m.event
        if FAMILY.get(ev.plover_type, "violence") != "violence":
            continue
        host = _answer_to_protest(m, protests)
        if host is not None:
            _fold_answer(host, m, aid, text)
            out.remove(m)
            continue
        if ev.fatalities is None:
            continue
        if ev.actor2 is None or ev.actor2.kind != "civilians":
            continue
        hosts = [
            p
            for p in protests
            if p.event.fatalities == ev.fatalities
            and _overlap(p.event.window, ev.window)
            and p.event.location is not None
            and ev.location is not None
            and _same_place(p, m.slots)
        ]
        if len(hosts) != 1:
            continue
        m.slots.actor1 = m.slots.actor2 = None
        m.slots.evidence = [e for e in m.slots.evidence if e[0] not in ("actor1", "actor2")]
        m.slots.weapons = []
        _merge(hosts[0], m.slots, m.frame, aid, text, min(m.sentences), back=True)
        hosts[0].sentences |= m.sentences
        out.remove(m)
    return out


def _answer_to_protest(m: _Merged, protests: list[_Merged]) -> _Merged | None:
    """ "تجمع المحتجون في الشارع …، ما دفع قوات الأمن إلى إطلاق النار في الهواء
    لتفريقهم": shooting by a force (or shots by no one named), with no dead of its
    own, told in a sentence that tells a protest at the same place on the same day, is
    the force's answer to that protest, not an attack of its own. So is a killing
    told only in the protesters' quoted words (a slogan: "من قتل الناشط؟"), and the
    violence of the crowd itself (مثيرو الشغب، المحتجون), told after the protest at its
    place on its day, even in another sentence (the police's account of it)."""
    ev = m.event
    crowd = ev.actor1 is not None and ev.actor1.id in _CROWDS
    if ev.fatalities or (ev.sub_event_type != "Attack" and not crowd):
        return None
    force = ev.actor1 is not None and ev.actor1.kind in ("state_forces", "government")
    shots = bool(ev.weapons) and {w.kind for w in ev.weapons} <= {"small_arms"}
    if not (force or crowd or (ev.actor1 is None and shots) or _slogan(m)):
        return None
    hosts = [
        p
        for p in protests
        # (the crowd's violence may be told apart: "قال مصدر في الشرطة إن مندسين حاولوا
        # اقتحام المبنى": the other side's account of the protest)
        if (p.sentences & m.sentences or (crowd and min(p.sentences) < min(m.sentences)))
        and _overlap(p.event.window, ev.window)
        and (
            _same_place(p, m.slots)
            or _unplaced(ev.location)
            or (
                _same_province(p.event.location, ev.location)
                and not _far_apart(p.event.location, ev.location)
            )
        )
    ]
    return hosts[0] if len(hosts) == 1 else None


_CROWDS = frozenset({"protesters", "rioters"})  # actor ids of a protest's crowd


def _slogan(m: _Merged) -> bool:
    """The event was told in one clause only, every trigger inside quotation marks."""
    return len(m.sentences) == 1 and _quoted(m.frame)


def _fold_answer(host: _Merged, m: _Merged, aid: str, text: str) -> None:
    """Fold a force's answer into the protest: the force becomes actor2, a peaceful
    protest one with intervention; the shots are no weapon of the protest. The
    crowd's own violence makes a peaceful protest a violent one. A slogan adds
    nothing but its sentence."""
    ev, force = host.event, m.event.actor1
    if _slogan(m) and m.event.actor1 is None and not m.event.weapons:
        host.sentences |= m.sentences
        return
    m.slots.actor1 = m.slots.actor2 = m.slots.suspected_actor1 = None
    m.slots.evidence = [e for e in m.slots.evidence if e[0] not in ("actor1", "actor2", "weapons")]
    m.slots.weapons = []
    crowd = force is not None and force.id in _CROWDS
    if crowd:
        force = None  # the crowd is the protest's own actor
        if ev.sub_event_type == "Peaceful protest":
            retype(ev, "Violent demonstration")
    if ev.actor2 is None and force is not None:
        ev.actor2 = force
        ev.evidence.extend(
            replace(e, field="actor2") for e in m.event.evidence if e.field == "actor1"
        )
    if ev.sub_event_type == "Peaceful protest" and not crowd:
        retype(ev, "Protest with intervention")
    _merge(host, m.slots, m.frame, aid, text, min(m.sentences), back=True)
    host.sentences |= m.sentences


@dataclass(slots=True)
class _Merged:
    event: Event
    slots: Slots
    frame: Frame
    places: set[str]
    sentence: int
    dated: bool = False  # the window came from a date expression
    sentences: set[int] = field(default_factory=set)  # every sentence that told it


def _history(f: Frame, s: Slots, published: DateWindow | None) -> bool:
    """Not news: dated before the week reported, told over months, or denied."""
    return (
        _background(s, published)
        or _past_week(f, s, published)
        or _over_span(f)
        or _denied_event(f)
        or _tally(f, s)
    )


def _past_week(f: Frame, s: Slots, published: DateWindow | None) -> bool:
    """ "وكانت منازل في الحي قد تعرضت لغارات مماثلة الأسبوع الماضي": a telling
    dated by its own words to a past week (no day of its own) is background, unless
    that week dates the cause a response word names ("رداً على إطلاق صاروخ …
    الأسبوع الماضي": the week of the other event)."""
    w = s.window
    if not (s.dated or s.said) or w is None or published is None:
        return False  # (said: "وكان الجيش قد أعلن الأسبوع الماضي توقيف …", older still)
    if w.precision != 2 or w.end >= published.start:
        return False
    r = f.reading
    spans = [(a, b) for k, a, b in s.evidence if k == "date"]
    if not spans:
        return False
    d0 = spans[0][0]
    lo, hi = sorted((min(t.start for t in f.triggers), d0))
    return not any(lo <= x.start < hi for x in r.role("response"))


def _tally(f: Frame, s: Slots) -> bool:
    """ "الغارات التي شنت أمس على مئات المواقع في الجنوب والبقاع": attacks on a
    vague multitude of targets (مئات، عشرات) over a region or no place at all
    are a count of many events, not one."""
    if f.family != "violence":
        return False  # (مئات المتظاهرين is the size of a protest)
    if s.location is not None and (s.location.geo_precision or 0) < 3:
        return False
    r = f.reading
    words = f.inside(r.roles)
    heads = [*f.triggers, *f.inside(r.targets)]
    heads += [x for x in words if x.row["role"] == "patient"]
    return any(
        q.row["role"] == "multitude"
        and any(h.start >= q.end and r.text[q.end : h.start].strip() in ("", "ال") for h in heads)
        for q in words
    )


def _background(s: Slots, published: DateWindow | None) -> bool:
    """A telling dated by its own words to a month or a year ("في نيسان 2024",
    "الشهر الماضي", "عام 2022") or to a day more than a week before publication
    is background: a past attack is an event only when dated to a day of the week
    the article reports."""
    w = s.window
    if w is None:
        return False
    if not (s.dated or s.said) and (published is None or w == published):
        # (a statement dated long ago, "وكان التنظيم قد تبنى في آب الماضي هجوماً",
        # claimed an attack older still; a telling that borrows the date an analysis
        # opened with, months back, is as old)
        return False
    if w.precision >= 3:
        return True
    return published is not None and (published.start - w.end).days > RECENT_DAYS


def _over_span(f: Frame) -> bool:
    """An attack told over a stretch of months or years (roles.tsv ``span``:
    "خلال العامين الماضيين مئات الضربات", "منذ مطلع العام") with no day or
    week of its own in the clause is a tally or history."""
    r = f.reading
    spans = f.inside(r.role("span"))
    if not any(
        (r.words_between(x.end, t.start) if x.end <= t.start else r.words_between(t.end, x.start))
        <= SPAN_GAP
        for x in spans
        for t in f.triggers
    ):
        return False  # (not "… الذي أطاحه انقلاب عام 2006" far from the protest)
    return not any(
        d.window.precision <= 2 and not getattr(d, "future", False) for d in f.inside(r.dates)
    )


def _denied_event(f: Frame) -> bool:
    """ "تنفي تعرض مطار بغداد لهجوم": a denial whose object is the event itself
    (its trigger follows with nothing but the denier between), not a denial of
    responsibility for it (نفت مسؤوليتها عن الهجوم)."""
    r = f.reading
    first = min(f.triggers, key=lambda t: t.start)
    for c in r.claims:
        if c.row["status"] != "denied" or c.end > first.start:
            continue
        gap = [
            (a, b)
            for a, b in _words(r, c.end, first.start)
            if not any(x.start <= a and b <= x.end for x in (*r.actors, *r.dates))
        ]
        if not gap:
            return True
    return False


def _words(r, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the words between offsets ``a`` and ``b`` (punctuation left out)."""
    out = []
    for tok in r.tokens:
        if (
            tok.start >= a
            and tok.end <= b
            and any(ch.isalnum() for ch in r.text[tok.start : tok.end])
        ):
            out.append((tok.start, tok.end))
    return out


def _echo(f: Frame) -> bool:
    """A frame too weak to be an event of its own that may still add to one
    told just before: "the ship suffered light damage and no one was hurt"."""
    return (
        not f.blocked
        and f.score >= settings()["threshold"].get(f.family, 2.4) - settings()["echo_margin"]
    )


def _echo_target(merged: list[_Merged], f: Frame, s: Slots, i: int) -> _Merged | None:
    """The event an echo continues: the latest one of its family told at most
    two sentences before, sharing a target kind when the echo names one."""
    fam = FAMILY.get(s.plover_type, "violence")
    best = None
    for m in merged:
        if FAMILY.get(m.event.plover_type, "violence") != fam or not 0 <= i - m.sentence <= 2:
            continue
        hit = {t.kind for t in s.targets if t.kind != "people"}  # people are the toll
        if hit and m.event.targets and not hit & {t.kind for t in m.event.targets}:
            continue
        if not (s.targets or s.fatalities is not None or s.injuries is not None):
            continue
        if s.location is not None and not _same_place(m, s):
            continue
        if best is None or m.sentence > best.sentence:
            best = m
    return best


def _place_keys(s: Slots) -> set[str]:
    """Every place the telling names (أرياف، مدن، قواعد), in matching form, so
    "ذيبان بريف دير الزور" answers to a headline that says only "ريف دير الزور"."""
    names = tuple(s.places) if s.places else (s.place_text,) if s.place_text else ()
    return set(_keys_of(names))


@functools.lru_cache(maxsize=4096)
def _keys_of(names: tuple[str, ...]) -> frozenset[str]:
    """:func:`_place_keys` of these place names (memoised: the tellings of an
    article name the same places over and over)."""
    keys: set[str] = set()
    for name in names:
        words = match_form(name).split()
        if not words:
            continue
        keys.add(" ".join(words))
        if len(words) > 1:  # "محافظة الحديدة" also answers to "الحديدة"
            keys.add(" ".join(words[1:]))
    return frozenset(k.removeprefix("ال") for k in keys)


def _anaphoric(f: Frame, s: Slots) -> bool:
    """A clause that refers back to an event already told: its event word or
    weapon carries the article (الهجوم، القصف، الصاروخ، المسيّرة) while no event
    noun in it is new (هجوم، قصف without the article)."""
    r = f.reading
    if _another(f):
        return False
    if _toll_only(f):
        return True
    # casualty words (مقتل ثلاثة جنود) tell the toll, not a new attack
    nouns = [
        t for t in f.triggers if t.row["form"] in ("noun", "plural") and not inside_casualty(r, t)
    ]
    if any(not r.definite_at(t.start) for t in nouns):
        return False
    definite = [t for t in nouns if r.definite_at(t.start)]
    definite += [
        w
        for w in f.inside(r.weapons)
        if r.definite_at(w.start) and w.row["number"] != "model" and not _instrument(r, w)
    ]
    if definite:
        return True
    # "وإن السفينة استهدفت": a verb whose only target is one already told (with the
    # article), no new weapon and no date of its own
    targets = f.inside(r.targets)
    return (
        not s.dated
        and not nouns
        and bool(targets)
        and all(r.definite_at(t.start) for t in targets)
        and not any(not r.definite_at(w.start) for w in f.inside(r.weapons))
    )


def _commentary(f: Frame) -> bool:
    """Every trigger of the clause is inside quotation marks opened after an analyst,
    an expert or observers (roles.tsv ``analyst``) named in the sentence."""
    r = f.reading
    if not _quoted(f):
        return False
    first = min(t.start for t in f.triggers)
    opened = max(r.text.rfind(q, r.start, first) for q in QUOTE_MARKS)
    return opened >= 0 and any(x.end <= opened for x in r.role("analyst"))


def _other_subject(f: Frame) -> bool:
    """A second place split off a clause (frames.py) whose conjunct opens with an armed
    actor of its own, not one of the clause it was split from ("بغارة من مسيرة
    إسرائيلية في عيترون وحزب الله يستهدف ثكنة برانيت"): that actor's act, told with a
    verb that is no trigger here, not the same attack at a second place."""
    r = f.reading
    words = [x for x in r.token_starts if f.start <= x < f.end and r.text[x].isalnum()]
    if not words:
        return False
    first = words[1] if r.text[words[0] : words[0] + 1] == "و" and len(words) > 1 else words[0]
    if r.text[words[0] : words[0] + 1] == "و" and r.text[words[0] + 1 : words[0] + 2].isalpha():
        first = words[0] + 1  # (و written joined to the actor: وحزب الله)
    opener = next((a for a in r.actors if a.start <= first < a.end or a.start == first), None)
    if opener is None or getattr(opener.actor, "kind", "") not in ("state_forces", "armed_group"):
        return False
    parent = f.parent
    return not any(
        a.actor.id == opener.actor.id for a in r.actors if parent.start <= a.start < parent.end
    )


def _charge(f: Frame, kept: list) -> bool:
    """A clause that refers back to an attack (الهجوم with the article) in a
    sentence that tells an event of another family before it (an arrest, a
    protest): the attack is that event's reason or charge, told on its day."""
    if _claims_told(f) or f.family != "violence":
        return False
    r = f.reading
    others = [
        min(t.start for t in g.triggers)
        for g, _, _ in kept
        if g.reading is r and g.family != f.family
    ]
    if not others:
        return False
    first = min(others)
    nouns = [
        t
        for t in f.triggers
        if t.start > first and t.row["form"] in ("noun", "plural") and not inside_casualty(r, t)
    ]
    refs = [t.start for t in nouns if r.definite_at(t.start)]
    refs += [
        w.start
        for w in f.inside(r.weapons)
        if w.start > first and r.definite_at(w.start) and not _instrument(r, w)
    ]
    # "متهمين بإطلاق الصواريخ": a verbal noun whose weapon is one already told
    told = all(
        r.definite_at(t.start)
        or any(0 < w.start - t.end <= 2 and w.start in refs for w in f.inside(r.weapons))
        for t in nouns
    )
    return (
        bool(refs)
        and told
        and not any(
            c.row["field"] in ("fatalities", "injuries") and c.start > first
            for c in f.inside(r.casualties)
        )
    )


def _raid_arrest(f: Frame, s: Slots, kept: list) -> bool:
    """ "قُتل قيادي في التنظيم واعتُقل اثنان من مرافقيه في عملية إنزال جوي": an
    arrest told after a killing in the same sentence, on the same day, by the same
    (or no named) force, is part of that operation, not an event of its own."""
    if f.family != "arrest":
        return False
    first = min(t.start for t in f.triggers)
    return any(
        g.reading is f.reading
        and g.family == "violence"
        and min(t.start for t in g.triggers) < first
        and _same_actor(gs.actor1, s.actor1)
        and _overlap(gs.window, s.window)
        and not _charge(g, kept)
        for g, gs, _ in kept
    )


def _anchored(s: Slots) -> int:
    """1 when the telling has a date or a place of its own (more than a country:
    "نفذت غارة في شرق سوريا" waits for the raid told at its town), else 0."""
    return int(s.dated or (s.location is not None and not _country_only(s.location)))


def _holds(a, b) -> bool:
    """Place ``a`` is only a country, a province or a region the gazetteer knows, and
    ``b`` is a more precise place inside it."""
    from rasd.geo.gazetteer import gazetteer

    ia, ib = getattr(a, "gazetteer_id", None), getattr(b, "gazetteer_id", None)
    if not ia or not ib or ia == ib or a.country != b.country or _country_only(b):
        return False
    if _country_only(a):
        return True
    entries = gazetteer().by_id
    ea, eb = entries.get(ia), entries.get(ib)
    return (
        ea is not None
        and eb is not None
        and ea.kind == "admin1"
        and eb.kind not in ("admin1", "region")
        and eb.admin1 == (ea.admin1 or ea.name)
    )


def _country_only(p) -> bool:
    return (getattr(p, "gazetteer_id", None) or "").startswith("country:")


def _claims_told(f: Frame) -> bool:
    """An explicit claim (claims.tsv kind ``claim``: تبنى، أعلن مسؤوليته) of an
    attack already told: the event word it claims carries the article (تبنى
    التنظيم الهجوم) or it has none of its own (تبنته)."""
    r = f.reading
    cues = [
        c
        for c in f.inside(r.claims)
        if c.row["status"] == "claimed" and c.row.get("kind") == "claim"
    ]
    if not cues:
        return False
    c = min(cues, key=lambda c: c.start)
    if any(t.start < c.start for t in f.triggers):
        return False  # "قُتل عنصر … قبل أن يتبنى التنظيم العملية": the attack is told here
    after = sorted((t for t in f.triggers if t.start >= c.end), key=lambda t: t.start)
    if not after:
        return True
    if after[0].row["form"] not in ("noun", "plural"):
        return False
    # "وتبنى التنظيم تفجير العبوة": the event word in construct with a weapon told before
    # (with the article) names the attack told, as much as "الهجوم" does
    return r.definite_at(after[0].start) or any(
        w.start >= after[0].end
        and r.text[after[0].end : w.start].strip() in ("", "ال")
        and r.definite_at(w.start)
        for w in f.inside(r.weapons)
    )


def _claimed_event(merged: list[_Merged], f: Frame, s: Slots, i: int) -> _Merged | None:
    """The attack a claim refers to: the nearest one of its family told before
    it, at the place the claim names when one is there."""
    fam = FAMILY.get(s.plover_type, "violence")
    told = [
        m
        for m in merged
        if FAMILY.get(m.event.plover_type, "violence") == fam
        and min(m.sentences) <= i
        # (or told earlier in the claim's own sentence: "استهدفت صواريخ قاعدة فكتوريا،
        # وتبنت المقاومة هذا الهجوم")
        and (m.frame.reading is not f.reading or m.frame.end <= f.start)
        and _same_actor(m.event.actor1, s.actor1)
    ]
    if not told:
        return None
    told.sort(key=lambda m: _nearness(m, i))
    here = [m for m in told if s.location is not None and _same_place(m, s)]
    return (here or told)[-1]


def _merge_claim(m: _Merged, s: Slots, f: Frame, aid: str, text: str, i: int) -> None:
    """Fold a claim into the attack: the claimant and the claim; figures only
    where the event has none (the claimant's toll is its own word)."""
    ev = m.event
    s.window, s.dated, s.location, s.place_text, s.places = None, False, None, None, []
    if ev.fatalities is not None:
        s.fatalities = None
    if ev.injuries is not None:
        s.injuries = None
    drop = {"date", "location"}
    drop |= {x for x in ("fatalities", "injuries") if getattr(s, x) is None}
    s.evidence = [e for e in s.evidence if e[0] not in drop]
    if s.claim_status == "claimed" and s.actor1 is not None and _generic_actor(ev.actor1):
        ev.actor1 = None  # "مسلحون" of the report, "تنظيم داعش" of the claim
        ev.evidence = [e for e in ev.evidence if e.field != "actor1"]
    _merge(m, s, f, aid, text, i, back=True)


def _generic_actor(a: Actor | None) -> bool:
    return a is None or a.name.endswith("(unspecified)")


def _instrument(r, w) -> bool:
    """ "قصفت القوات التركية بالمدفعية الثقيلة": a weapon named with ب and the
    article is the means of a new attack, not the weapon of one told before."""
    return r.text[max(0, w.start - 3) : w.start] == "بال"


def _toll_only(f: Frame) -> bool:
    """A clause that only gives the toll (وسقط فيها قتيلان): every event word in it
    is a casualty word, or a verb that needs a weapon the clause does not name."""
    r = f.reading
    armed = bool(f.inside(r.weapons))
    return all(
        inside_casualty(r, t) or (t.row.get("needs") == "weapon" and not armed) for t in f.triggers
    ) and any(c.row["field"] in ("fatalities", "injuries") for c in f.inside(r.casualties))


def _antecedent(merged: list[_Merged], f: Frame, s: Slots, i: int) -> _Merged | None:
    """The event a referring clause continues: the latest one of its family told
    before it on a date that fits, preferring one at the place the clause names."""
    fam = FAMILY.get(s.plover_type, "violence")
    told = [
        m
        for m in merged
        if FAMILY.get(m.event.plover_type, "violence") == fam
        and min(m.sentences) <= i
        and _soft_overlap(m, s)
        and not _elsewhere(m, f, s)
        and not _two_facilities(m.event.location, s.location)
        and not _other_count(m, f, s)
        and not _other_means(m, f, s)
        and not _hit_side_acted(m.event, s)
    ]
    if not told:
        return None
    told.sort(key=lambda m: _nearness(m, i))
    if s.location is not None:
        here = [m for m in told if _same_place(m, s) and (m.event.location is not None)]
        if here:
            return here[-1]
        # a town of its own far from the event's town is another event's place (and so
        # is a place far off that the event's telling named beside its own)
        told = [
            m
            for m in told
            if not _far_apart(m.event.location, s.location)
            and not (_siblings(m, s) and _sites_apart(m.event.location, s.location))
        ]
        if not told:
            return None
        if s.dated or _toll_only(f):
            # a dated report, or a toll, at a place of its own refers back only to an
            # event in the same province ("في الانفجار الذي وقع صباح أمس شمال بغداد")
            near = [
                m
                for m in told
                if (
                    _same_province(m.event.location, s.location)
                    # (or told in this sentence, at a name the gazetteer does not know)
                    or (m.frame.reading is f.reading and _unplaced(s.location))
                )
                and not _far_apart(m.event.location, s.location)
            ]
            return near[-1] if near else None
    side = _medic_country(f.reading) if s.location is None else None
    if side:
        # "وأفادت مصادر طبية فلسطينية بمقتل …": the toll of the victims' side
        theirs = [m for m in told if not _elsewhere_country(m, side)]
        return theirs[-1] if theirs else told[-1]
    return told[-1]


def _hit_side_acted(ev: Event, s: Slots) -> bool:
    """ "وأقر الجيش الإسرائيلي بإصابة جندي" after the army's own strike: a telling
    that names, with no attacker, a side hit that is the event's attacker speaks of
    another event (the one where that side was hit)."""
    return (
        s.admitted
        and s.actor1 is None
        and s.actor2 is not None
        and ev.actor1 is not None
        and not _generic_actor(s.actor2)
        and _same_side(ev.actor1, s.actor2)
    )


def _other_means(m: _Merged, f: Frame, s: Slots) -> bool:
    """ "كما قصفت المدفعية الإسرائيلية ليلاً أطراف بلدتي …" after a drone's strike: a
    clause that refers back with a verb of its own and a weapon of another kind than
    the event's (not the missiles a drone or an aircraft fired, not shots in a clash),
    at a place of its own, tells another attack ("حلقت مروحيات التحالف بعد القصف"
    tells none)."""
    ev = m.event
    return (
        s.location is not None
        and any(t.row["form"] not in ("noun", "plural") for t in f.triggers)
        and bool(s.weapons)
        and bool(ev.weapons)
        and not _weapons_fit(ev.weapons, s.weapons)
        and not _munitions(ev.weapons, s.weapons)
        and not _shots_in_clash(ev, s)
        and not _intercepted_part(m.slots.sub_event_type, s.sub_event_type)
        # (fighter jets that stopped a drone: both in the air)
        and not ({w.kind for w in ev.weapons} | {w.kind for w in s.weapons}) <= _AIRCRAFT
    )


APART_KM = 25.0  # two named towns farther apart than this are two places


def _other_count(m: _Merged, f: Frame, s: Slots) -> bool:
    """ "قُتل طفل برصاص قناص" and, at a place of its own, "قُتل ثلاثة جنود … في
    مواجهات": a clause that only gives a toll, another toll than the event's, at a
    place it names, is another event's toll."""
    return (
        s.location is not None
        and _toll_only(f)
        and m.event.fatalities is not None
        and s.fatalities is not None
        and m.event.fatalities != s.fatalities
    )


def _far_apart(a, b) -> bool:
    """Two places the gazetteer knows, both towns or finer, far apart ("تل أبيض" and
    "عين عيسى" in one province): not one event's place told twice."""
    if a is None or b is None or a.lat is None or b.lat is None:
        return False
    from rasd.geo.gazetteer import gazetteer

    entries = gazetteer().by_id
    small = {"town", "village", "admin3"}  # (a city stands for the land around it)
    ea, eb = entries.get(a.gazetteer_id or ""), entries.get(b.gazetteer_id or "")
    if ea is None or eb is None or ea.kind not in small or eb.kind not in small:
        return False
    return _km(a, b) > APART_KM


def _km(a, b) -> float:
    """Great-circle distance between two places with coordinates."""
    return km(a.lat, a.lon, b.lat, b.lon)


def _same_province(a, b) -> bool:
    if a is None or b is None:
        return True
    return bool(a.admin1) and a.admin1 == b.admin1 and a.country == b.country


def _elsewhere(m: _Merged, f: Frame, s: Slots) -> bool:
    """The clause is told at another place than the event: in another country,
    or beside it in the same sentence (two places, two attacks)."""
    a, b = m.event.location, s.location
    if a is None or b is None:
        return False
    if a.country and b.country and a.country != b.country:
        return True
    # ("وسقطت إحدى القذائف قرب مدرسة، ما دفع مديرية التربية …": a name the gazetteer
    # does not know tells no other place)
    return m.frame.reading is f.reading and not _same_place(m, s) and not _unplaced(b)


def _zero_slots(r) -> Slots:
    """The slots of a reading from :func:`mentions.read_zero_toll`: none killed, none hurt."""
    slots = Slots("", "", "ASSAULT", False)
    for c in r.casualties:
        if c.row["field"] in ("none", "no_fatalities"):
            slots.fatalities = 0
            slots.cite("fatalities", c.start, c.end)
        if c.row["field"] in ("none", "no_injuries"):
            slots.injuries = 0
            slots.cite("injuries", c.start, c.end)
    return slots


def _denial_slots(r) -> Slots | None:
    """ "ونفى المتحدث باسم الحركة أي علاقة لها بما جرى" (mentions.read_denial): the
    armed side at most three words after the denial denies the event (None when the
    reading holds no denial or names no side)."""
    slots = Slots("", "", "ASSAULT", False)
    for c in r.claims:
        if c.row["status"] != "denied":
            continue
        a = next(
            (
                a
                for a in r.actors
                if a.start >= c.end
                and r.words_between(c.end, a.start) <= 3
                and a.actor.kind in ("armed_group", "state_forces")
            ),
            None,
        )
        if a is not None:
            slots.claim_status = "denied"
            slots.cite("claim_status", c.start, c.end)
            slots.suspected_actor1 = a.actor
            slots.cite("suspected_actor1", a.start, a.end)
            return slots
    return None


def _may_follow(r) -> bool:
    """Cheap test before the look-ups: can the sentence say who claimed, denied or
    was blamed, that nobody was hurt, or what was damaged?"""
    roles = {x.row["role"] for x in r.roles}
    return (
        any(c.row.get("kind") == "claim" for c in r.claims)
        or any(c.row["count"] == "zero" for c in r.casualties)
        or ("negation" in roles and (bool(r.casualties) or "casualty_noun" in roles))
        or ("damage" in roles and bool(r.targets))
    )


def _follow_up(merged: list[_Merged], r, i: int, aid: str, text: str, ref) -> None:
    """A sentence with no event of its own that says the last event was
    (un)claimed, denied or blamed, or hurt nobody."""
    fam_events = [m for m in merged if FAMILY.get(m.event.plover_type, "violence") == "violence"]
    before = [m for m in fam_events if min(m.sentences) < i and i - max(m.sentences) <= FOLLOW_UP]
    if not before:
        return
    if not r.tokens:
        if any(
            c.row.get("kind") == "claim" and c.row["status"] != "unclaimed" for c in r.claims
        ) or (not r.triggers and (r.role("admit") or r.role("medic"))):
            add_mentions(r, reference=ref)  # a claimant, a denier, the accused or the admitter
            r.dates = [d for d in r.dates if not getattr(d, "until", False)]
        else:  # "ولم تتبنَّ أي جهة الهجوم"، "لم يسفر عن إصابات": words and figures suffice
            r.tokens = tokenize(text, r.start, r.end)
            r.token_starts = [t.start for t in r.tokens]
            r.quantities = find_quantities(r.tokens)
    f = Frame(r.start, r.end, "violence", r.triggers, r)
    if not r.triggers and r.role("admit"):
        _admission(before, f, i, aid, text)
        return
    if not r.triggers and r.role("medic"):
        _medic_toll(before, f, i, aid, text)
        return
    slots = fill_follow_up(f, text) if r.triggers else _denial_slots(r) or _zero_slots(r)
    status = (
        slots.claim_status if any(e[0] == "claim_status" for e in slots.evidence) else "unknown"
    )
    if status == "attributed" and _other_charge(r, slots):
        status = "unknown"
    zero = [x for x in ("fatalities", "injuries") if getattr(slots, x) == 0]
    if status == "unknown" and not zero and not slots.damage:
        return
    if status == "claimed" and slots.actor1 is None:
        return
    m = max(before, key=lambda m: _nearness(m, i))
    if slots.location is not None:
        here = [x for x in before if x.event.location is not None and _same_place(x, slots)]
        if not here and r.triggers:
            # "وبعد ساعات، قصفت المدفعية أطراف بلدة الخيام من دون إصابات": a clause about
            # another place, with an act of its own, says nothing of the event told before
            near = [
                x
                for x in before
                if _same_province(x.event.location, slots.location)
                and not _far_apart(x.event.location, slots.location)
                and not _two_facilities(x.event.location, slots.location)
            ]
            if not near or all(
                x.event.location is not None and x.event.location.name != slots.location.name
                for x in near
            ):
                return
        m = max(here, key=lambda m: _nearness(m, i)) if here else m
    elif slots.targets:
        # "ولم تتبنَّ أي جهة الهجوم على القاعدة": the event that hit what it names
        kinds = {t.kind for t in slots.targets}
        hit = [x for x in before if kinds & {t.kind for t in x.event.targets}]
        m = max(hit, key=lambda m: _nearness(m, i)) if hit else m
    # "ولم تعلن أي جهة مسؤوليتها عن الهجومين": a dual or plural event word speaks of
    # every event told just before
    group = before if _plural_reference(r) else [m]
    keep = []
    for m in group:
        keep = _follow_into(m, slots, status, zero)
        if keep:
            _cite_follow_up(m, slots, keep, i, aid, text)


def _admission(before: list[_Merged], f: Frame, i: int, aid: str, text: str) -> None:
    """ "وأقر الجيش الإسرائيلي بإصابة جندي بجروح متوسطة" (mentions.read_admission): the
    toll joins the latest event told before in which the admitting side was hit (its
    actor2), else the latest one that side did not do; the side fills an empty actor2."""
    slots = fill_admission(f, text)
    if slots is None:
        return
    fits = [m for m in before if not _hit_side_acted(m.event, slots)]
    hit = [
        m for m in fits if m.event.actor2 is not None and _same_side(m.event.actor2, slots.actor2)
    ]
    if not fits:
        return
    m = max(hit or fits, key=lambda m: _nearness(m, i))
    ev, keep = m.event, []
    if ev.actor2 is not None and not _same_side(ev.actor2, slots.actor2):
        return  # (the event hit another side: the admission speaks of another event)
    for x in ("fatalities", "injuries"):
        if getattr(slots, x) is not None and getattr(ev, x) is None:
            setattr(ev, x, getattr(slots, x))
            keep.append(x)
    if keep and ev.actor2 is None:
        ev.actor2 = slots.actor2
        keep.append("actor2")
    if keep:
        _cite_follow_up(m, slots, keep, i, aid, text)


def _medic_toll(before: list[_Merged], f: Frame, i: int, aid: str, text: str) -> None:
    """ "وقال الإسعاف إن شخصين أصيبا بجروح" (mentions.read_medic_toll): the toll joins
    the latest event told before it at the place it names, else in the country of the
    service (``وزارة الصحة الفلسطينية``), else the latest one; a toll it already has
    stays."""
    slots = fill_toll(f, text)
    if slots.fatalities is None and slots.injuries is None:
        return
    pool = before
    if slots.location is not None:
        pool = [m for m in before if m.event.location is not None and _same_place(m, slots)]
        if not pool:
            pool = [m for m in before if not _elsewhere_country(m, slots.location.country)]
    else:
        side = _medic_country(f.reading)
        theirs = [m for m in before if not _elsewhere_country(m, side)] if side else before
        pool = theirs or before
    if not pool:
        return
    m = max(pool, key=lambda m: _nearness(m, i))
    keep = [
        x for x in ("fatalities", "injuries") if getattr(slots, x) and getattr(m.event, x) is None
    ]
    for x in keep:
        setattr(m.event, x, getattr(slots, x))
    if keep:
        _cite_follow_up(m, slots, keep, i, aid, text)


def _elsewhere_country(m: _Merged, country: str | None) -> bool:
    """The event is placed in another country than ``country`` (both known)."""
    loc = m.event.location
    return bool(country) and loc is not None and bool(loc.country) and loc.country != country


def _medic_country(r) -> str | None:
    """ "وزارة الصحة الفلسطينية"، "مصادر طبية لبنانية": the country of the rescue or
    health service, from the adjective right after its name (the gazetteer's country
    names), else None. The victims are on that side."""
    for x in r.role("medic"):
        word = next((t for t in r.tokens or [] if t.start >= x.end and t.kind == "word"), None)
        if word is None or r.words_between(x.end, word.start) > 0:
            continue
        code = _countries_by_stem().get(_nisba_stem(word.form))
        if code:
            return code
    return None


def _nisba_stem(form: str) -> str:
    """The country name inside an adjective of origin: الفلسطينية → فلسطين."""
    w = match_form(form)
    w = w[2:] if w.startswith("ال") and len(w) > 4 else w
    for end in ("يه", "ية", "يين", "يون", "ي"):
        if w.endswith(end) and len(w) - len(end) >= 3:
            return w[: -len(end)]
    return ""


@functools.cache
def _countries_by_stem() -> dict[str, str]:
    """The gazetteer's one-word country names without the article (and without a
    final alif: سوريا → سور), each to its ISO code."""
    from rasd.geo.gazetteer import gazetteer

    out: dict[str, str] = {}
    for e in gazetteer().by_id.values():
        if e.kind != "country" or not e.name_ar or " " in e.name_ar.strip():
            continue
        w = match_form(e.name_ar)
        w = w[2:] if w.startswith("ال") else w
        out.setdefault(w, e.country)
        if w.endswith("ا"):
            out.setdefault(w[:-1], e.country)
    return out


def _other_charge(r, slots: Slots) -> bool:
    """ "وتتهم الإدارة الذاتية أنقرة بـ"السعي إلى تهجير السكان"": the blame names its
    charge (ب after the accused) and no event word stands in its clause: it blames
    the accused for something else than the attack told."""
    cue = next((a for k, a, _ in slots.evidence if k == "claim_status"), None)
    if cue is None or not r.tokens:
        return False
    stops = [x.start for x in r.role("boundary") if x.start > cue]
    end = min(stops, default=r.end)
    if any(cue <= t.start < end for t in r.triggers):
        return False
    words = [t for t in r.tokens if cue < t.start < end and t.kind == "word"][:5]
    for t in words[1:]:
        if t.form.startswith("و"):
            return False  # (the accusation ends where a second verb opens: وتوعد بـ…)
        if t.form == "ب" or t.form.startswith("بال"):
            return True
    return False


def _cite_follow_up(m: _Merged, slots: Slots, keep: list[str], i: int, aid: str, text: str) -> None:
    """Sentence ``i`` adds the fields ``keep`` to event ``m``: the event takes the
    sentence, and its evidence for those fields that the event does not cite yet."""
    m.sentences.add(i)
    have = {(e.field, e.start, e.end) for e in m.event.evidence}
    m.event.evidence.extend(
        e
        for e in evidence(aid, text, slots)
        if e.field in keep and (e.field, e.start, e.end) not in have
    )


def _plural_reference(r) -> bool:
    """The sentence names the events with a dual or plural (الهجومين، الضربتين، الهجمات)."""
    return any(
        t.row["form"] == "plural" or match_form(r.text[t.start : t.end]).endswith(("ين", "ان"))
        for t in r.triggers
        if r.definite_at(t.start)
    )


def _follow_into(m: _Merged, slots: Slots, status: str, zero: list[str]) -> list[str]:
    """Add what a follow-up sentence says to the event: the fields it filled."""
    ev = m.event
    keep = []
    if status != "unknown" and ev.claim_status == "unknown":
        ev.claim_status = status
        keep.append("claim_status")
        if status == "claimed" and ev.actor1 is None:
            ev.actor1 = slots.actor1
            keep.append("actor1")
        if status in ("denied", "attributed") and slots.suspected_actor1 is not None:
            ev.suspected_actor1 = ev.suspected_actor1 or slots.suspected_actor1
            keep.append("suspected_actor1")
            if ev.actor1 is not None and ev.actor1 == slots.suspected_actor1:
                ev.actor1 = None
    for x in zero:
        if getattr(ev, x) is None:
            setattr(ev, x, 0)
            keep.append(x)
    if slots.damage and {t.kind for t in slots.targets} & {t.kind for t in ev.targets}:
        # "السفينة تعرضت لأضرار طفيفة": damage to what the event hit
        ev.damage.extend(d for d in slots.damage if d not in ev.damage)
        keep.append("damage")
    return keep


def _share_actor(merged: list[_Merged], kept: list, aid: str, text: str) -> None:
    """ "غارات إسرائيلية على كفررمان والعباسية": a telling that names its author and
    several places gives that author to the event at each of them that names none."""
    for m in merged:
        ev = m.event
        if ev.actor1 is not None or ev.claim_status != "unknown" or not m.slots.place_text:
            continue
        own = _place_keys(Slots("", "", "", False, places=[m.slots.place_text]))
        fam = FAMILY.get(ev.plover_type, "violence")
        for _f, sl, _ in kept:
            if (
                sl.actor1 is None
                or len(sl.places) < 2
                or FAMILY.get(sl.plover_type, "violence") != fam
                or not own & _place_keys(sl)
                or not _soft_overlap(m, sl)
                or not _weapons_fit(ev.weapons, sl.weapons)
                or sl.actor1 == ev.actor2
            ):
                continue
            ev.actor1 = sl.actor1
            ev.evidence.extend(e for e in evidence(aid, text, sl) if e.field == "actor1")
            break


def _name_words(phrase: str) -> str:
    """A name in matching form, the article dropped from every word."""
    return " ".join(w.removeprefix("ال") for w in match_form(phrase).split())


def _lines_holding(text: str, needed: list[list[str]]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each line of ``text`` whose matching form holds
    every word of one of the ``needed`` names."""
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        form = match_form(line)
        if any(words and all(w in form for w in words) for words in needed):
            out.append((start, end))
        start = end + 1
    return out


def _name_generic_actors(events: list[Event], text: str) -> None:
    """A generic mention (``المليشيا``، ``الجيش``) names the actor of its kind the
    article names elsewhere with those words and more (``مليشيا الحوثي``،
    ``الجيش اللبناني``): the nearest such mention, one before it first."""
    slots = [
        (ev, k)
        for ev in events
        for k in ("actor1", "actor2")
        if getattr(ev, k) is not None and _generic_actor(getattr(ev, k))
    ]
    if not slots:
        return
    try:
        from rasd.extract import deps
        from rasd.extract.actors import load
    except ImportError:  # the actor dictionary is not installed
        return
    index = load()
    # a fitting mention holds the generic mention's words, so only the lines that
    # hold them all are read (a page has a dozen lines; most name no such force)
    needed = [_name_words(e.text).split() for ev, k in slots for e in ev.evidence if e.field == k]
    mentions = [
        a
        for start, end in _lines_holding(text, needed)
        for a in deps.find_actors(text, start, end, tokenize(text, start, end))
        if not _generic_actor(a.actor) and a.actor.id in index and getattr(a, "text", None)
    ]
    for ev, k in slots:
        actor = getattr(ev, k)
        said = [e for e in ev.evidence if e.field == k]
        if not said:
            continue
        pos, words = said[0].start, f" {_name_words(said[0].text)} "
        other = ev.actor2 if k == "actor1" else ev.actor1
        fits = [
            a
            for a in mentions
            if a.actor.kind == actor.kind
            and (other is None or a.actor.id != other.id)
            and words in f" {_name_words(a.text)} "
        ]
        if fits:
            best = min(fits, key=lambda a: (a.start > pos, abs(a.start - pos)))
            setattr(ev, k, best.actor)


@functools.cache
def _by_country() -> dict[tuple[str, str], str]:
    """(ambiguous actor id, country) -> the actor it is there (data/actor_country.tsv)."""
    return {
        (row["actor"], row["country"]): row["resolves_to"]
        for row in resources.tsv("extract", "actor_country.tsv")
    }


def _resolve_by_country(events: list[Event]) -> None:
    """An actor whose name does not say whose it is (bare ``المقاومة الإسلامية``,
    ``الفرقة الثامنة``, ``مديرية المخابرات``) is the one of the event's country or,
    when that country has none, of the one country of the article's events (their
    places and their named actors) that has."""
    table = _by_country()
    countries = [ev.location.country for ev in events if ev.location and ev.location.country]
    # a place not yet geocoded has no country: the article's named forces say where it is
    countries += [
        a.country for ev in events for a in (ev.actor1, ev.actor2) if a is not None and a.country
    ]
    for ev in events:
        own = ev.location.country if ev.location else None
        held = table.get(("military_target", own)) if own else None
        if (
            held is not None
            and ev.actor2 is None
            and (ev.actor1 is None or ev.actor1.id != held)
            and any(t.kind == "military_base" for t in ev.targets)
        ):
            # "استهدفوا ثكنة زرعيت": a barracks in Israel is the Israeli army's
            ev.actor2 = _dictionary_actor(held)
            # the evidence is the barracks named as the target
            site = next((e for e in ev.evidence if e.field == "targets"), None)
            if site is not None:
                ev.evidence.append(replace(site, field="actor2"))
        for k in ("actor1", "actor2"):
            a = getattr(ev, k)
            if a is None:
                continue
            target = table.get((a.id, own)) if own else None
            if target is None:
                found = {table[(a.id, c)] for c in countries if (a.id, c) in table}
                target = found.pop() if len(found) == 1 else None
            if target is None:
                continue
            actor = _dictionary_actor(target)
            if actor is not None:
                setattr(ev, k, actor)


_PUNCT = re.compile(r"[^\w\s]")


@functools.cache
def _by_voice() -> dict[str, list[tuple[str, str]]]:
    """Ambiguous actor id -> (cue in matching form, actor it is) in order (data/actor_voice.tsv)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in resources.tsv("extract", "actor_voice.tsv"):
        cue = row["cue"] if row["cue"] == "-" else f"{match_form(row['cue'])} "
        out.setdefault(row["actor"], []).append((cue, row["resolves_to"]))
    return out


def _resolve_by_voice(events: list[Event], text: str) -> None:
    """An actor named as its own side names itself (``القوات المسلحة اليمنية`` in a
    statement from Sanaa, ``الجيش اليمني`` in a government outlet): the first cue
    of the article's voice decides, else the default."""
    table = _by_voice()
    slots = [
        (ev, k)
        for ev in events
        for k in ("actor1", "actor2")
        if getattr(ev, k) is not None and getattr(ev, k).id in table
    ]
    if not slots:
        return
    # (a clitic may lead the cue: لمليشيا الحوثي; punctuation ends a word)
    words = _PUNCT.sub(" ", f" {match_form(text)} ")
    for ev, k in slots:
        for cue, target in table[getattr(ev, k).id]:
            if cue == "-" or cue in words:
                actor = _dictionary_actor(target)
                if actor is not None:
                    setattr(ev, k, actor)
                break


def _dictionary_actor(actor_id: str) -> Actor | None:
    try:
        from rasd.extract.actors import load
    except ImportError:  # the actor dictionary is not installed
        return None
    index = load()
    return index.get(actor_id) if actor_id in index else None


def _inherit(child: Slots, parent: Slots) -> None:
    """A second place hit by the same verb shares its subject, claim, date and,
    when it names none, its weapon."""
    if not child.weapons and parent.weapons:
        child.weapons = list(parent.weapons)
        child.evidence.extend(e for e in parent.evidence if e[0] == "weapons")
    if child.actor1 is None:
        child.actor1 = parent.actor1
        child.evidence.extend(e for e in parent.evidence if e[0] == "actor1")
    if child.claim_status == "unknown":
        child.claim_status = parent.claim_status
        child.suspected_actor1 = child.suspected_actor1 or parent.suspected_actor1
        child.evidence.extend(
            e for e in parent.evidence if e[0] in ("claim_status", "suspected_actor1")
        )
    if not any(e[0] == "date" for e in child.evidence) and any(
        e[0] == "date" for e in parent.evidence
    ):
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
    if s.offset or m.slots.offset or s.near:
        # "على بعد ستة وستين ميلاً جنوب غربي ميناء الحديدة": a point of reference,
        # not the place; it keeps apart only tellings in another country
        return not (a.country and b.country and a.country != b.country)
    if a.gazetteer_id and b.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    if (_country_only(a) or _country_only(b)) and b.country == a.country:
        # "نفذت غارة في شرق سوريا" after the raid on Hajin: the country holds the place
        return True
    if a.name == b.name:
        return True
    if _two_facilities(a, b) and not _placed_in(m, s):
        # "مجمع السفارة في المنطقة الخضراء وسط بغداد" and "قاعدة فكتوريا الملاصقة
        # لمطار بغداد": two sites, even if a name of one holds a word of the other
        # (not "حارة حريك بالضاحية الجنوبية" and a headline's "الضاحية الجنوبية": the
        # event's telling put its site inside the headline's)
        return False
    if _siblings(m, s) and _sites_apart(a, b):
        # "غارات على القائم وعكاشات" then "أما في عكاشات، فقد طالت الضربات موقعاً": the
        # event stands at the first town; the second, named beside it (not as the
        # district that holds it) and far from it, is another event's place
        return False
    keys = _place_keys(s)
    # "قاعدة التحالف" and "قاعدة التحالف الدولي" name one place
    return any(_within(x, y) or _within(y, x) for x in m.places for y in keys)


def _sites_apart(a, b) -> bool:
    """Two places the gazetteer knows, neither a province, a region, a sea or a
    country, farther apart than APART_KM (a district counts as its centre)."""
    if a is None or b is None or a.lat is None or b.lat is None:
        return False
    from rasd.geo.gazetteer import gazetteer

    entries = gazetteer().by_id
    wide = {"admin1", "region", "country", "sea"}
    ea, eb = entries.get(a.gazetteer_id or ""), entries.get(b.gazetteer_id or "")
    if ea is None or eb is None or ea.kind in wide or eb.kind in wide:
        return False
    return _km(a, b) > APART_KM


def _placed_in(m: _Merged, s: Slots) -> bool:
    """The event's own telling names its place, then the telling's place as the one
    it lies in, right after ب or في ("في منطقة حارة حريك بالضاحية الجنوبية"), and the
    two are not far apart."""
    a, b = m.event.location, s.location
    if a is None or b is None or a.lat is None or b.lat is None or _km(a, b) > APART_KM:
        return False
    return _nested_names(m.frame.reading, m.slots.place_text, _place_keys(s))


def _nested_names(r, own: str | None, keys) -> bool:
    """The reading names place ``own`` and, right after it behind ب or في, a place
    answering to ``keys`` (the one it lies in: "ناحية باطيفا في قضاء زاخو")."""
    for x in (p for p in r.places if p.text == own):
        for y in r.places:
            if y.start >= x.end and y.text != own and _keys_of((y.text,)) & keys:
                if r.text[x.end : y.start].strip(" ،,") in ("ب", "في"):
                    return True
    return False


def _siblings(m: _Merged, s: Slots) -> bool:
    """The event's own telling names the telling's place right beside its own, joined
    by و ("في قضاء القائم وناحية عكاشات"), not as a place that holds it ("ناحية باطيفا
    في قضاء زاخو")."""
    r = m.frame.reading
    own = m.slots.place_text
    keys = _place_keys(s)
    mine = [p for p in r.places if p.text == own]
    other = [p for p in r.places if p.text != own and _keys_of((p.text,)) & keys]
    for x in mine:
        for y in other:
            lo, hi = (x, y) if x.end <= y.start else (y, x)
            if r.text[lo.end : hi.start].strip(" ،,") in ("و", ""):
                return True
    return False


def _two_facilities(a, b) -> bool:
    """Both places are sites of their own (a base, an airport, a field, a district
    of a town) known to the gazetteer, and they differ."""
    ia, ib = getattr(a, "gazetteer_id", None), getattr(b, "gazetteer_id", None)
    if not ia or not ib or ia == ib:
        return False
    from rasd.geo.gazetteer import FACILITY_KINDS, gazetteer

    entries = gazetteer().by_id
    ea, eb = entries.get(ia), entries.get(ib)
    sites = FACILITY_KINDS | {"neighbourhood"}
    return ea is not None and eb is not None and ea.kind in sites and eb.kind in sites


def _within(x: str, y: str) -> bool:
    """Place key ``x`` is a run of whole words of ``y``."""
    return f" {x} " in f" {y} "


def _narrower(m: _Merged, s: Slots, f: Frame, keys: set[str]) -> bool:
    """The retelling names the event's place and, first, a place inside it."""
    if s.place_text is None or m.slots.place_text is None:
        return False
    a, b = m.event.location, s.location
    if (
        a is not None
        and b is not None
        and (
            (a.country and b.country and a.country != b.country)
            or (a.admin1 and b.admin1 and a.admin1 != b.admin1)
        )
    ):
        # "استشهاد جنديين بهجوم في حريب وإصابة امرأة بقصف على أحياء تعز": the
        # headline names the event's place and another event's, not a place inside it
        return False
    if _sites_apart(a, b) and not _nested_names(
        f.reading, s.place_text, _keys_of((m.slots.place_text,))
    ):
        # (… or two towns of one province far apart, unless the retelling puts its
        # own place inside the event's: "قرى تابعة لناحية باطيفا في قضاء زاخو")
        return False
    own = _place_keys(Slots("", "", "", False, places=[s.place_text]))
    base = _place_keys(Slots("", "", "", False, places=[m.slots.place_text]))
    return bool(base & keys) and not (own & m.places)


def _names_same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    ka = _place_keys(Slots("", "", "", False, places=[a]))
    kb = _place_keys(Slots("", "", "", False, places=[b]))
    return any(_within(x, y) or _within(y, x) for x in ka for y in kb)


def _weapons_fit(a: list[Weapon], b: list[Weapon]) -> bool:
    if not a or not b:
        return True
    ka, kb = _kinds(a), _kinds(b)
    return bool(ka & kb)


_AIRCRAFT = frozenset({"drone", "aircraft"})
_SHELLS = frozenset({"artillery", "mortar"})
_MUNITIONS = frozenset({"rocket", "missile", "ballistic_missile", "cruise_missile", "anti_tank"})


def _munitions(event_weapons: list[Weapon], told: list[Weapon]) -> bool:
    """The telling names only missiles and the event was made by a drone or an
    aircraft: "إن الطائرة أطلقت صاروخين على بناية" tells what the drone fired."""
    kinds = {w.kind for w in told}
    return bool(kinds) and kinds <= _MUNITIONS and bool({w.kind for w in event_weapons} & _AIRCRAFT)


def _munitions_near(m: _Merged, s: Slots) -> bool:
    """ "إن الطائرة أطلقت صاروخاً واحداً على السيارة قرب مفرق خانصور": the missiles the
    drone or aircraft fired, told at a place near the strike's (same province, not
    far apart), are that strike's."""
    a, b = m.event.location, s.location
    return (
        _munitions(m.event.weapons, s.weapons)
        and a is not None
        and b is not None
        and _same_province(a, b)
        and not _far_apart(a, b)
    )


def _kinds(ws: list[Weapon]) -> set[str]:
    """Weapon kinds, the generic rocket also standing for the missiles it may name."""
    out = {w.kind for w in ws}
    if "rocket" in out:
        out |= {"ballistic_missile", "cruise_missile", "anti_tank"}
    if out & {"ballistic_missile", "cruise_missile", "anti_tank"}:
        out.add("rocket")
    if out & _SHELLS:  # (a shell, قذيفة, may be a mortar's)
        out |= _SHELLS
    return out


def _soft_overlap(m: _Merged, s: Slots) -> bool:
    """Dates only keep two tellings apart when both came from date expressions."""
    return not (m.dated and s.dated) or _overlap(m.event.window, s.window)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    return (
        a is None
        or b is None
        or a.id == b.id
        or a.name.endswith("(unspecified)")
        or b.name.endswith("(unspecified)")
        or _one_side(a.id, b.id)
    )


@functools.lru_cache(maxsize=1024)
def _one_side(a: str | None, b: str | None) -> bool:
    """Two names of one side in the actor dictionary: one a branch of the other, or
    both branches of one force (US Central Command, the coalition it leads: the US)."""
    if not a or not b:
        return False
    try:
        from rasd.extract.actors import load

        ix = load()
        la, lb = ix.lineage(a), ix.lineage(b)
    except (ImportError, KeyError):
        return False
    return a in lb or b in la or (len(la) > 1 and len(lb) > 1 and la[1] == lb[1])


def _merge_target(merged: list[_Merged], f: Frame, s: Slots, i: int) -> _Merged | None:
    """The event this telling retells, if any: among those it fits, one at a
    place it names, then the one told nearest before it."""
    fits = list(_fitting(merged, f, s))
    if not fits:
        return None
    named = [m for m in fits if m.places & _place_keys(s)]
    return max(named or fits, key=lambda m: _nearness(m, i))


def _nearness(m: _Merged, i: int) -> tuple[int, int]:
    before = [x for x in m.sentences if x <= i]
    if before:
        return (1, max(before))
    return (0, -min(m.sentences))


def _another(f: Frame) -> bool:
    """The clause opens with words announcing a different event (وفي هجوم آخر), or its
    event noun says so itself (roles ``other``: "استهدفت غارة أخرى أطراف البلدة")."""
    first = min(t.start for t in f.triggers)
    r = f.reading
    if any(x.row.get("another") == "yes" and f.start <= x.start <= first for x in r.roles):
        return True
    nouns = [t for t in f.triggers if t.row["form"] in ("noun", "plural")]
    return any(
        x.row["role"] in ("other", "remnant")  # (أخرى is also a remnant: سقطت الأخرى)
        and f.start <= x.start < f.end
        and any(t.end <= x.start and not r.text[t.end : x.start].strip() for t in nouns)
        for x in r.roles
    )


def _after_first(f: Frame) -> bool:
    """ "وبعد نحو ساعة من الهجوم الأول، أسقطت القوات طائرة مسيرة ثانية": the clause
    names an event told before as the first one (an event noun, then الأول/الأولى
    before the clause's act): what it tells is a second event, not a detail of that one."""
    r = f.reading
    acts = [t for t in f.triggers if t.row["form"] not in ("noun", "plural")]
    if not acts:
        return False
    last = max(t.start for t in acts)
    for t in r.triggers:
        if t.row["form"] not in ("noun", "plural") or not f.start <= t.start < last:
            continue
        after = r.text[t.end : t.end + 12].split()
        if after and ordinal(after[0].strip("،,.")) == 1:
            return True
    return False


def _remnant(f: Frame, s: Slots) -> bool:
    """The clause's subject is the rest of a salvo (roles ``remnant``: انفجرت الثالثة،
    سقط الباقي) right after its first trigger, and it names no weapon of its own:
    it tells what became of the weapons of the attack told just before."""
    r = f.reading
    first = min(f.triggers, key=lambda t: t.start)
    if s.weapons:
        # "فيما سقط صاروخ ثالث قرب كريات شمونة": one weapon right after the act and an
        # ordinal from the third on after it (the first two are the salvo told before)
        ws = [w for w in f.inside(r.weapons) if w.start >= first.start]
        if len(f.inside(r.weapons)) != 1 or not ws or r.text[first.end : ws[0].start].strip():
            return False  # (the weapon may be part of the trigger: سقط صاروخ)
        end = max(ws[0].end, first.end)
        after = r.text[end : end + 12].split()
        rank = ordinal(after[0].strip("،,.")) if after else None
        return rank is not None and rank >= 3
    return any(
        x.row["role"] == "remnant"
        and x.start >= first.end
        and r.text[first.end : x.start].strip() in ("", "ال")
        for x in f.inside(r.roles)
    )


SITES_KM = 5.0  # two sites counted off closer than this are one place


def _place_parts(f: Frame, s: Slots) -> list[Frame]:
    """One verb, strikes at places of their own: "غارات جوية استهدفت موقعين، الأول
    مستودع في مدينة X، والثاني منشأة قرب مطار Y", "الضربة الأولى طالت موقعاً قرب X،
    فيما استهدفت الثانية مقراً في Y" (sites counted off by ordinal), or "غارات على
    مواقع في قضاء X وناحية Y" (two towns joined by و, far apart): one event at each
    place. The frame keeps the first place; a frame sharing its verb is returned for
    each further one."""
    r = f.reading
    if sum(1 for x in r.places if f.start <= x.start < f.end) < 2:
        return []  # (each way below needs two places in the frame: most frames have one)
    cuts = _ordinal_cuts(f)
    sites = _sites(f, cuts) if cuts else None
    if sites is None:
        sites, cuts = _conjoined(f)
    if not sites:
        return []
    p = sites[0]
    s.location, s.place_text = p.place, p.text
    s.places = [x.text for x in r.places if f.start <= x.start < cuts[1]]
    s.evidence = [e for e in s.evidence if e[0] != "location"]
    s.cite("location", p.start, p.end)
    return [
        Frame(a, b, f.family, f.triggers, r, f.score, decision=f.decision, parent=f)
        for a, b in zip(cuts[1:], cuts[2:], strict=False)
    ]


def _ordinal_cuts(f: Frame) -> list[int]:
    """Where each site counted off by ordinal starts (الأول، والثاني، الثالثة …: each
    right after a comma, an event word or a verb, or joined by و), then the frame's end."""
    r = f.reading
    first = min(t.start for t in f.triggers)
    marks = []
    for k, t in enumerate(r.tokens):
        if t.kind != "word" or not first < t.start < f.end:
            continue
        if any(d.start <= t.start < d.end for d in r.dates):
            continue  # (تشرين الأول)
        if ordinal(t.form) != len(marks) + 1:
            continue
        prev = r.tokens[k - 1]
        after_word = any(
            x.end <= t.start and not r.text[x.end : t.start].strip()
            for x in (*f.triggers, *r.weapons)
        )
        joined = len(marks) > 0 and t.form.startswith("و")
        if (prev.kind == "punct" and prev.form in ("،", ",", ":", "؛")) or after_word or joined:
            marks.append(t)
    return [t.start for t in marks] + [f.end] if len(marks) > 1 else []


def _known(r, p) -> bool:
    """A place mention the gazetteer resolved, not inside a date, a body's name or
    an origin (أطلقت من)."""
    place = getattr(p, "place", None)
    return (
        getattr(place, "gazetteer_id", None) is not None
        and not any(d.start < p.end and p.start < d.end for d in r.dates)
        and not body_name(r.text, r.start, p.start)
        and not is_origin(r.text, r.start, p.start)
    )


def _sites(f: Frame, cuts: list[int]) -> list | None:
    """The first known place of each stretch between ``cuts``, if every stretch has
    one and they are places of their own."""
    r = f.reading
    sites = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        p = next((p for p in r.places if a <= p.start < b and _known(r, p)), None)
        if p is None:
            return None
        sites.append(p)
    for x, y in zip(sites, sites[1:], strict=False):
        a, b = x.place, y.place
        if (
            a.gazetteer_id == b.gazetteer_id
            or _holds(a, b)
            or _holds(b, a)
            or (a.lat is not None and b.lat is not None and _km(a, b) < SITES_KM)
        ):
            return None
    return sites


def _conjoined(f: Frame) -> tuple[list, list[int]]:
    """The first two known places after the frame's first trigger joined by و alone
    ("في قضاء X وناحية Y"، "على X وY"), neither a province or a region, far apart:
    the places, and where the second one's stretch starts."""
    if f.family != "violence":
        return [], []  # (a march in two towns is told as one protest)
    r = f.reading
    first = min(t.start for t in f.triggers)
    known = [p for p in f.inside(r.places) if p.start > first and _known(r, p)]
    between = r.role("between")
    for x, y in zip(known, known[1:], strict=False):
        if r.text[x.end : y.start].strip(" ،,") != "و":
            continue
        if any(b.end <= x.start and r.words_between(b.end, x.start) <= 1 for b in between):
            continue  # "على الطريق الواصل بين مدينة X وبلدة Y": one road between the two
        a, b = x.place, y.place
        if a.gazetteer_id != b.gazetteer_id and _sites_apart(a, b):
            return [x, y], [f.start, x.end, f.end]
    return [], []


def _told_again(m: _Merged, s: Slots) -> bool:
    """A second clause of the sentence names the event's own place (a claim and
    the other side's account: "استهدفوا ثكنة زرعيت … في حين قال الجيش إن قذيفتين
    سقطتا قرب زرعيت")."""
    return (
        s.location is not None and m.event.location is not None and bool(m.places & _place_keys(s))
    )


def _fitting(merged: list[_Merged], f: Frame, s: Slots):
    if _another(f):
        return
    fam = FAMILY.get(s.plover_type, "violence")
    plup: bool | None = None  # _pluperfect(f), looked up once when needed
    for m in merged:
        ev = m.event
        if FAMILY.get(ev.plover_type, "violence") != fam:
            continue
        if m is merged[-1] and _remnant(f, s) and ev.weapons and _soft_overlap(m, s):
            # "… وأسقطت الدفاعات اثنتين منها بينما انفجرت الثالثة داخل القاعدة": where
            # the rest fell is a spot of the attack's place, not another place
            if ev.location is not None:
                s.location, s.place_text, s.places = None, None, []
                s.evidence = [e for e in s.evidence if e[0] != "location"]
            yield m
            continue
        if m.frame.reading is f.reading and not _told_again(m, s):
            # two frames of one sentence are two events unless the second is a weak echo
            if any(float(t.row["strength"]) >= 2 for t in f.triggers) or s.location is not None:
                continue
        if not _same_place(m, s):
            if plup is None:
                plup = _pluperfect(f)
            if (
                not (plup and _unplaced(s.location))
                and not _munitions_near(m, s)
                and not _spot_of(m, s)
            ):
                continue
        if not _soft_overlap(m, s) and m.frame.reading is not f.reading:
            continue
        if not _weapons_fit(ev.weapons, s.weapons) and not (
            (s.location is None and _munitions(ev.weapons, s.weapons))
            or _munitions_near(m, s)
            or _shots_in_clash(ev, s)
        ):
            continue
        if (
            m.slots.specific
            and s.specific
            and m.slots.sub_event_type != s.sub_event_type
            and s.weapons
            and ev.weapons
            and not _intercepted_part(m.slots.sub_event_type, s.sub_event_type)
            and not (s.location is None and _munitions(ev.weapons, s.weapons))
            and not _munitions_near(m, s)
            and not _shots_in_clash(ev, s)
        ):
            continue
        if not _same_actor(ev.actor1, s.actor1) and not _intercepted_part(
            m.slots.sub_event_type, s.sub_event_type
        ):
            continue  # another side acting (ضربة جوية بعد ساعات على المهاجمين) is another event
        if _hit_side_acted(ev, s):
            continue
        if _other_toll(m, s) or _other_count(m, f, s):
            continue
        yield m


def _spot_of(m: _Merged, s: Slots) -> bool:
    """ "إن ثلاث قذائف سقطت على منازل المواطنين في حي الشهداء": a spot the gazetteer
    does not know (a quarter, a street), told by no named actor, of the kind of attack
    of the event told before it, is a spot of that event's place, not another place."""
    return (
        _unplaced(s.location)
        and s.actor1 is None
        and s.specific
        and m.slots.specific
        and s.sub_event_type == m.event.sub_event_type
        and m.event.location is not None
        and not _unplaced(m.event.location)
    )


def _shots_in_clash(ev: Event, s: Slots) -> bool:
    """ "إن المجموعات بادرت إلى إطلاق النار على مراكز الحركة": shots fired, told after a
    clash fought with heavier weapons too, are part of that clash."""
    return (
        ev.sub_event_type == "Armed clash"
        and bool(s.weapons)
        and {w.kind for w in s.weapons} <= {"small_arms"}
    )


def _same_strikes(merged: list[_Merged], f: Frame, s: Slots, i: int, aid: str, text: str) -> None:
    """ "وفي الجانب السوري، قالت مصادر إن الضربات طالت مواقع في البوكمال": the strikes
    told before, at another place. The telling names no author, so it is that of the
    latest strikes of its family told before it (their author, and their type and
    weapon when it names none); they are still another event, at their own place."""
    if s.actor1 is not None or s.claim_status in ("attributed", "denied", "unclaimed"):
        return
    r = f.reading
    nouns = [
        t
        for t in f.triggers
        if t.row["form"] in ("noun", "plural")
        and r.definite_at(t.start)
        and not inside_casualty(r, t)
    ]
    if not nouns:
        return
    fam = FAMILY.get(s.plover_type, "violence")
    before = [
        m
        for m in merged
        if FAMILY.get(m.event.plover_type, "violence") == fam
        and min(m.sentences) < i
        and m.event.actor1 is not None
        and m.slots.specific
    ]
    if not before:
        return
    m = max(before, key=lambda m: _nearness(m, i))
    ev = m.event
    s.actor1 = ev.actor1
    if not s.specific or (s.sub_event_type in ("Attack", "Armed clash") and not s.weapons):
        s.event_type, s.sub_event_type, s.plover_type = (
            ev.event_type,
            ev.sub_event_type,
            ev.plover_type,
        )
        s.specific = True
        if not s.weapons:
            s.weapons = [Weapon(w.kind, w.model, None) for w in ev.weapons]


def _quoted(f: Frame) -> bool:
    """Every trigger of the clause stands inside quotation marks (a statement quoted)."""
    return all(in_quote(f.reading, t.start) for t in f.triggers)


def _got_through(ev: Event) -> None:
    """ "تصدت دفاعاتنا الجوية لعدوان إسرائيلي بالصواريخ … وأدى العدوان إلى استشهاد
    عسكري": an interception after which people were killed or hurt stopped only part
    of the attack; the event is the attack (by its weapon), its author actor1."""
    if ev.sub_event_type != "Disrupted weapons use" or not (ev.fatalities or ev.injuries):
        return
    sub = (
        "Air/drone strike"
        if {w.kind for w in ev.weapons} & _AIRCRAFT
        else "Shelling/artillery/missile attack"
    )
    retype(ev, sub)
    a1, a2 = ev.actor1, ev.actor2
    home = ev.location.country if ev.location is not None else None
    if (
        a1 is not None
        and a2 is not None
        and a2.kind in ("state_forces", "armed_group")
        and home
        and a1.country == home
        and a2.country != home
    ):
        # the interceptor defends its own country; the side that fired made the attack
        ev.actor1, ev.actor2 = a2, a1
        swap = {"actor1": "actor2", "actor2": "actor1"}
        ev.evidence = [
            replace(e, field=swap[e.field]) if e.field in swap else e for e in ev.evidence
        ]


def _intercepted_part(a: str, b: str) -> bool:
    """ "استهدفوا كريات شمونة بصلية صواريخ" and "اعترضت القبة الحديدية معظمها": the
    interception of a salvo at the place it was fired at is part of that attack."""
    disrupted = "Disrupted weapons use"
    return (a == disrupted) != (b == disrupted) and {a, b} - {disrupted} <= set(WEAPON_TYPES)


def _other_toll(m: _Merged, s: Slots) -> bool:
    """ "قُتل طفل برصاص قناص" and, a paragraph on, "قُتل ثلاثة جنود في مواجهات":
    two kinds of violence, each with a toll of its own, are two events."""
    ev = m.event
    return (
        m.slots.specific
        and s.specific
        and ev.sub_event_type != s.sub_event_type
        and ev.fatalities is not None
        and s.fatalities is not None
        and ev.fatalities != s.fatalities
    )


def _pluperfect(f: Frame) -> bool:
    """The sentence opens with ``وكان`` (… قد هاجموا): it goes back to an event the
    article has told, to give its detail."""
    r = f.reading
    openers = _pluperfect_openers()
    first = min(t.start for t in f.triggers)
    words = [x for x in r.token_starts if x < first and r.text[x].isalnum()]
    if not words or len(words) > 4:
        return False
    end = words[1] if len(words) > 1 else first
    return match_form(r.text[words[0] : end].split()[0]) in openers


@functools.cache
def _pluperfect_openers() -> frozenset[str]:
    return frozenset(match_form(w) for w in settings().get("pluperfect_openers", ()))


def _unplaced(p) -> bool:
    """A place the gazetteer does not know (a hamlet, an orchard): it cannot tell
    two tellings apart."""
    return p is None or (not getattr(p, "gazetteer_id", None) and not getattr(p, "country", None))


def _merge(
    m: _Merged, s: Slots, f: Frame, aid: str, text: str, i: int | None = None, *, back: bool = False
) -> None:
    """Fold a retelling into the event: fill what is missing, keep every span.
    A clause that only refers back (``back``) adds no weapon of a new kind: "the
    drone was loaded with explosives" is still the drone."""
    ev = m.event
    if i is not None:
        m.sentences.add(i)
    if _quoted(f):
        # "مؤكدة أن "الاعتداء على الحشد اعتداء على الدولة"": a speaker's words about
        # an attack told before say nothing of who made it, suffered it or claims it
        s.actor1 = s.actor2 = s.suspected_actor1 = None
        s.claim_status = "unknown"
        s.evidence = [e for e in s.evidence if e[0] not in _ECHO_SKIPS]
    if (
        ev.sub_event_type == "Disrupted weapons use"
        and s.specific
        and s.sub_event_type in WEAPON_TYPES
        and s.actor1 is not None
    ):
        # the interception was told first: the attack it stopped part of is the event
        # ("اعترضت القبة الحديدية معظم الصواريخ" and "استهدف حزب الله كريات شمونة")
        ev.event_type, ev.sub_event_type, ev.plover_type = (
            s.event_type,
            s.sub_event_type,
            s.plover_type,
        )
        ev.actor1, ev.actor2 = s.actor1, s.actor2
        ev.evidence = [e for e in ev.evidence if e.field not in ("actor1", "actor2")]
        m.slots.sub_event_type = s.sub_event_type
    prio = settings()["priority"]
    if s.specific and (
        (
            not back
            and (
                not m.slots.specific
                or (
                    ev.sub_event_type in ("Armed clash", "Attack")
                    and s.sub_event_type not in ("Armed clash", "Attack")
                    # (a clash between two armed sides stays a clash: the shells and
                    # mortars told later were fired in it)
                    and not _two_sides(ev)
                )
            )
        )
        # police firing tear gas told after the rally makes it a protest with intervention
        or (
            f.family == "protest" and prio.get(s.sub_event_type, 0) > prio.get(ev.sub_event_type, 0)
        )
        # "اغتيال … بضربة" then "الضربة نفذتها طائرة مسيرة": the weapon says what the
        # attack was, when nothing had said it
        or (
            back
            and (ev.sub_event_type == "Attack" or not m.slots.specific)
            and not ev.weapons
            and s.weapons
            and s.sub_event_type in WEAPON_TYPES
        )
    ):
        ev.event_type, ev.sub_event_type, ev.plover_type = (
            s.event_type,
            s.sub_event_type,
            s.plover_type,
        )
        m.slots.specific = True
    if s.sub_event_type != "Disrupted weapons use" or ev.sub_event_type == s.sub_event_type:
        for k in ("actor1", "actor2"):
            old, new = getattr(ev, k), getattr(s, k)
            if k == "actor2" and new is not None and ev.actor1 is not None:
                if _same_side(new, ev.actor1):
                    continue  # one side is never both: the attacker is not the side hit
            if k == "actor1" and new is not None and ev.actor2 is not None:
                if _same_side(new, ev.actor2):
                    if s.claim_status != "claimed":
                        continue  # … nor the side hit the attacker, unless it claims it
                    ev.actor2 = None
                    ev.evidence = [e for e in ev.evidence if e.field != "actor2"]
            if old is None or (
                new is not None
                and _generic_actor(old)
                and not _generic_actor(new)
                and new.kind == old.kind
                and new != (ev.actor2 if k == "actor1" else ev.actor1)
            ):
                # "الجيش" of the headline, "الجيش اللبناني" of the report
                setattr(ev, k, old or new if old is None else new)
                if old is not None:
                    ev.evidence = [e for e in ev.evidence if e.field != k]
    ev.suspected_actor1 = ev.suspected_actor1 or s.suspected_actor1
    if _CLAIM_RANK[s.claim_status] > _CLAIM_RANK[ev.claim_status]:
        ev.claim_status = s.claim_status
    keys = _place_keys(s)
    took_place = False
    if ev.location is None and s.location is not None:
        ev.location = s.location
        took_place = True
    elif s.location is not None and m.frame.reading is not f.reading and _narrower(m, s, f, keys):
        # "قضاء الطارمية شمالي العاصمة بغداد" after a headline that said only "شمال بغداد"
        ev.location = s.location
        ev.evidence = [e for e in ev.evidence if e.field != "location"]
        m.slots.place_text = s.place_text
        took_place = True
    elif s.location is not None and _holds(ev.location, s.location):
        # the statement said "في شرق سوريا"; the report names the town (or "غارات على
        # محافظة الحديدة", then "ثماني غارات على مطار الحديدة")
        ev.location = s.location
        ev.evidence = [e for e in ev.evidence if e.field != "location"]
        m.slots.place_text = s.place_text
        took_place = True
    elif s.location is not None and s.offset and _vaguer(ev.location, s.location):
        # "في البحر الأحمر" then "على بعد ستين ميلاً جنوب غربي ميناء الحديدة": near the port
        ev.location = s.location
        ev.evidence = [e for e in ev.evidence if e.field != "location"]
        m.slots.place_text = s.place_text
        took_place = True
    if took_place or s.location is None or _names_same(m.slots.place_text, s.place_text):
        # (a headline that names this event's place and the next one's, "… قرب قامشلو
        # وقصف يطال ريف عين عيسى", lends no key of the other place)
        m.places |= keys
    if s.window is not None and (
        ev.window is None
        or (s.dated and not m.dated)
        or (s.dated == m.dated and s.window.precision < ev.window.precision)
    ):
        ev.window = s.window
        m.dated = m.dated or s.dated
    kinds = _kinds(ev.weapons)
    munitions = _munitions(ev.weapons, s.weapons)
    for w in s.weapons:
        if (back and kinds and w.kind not in kinds) or munitions:
            continue
        same = [x for x in ev.weapons if x.kind == w.kind]
        if not same and w.kind in _SHELLS:
            # "قذائف الهاون" then "ثلاث قذائف": the shells are the mortar's
            same = [x for x in ev.weapons if x.kind in _SHELLS]
            if same and w.kind == "artillery":
                w = Weapon(same[0].kind, w.model, w.count)
        if not same:
            ev.weapons.append(w)
            continue
        old = same[0]
        count = (
            old.count
            if w.count is None
            else w.count
            if old.count is None
            else max(old.count, w.count)
        )
        ev.weapons[ev.weapons.index(old)] = Weapon(w.kind, old.model or w.model, count)
    for t in s.targets:
        if t.kind not in {x.kind for x in ev.targets}:
            ev.targets.append(t)
    for d in s.damage:
        if d not in ev.damage:
            ev.damage.append(d)
    if m.dated and not s.dated and m.frame.reading is not f.reading and _first_told(m, i):
        # "طفل ضحية قناص في تعز ومقتل ثلاثة جنود في مواجهات": a headline told before the
        # dated report sums up several events; the report's own toll stands
        if ev.fatalities is not None and s.fatalities not in (None, ev.fatalities):
            s.actor2 = None  # (the victims counted are the other event's)
            s.evidence = [e for e in s.evidence if e[0] != "actor2"]
        s.fatalities = None if ev.fatalities is not None else s.fatalities
        s.injuries = None if ev.injuries is not None else s.injuries
        s.evidence = [
            e for e in s.evidence if e[0] not in ("fatalities", "injuries") or getattr(s, e[0])
        ]
    _tolls(m, s, f)
    have = {(e.field, e.start, e.end) for e in ev.evidence}
    kept_actor = {
        k: getattr(ev, k) == getattr(s, k) for k in ("actor1", "actor2", "suspected_actor1")
    }
    # the geocoder reads the event's place from these spans: only tellings of that place
    kept_actor["location"] = took_place or _names_same(m.slots.place_text, s.place_text)
    ev.evidence.extend(
        e
        for e in evidence(aid, text, s)
        if (e.field, e.start, e.end) not in have and kept_actor.get(e.field, True)
    )
    ev.confidence = round(min(0.99, max(ev.confidence, _confidence(f)) + 0.03), 3)


def _toll_said(f: Frame, role: str) -> bool:
    """The clause's sentence calls its toll a first one (roles ``initial``: الحصيلة
    الأولية) or an update (roles ``update``: ارتفعت حصيلة … إلى)."""
    return bool(f.reading.role(role))


def _tolls(m: _Merged, s: Slots, f: Frame) -> None:
    """Add a telling's toll to the event: the greater figure, unless one of the two
    is an update ("ارتفعت حصيلة القصف إلى ستة قتلى وأربعة عشر جريحاً": it wins) or a
    first toll ("وكانت الحصيلة الأولية قد تحدثت عن أربعة قتلى وستة عشر جريحاً": it
    only fills what the event lacks)."""
    ev = m.event
    updated = _toll_said(m.frame, "update")  # (the event's own telling is the update)
    if _toll_said(f, "update") and not _toll_said(f, "initial"):
        for k in ("fatalities", "injuries"):
            if getattr(s, k) is not None:
                setattr(ev, k, getattr(s, k))
                ev.evidence = [e for e in ev.evidence if e.field != k]
        return
    if updated or (_toll_said(f, "initial") and not _toll_said(f, "update")):
        for k in ("fatalities", "injuries"):
            if getattr(ev, k) is not None:
                setattr(s, k, None)
                s.evidence = [e for e in s.evidence if e[0] != k]
    ev.fatalities = _max(ev.fatalities, s.fatalities)
    ev.injuries = _max(ev.injuries, s.injuries)


def _two_sides(ev: Event) -> bool:
    """An armed clash whose two sides are named, neither of them civilians (بين عناصر
    من الحركة ومسلحين من مجموعات متشددة)."""
    return (
        ev.sub_event_type == "Armed clash"
        and ev.actor1 is not None
        and ev.actor2 is not None
        and "civilians" not in (ev.actor1.kind, ev.actor2.kind)
    )


def _first_told(m: _Merged, i: int | None) -> bool:
    """The telling comes before every sentence the event was told in (a headline)."""
    return i is not None and all(i < x for x in m.sentences - {i})


def _vaguer(a, b) -> bool:
    """Place ``a`` is only a region (a sea, a country) and ``b`` is more precise."""
    pa, pb = getattr(a, "geo_precision", None), getattr(b, "geo_precision", None)
    return pa is not None and pb is not None and pa > pb


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)
