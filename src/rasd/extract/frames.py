"""Stages 2 and 4: event frames in a sentence, and the test that they report an event.

A sentence is cut into clauses at boundary words (``؛``، ``فيما``، ``وفي`` …,
data/roles.tsv); the triggers of a clause that belong to one family
(violence, protest, arrests) form one frame. A clause naming places in
two countries is cut again before the second place, so "… in Iraq and …
in Syria" gives two frames.

Each trigger of a frame first gets its own strength (data/triggers.tsv):
cues bound to it change or cancel it (a negation a few words before it,
a relative pronoun, a preposition of reference or of purpose right before
it: ``لم تسجل أعمال عنف``، ``التفجير الذي``، ``منذ اغتيال``، ``لإطلاق``), and
a trigger whose ``needs`` are unmet (a weapon, a protest word, a violent
context) counts for nothing. The frame starts from its strongest live
trigger; a frame whose best trigger is under ``min_trigger`` is not news
whatever its detail. Then bonuses for concrete detail (weapon, target,
figure, actor, place, date, claim), the weights of the frame-wide modality
cues (data/modality.tsv) and penalties for shape (a count of attacks, a
trigger late in the sentence, a definite noun). A blocking cue (threat,
future, condition, question) drops the frame. The reported-event test
(``passes``) compares ``decision`` — where detail is capped per family, so
a passing mention cannot be talked into an event — with the threshold
(data/settings.yaml); ``score`` keeps all the detail to rank the tellings
of one event. ``retells`` marks a frame just under the bar that may still
join an event the article told before (stage).
"""

from __future__ import annotations

import bisect
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
    weak: bool = False  # no trigger strong enough to make an event (it may still echo one)
    decision: float = 0.0  # the score the reported-event test reads: detail capped per family
    live: list[Item] | None = None  # the triggers still counting after their own cues and needs
    opening: int = -1  # where the clause opens at a boundary word (not at a و + trigger cut)
    parent: Frame | None = None  # the frame whose verb this one shares (a second place)
    reasons: list[str] = field(default_factory=list)
    bound: set[int] = field(default_factory=set)  # triggers a word of reference binds (منذ اغتيال)
    conjunct: bool = False  # opens with و + a count after a frame of its family (وأربع غارات على …)
    aimed: bool = False  # a trigger of the frame names what was aimed at (لاستهداف، أراد استهداف)

    @property
    def head(self) -> Item:
        """The trigger that decides the type: highest priority, then strongest, then first."""
        ts = self.live or self.triggers
        if len(ts) == 1:  # (most frames: nothing to rank)
            return ts[0]
        prio = settings()["priority"]

        def rank(t: Item) -> tuple[float, float, int]:
            return (prio.get(t.row["sub_event_type"], 0), float(t.row["strength"]), -t.start)

        return max(ts, key=rank)

    def inside(self, items: list) -> list:
        if not items:  # (most kinds of word are not in a sentence: no list to build)
            return []
        a, b = self.start, self.end
        return [i for i in items if a <= i.start and i.end <= b]


def clauses(r: SentenceReading) -> list[tuple[int, int]]:
    """Clause spans of a sentence: cut before each boundary word."""
    return _clauses(r)[0]


def _clauses(r: SentenceReading) -> tuple[list[tuple[int, int]], set[int]]:
    """Clause spans, and the cuts made at a و on a count before an attack noun."""
    cuts = {b.start for b in r.role("boundary")} | {r.start}
    # "… سفينة في البحر الأحمر وغارات على الحديدة": a trigger joined by و opens a new clause
    violent = [t for t in r.triggers if FAMILY.get(t.row["plover_type"]) == "violence"]
    first = min((t.start for t in violent), default=r.end)
    counted: set[int] = set()
    for t in violent:
        if t.start > first and r.text[t.start - 1 : t.start] == "و":
            cuts.add(t.start - 1)
        elif t.start > first:
            # "ثماني غارات على المطار، وأربع غارات على جزيرة كمران": the و is on the count
            i = bisect.bisect_left(r.token_starts, t.start) - 1
            p = r.token_starts[i] if i >= 0 else -1
            if (
                p > first
                and r.text[p : p + 1] == "و"
                and any(q.start <= p + 1 < q.end and q.end <= t.start for q in r.quantities)
            ):
                cuts.add(p)
                counted.add(p)
    # "احتجزت 68 رهينة … وهددت بنسف المباني": a threat joined by و after an act is a
    # clause of its own; it blocks what it threatens, not the act told before it
    for c in r.cue("threat"):
        if c.start > first and r.text[c.start - 1 : c.start] == "و":
            cuts.add(c.start - 1)
    cuts = sorted(cuts)
    spans = []
    for i, a in enumerate(cuts):
        b = cuts[i + 1] if i + 1 < len(cuts) else r.end
        if b > a:
            spans.append((a, b))
    return spans, counted


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
        if t.form in ("،", ",") or (
            t.kind == "word" and t.form.startswith("و") and t.form != "و" * len(t.form)
        ):
            return t.start
        if t.form == "و":
            return t.start
    return lo


def frames(r: SentenceReading) -> list[Frame]:
    """Candidate frames of a sentence, before scoring."""
    out: list[Frame] = []
    openings = sorted({b.start for b in r.role("boundary")} | {r.start})
    spans, counted = _clauses(r)
    for a, b in spans:
        opening = openings[bisect.bisect_right(openings, a) - 1]
        pieces = _split_by_country(r, a, b) if r.places else [(a, b)]
        for pa, pb in pieces:
            trig = [t for t in r.triggers if pa <= t.start < pb]
            if not trig and len(pieces) > 1 and out:
                # a second place with no verb of its own shares the clause's trigger
                prev = out[-1]
                if prev.end == pa:
                    out.append(
                        Frame(pa, pb, prev.family, prev.triggers, r, parent=prev, opening=opening)
                    )
                continue
            fams: dict[str, list[Item]] = {}
            for t in trig:
                fams.setdefault(FAMILY.get(t.row["plover_type"], "violence"), []).append(t)
            for fam, ts in fams.items():
                fr = Frame(pa, pb, fam, ts, r, opening=opening)
                prev = next((o for o in reversed(out) if o.family == fam), None)
                if pa in counted and prev is not None and prev.end == pa:
                    # "… ثماني غارات على المطار، وأربع غارات على جزيرة كمران": the same verb's
                    # second object, a second place hit
                    fr.parent, fr.conjunct = prev, True
                out.append(fr)
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
            and (
                _tolls_joined(prev, f)
                or (not f.inside(f.reading.places) and not _other_kind(prev, f))
            )
        ) or (prev is not None and prev.end == f.start and _rest_of_salvo(prev, f)):
            prev.end = f.end
            prev.triggers = prev.triggers + f.triggers
            continue
        joined.append(f)
    return joined


def _rest_of_salvo(prev: Frame, f: Frame) -> bool:
    """``… اعترضت القبة الحديدية أحدهما وسقط الآخر في منطقة مفتوحة، من دون إصابات``: a
    fall of "the other" (roles ``remnant`` right after the verb) told in the same
    sentence is what became of the salvo the clause before told."""
    r = f.reading
    if prev.family != "violence" or f.family != "violence" or prev.reading is not r:
        return False
    first = min(f.triggers, key=lambda t: t.start)
    if (
        first.row["needs"] == "weapon"
        and not f.inside(r.weapons)
        and prev.inside(r.role("partial"))
    ):
        return True  # "اعترضت القبة أحدهما وسقط الآخر": the one not stopped fell
    return any(
        x.start >= first.end and r.words_between(first.end, x.start) <= 1
        for x in f.inside(r.role("remnant"))
    )


def _tolls_joined(prev: Frame, f: Frame) -> bool:
    """``مصرع 6 حوثيين ومقتل جنديين في مواجهات بمديرية …``: a toll joined by و to a
    clause that only told a toll goes on telling the same fight, wherever it names."""
    r = f.reading

    def toll(t: Item) -> bool:
        return any(c.start <= t.start and t.end <= c.end for c in r.casualties)

    first = min(f.triggers, key=lambda t: t.start)
    return all(toll(t) for t in prev.triggers) and toll(first)


def _kinds(f: Frame) -> set[str]:
    """The attack kinds a frame names: its triggers' sub-event types, else its weapons'."""
    r = f.reading
    # (a toll beside an attack word says nothing of the kind: "ومقتل أربعة في مواجهات")
    acts = [
        t
        for t in f.triggers
        if not any(c.start <= t.start and t.end <= c.end for c in r.casualties)
    ]
    subs = {t.row["sub_event_type"] for t in acts} - {"-"}  # (a toll alone: no kind)
    weapons = {w.row.get("sub_event_type", "-") for w in f.inside(f.reading.weapons)} - {"-"}
    return subs or weapons


def _other_kind(prev: Frame, f: Frame) -> bool:
    """ "بغارات روسية على ريف جسر الشغور وقصف مدفعي على الأتارب": an attack of another
    kind joined by و is another attack, not more of the first."""
    a, b = _kinds(prev), _kinds(f)
    return bool(a and b and not a & b)


def score(f: Frame) -> float:
    """How surely the frame reports one concrete event; sets ``f.score``/``f.reasons``.

    Each trigger first gets its own strength: cues bound to it (a negation
    or a relative pronoun just before it, data/modality.tsv scopes ``near``
    and ``adjacent``) change or cancel it, and a trigger whose ``needs`` are
    not met counts for nothing. The frame starts from its strongest live
    trigger, adds bonuses for concrete detail (capped per family) and the
    weights of the frame-wide cues.
    """
    s = settings()
    bonus = s["bonus"]
    r = f.reading
    scale = s.get("cue_scale", {}).get(f.family) or {}
    reasons: list[str] = []
    f.live = None
    f.bound = set()
    f.aimed = False
    live = _live_strengths(f, scale, reasons)
    blocked = not live
    f.live = [f.triggers[i] for i in live] or None
    head = f.head
    strengths = sorted(live.values(), reverse=True) or [0.0]
    total = strengths[0]
    floor = s.get("min_trigger", {}).get(f.family)
    f.weak = bool(live) and floor is not None and total < floor
    if f.weak:
        reasons.append(f"no trigger of strength {floor:.1f}")
    extra = (
        min(bonus["extra_trigger_max"], bonus["extra_trigger"] * (len(live) - 1)) if live else 0.0
    )
    extra *= scale.get("extra_trigger", 1.0)
    total += extra
    reasons.insert(0, f"trigger {strengths[0]:+.1f}")
    if extra:
        reasons.append(f"more triggers {extra:+.1f}")

    concrete = 0.0

    def add(label: str, value: float, kind: str | None = None) -> None:
        nonlocal total, blocked
        if kind is not None and value > BLOCK:
            value *= scale.get(kind, 1.0)
        total += value
        blocked = blocked or value <= BLOCK
        reasons.append(f"{label} {value:+.1f}")

    def detail(label: str, value: float, kind: str | None = None) -> None:
        nonlocal concrete
        if kind is not None:
            value *= scale.get(kind, 1.0)
        concrete += value
        reasons.append(f"{label} {value:+.1f}")

    if f.family == "violence":
        if f.inside(r.weapons):
            detail("weapon", bonus["weapon"])
        if f.inside(r.targets):
            detail("target", bonus["target"])
        elif _victim(r, f, head) and not (
            any(c.row["count"] != "zero" for c in f.inside(r.casualties)) and _has_figure(f)
        ):
            detail("victim", bonus["victim"])
    counted = [c for c in f.inside(r.casualties) if c.row["count"] != "zero"]
    if counted and _has_figure(f):
        detail("figure", bonus["casualty_figure"], "figure")
        if {c.row["field"] for c in counted} >= {
            "fatalities",
            "injuries",
        }:
            add("killed and wounded", bonus["toll"], "figure")
    # armed groups and forces; unknown gunmen too (اختطف مجهولون صحافيا): nobody else is
    # named by having carried out an attack without a name
    attackers = set(s.get("attacker_actors", ()))
    if any(
        getattr(a.actor, "kind", "") in ("armed_group", "state_forces")
        or getattr(a.actor, "id", "") in attackers
        for a in f.inside(r.actors)
    ):
        detail("actor", bonus["actor"])
    if any(not _holds_trigger(r, p) for p in f.inside(r.places)):
        detail("place", bonus["place"])
    if r.dates:
        inside = [d for d in r.dates if f.start <= d.start < f.end] or r.dates
        nearest = min(inside, key=lambda d: abs(d.start - head.start))
        if getattr(nearest, "future", False):
            add("future date", BLOCK)
        else:
            detail("date", bonus["date"])
    if any(c.row["status"] == "claimed" and c.row["actor"] == "after" for c in f.inside(r.claims)):
        detail("claim", bonus["claim"], "claim")
    if (
        head.row["form"] in ("noun", "plural")
        and _quantity_before(r, head)
        and not _instrument(r, head)
        and not _launched_count(r, head)
        and not (f.conjunct and f.parent is not None and f.parent.decision >= 0)
    ):
        add("count of attacks", bonus["quantity_before_trigger"], "count")
    first = min(f.triggers, key=lambda t: t.start)
    if (
        not f.conjunct
        and r.words_between(r.start, first.start) - _aside_words(r, first.start) > s["late_words"]
        and not any(
            c.end <= first.start
            # "أن طائرات تابعة لها شنت، فجر الثلاثاء، ضربات جوية": a date set off
            # between the verb and its attack noun does not push the act away
            and r.words_between(c.end, first.start) - _date_words(r, c.end, first.start)
            <= s["near_words"]
            for c in r.role("complement")
        )
        # "أقدم مسلحون مجهولون … مساء الأحد، على اختطاف": the light verb opens the act,
        # the first one named after it (not "… احتجاجاً على احتجاز أموالهم")
        # "…، فيما قصفت المدفعية …": a trigger that opens a clause after a boundary
        # word inside the sentence starts a telling of its own
        and not (
            f.family == "violence"
            and f.opening > r.start
            and f.opening <= first.start
            and r.words_between(f.opening, first.start) <= s["near_words"]
            # (an act, not what became of a salvo: "بينما انفجرت الثالثة داخل القاعدة")
            and first.row["form"] in ("verb", "noun")
            and not r.definite_at(first.start)
            and first.row["needs"] == "-"
            and not f.inside(r.role("remnant"))
        )
        and not any(
            c.end <= first.start
            and r.words_between(r.start, c.start) <= s["late_words"]
            and not any(c.end <= o.start < first.start for o in r.triggers)
            and _after_light(r, first)
            for c in r.role("light")
        )
    ):
        add("late in the sentence", bonus["late"], "late")
    if (
        head.row["form"] in ("noun", "plural")
        and _definite(r, head)
        # "تعرض صحافي للضرب": the verbal noun a bare تعرض opens carries the article
        and not _suffered(r, f, head)
    ):
        add("definite noun", bonus["definite"], "definite")
    if f.aimed:
        # "اغتيل الرئيس وكانت محاولة لاغتيال لبنان"، "من استهدف الجسر أراد استهداف رمز":
        # a clause that also says what was aimed at argues about the act
        add("aimed at", bonus["aimed"], "aimed")
    if _denied_report(f, head):
        add("denied report", BLOCK)
    if _charged(f, head):
        add("accusation", bonus["accusation"], "accuse")
    seen: dict[str, float] = {}
    for cue in r.cues:
        row = cue.row
        if row["scope"] in TRIGGER_SCOPES:
            continue
        w = float(row["weight"])
        if not w or not _in_scope(cue, f, head) or _in_name(r, cue):
            continue
        kind = row["cue"]
        if w > 0:
            if kind not in seen or w > seen[kind]:
                seen[kind] = w
        elif kind not in seen or abs(w) > abs(seen[kind]):
            seen[kind] = w
    cues = 0.0
    pooled = s.get("cue_pool", ())
    for kind, w in seen.items():
        if w > 0 and kind in pooled:
            cues += w * scale.get(kind, 1.0)
            reasons.append(f"{kind} {w * scale.get(kind, 1.0):+.1f}")
        elif w > 0:
            detail(kind, w, kind)
        else:
            add(kind, w, kind)
    # the pooled positive cues (a time word, a place word, a result verb) overlap
    # with the date, place and figure details: together they count this much at most
    cue_cap = s.get("cue_cap", {}).get(f.family)
    capped_cues = cues if cue_cap is None else min(cues, cue_cap)
    if capped_cues < cues:
        reasons.append(f"cues capped at {cue_cap:+.1f}")
    cap = s.get("detail_cap", {}).get(f.family)
    head_i = next((i for i, t in enumerate(f.triggers) if t is head), -1)
    if head_i in f.bound:
        # the attack is named as one already known (منذ اغتيال، غداة التفجير، ثاني
        # هجوم): its detail describes that event, it does not make this one news. Not
        # after a relative pronoun: "الانفجار الذي وقع مساء أمس" often tells the event
        ref_cap = s.get("reference_cap", {}).get(f.family)
        if ref_cap is not None and (cap is None or ref_cap < cap):
            cap = ref_cap
    capped = concrete + capped_cues if cap is None else min(concrete + capped_cues, cap)
    if capped < concrete + capped_cues:
        reasons.append(f"detail capped at {cap:+.1f}")
    # ``score`` ranks the tellings of one event (all their detail counts); the test
    # whether the frame is an event at all reads ``decision``, where detail is capped
    f.score = total + concrete + cues
    f.decision = total + capped
    f.blocked = blocked
    f.reasons = reasons
    return f.decision


TRIGGER_SCOPES = ("near", "adjacent")


def _live_strengths(f: Frame, scale: dict, reasons: list[str]) -> dict[int, float]:
    """The strength of each trigger of the frame that still counts, by index.

    A trigger is dropped when a blocking cue is bound to it (``near``: at most
    ``near_words`` words before it; ``adjacent``: right before it) or when
    what it ``needs`` is missing from the clause; other bound cues add
    their weight to it alone.
    """
    r = f.reading
    s = settings()
    out: dict[int, float] = {}
    for i, t in enumerate(f.triggers):
        value = _strength(r, t)
        need = t.row.get("needs", "-")
        if need == "weapon" and not (
            f.inside(r.weapons)
            or any(
                o.row["needs"] != "weapon"
                and float(o.row["strength"]) >= s["weapon_word_strength"]
                # an attack by weapons (هجوم، غارة، قصف), not a killing (بعد اغتيال النائب)
                and o.row["event_type"] != "Violence against civilians"
                for o in f.triggers
            )
        ):
            reasons.append(f"{_form(r, t)}: nothing to intercept")
            continue
        lifted = _light_verb(r, f, t)
        relative = _relative_act(r, f, t)
        if lifted is not None:
            # "قام متظاهرون بالاحتجاج"، "أقدم مسلحون على اختطاف": the verbal noun after a
            # light verb is the act itself, told as a verb
            value = max(value, float(s["light_strength"][f.family]))
            reasons.append(f"{_form(r, t)}: after a light verb")
        elif _suffered(r, f, t):
            # "تعرض قيادي في الحزب الثلاثاء للخطف": the victim (and a date) between تعرض
            # and its ل-noun; together they tell the act as a verb
            value = max(value, float(s["light_strength"][f.family]))
            reasons.append(f"{_form(r, t)}: after تعرض")
        elif relative is not None:
            # "أدانت الوزارة الهجوم الذي شنته طائرة مسيرة على …": the relative clause
            # tells the act with its doer, as a verb
            value = max(value, float(s["light_strength"][f.family]))
            reasons.append(f"{_form(r, t)}: told in its relative clause")
        if t.row["sub_event_type"] == "Protest with intervention" and _dispersed_crowd(r, f, t):
            # "استخدمت القوى الأمنية الغاز … لتفريق مئات المتقاعدين … احتجاجاً على …":
            # a crowd dispersed while protesting is a protest that was broken up
            value = max(value, float(s["motive_strength"]))
            reasons.append(f"{_form(r, t)}: a crowd dispersed in protest")
        if need == "protest" and r.definite_at(t.start) and lifted is None:
            # with the article it is a noun (التجمع: the rally, the party), not the verb
            reasons.append(f"{_form(r, t)}: a noun, not the verb")
            continue
        if need == "protest":
            helpers = _protest_nearby(r, f, t)
            if lifted is not None:
                # the doers of a light verb (قام المتظاهرون … بنصب خيامهم) are its protest word
                helpers += [o for o in f.triggers if lifted.end <= o.start < t.start]
            crowd = _crowd_blocks(r, f, t)
            motive = _in_protest(r, f, t)
            if crowd:
                # "أغلق عشرات الخريجين الطريق": a counted crowd blocking a road is a protest
                # though nobody names them protesters
                value = max(value, float(s["crowd_strength"]))
                reasons.append(f"{_form(r, t)}: a counted crowd on the road")
            elif motive:
                # "قطع سكان القرية الطريق احتجاجا على …": an act done in protest is one
                value = max(value, float(s["motive_strength"]))
                reasons.append(f"{_form(r, t)}: done in protest")
            elif not helpers:
                reasons.append(f"{_form(r, t)}: no protest word by the verb")
                continue
            if not crowd and not motive and _during_known(r, f, t):
                # "وأحرق عدد من المتظاهرين أعلاما خلال التظاهرة التي …": an act done during a
                # protest already told is a detail of it, no protest of its own
                value = min(value, float(s["known_riot_strength"]))
                reasons.append(f"{_form(r, t)}: during a known protest")
            elif _new_protest(r, t, helpers):
                value += s["bonus"]["new_protest"]
                reasons.append(
                    f"{_form(r, t)}: with a protest noun {s['bonus']['new_protest']:+.1f}"
                )
            elif (
                t.row["sub_event_type"] == "Violent demonstration"
                and lifted is None
                and _continues(r)
            ):
                # "وأحرق المتظاهرون إطارات": protesters already told (the sentence goes on
                # with و) rioting are no new protest; a lede (أحرق المتظاهرون …) is one
                value = min(value, float(s["known_riot_strength"]))
                reasons.append(f"{_form(r, t)}: by known protesters")
        elif (
            f.family == "protest"
            and t.row["form"] == "verb"
            and not r.definite_at(t.start)
            and _new_protest(r, t, [h for h in _protest_nearby(r, f, t) if h.start > t.start])
        ):
            # "احتشد متظاهرون أمام السجن": a core protest verb with new protesters after it
            value += s["bonus"]["new_protest"]
            reasons.append(f"{_form(r, t)}: with new protesters {s['bonus']['new_protest']:+.1f}")
        if f.family == "protest" and t.row["form"] == "verb" and _forces_subject(r, t):
            reasons.append(f"{_form(r, t)}: done by security forces")
            continue
        if need == "context" and not _violent_context(r, f, t):
            reasons.append(f"{_form(r, t)}: no weapon, target, victim or figure")
            continue
        dead = False
        described_here = False
        seen: dict[str, float] = {}
        for cue in r.cues:
            scope = cue.row["scope"]
            if scope not in TRIGGER_SCOPES or not f.start <= cue.start < f.end:
                continue
            if cue.end > t.start:
                # a noun with a relative clause after it (الهجوم الذي …) is an event
                # already known: the relative pronoun binds it as well
                if cue is relative:
                    continue
                if not (
                    cue.row["cue"] == "relative"
                    and t.row["form"] in ("noun", "plural")
                    and cue.start >= t.end
                    and r.words_between(t.end, _word_start(r, cue.start)) == 0
                ):
                    continue
                gap = 0
            else:
                gap = r.words_between(cue.end, _word_start(r, t.start))
            if gap > (s["near_words"] if scope == "near" else s.get("adjacent_words", 0)):
                continue
            w = float(cue.row["weight"])
            kind = cue.row["cue"]
            if w <= BLOCK:
                dead = True
                reasons.append(f"{_form(r, t)}: {kind}")
                break
            if w and (kind not in seen or abs(w) > abs(seen[kind])):
                seen[kind] = w
            if kind == "relative" and cue.end <= t.start and _thing_relative(r, cue):
                # "الحريري الذي اغتيل في …"، "المنطقة التي خطف فيها الجنود": the relative
                # clause describes a person or a place by an act already known
                described_here = True
        if dead:
            continue
        if _purpose(r, f, t):
            seen.setdefault("intent", float(s["bonus"]["purpose"]))
            f.aimed = True
        for kind, w in seen.items():
            w *= scale.get(kind, 1.0)
            value += w
            reasons.append(f"{_form(r, t)}: {kind} {w:+.1f}")
            if w < 0 and kind in s.get("reference_cues", ()):
                f.bound.add(i)
            if w < 0 and kind == "wanted":
                f.aimed = True
        if described_here:
            w = float(s["bonus"]["described"]) * scale.get("relative", 1.0)
            value += w
            f.bound.add(i)
            reasons.append(f"{_form(r, t)}: describes what comes before it {w:+.1f}")
        out[i] = value
    return out


def _continues(r: SentenceReading) -> bool:
    """The sentence opens with the conjunction و or ف on a verb (وأحرق، وذكر، فرشق):
    it goes on with a story told before it. The letter is the conjunction only when
    a trigger, a verb of saying (claims, roles ``report``) starts right after it,
    not on a word that merely begins with it (وزير، فرنسا، ولاية)."""
    first = _first_word(r)
    if first is None or r.text[first[0] : first[0] + 1] not in ("و", "ف"):
        return False
    after = first[0] + 1
    roles = r.role("report")
    return any(i.start == after for items in (r.triggers, r.claims, roles) for i in items)


def _first_word(r: SentenceReading) -> tuple[int, int] | None:
    """Where the sentence's first word (not a quote mark or a dash) starts and ends;
    before the tokens are read (``hopeful``), from the approximate word starts."""
    if r.tokens:
        t = next((t for t in r.tokens if t.kind == "word"), None)
        return (t.start, t.end) if t is not None else None
    for p in r.token_starts:
        if r.text[p : p + 1].isalnum():
            end = p
            while end < r.end and r.text[end].isalnum():
                end += 1
            return p, end
    return None


def _light_verb(r: SentenceReading, f: Frame, t: Item) -> Item | None:
    """The trigger is the act a light verb opens (roles ``light``: ``قام … بخطف``،
    ``قيام متظاهرين بالتجمع``، ``أقدم … على اختطاف``): the verbal noun follows ب or على,
    at most ``light_words`` words after the light verb, no other act between (the
    doers may stand there: قام المتظاهرون بالاحتجاج). For protests only a peaceful protest word (not a riot act by known protesters,
    not the police dispersing them). Returns the light verb."""
    lift = settings().get("light_strength", {}).get(f.family)
    if lift is None or float(t.row["strength"]) < settings()["light_min"]:
        return None
    if f.family == "protest" and t.row["sub_event_type"] != "Peaceful protest":
        return None
    if not _after_light(r, t):
        return None
    start = _word_start(r, t.start)
    reach = settings()["light_words"]
    weak = settings()["protest_noun_strength"]
    return next(
        (
            c
            for c in r.role("light")
            if f.start <= c.start
            and c.end <= start
            and r.words_between(c.end, start) <= reach
            and not any(
                c.end <= o.start < t.start and float(o.row["strength"]) >= weak for o in r.triggers
            )
        ),
        None,
    )


def _crowd_blocks(r: SentenceReading, f: Frame, t: Item) -> bool:
    """ "أغلق عشرات الخريجين الطريق"، "قطع محتجون الطريق الدولي"، "قطع شبان غاضبون الطرق": a
    protest verb, a count of people or a people noun without the article that protests
    when it blocks a road right after it (roles ``multitude``, ``crowd``; at most one word
    between: نحو) that is no armed or security force, and a road (roles ``road``) within
    ``protest_window`` words. Protesters with the article are known ones doing one more thing."""
    if t.row["form"] != "verb" or r.definite_at(t.start):
        return False
    reach = settings()["protest_window"]
    crowd = [
        m
        for m in r.roles
        if (
            m.row["role"] == "multitude"
            or (m.row["role"] == "crowd" and not _known_protesters(r, m))
        )
        and m.start >= t.end
        and r.words_between(t.end, m.start) <= 1
    ]
    units = set(settings()["units"])
    after = r.text[crowd[0].end :].split()[:1] if crowd else []
    if (
        not crowd
        or (after and after[0].removeprefix("ال") in units)
        or any(
            getattr(a.actor, "kind", "") in ("armed_group", "state_forces")
            and a.start >= crowd[0].start
            and r.words_between(crowd[0].end, a.start) <= 1
            for a in r.actors
        )
    ):
        return False
    return any(
        f.start <= c.start < f.end
        and c.start >= crowd[0].end
        and r.words_between(t.end, c.start) <= reach
        for c in r.role("road")
    )


def _collective(r: SentenceReading, t: Item) -> bool:
    """The verb is done by many: its plural form (قطعوا، أغلقوا), or a count of people, a
    crowd (roles ``multitude``, ``crowd``) or protesters at most one word after it, or
    at most ``protesters_before`` words before it (عمد أقارب المطلوب إلى قطع الطريق)."""
    word = r.text[_word_start(r, t.start) : t.end]
    if word.endswith("وا"):
        return True
    s = settings()
    strong = s["protest_noun_strength"]
    many = [
        *(m for m in r.roles if m.row["role"] in ("multitude", "crowd")),
        *(
            o
            for o in r.triggers
            if o.row["form"] in ("noun", "plural") and float(o.row["strength"]) < strong
        ),
    ]
    return any(
        (x.start >= t.end and r.words_between(t.end, x.start) <= 1)
        or (
            x.end <= t.start
            and r.words_between(x.end, _word_start(r, t.start)) <= s["protesters_before"]
        )
        for x in many
    )


def _known_protesters(r: SentenceReading, m: Item) -> bool:
    """The people noun is protesters with the article (المتظاهرون): protesters already told."""
    return r.definite_at(m.start) and any(
        o.start <= m.start < o.end and o.row["plover_type"] == "PROTEST" for o in r.triggers
    )


def _in_protest(r: SentenceReading, f: Frame, t: Item) -> bool:
    """ "قطع سكان القرية الطريق احتجاجا على …"، "أغلق التجار محلاتهم تضامنا مع …": a
    protest verb (not its verbal noun) done by many (a plural verb, or a crowd or a count
    of people right after it: not "قطع الرئيس زيارته احتجاجا", an official's act) with the
    purpose of protest after it (roles ``motive``) within ``protest_window`` words of its
    clause, no other verb between."""
    if t.row["form"] != "verb" or r.definite_at(t.start) or not _collective(r, t):
        return False
    reach = settings()["protest_window"]
    return any(
        c.start >= t.end
        and c.end <= f.end
        and r.words_between(t.end, c.start) <= reach
        and not any(
            o is not t and o.row["form"] == "verb" and t.end <= o.start < c.start
            for o in f.triggers
        )
        for c in r.role("motive")
    )


def _dispersed_crowd(r: SentenceReading, f: Frame, t: Item) -> bool:
    """An intervention (تفريق) with a counted crowd right after it (roles ``multitude``,
    ``crowd``, or a figure) and the purpose of protest (roles ``motive``) later in its
    clause: the crowd protested."""
    many = [*(m for m in r.roles if m.row["role"] in ("multitude", "crowd")), *r.quantities]
    if not any(x.start >= t.end and r.words_between(t.end, x.start) <= 1 for x in many):
        return False
    reach = settings()["protest_window"] * 3  # (the crowd's description may run long)
    return any(
        t.end <= c.start < f.end and r.words_between(t.end, c.start) <= reach
        for c in r.role("motive")
    )


def _during_known(r: SentenceReading, f: Frame, t: Item) -> bool:
    """ "… خلال التظاهرة"، "… أثناء المسيرة": a definite protest named as the time of
    the act (roles ``during``) at most ``protest_window`` words after the verb, in its
    clause, and no new protest noun between (خرجت أمس مظاهرات … خلال …: a protest)."""
    reach = settings()["protest_window"]
    strong = settings()["protest_noun_strength"]
    return any(
        c.start >= t.end
        and c.end <= f.end
        and r.words_between(t.end, c.start) <= reach
        and not any(
            t.end <= o.start < c.start
            and o.row["form"] in ("noun", "plural")
            and float(o.row["strength"]) >= strong
            and not r.definite_at(o.start)
            for o in f.triggers
        )
        for c in r.role("during")
    )


def _thing_relative(r: SentenceReading, cue: Item) -> bool:
    """The relative pronoun follows a word that names no event (a person, a place, a
    thing: ``الحريري الذي``، ``المنطقة التي``), not an attack or protest word
    (``الانفجار الذي وقع مساء أمس`` may tell the event itself)."""
    i = bisect.bisect_left(r.token_starts, _word_start(r, cue.start)) - 1
    if i < 0:
        return False
    prev = r.token_starts[i]
    return not any(t.start <= prev < t.end or prev <= t.start < cue.start for t in r.triggers)


def _relative_act(r: SentenceReading, f: Frame, t: Item) -> Item | None:
    """``الهجوم الذي شنته طائرة مسيرة على …``، ``التفجير الذي نفذه انتحاري``: an attack
    noun, the relative pronoun right after it, then a verb of doing with the noun's
    pronoun (roles ``agent``: شنته، نفذها) and the doer (an actor or a weapon) at most
    two words after it. Returns the relative pronoun (None otherwise)."""
    if f.family != "violence" or t.row["form"] not in ("noun", "plural"):
        return None
    cue = next(
        (
            c
            for c in r.cue("relative")
            if c.start >= t.end and r.words_between(t.end, _word_start(r, c.start)) == 0
        ),
        None,
    )
    if cue is None:
        return None
    verb = next(
        (
            x
            for x in r.role("agent")
            if x.start >= cue.end
            and r.words_between(cue.end, x.start) == 0
            and r.text[x.end - 1] in "ها"
            and f.start <= x.start < f.end
        ),
        None,
    )
    if verb is None:
        return None
    doers = [*r.actors, *r.weapons]
    if not any(d.start >= verb.end and r.words_between(verb.end, d.start) <= 2 for d in doers):
        return None
    return cue


def _suffered(r: SentenceReading, f: Frame, t: Item) -> bool:
    """The trigger carries the ل that a bare تعرض (a ``suffer`` row) opens a few words
    before it (``light_words``), no other act between: "تعرض قيادي … للخطف". The
    contiguous phrases (تعرض للخطف) are rows of their own."""
    if f.family != "violence" or t.row["form"] == "suffer":
        return False
    start = _word_start(r, t.start)
    if not r.text[start : t.start].startswith("ل"):
        return False
    reach = settings()["light_words"]
    return any(
        o.row["form"] == "suffer"
        and o.end <= start
        and r.words_between(o.end, start) <= reach
        and not any(o.end <= x.start < start for x in f.triggers)
        # "الرحلة التي تعرضوا فيها للاختطاف": a relative clause tells a known event
        and not any(
            c.end <= o.start and r.words_between(c.end, _word_start(r, o.start)) == 0
            for c in r.cue("relative")
        )
        for o in f.triggers
    )


def _after_light(r: SentenceReading, t: Item) -> bool:
    """The trigger word carries ب or follows على: the slot a light verb opens."""
    start = _word_start(r, t.start)
    i = bisect.bisect_left(r.token_starts, start)
    prev = r.text[r.token_starts[i - 1] : start].strip() if i > 0 else ""
    return "ب" in r.text[start : t.start] or prev == "على"


def _purpose(r: SentenceReading, f: Frame, t: Item) -> bool:
    """The trigger carries the preposition ل of purpose (لاستهداف، لتفجير): what is
    aimed at, not what was done. ``لل`` is the article, not purpose; after تعرض
    (suffered) the ل is the verb's own preposition."""
    if (
        FAMILY.get(t.row["plover_type"]) != "violence"
        or t.row["form"] not in ("verb", "noun")
        or any(o.row["form"] == "suffer" and o.start < t.start for o in f.triggers)
        # "تصدت الدفاعات، بعد منتصف الليل، لعدوان إسرائيلي"، "تصدت القوات لهجوم": the
        # verb of fighting off takes its object with ل
        or any(
            o.row["plover_type"] == "FIGHT"
            and o.row["form"] == "verb"
            and o.end <= t.start
            and r.words_between(o.end, t.start) <= 9
            for o in f.triggers
        )
    ):
        return False
    start = _word_start(r, t.start)
    clitics = r.text[start : t.start]
    return clitics in ("ل", "ول", "فل")


def _form(r: SentenceReading, t: Item) -> str:
    return r.text[t.start : t.end]


def _violent_context(r: SentenceReading, f: Frame, t: Item) -> bool:
    """A verb that is often figurative (هاجم: criticised; انفجر بالضحك) reports an
    attack only with a weapon, a target or people after it, a casualty word or
    another attack word in its clause. Before the actors are read (``hopeful``: no
    tokens yet) the people after it may still be there: it may count."""
    if not r.tokens:
        return True
    reach = settings()["context_words"]

    def after(items: list) -> bool:
        return any(
            i.start >= t.end and r.words_between(t.end, i.start) <= reach for i in f.inside(items)
        )

    # people or a force right after the verb (هاجموا مجموعة من المزارعين، هاجموا دورية):
    # a minister attacking the government is figurative, so not a government or other kind
    # (close to it: at most ``subject_words`` words between, a date not counted)
    near = settings()["subject_words"]
    hit = [
        a
        for a in f.inside(r.actors)
        if getattr(a.actor, "kind", "") in ("civilians", "state_forces")
        and a.start >= t.end
        and sum(
            1
            for x in r.token_starts
            if t.end <= x < a.start
            and r.text[x].isalnum()
            and not any(d.start <= x < d.end for d in r.dates)
        )
        <= near
    ]
    return bool(
        after(r.weapons)
        or after(r.targets)
        or after(hit)
        or f.inside(r.casualties)
        or any(o is not t and o.row.get("needs", "-") == "-" for o in f.triggers)
    )


def _forces_subject(r: SentenceReading, t: Item) -> bool:
    """Police or troops gathering (احتشدت الشرطة، قوات الأمن تجمعت) is no protest:
    a security force names the doer right after the verb or just before it.
    The intervention rows (فرقت الشرطة) are not peaceful-protest verbs."""
    if t.row["sub_event_type"] != "Peaceful protest":
        return False
    reach = settings()["subject_words"]
    return any(
        getattr(a.actor, "kind", "") == "state_forces"
        and (
            (a.start >= t.end and r.words_between(t.end, a.start) <= 1)
            or (
                a.end <= t.start
                and r.words_between(a.end, _word_start(r, t.start)) <= reach
                # a comma or a full stop between: the force ends another clause
                and not any(c in r.text[a.end : t.start] for c in ",،.؛;")
            )
        )
        for a in r.actors
    )


def _victim(r: SentenceReading, f: Frame, head: Item) -> bool:
    """ "قتلت القوات الإسرائيلية ناشطا"، "اختطف مجهولون صحافيا": a person named as the
    object of the act, a few words after an active verb of killing or abduction with its
    doer between, is the victim told as news. Not a passive (وقتل أكثر من مائة منهم), not
    a verb bound to a cue (الجندي الذي خطف), not beside a figure (it counts on its own)."""
    if head.row["form"] != "verb" or head.row["event_type"] != "Violence against civilians":
        return False
    if any(f.triggers[i] is head for i in f.bound):
        return False
    doers = [a for a in r.actors if a.start >= head.end and f.start <= a.start < f.end]
    if not doers:
        return False
    doer = min(doers, key=lambda a: a.start)
    if r.words_between(head.end, doer.start) > 0:
        return False
    head = doer  # the victim is read after the doer
    reach = settings()["victim_words"]
    # a counted group of people after the verb (اختطف مسلحون ثلاثة موظفين) is a victim too
    return any(
        m.row["role"] in ("person_one", "person_two")
        and m.start >= head.end
        and f.start <= m.start < f.end
        and r.words_between(head.end, m.start) <= reach
        for m in r.roles
    ) or any(
        q.start >= head.end and q.start < f.end and r.words_between(head.end, q.start) <= reach
        for q in r.quantities
    )


def _date_words(r: SentenceReading, lo: int, hi: int) -> int:
    """Words of a comma-bounded aside in ``[lo, hi)`` that only tells the time
    (``شنت، فجر الثلاثاء، ضربات``: time cues or dates), commas included."""
    marks = [i for i in range(lo, hi) if r.text[i] in ",،"]
    spans = [
        *(d for d in r.dates),
        *r.cue("time"),
    ]
    for a, b in zip(marks, marks[1:], strict=False):
        inner = [x for x in r.token_starts if a < x < b]
        words = list(zip(inner, [*inner[1:], b][: len(inner)], strict=True))
        # a cue may leave out a clitic or the article (الثلاثاء: ثلاثاء)
        if words and all(any(x < d.end and d.start < y for d in spans) for x, y in words):
            return r.words_between(a, b + 1)
    return 0


def _aside_words(r: SentenceReading, pos: int) -> int:
    """Words of a statement's aside right before ``pos`` (``statement_aside``)."""
    aside = statement_aside(r, r.start, pos)
    return r.words_between(*aside) if aside is not None else 0


def statement_aside(r: SentenceReading, lo: int, hi: int) -> tuple[int, int] | None:
    """A comma-bounded aside ending right before ``hi`` (the act) that opens with a
    statement cue (``في بيان``, after ``lo``) and holds no place, weapon, target,
    act or date: "أعلنت القوات، في بيان للمتحدث باسمها العميد يحيى سريع، استهداف …"
    tells where the statement came from, not what happened. (start, end) of the
    aside's commas."""
    b = next((i for i in range(hi - 1, lo - 1, -1) if not r.text[i].isspace()), None)
    if b is None or r.text[b] not in ",،":
        return None
    for c in r.claims:
        if c.row.get("kind") != "statement" or not lo <= c.start < b:
            continue
        a = next((i for i in range(c.start - 1, lo - 1, -1) if not r.text[i].isspace()), None)
        if a is None or r.text[a] not in ",،":
            continue
        held = [*r.places, *r.weapons, *r.targets, *r.triggers, *r.dates]
        if not any(a < d.start < b for d in held) and r.text[a + 1 : b].count("،") == 0:
            return a, b
    return None


def _word_start(r: SentenceReading, pos: int) -> int:
    """Where the word holding ``pos`` starts (a trigger may follow a clitic: بالهجوم)."""
    i = bisect.bisect_right(r.token_starts, pos) - 1
    return r.token_starts[i] if i >= 0 else pos


def passes(f: Frame) -> bool:
    """Score the frame; True when it reports an event."""
    thresholds = settings()["threshold"]
    total = score(f)
    return not f.blocked and not f.weak and total >= thresholds.get(f.family, thresholds["other"])


def retells(f: Frame) -> bool:
    """A scored frame that is not news of its own (too weak, or its detail capped
    away) but close enough to tell more about an event the article already
    reported: police firing tear gas at the protesters, the attack's toll."""
    s = settings()
    th = s["threshold"].get(f.family, s["threshold"]["other"])
    return bool(f.live) and not f.blocked and f.score >= th - s["retell_margin"]


def _in_scope(cue: Item, f: Frame, head: Item) -> bool:
    scope = cue.row["scope"]
    r = f.reading
    if scope == "beside":
        # "هجوما بالقنبلة سينفذ": the noun is the subject of the verb after it
        reach = settings()["follow_words"]
        if any(
            t.row["form"] in ("noun", "plural")
            and t.end <= cue.start < f.end
            and r.words_between(t.end, cue.start) <= reach
            for t in (f.live or f.triggers)
        ):
            return True
        scope = "before"
    if scope == "sentence":
        return True
    if scope == "opening":
        # "ويأتي ذلك فيما …"، "وتأتي العملية بعد …": a sentence that opens by setting
        # what it tells beside another event; the link is its news, in every clause
        first = _first_word(r)
        return first is not None and first[0] <= cue.start < first[1]
    if scope == "before" and 0 <= f.opening <= cue.start and cue.end <= f.start:
        # "استنكرت مصر العملية … وشنها غارات": a verb that governs the clause
        # still governs an attack joined to it by و
        return True
    if (
        scope == "clause"
        and cue.row["cue"] == "summary"
        and 0 <= f.opening <= cue.start
        and cue.end <= f.start
    ):
        # "تشير إحصاءات إلى … بين غارات جوية وقصف مدفعي وتفجير منازل، أسفرت عن …": the
        # attacks a tally lists, joined by و, are counted by it too
        return True
    if not (f.start <= cue.start and cue.end <= f.end):
        return False
    if (
        scope == "clause"
        and cue.row["cue"] in ("summary", "history")
        and _after_response(r, head, cue)
    ):
        # "شنت ضربات جوية … رداً على هجمات … خلال الأسابيع الماضية": the span counts
        # the cause named after the response word, not the act before it
        return False
    if scope == "clause":
        return True
    first = min(f.triggers, key=lambda t: t.start)
    if scope == "around":
        reach = settings()["around_words"]
        return any(
            r.words_between(cue.end, t.start) <= reach
            if cue.end <= t.start
            else r.words_between(t.end, cue.start) <= reach
            for t in (f.live or f.triggers)
        )
    if scope == "before":
        return cue.end <= head.start or cue.end <= first.start
    if scope == "lead":
        if cue.row["cue"] == "background" and any(
            c.row["count"] != "zero" and f.start <= c.start and c.end <= cue.start
            for c in r.casualties
        ):
            # "two killed after / in the wake of an air strike": the casualties come
            # first, the attack after جراء/إثر is the event itself
            return False
        return (
            cue.end <= first.start
            and r.words_between(cue.end, first.start) <= settings()["near_words"]
        )
    return False


def _after_response(r: SentenceReading, head: Item, cue: Item) -> bool:
    """A response word (roles.tsv ``response``) stands between the head and the cue."""
    return any(head.end <= x.start and x.end <= cue.start for x in r.role("response"))


def _in_name(r: SentenceReading, cue: Item) -> bool:
    """A cue word that opens or lies inside a longer place name (``قضاء الحويجة``:
    a district, not the judiciary) is part of the name; not a "name" that holds an
    attack word (``منفذ التفجير الانتحاري``: the bomber, not a border crossing)."""
    return any(
        p.start <= cue.start
        and cue.end <= p.end
        and (p.end - p.start) > (cue.end - cue.start)
        and not _holds_trigger(r, p)
        for p in r.places or ()
    )


def _holds_trigger(r: SentenceReading, p) -> bool:
    """A place mention with an event word inside it."""
    return any(p.start <= t.start < p.end for t in r.triggers)


def _has_figure(f: Frame) -> bool:
    r = f.reading
    cas = f.inside(r.casualties)
    return (
        any(f.start <= q.start < f.end for q in r.quantities)
        or any(c.row["count"] in ("one", "two") for c in cas)
        # "قتل شرطيان": a dual person word right after the casualty word is its count
        or any(
            any(c.end <= x.start and r.words_between(c.end, x.start) == 0 for c in cas)
            for x in f.inside(r.role("person_two"))
        )
    )


def _launched_count(r: SentenceReading, t: Item) -> bool:
    """``شن طيران العدوان ثلاث غارات على …``: the count is the object of an agent's verb
    (roles ``agent``), its subject (an actor or a weapon) or nothing between; the
    attacks are told as done, not tallied."""
    qs = [q for q in r.quantities if q.end <= t.start and r.words_between(q.end, t.start) <= 1]
    if not qs:
        return False
    q = max(qs, key=lambda q: q.start)
    for a in r.role("agent"):
        if a.end > q.start or r.words_between(a.end, q.start) > 6:
            continue
        if any(a.end <= o.start < q.start for o in r.triggers):
            continue
        between = [x for x in r.token_starts if a.end <= x < q.start]
        if not between:
            return True
        # the subject right after the verb (a nationality may trail the name)
        subject = [*r.actors, *r.weapons]
        if any(n.start <= between[0] < n.end for n in subject) and not any(
            a.end <= p.start < q.start for p in r.places or ()
        ):
            return True
    return False


def _quantity_before(r: SentenceReading, t: Item) -> bool:
    """A figure right before an attack noun counts the attacks (ثلاث غارات); not a
    person word that is its own count (``وقتل جنديان في اشتباكات``)."""
    persons = [x for x in r.roles if x.row["role"] in ("person_one", "person_two")]
    qs = [
        q
        for q in r.quantities
        if q.end <= t.start and not any(x.start < q.end and q.start < x.end for x in persons)
    ]
    return any(r.words_between(q.end, t.start) == 0 for q in qs) or any(
        r.words_between(q.end, t.start) <= 1 and q.value is None for q in qs
    )


def _denied_report(f: Frame, head: Item) -> bool:
    """ "نفت القيادة … الأنباء التي تحدثت عن هجوم": a denial, then the reports it
    denies, then the event word."""
    r = f.reading
    news = [c for c in r.cue("hearsay") if _in_scope(c, f, head)]
    return any(
        d.row["status"] == "denied" and d.end <= n.start and f.start <= d.start
        for n in news
        for d in r.claims
    )


def _charged(f: Frame, head: Item) -> bool:
    """ "اتهم الأربعة بأنهم … أقدموا على تفجير سيارة مفخخة": the act named after an
    accusation, however far into the clause, is the charge, not news. Not an attack
    already known that the accused is blamed for (``بتنفيذ الهجوم الذي``: a definite
    noun), and not when the accusation already binds the head (a near cue)."""
    r = f.reading
    if f.family != "violence" or any(
        t.row["form"] in ("noun", "plural") and r.definite_at(t.start) for t in f.triggers
    ):
        return False
    near = settings()["near_words"]
    for c in r.cue("accuse"):
        if not (f.start <= c.start and c.end <= head.start):
            continue
        if r.words_between(c.end, _word_start(r, head.start)) > near:
            return True
    return False


def _instrument(r: SentenceReading, t: Item) -> bool:
    """ "بعدة غارات / بثلاث غارات": the strikes are how one attack was made, not a tally."""
    counts = [q for q in r.quantities if q.end <= t.start and r.words_between(q.end, t.start) <= 1]
    return any(
        _word_start(r, q.start) < q.start
        and r.text[_word_start(r, q.start) : q.start].endswith("ب")
        for q in counts
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


def _protest_nearby(r: SentenceReading, f: Frame, verb: Item) -> list[Item]:
    """The protest words that let a protest action verb (خرج، أحرق، أغلق …) count:
    close after it, or the protesters themselves a few words before it."""
    s = settings()
    return [
        t
        for t in f.triggers
        if t is not verb
        and t.row.get("needs") != "protest"
        # another act of rioting (أحرقوا إطارات، رشقوا بالحجارة) names no protest:
        # known protesters doing one more thing
        and not (t.row["form"] == "verb" and t.row["sub_event_type"] == "Violent demonstration")
        and (
            (t.start >= verb.end and r.words_between(verb.end, t.start) <= s["protest_window"])
            # before it only the protesters themselves (المتظاهرون رفعوا), not
            # what a protest was about (احتجاجا على رفع …)
            or (
                t.end <= verb.start
                and r.words_between(t.end, verb.start) <= s["protesters_before"]
                and float(t.row["strength"]) < s["protest_noun_strength"]
            )
        )
    ]


def _new_protest(r: SentenceReading, verb: Item, words: list[Item]) -> bool:
    """The verb tells a protest breaking out, not what known protesters did: one
    of ``words`` is an indefinite protest noun after it (خرجت في بغداد مظاهرات),
    or protesters without the article or counted (متظاهرون غاضبون، آلاف المتظاهرين)."""
    strong = settings()["protest_noun_strength"]
    for t in words:
        if t.row["form"] not in ("noun", "plural"):
            continue
        if float(t.row["strength"]) >= strong:
            if t.start > verb.start and not r.definite_at(t.start):
                return True
        elif not r.definite_at(t.start) or _counted(r, t):
            return True
    return False


def _counted(r: SentenceReading, t: Item) -> bool:
    """A count stands just before the word (مئات المتظاهرين، الآلاف من المتظاهرين)."""
    return any(
        q.end <= t.start and r.words_between(q.end, _word_start(r, t.start)) <= 1
        for q in r.quantities
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
