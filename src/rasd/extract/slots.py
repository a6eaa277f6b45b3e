"""Stage 3: an event frame's slots — type, actors, claim, weapons, targets,
damage, casualties, date and place — each with the evidence span it came from.

Everything is read inside the frame's clause, by position relative to the
trigger: a figure a few words after ``مقتل``, a count right before
``صواريخ``, the actor after an active verb or after ``شنه``/``على يد``
(data/roles.tsv), the claimer after ``تبنت``, the accused after ``اتهمت``.

Roles follow the shape of the clause rather than a list of names:

- the words counted by a casualty phrase (``قتل ثلاثة جنود من الجيش``) are
  the victims, never the actor;
- a verb carrying its plural subject (``رشقوا``) has no subject after it:
  what follows is the object;
- a generic mention followed by a specific one (``مسلحون يتبعون جماعة
  الحوثي``, ``الدفاعات الجوية للتحالف``) is read as the specific one;
- ``بين X و Y`` gives both sides of a clash;
- a speaker (``أعلن الجيش … أنه``) who is an armed actor and leaves the
  event without another agent is the claimant;
- protests are acted by protesters, whatever force answered them.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field

from rasd.extract.frames import Frame, settings, statement_aside
from rasd.extract.mentions import Item, SentenceReading
from rasd.geo.recognize import body_name, is_origin, quoted_name
from rasd.model import Actor, DateWindow, Event, Evidence, Place, Target, Weapon
from rasd.text import match_form

AGENT_GAP = 2  # words between a verb and the actor after it
GENERIC_SUBS = ("Attack", "Armed clash")
# trigger sub-event types that only say what happened (an explosion, something
# fell): the weapon named beside them says which kind of attack it was
SHELLING = "Shelling/artillery/missile attack"
IMPLIED_SUBS = ("Remote explosive/landmine/IED", SHELLING)
# weapon kinds that the generic word for a rocket (صاروخ) may stand for
MISSILE_KINDS = ("ballistic_missile", "cruise_missile", "anti_tank")
ARMED = ("armed_group", "state_forces")
PAYLOAD = ("ied", "vbied")  # explosives: after another weapon, what it carried
PROTESTERS = "protesters"  # actor id given to protests whose text names no organiser
NEG_GAP = 5  # words between a negation and the casualty word it denies
SPREAD_GAP = 5  # words between a figure and the plural pronoun that counts it (لقي ستة … مصرعهم)
COMPANION_GAP = 7  # words between a casualty word and "ومرافقه" (the name of the one killed)
BLAME_GAP = 5  # words between an accusation (اتهمت، نسبته) and the accused
QUOTE_REACH = 30  # characters a quoted source name may run on either side of a word
OPEN_QUOTES = ('"', "«", "“")
CLOSE_QUOTES = ('"', "»", "”")
UNSPECIFIED = "(unspecified)"  # how the actor dictionary marks a generic mention


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
    dated: bool = False  # the window came from a date expression, not from context
    said: bool = False  # … from the date of a statement only (أعلن التنظيم، اليوم، مسؤوليته)
    location: Place | None = None
    place_text: str | None = None  # the words that named the place (for merging)
    places: list[str] = field(default_factory=list)  # every place the frame names
    offset: bool = False  # the place is a point of reference (على بعد 60 ميلاً من الحديدة)
    near: bool = False  # … named by its nearness to the event's (قرية البو صباح القريبة)
    admitted: bool = False  # actor2 admits its own losses (أقر الجيش بإصابة جندي)
    evidence: list[tuple[str, int, int]] = field(default_factory=list)  # (field, start, end)

    def cite(self, name: str, start: int, end: int) -> None:
        if (name, start, end) not in self.evidence:
            self.evidence.append((name, start, end))


@functools.cache
def _civilian_words() -> frozenset[str]:
    """Person words that name a civilian victim (data/civilian_words.tsv)."""
    from rasd import resources

    return frozenset(
        match_form(row["word"]) for row in resources.tsv("extract", "civilian_words.tsv")
    )


def _civilian_word(r: SentenceReading, start: int, end: int) -> tuple[int, int] | None:
    """The first civilian person word in ``[start, end)`` (a whole word, through the
    clitics و ف ب ل) that is no part of an actor's name: its span."""
    words = _civilian_words()
    for x in r.token_starts:
        if not start <= x < end:
            continue
        y = x
        while y < end and r.text[y].isalpha():
            y += 1
        form = match_form(r.text[x:y])
        if form in words or (len(form) > 3 and form[0] in "وفبل" and form[1:] in words):
            if not any(a.start < y and x < a.end for a in r.actors):
                return x, y
    return None


@functools.cache
def _units() -> frozenset[str]:
    return frozenset(match_form(u) for u in settings()["units"])


def fill(
    f: Frame,
    text: str,
    *,
    fallback_dates=None,
    published: DateWindow | None = None,
    narrative: DateWindow | None = None,
) -> Slots:
    """The slots of frame ``f`` over ``text`` (the article text). ``narrative``
    is the date the article's story is at (the event told just before): a
    sentence without a date of its own continues it."""
    f = _before_response(f)
    r = f.reading
    head = type_head(f)
    slots = Slots("", "", head.row["plover_type"], True)
    for t in f.triggers:
        slots.cite("event", t.start, t.end)
    _weapons(f, text, slots)
    _type(f, head, slots)
    if f.family != "violence":
        slots.weapons = []  # a march (مسيرة) carries no drone
    elif not slots.weapons and head.row["sub_event_type"] == "Air/drone strike":
        # "غارة على …"، "ضربات جوية": an air raid named with no weapon was flown (an
        # aircraft or a drone another telling names replaces it: fold_weapons)
        slots.weapons = [AssumedWeapon("aircraft", None, None)]
        slots.cite("weapons", head.start, head.end)
    _targets(f, text, slots)
    _casualties(f, text, slots)
    sides = _actors(f, slots)
    if sides and slots.sub_event_type == "Attack":
        # violence between two named armed sides is a clash
        retype(slots, "Armed clash")
    elif slots.sub_event_type == "Armed clash" and (
        (_shooting(f) and _kind_of(slots.actor2) not in ARMED)
        or _kind_of(slots.actor2) == "civilians"
    ):
        # shots fired at a car, a man, a house (أطلقوا وابلاً من الرصاص على سيارة النقيب),
        # an armed attack on farmers: one side's violence is an attack; a clash needs
        # two armed sides
        retype(slots, "Attack")
    _date(f, slots, fallback_dates, published, narrative)
    _place(f, r, slots)
    return slots


def retype(slots: Slots | Event, sub: str) -> None:
    """Give slots or an event another sub-event type, and the event type it belongs to."""
    slots.sub_event_type = sub
    slots.event_type = settings()["event_types"].get(sub, slots.event_type)


def _kind_of(a: Actor | None) -> str:
    return getattr(a, "kind", "") if a is not None else ""


def _shooting(f: Frame) -> bool:
    """The clause tells shots fired (a small-arms weapon word that is, or follows,
    its trigger: أطلقوا النار، برصاص مسلحين) and no clash word."""
    r = f.reading
    arms = [w for w in f.inside(r.weapons) if w.row["kind"] == "small_arms"]
    if not arms:
        return False
    clash = [t for t in f.triggers if t.row["sub_event_type"] == "Armed clash"]
    return all(any(w.start < t.end and t.start < w.end for w in arms) for t in clash)


def _before_response(f: Frame) -> Frame:
    """ "غارات على ميناء الحديدة … رداً على هجوم بطائرة مسيرة على تل أبيب",
    "قصف صاروخي يستهدف القاعدة … وواشنطن ترد بقصف مدفعي": after a response word
    (roles.tsv ``response``) the clause tells another event, the cause or the
    reply; its weapons, targets and figures are not this event's."""
    r = f.reading
    first = min(t.start for t in f.triggers)
    fire_back = r.role("return_fire")
    for x in f.inside(r.role("response")):
        if x.start <= first:
            continue
        if any(y.start <= x.start < y.end for y in fire_back):
            continue  # "فتعرضت لإطلاق نار، فردت على مصادر النيران": the same fight
        if not any(t.start >= x.end for t in f.triggers):
            return f  # nothing told after it
        keep = [t for t in f.triggers if t.start < x.start]
        live = [t for t in f.live if t.start < x.start] if f.live else None
        return dataclasses.replace(f, end=x.start, triggers=keep, live=live or None)
    return f


def fill_follow_up(f: Frame, text: str) -> Slots:
    """The slots a sentence with no event of its own may add to the event told
    before it: claim and suspect, casualties, targets and damage, place."""
    slots = Slots("", "", f.head.row["plover_type"], False)
    _targets(f, text, slots)
    _casualties(f, text, slots)
    _actors(f, slots)
    _place(f, f.reading, slots)
    return slots


def fill_admission(f: Frame, text: str) -> Slots | None:
    """The slots of a sentence with no event word in which a side admits its own
    losses (mentions.read_admission: ``وأقر الجيش الإسرائيلي بإصابة جندي بجروح``): the
    armed side right after the admission is the side hit (actor2, ``admitted``), and
    the toll its casualty words give; None when no armed side admits a figure."""
    r = f.reading
    roles = _Roles(f)
    for c in r.role("admit"):
        a = roles.after(c.end, gap=1)
        if a is None or _kind(a) not in ARMED or _generic(a):
            continue
        if not any(x.start >= a.end and r.words_between(a.end, x.start) <= 2 for x in r.casualties):
            continue
        slots = Slots("", "", "ASSAULT", False)
        _casualties(f, text, slots)
        if slots.fatalities is None and slots.injuries is None:
            return None
        slots.actor2 = a.actor
        slots.cite("actor2", a.start, a.end)
        slots.admitted = True
        return slots
    return None


def fill_toll(f: Frame, text: str) -> Slots:
    """The slots of a sentence with no event word in which a rescue or health service
    gives a toll (mentions.read_medic_toll): the toll, and the first place it names."""
    slots = Slots("", "", "ASSAULT", False)
    _casualties(f, text, slots)
    place = next((p for p in f.reading.places if p.place is not None), None)
    if place is not None:
        slots.location = place.place
        slots.place_text = place.text
        slots.cite("location", place.start, place.end)
    return slots


# --- type ------------------------------------------------------------------


def inside_casualty(r: SentenceReading, t: Item) -> bool:
    """A trigger that is only the casualty phrase (مقتل، سقوط قتيلين), not the attack."""
    if not any(c.start <= t.start and t.end <= c.end for c in r.casualties):
        return False
    # "سقوط صواريخ": the fall of a weapon is the attack itself
    return not any(w.start >= t.end and r.words_between(t.end, w.start) <= 1 for w in r.weapons)


def type_head(f: Frame) -> Item:
    """The trigger that decides the type: the frame's head, unless that is only
    a casualty word and the clause holds the attack word too."""
    # (a trigger its own cue cancelled, حال دون اعتراض الطائرة, decides nothing)
    pool = f.live or f.triggers
    partial = _partly_stopped(f, pool)
    if partial is not None:
        return partial
    if f.head.row["sub_event_type"] == "Disrupted weapons use" and not f.inside(f.reading.weapons):
        # "تصدت لهجوم شنته عناصر المليشيا … بعد مواجهات استمرت ثلاث ساعات": no weapon
        # was stopped; an attack on the ground was fought off
        clash = [t for t in pool if t.row["sub_event_type"] == "Armed clash"]
        if clash:
            return clash[0]
    rest = [t for t in pool if not inside_casualty(f.reading, t)]
    if not rest or len(rest) == len(pool):
        return f.head
    prio = settings()["priority"]
    return max(
        rest,
        key=lambda t: (prio.get(t.row["sub_event_type"], 0), float(t.row["strength"]), -t.start),
    )


def _partly_stopped(f: Frame, pool: list[Item]) -> Item | None:
    """``أطلقوا ستة صواريخ اعترض منها أربعة``، ``تصدت الدفاعات لعدوان بالصواريخ وأسقطت
    معظمها``: an interception of only part of a salvo (roles.tsv ``partial`` right
    after it) let the rest through, so the attack told beside it is the event."""
    r = f.reading
    head = f.head
    if head.row["sub_event_type"] != "Disrupted weapons use":
        return None
    # (or a count out of the salvo's: اعتراض أربعة صواريخ من أصل ستة)
    reach = {"partial": 2, "of_total": 4}
    # (the rest of the sentence too: "تصدت الدفاعات لعدوان …، وأسقطت معظم الصواريخ")
    parts = [x for x in r.roles if x.row["role"] in reach and x.start >= f.start]
    stops = [
        t
        for t in (*pool, *(x for x in r.triggers if x.start >= f.end))
        if t.row["sub_event_type"] == "Disrupted weapons use"
    ]
    if not any(
        x.start >= t.end and r.words_between(t.end, x.start) <= reach[x.row["role"]]
        for x in parts
        for t in stops
    ):
        return None
    attacks = [
        t
        for t in pool
        if t is not head
        and t.row["plover_type"] == "ASSAULT"
        and t.row["sub_event_type"] != "Disrupted weapons use"
        and not inside_casualty(r, t)
    ]
    return min(attacks, key=lambda t: t.start) if attacks else None


def _bombard(f: Frame, head: Item) -> bool:
    """The head is a bombardment word (data/roles.tsv ``bombard``: قصف)."""
    return any(b.start <= head.start < b.end for b in f.inside(f.reading.role("bombard")))


def _armed_attack(f: Frame, head: Item) -> bool:
    """No weapon named, and the attack is told as people attacking: an attack word
    right before ``مسلح`` (roles.tsv ``armed``: هجوم مسلح، هجوماً مسلحاً), or a bare
    attack word (roles ``assault``: هجوم) on no target hit from afar (a base of
    the air, an airport, a field, an embassy, a ship: rockets and drones hit those)."""
    r = f.reading
    if any(any(0 <= x.start - t.end <= 1 for t in f.triggers) for x in f.inside(r.role("armed"))):
        return True
    if not any(x.start <= head.start < x.end for x in f.inside(r.role("assault"))):
        return False
    return not {t.row["kind"] for t in f.inside(r.targets)} & REMOTE_TARGETS


REMOTE_TARGETS = frozenset(
    {"air_base", "airport", "oil_field", "gas_field", "embassy", "ship", "air_defense", "radar"}
)


def _read_kinds(f: Frame) -> set[str]:
    """The kinds of the clause's weapons, a shell named right before its kind
    (``قذيفة "آر بي جي"``) counted as that kind only."""
    r = f.reading
    ws = [w for w in f.inside(r.weapons) if w.row["kind"] != "-"]
    kinds = set()
    for i, w in enumerate(ws):
        nxt = ws[i + 1] if i + 1 < len(ws) else None
        if (
            w.row["kind"] == "artillery"
            and nxt is not None
            and nxt.row["kind"] != "artillery"
            and nxt.start >= w.end
            and not r.text[w.end : nxt.start].strip(" \"'«»“”")
        ):
            continue
        kinds.add(w.row["kind"])
    return kinds


def _type(f: Frame, head: Item, slots: Slots) -> None:
    s = settings()
    sub = head.row["sub_event_type"]
    weapon_subs = [w.row["sub_event_type"] for w in f.inside(f.reading.weapons)]
    weapon_subs = [x for x in weapon_subs if x != "-"]
    violent = f.family == "violence"
    kinds = _read_kinds(f)
    if violent and "small_arms" in kinds:
        # "نصبوا كميناً … واستهدفوها بالأسلحة الرشاشة وقذيفة آر بي جي": guns and the
        # infantry's rockets (roles-free: settings ``infantry_kinds``) tell a fight or a
        # raid, not a bombardment from afar
        infantry = set(s.get("infantry_kinds", ()))
        if sub in GENERIC_SUBS or (sub == "-" and kinds <= infantry and not _bombard(f, head)):
            weapon_subs = []
            if sub == "-":
                sub = "Attack"
    if (
        sub == "-"
        or (sub in GENERIC_SUBS and weapon_subs and violent)
        or (sub in IMPLIED_SUBS and weapon_subs and sub not in weapon_subs and violent)
    ):
        if weapon_subs:
            sub = max(weapon_subs, key=lambda x: s["priority"].get(x, 0))
            slots.plover_type = "ASSAULT"
        elif violent and any(w.row["kind"] == "small_arms" for w in f.inside(f.reading.weapons)):
            sub = "Attack"  # "أطلقوا وابلاً من الرصاص على سيارة": shots fired at someone
        elif _bombard(f, head):
            sub = SHELLING  # "القصف الإيراني الذي طال أربيل": a bombardment with no weapon named
        elif violent and _armed_attack(f, head):
            sub = "Attack"  # "هجوم مسلح على نقطة تفتيش": gunmen, no bombardment
        else:
            slots.specific = False
            key = "with_target" if f.inside(f.reading.targets) else "without_target"
            _, sub = s["fallback"][key]
    if (
        f.family == "protest"
        and sub == "Peaceful protest"
        and any(
            t.row["sub_event_type"] == "Violent demonstration"
            and not any(
                c.end <= t.start and f.reading.words_between(c.end, t.start) <= 2
                for c in f.reading.cue("negation")
            )
            for t in f.triggers
        )
    ):
        # "وتجمع المحتجون … حيث رشقوا الواجهات بالحجارة": the rally's own riot acts (not
        # a protest of their own, but what this one did) make it violent
        sub = "Violent demonstration"
    if violent and head.row["form"] == "fall" and kinds == {"small_arms"}:
        sub = "Attack"  # "إن طفله سقط بعد أن أصابته رصاصة": a bullet, not a shell, fell
    slots.sub_event_type = sub
    slots.event_type = s["event_types"].get(sub, head.row["event_type"])


# --- weapons ---------------------------------------------------------------


def _count_near(r: SentenceReading, text: str, w: Item) -> tuple[int | None, object | None]:
    gap = settings()["weapon_gap"]
    for q in r.quantities:
        if q.start <= w.start < q.end:  # a dual: صاروخين
            return q.value, q
        if w.start < q.start < w.end:
            continue  # "إف-16": a model's number inside the weapon's name
        if (
            q.end <= w.start
            and r.words_between(q.end, w.start) == 0
            and not _is_unit_after(r, text, q)
        ):
            return q.value, q
        if (
            q.end <= w.start
            and r.words_between(q.end, w.start) <= gap - 1
            and q.value
            and q.value < 100
        ):
            # "بـ 3 صواريخ": a stray letter between
            between = text[q.end : w.start].strip(" ـ-")
            if len(between) <= 2:
                return q.value, q
    return None, None


def _out_of(f: Frame, w: Item):
    """The total a counted weapon was part of (roles.tsv ``of_total``: ``اعتراض أربعة
    صواريخ من أصل ستة``), or None."""
    r = f.reading
    for x in f.inside(r.role("of_total")):
        if x.start < w.end or r.words_between(w.end, x.start) > 1:
            continue
        for q in r.quantities:
            if q.start >= x.end and r.words_between(x.end, q.start) == 0 and q.value:
                return q
    return None


def _approximate(f: Frame, q) -> bool:
    """The figure follows an approximation word (roles.tsv ``approx``: أكثر من، نحو)."""
    r = f.reading
    return any(
        x.end <= q.start and r.words_between(x.end, q.start) == 0
        for x in f.inside(r.role("approx"))
    )


def _is_unit_after(r: SentenceReading, text: str, q) -> bool:
    after = text[q.end : q.end + 14].split()
    return bool(after) and match_form(after[0]) in _units()


@dataclass(frozen=True, slots=True)
class AssumedWeapon(Weapon):
    """A weapon the event word implies (an air raid was flown) but no word names."""


def fold_weapons(weapons: list[Weapon]) -> list[Weapon]:
    """Fold the generic rocket (صاروخ) into a missile of a named kind told
    beside it: "صواريخ باليستية … 11 صاروخاً" is 11 ballistic missiles. An assumed
    weapon gives way to any weapon a telling names (the headline's غارة, the
    body's مسيّرة), else it stays as a plain one."""
    named = [w for w in weapons if not isinstance(w, AssumedWeapon)]
    if named:
        weapons = named
    else:
        weapons = list(dict.fromkeys(Weapon(w.kind, w.model, w.count) for w in weapons))
    missiles = [w for w in weapons if w.kind in MISSILE_KINDS]
    if len(missiles) != 1:
        return weapons
    m = missiles[0]
    rockets = [w for w in weapons if w.kind == "rocket" and w.model is None]
    if not rockets:
        return weapons
    count = m.count
    if count is None:
        counts = [w.count for w in rockets if w.count is not None]
        count = max(counts) if counts else None
    out = []
    for w in weapons:
        if w in rockets:
            continue
        out.append(Weapon(m.kind, m.model, count) if w is m else w)
    return out


def _weapons(f: Frame, text: str, slots: Slots) -> None:
    r = f.reading
    found: list[list] = []  # [kind, model, count, start, end, definite]
    stores = f.inside(r.role("store"))
    stored: int | None = None  # the end of the last weapon named as stored
    head = f.head
    for w in f.inside(r.weapons):
        row = w.row
        if row["kind"] == "-":
            continue  # an idiom (وقف إطلاق النار) names no weapon
        if _quoted_act(r, head, w):
            continue  # "… إن العنصر "كان مسؤولاً عن إطلاق قذائف"": another act, quoted
        if any(x.end <= w.start and r.words_between(x.end, w.start) <= 2 for x in stores) or (
            stored is not None and r.text[stored : w.start].strip(" و") in ("", "ال", "لل")
        ):
            stored = w.end  # "مستودعات للصواريخ والطائرات المسيرة": what was hit, not what hit
            continue
        number = row["number"]
        model = row["model"] if row["model"] != "-" else None
        if number == "model":
            prev = found[-1] if found else None
            if (
                prev is not None
                and r.words_between(prev[4], w.start) <= 3
                and prev[0] in (row["kind"], "rocket", "drone")
            ):
                prev[1] = model
                prev[0] = row["kind"]
                slots.cite("weapons", w.start, w.end)
                continue
            found.append([row["kind"], model, None, w.start, w.end, False])
            slots.cite("weapons", w.start, w.end)
            continue
        value, q = _count_near(r, text, w)
        if q is not None and _approximate(f, q):
            value = None  # "أكثر من عشر قذائف": not a count
        whole = _out_of(f, w)
        if whole is not None:
            value, q = whole.value, whole  # "أربعة صواريخ من أصل ستة": the salvo had six
        if number.isdigit():
            count = int(number)  # "طائرة مسيرة ثانية": the second of at least two
        elif number == "du":
            count = 2
        elif value is not None:
            count = value
        elif number == "sg":
            count = 1
        else:
            count = None
        found.append(
            [row["kind"], model, count, w.start, w.end, r.definite_at(w.start) and q is None]
        )
        slots.cite("weapons", w.start, w.end)
        if q is not None:
            slots.cite("weapons", q.start, q.end)
    # "طائرة مسيرة محملة بمواد متفجرة", "مسيرة مفخخة": explosives right after another
    # weapon are its payload, not a bomb of their own
    found = [
        x
        for x in found
        if x[0] not in PAYLOAD
        or not any(
            y[0] not in PAYLOAD and y[4] <= x[3] and r.words_between(y[4], x[3]) <= 2 for y in found
        )
    ]
    # "قذيفة \"آر بي جي\""، "قذائف هاون": a shell named right before its kind is that kind
    folded = []
    for i, x in enumerate(found):
        y = found[i + 1] if i + 1 < len(found) else None
        if (
            x[0] == "artillery"
            and y is not None
            and y[0] != "artillery"
            and y[3] >= x[4]
            and not r.text[x[4] : y[3]].strip(" \"'«»“”")
        ):
            if y[2] is None:
                y[2] = x[2]
            continue
        folded.append(x)
    found = folded
    # a definite weapon (الصواريخ) refers to something known: beside a weapon the
    # clause introduces, it names no weapon of its own ("وحدة الصواريخ", "مصادر إطلاق الصواريخ")
    fresh = {x[0] for x in found if not x[5]}
    if fresh:
        found = [x for x in found if not x[5] or x[0] in fresh]
    merged: dict[tuple[str, str | None], list] = {}
    for kind, model, count, *_ in found:
        key = (kind, model)
        same_kind = [k for k in merged if k[0] == kind and (k[1] is None or model is None)]
        if same_kind:
            k = same_kind[0]
            old = merged.pop(k)
            merged[(kind, old[1] or model)] = [
                kind,
                old[1] or model,
                old[2] if old[2] is not None else count,
            ]
        else:
            merged[key] = [kind, model, count]
    slots.weapons = fold_weapons(
        [Weapon(kind, model, count) for kind, model, count in merged.values()]
    )


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
    damage = f.inside(r.role("damage"))
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

COUNTED = ("fatalities", "injuries", "none", "no_fatalities", "no_injuries")


def _negated(f: Frame, c: Item) -> bool:
    """``لم يسفر الهجوم عن خسائر بشرية``, ``من دون تسجيل إصابات``: a negation
    (data/roles.tsv) shortly before the casualty word, with no vague word (عدد،
    حصيلة، معلومات) between and no figure right after it."""
    r = f.reading
    words = f.inside(r.roles)
    for n in words:
        if (
            n.row["role"] != "negation"
            or n.end > c.start
            or r.words_between(n.end, c.start) > NEG_GAP
        ):
            continue
        if any(v.row["role"] == "vague" and n.start <= v.start < c.end for v in words):
            continue
        if any(q.start >= c.end and r.words_between(c.end, q.start) <= 1 for q in r.quantities):
            continue
        return True
    return False


def _combined(r: SentenceReading, main: list[Item], text: str) -> set[int]:
    """``مقتل وإصابة ستة جنود``: one figure for the dead and the wounded
    together is neither a death toll nor a count of injured."""
    out: set[int] = set()
    for a, b in zip(main, main[1:], strict=False):
        fields = {a.row["field"], b.row["field"]}
        if fields == {"fatalities", "injuries"} and a.row["count"] == "after":
            if (
                text[a.end : b.start].strip() in ("و", "أو", "او", "")
                and r.words_between(a.end, b.start) <= 1
            ):
                out.update((id(a), id(b)))
    return out


def _casualties(f: Frame, text: str, slots: Slots) -> None:
    r = f.reading
    gap = settings()["casualty_gap"]
    hits = f.inside(r.casualties)
    main = [c for c in hits if c.row["field"] in COUNTED]
    words = f.inside(r.roles)
    units = [u for u in words if u.row["role"] in ("person_one", "person_two")]
    companions = [u for u in words if u.row["role"] == "companion"]
    for n in words:
        if n.row["role"] == "casualty_noun" and _negated(f, n):
            slots.fatalities = 0 if slots.fatalities is None else slots.fatalities
            slots.injuries = 0 if slots.injuries is None else slots.injuries
            slots.cite("fatalities", n.start, n.end)
            slots.cite("injuries", n.start, n.end)
    combined = _combined(r, main, text)
    # "الحصيلة الإجمالية … بلغت ستة عشر شهيداً": a total over several events
    # (… or a claimant's boast: "زاعماً أنه أوقع خمسة قتلى", roles ``boast``)
    total = min((x.start for x in words if x.row["role"] in ("total", "boast")), default=None)
    if total is not None:
        main = [c for c in main if c.start < total or c.row["count"] == "zero"]
    for i, c in enumerate(main):
        fld, how = c.row["field"], c.row["count"]
        if how == "zero" or _negated(f, c):
            if fld in ("none", "no_fatalities", "fatalities") and slots.fatalities is None:
                slots.fatalities = 0
            if fld in ("none", "no_injuries", "injuries") and slots.injuries is None:
                slots.injuries = 0
            if fld in ("none", "no_fatalities", "fatalities"):
                slots.cite("fatalities", c.start, c.end)
            if fld in ("none", "no_injuries", "injuries"):
                slots.cite("injuries", c.start, c.end)
            continue
        if id(c) in combined or fld not in ("fatalities", "injuries"):
            continue
        value, q = None, None
        if how == "one":
            value = 1
        elif how == "two":
            value = 2
        stop = min((x.start for x in main[i + 1 :] if x.start >= c.end), default=r.end)
        unit = next(
            (
                u
                for u in units
                if u.start >= c.end
                and r.words_between(c.end, u.start) == 0
                and not _counts_thing(r, u.end)
            ),
            None,
        )
        for qq in r.quantities:
            if qq.start <= c.start < qq.end or c.start <= qq.start < c.end:
                value, q = qq.value, qq  # a dual: قتيلان
                break
            if (
                how == "after"
                and c.end <= qq.start < stop
                and r.words_between(c.end, qq.start) <= gap
            ):
                if (
                    not _is_unit_after(r, text, qq)
                    and not _is_date(r, qq)
                    and not _counts_thing(r, qq.end)
                ):
                    value, q = qq.value, qq
                break
            if how == "before" and qq.end <= c.start and r.words_between(qq.end, c.start) <= 2:
                if not _is_unit_after(r, text, qq) and not _is_date(r, qq):
                    value, q = qq.value, qq
            elif (
                how == "before"
                and value is None
                and _counted_side(r, qq, c)
                and not any(qq.end <= x.start < c.start for x in main)
                and not _is_date(r, qq)
            ):
                # "خمسة عناصر من قوات الأمن أصيبوا بجروح": the figure, the people it
                # counts and their side, then the plural casualty verb
                value, q = qq.value, qq
            if (
                how == "spread"
                and qq.end <= c.start
                and r.words_between(qq.end, c.start) <= SPREAD_GAP
                and not any(qq.end <= x.start < c.start for x in main)
                and not _is_date(r, qq)
            ):
                # "لقي ستة من عناصر الشرطة مصرعهم": the last figure before the pronoun
                value, q = qq.value, qq
        if how == "after" and unit is not None and (q is None or unit.start < q.start):
            # "مقتل طفلة", "استشهد مواطنان", "وإصابة ثالث": the person word is the count
            value, q = (1 if unit.row["role"] == "person_one" else 2), None
            slots.cite(fld, unit.start, unit.end)
            # "استشهد ضابط برتبة نقيب وجنديان": persons joined by و add up
            last = unit
            for u in units:
                if u.start <= last.end or u.start >= stop:
                    continue
                if (
                    text[u.start - 1 : u.start] != "و"
                    or r.words_between(last.end, u.start) > COMPANION_GAP
                    or any(last.end <= x.start < u.start for x in r.quantities)
                ):
                    break
                value += 1 if u.row["role"] == "person_one" else 2
                slots.cite(fld, u.start, u.end)
                last = u
        if q is None and how in ("after", "one"):
            # "مقتل القيادي خدر سليمان ومرافقه", "مقتله ومرافقه": the one named and his companions
            kin = _companions(r, c, stop, companions)
            if kin:
                value = (value or 1) + kin
        if value is None:
            continue
        if how == "after" and q is not None and q.value is not None:
            value += _more_figures(r, text, q, stop)
        prior = main[i - 1] if i else None
        more = (
            prior is not None
            and prior.row["field"] == fld
            and prior.row["count"] != "zero"
            and r.text[c.start - 1 : c.start] == "و"
            and r.words_between(prior.end, c.start) <= COMPANION_GAP
        )  # "مصرع 6 حوثيين ومقتل جنديين": the dead of both sides add up
        if fld == "fatalities" and slots.fatalities is None:
            slots.fatalities = value
        elif fld == "injuries" and slots.injuries is None:
            slots.injuries = value
        elif more and fld == "fatalities":
            slots.fatalities += value
        elif more and fld == "injuries":
            slots.injuries += value
        else:
            continue
        slots.cite(fld, c.start, c.end)
        if q is not None:
            slots.cite(fld, q.start, q.end)


def _counted_side(r: SentenceReading, q, c: Item) -> bool:
    """Between the figure ``q`` and the casualty word ``c`` stand only the noun it
    counts, ``من`` and an actor's name (at most SPREAD_GAP words)."""
    if q.end > c.start or r.words_between(q.end, c.start) > SPREAD_GAP:
        return False
    names = [a for a in r.actors if q.end <= a.start and a.end <= c.start]
    if not names:
        return False
    loose = [
        x
        for x in r.token_starts
        if q.end <= x < c.start and not any(a.start <= x < a.end for a in names)
    ]
    return len(loose) <= 2


def _counts_thing(r: SentenceReading, pos: int) -> bool:
    """The figure after a casualty word counts a weapon or a thing hit, not people:
    ``سقوط أكثر من عشرين قذيفة``، ``أصابت أحد خزانات المكثفات``."""
    things = [*r.weapons, *(t for t in r.targets if t.row["kind"] != "people")]
    return any(x.start >= pos and r.words_between(pos, x.start) == 0 for x in things)


def _companions(r: SentenceReading, c: Item, stop: int, companions: list[Item]) -> int:
    """How many companion words (ومرافقه، وشقيقه) follow the casualty word ``c``
    before the next casualty word, each within a short name of the one before,
    with no figure between."""
    n, last = 0, c.end
    for k in companions:
        if k.start < last or k.start >= stop:
            continue
        if r.words_between(last, k.start) > COMPANION_GAP:
            break
        if any(last <= q.start < k.start for q in r.quantities):
            break
        n += 1
        last = k.end
    return n


def _more_figures(r: SentenceReading, text: str, q, stop: int) -> int:
    """``مقتل خمسة من عناصر قسد وثلاثة من مقاتلي العشائر``: figures joined by و
    before the next casualty phrase add up."""
    extra = 0
    last = q
    for qq in r.quantities:
        if qq.start <= last.end or qq.start >= stop or qq.value is None:
            continue
        if (
            r.words_between(last.end, qq.start) > 5
            or _is_unit_after(r, text, qq)
            or _is_date(r, qq)
        ):
            break
        if not (
            text[qq.start - 1 : qq.start] == "و"
            or text[max(0, qq.start - 2) : qq.start].strip() == "و"
        ):
            break
        if any(last.end <= x.start < qq.start for x in (*r.weapons, *r.targets, *r.triggers)):
            break
        extra += qq.value
        last = qq
    return extra


def _is_date(r: SentenceReading, q) -> bool:
    return any(d.start <= q.start and q.end <= d.end for d in r.dates)


# --- actors and claims --------------------------------------------------------


def _kind(a) -> str:
    return getattr(a.actor, "kind", "")


def _attacker(a) -> bool:
    """An armed side, or gunmen the text does not name (settings ``attacker_actors``)."""
    return _kind(a) in ARMED or getattr(a.actor, "id", "") in settings()["attacker_actors"]


def _generic(a) -> bool:
    return getattr(a.actor, "name", "").endswith(UNSPECIFIED)


class _Roles:
    """Actor look-ups in one frame (or, for a claim outside it, the sentence)."""

    def __init__(self, f: Frame) -> None:
        self.f = f
        self.r = f.reading
        # "…، وفق هيئة عمليات التجارة البحرية البريطانية": who reports it takes no part
        self.frame = [a for a in f.inside(self.r.actors) if not _sourced(f, a)]
        # what marks an object: a target, a weapon, or a patient word (على، ضد، دورية)
        patients = f.inside(self.r.role("patient"))
        if f.family == "arrest":
            # "أوقفت دورية من مديرية المخابرات أربعة أشخاص": who is arrested is people;
            # a patrol after the verb is the subject's unit, not an object
            patients = []
        self.between_items = [*f.inside(self.r.targets), *f.inside(self.r.weapons), *patients]
        # "استهدف مقاومون دبابة إسرائيلية": a vehicle named by its owner, hit
        self.hit = [a for a in self.frame if _hit_object(f, a)]
        victims = _victims(f)
        # "ثلاثة جنود من الجيش العراقي": the army named after the counted soldiers is hit too
        self.victims = victims + [
            b for b in (self.specific(v) for v in victims) if b not in victims
        ]
        self.victims += [a for a in self.hit if a not in self.victims]

    def after(self, pos: int, *, gap: int = AGENT_GAP, skip=(), pool=None, subject: bool = False):
        r = self.r
        for a in pool if pool is not None else self.frame:
            if a.start >= pos and a not in skip:
                if r.words_between(pos, a.start) > gap:
                    return None
                if subject and any(pos <= t.start and t.end <= a.start for t in self.between_items):
                    return None  # an object stands between the verb and this actor
                return a
        return None

    def before(self, pos: int, *, gap: int = AGENT_GAP, skip=(), pool=None):
        r = self.r
        best = None
        for a in pool if pool is not None else self.frame:
            if a.end <= pos and r.words_between(a.end, pos) <= gap and a not in skip:
                best = a
        return best

    def specific(self, a):
        """The specific actor a generic mention is made precise by: ``مسلحون يتبعون
        جماعة الحوثي``, ``جنود من الجيش العراقي``, ``الدفاعات الجوية للتحالف الدولي``."""
        if a is None or not _generic(a):
            return a
        for b in self.r.actors:
            if b.start >= a.end and b is not a:
                if (
                    not _generic(b)
                    and _kind(b) in ARMED
                    and self._joined(a.end, b.start)
                    and b not in self.hit  # (not the tank they hit: مقاومون دبابة إسرائيلية)
                ):
                    return b
                break
        return a

    def _joined(self, a: int, b: int) -> bool:
        """Nothing but an affiliation word (من، يتبعون، التابعين) between two mentions."""
        r = self.r

        def bare(x: int, y: int) -> bool:  # nothing, or the clitic ل (الدفاعات الجوية للتحالف)
            return r.text[x:y].strip().strip('«»"') in ("", "ل", "لل", "ال")

        if bare(a, b):
            return True
        return any(
            x.row["role"] == "affiliation"
            and a <= x.start
            and x.end <= b
            and bare(a, x.start)
            and bare(x.end, b)
            for x in r.roles
        )


def _hit_object(f: Frame, a) -> bool:
    """ "استهدف مقاومون دبابة إسرائيلية"، "أنه استهدف آلية عسكرية إسرائيلية"، "استهداف
    دبابة إسرائيلية": a side named by a vehicle or weapon with its adjective (a name
    that opens on a target word) as the object of the act names the side hit, never
    the one that hit it. Right after a verb with no subject told before it, the
    vehicle is the subject (``استهدفت دبابة إسرائيلية منزلاً``)."""
    r = f.reading
    if not any(x.start <= a.start < x.end for x in r.targets):
        return False
    marks = [x for x in (*f.triggers, *r.role("patient")) if x.end <= a.start]
    if not marks:
        return False
    p = max(marks, key=lambda x: x.end)
    gap = r.words_between(p.end, a.start)
    verb = next(
        (t for t in f.triggers if t.start <= p.start < t.end and t.row["form"] == "verb"), None
    )
    if verb is None:  # a verbal noun or على/ضد: its object follows it (not قصف دبابات: by them)
        return gap == 0 and not any(x.start <= p.start < x.end for x in r.role("bombard"))
    if gap > 0:  # "استهدف مقاومون دبابة": a subject stands between
        return gap <= AGENT_GAP and any(p.end <= b.start and b.end <= a.start for b in r.actors)
    if match_form(r.text[verb.start : verb.end]).endswith("وا"):
        return True  # "استهدفوا دبابة": the verb carries its subject
    # "أنه استهدف"، "المقاومة استهدفت": the subject is told before the verb
    told = [
        c
        for c in r.role("complement")
        if match_form(r.text[c.start : c.end]).endswith(("ه", "ها", "هم"))
    ]
    told += [b for b in r.actors if _kind(b) in ARMED]
    return any(x.end <= verb.start and r.words_between(x.end, verb.start) == 0 for x in told)


SOURCE_GAP = 6  # words between a source word (وفق، بحسب) and the reporter it names


def _sourced(f: Frame, a) -> bool:
    """The actor is named as the source of the report (roles.tsv ``source``: وفق،
    بحسب، نقلا عن), after every trigger of the clause: it tells, it does not act."""
    r = f.reading
    for x in r.role("source"):
        if x.end > a.start:
            continue
        if r.words_between(x.end, a.start) > SOURCE_GAP:
            continue
        if any(x.start <= t.start < a.start for t in f.triggers):
            continue  # (بحسب X، قصفت القوات …: a new clause after the source)
        if any(t.start >= a.end for t in f.triggers):
            continue  # the act is told after it: the source opens the sentence
        return True
    return False


def _victims(f: Frame) -> list:
    """Actors counted by a casualty phrase: ``قتل ثلاثة جنود من الجيش العراقي``."""
    r = f.reading
    out = []
    for c in f.inside(r.casualties):
        if c.row["field"] in ("fatalities", "injuries") and c.row["count"] == "one":
            # "لقي عنصر في حزب الله مصرعه": the person named right before the casualty
            # word that carries him as a pronoun
            for a in f.inside(r.actors):
                if (
                    a.end <= c.start
                    and r.words_between(a.end, c.start) <= 1
                    and any(
                        x.row["role"] in ("person_one", "person_two") and a.start <= x.start < a.end
                        for x in r.roles
                    )
                ):
                    out.append(a)
            continue
        if c.row["field"] in ("fatalities", "injuries") and c.row["count"] in ("spread", "before"):
            # "لقي ستة من عناصر الشرطة مصرعهم": the side counted between figure and pronoun
            for a in f.inside(r.actors):
                if (
                    a.end <= c.start
                    and r.words_between(a.end, c.start) <= 1
                    and any(
                        q.end <= a.start and r.words_between(q.end, a.start) <= 2
                        for q in r.quantities
                    )
                ):
                    out.append(a)
            continue
        if c.row["field"] not in ("fatalities", "injuries") or c.row["count"] != "after":
            continue
        for a in f.inside(r.actors):
            if a.start >= c.end:
                if any(a.start < w.end and w.start < a.end for w in r.weapons):
                    break  # "أصيب ثلاثة جراء سقوط مسيرة حوثية": the weapon's side struck
                counted = any(
                    c.end <= q.start < a.start or a.start <= q.start < a.end for q in r.quantities
                ) or any(
                    # "قتل قيادي في تنظيم داعش": a person word counts one, the actor is his
                    x.row["role"] in ("person_one", "person_two") and c.end <= x.start < a.start
                    for x in r.roles
                )
                if r.words_between(c.end, a.start) <= 3 and (counted or not _active_verb(r, c)):
                    out.append(a)
                break
    return out


def _active_verb(r: SentenceReading, c: Item) -> bool:
    """``قتل مسلحون ثلاثة جنود``: a casualty verb that may take its subject after
    it; written with a damma (قُتل) it is passive and what follows is the victim."""
    verb = any(t.row["form"] == "verb" and t.start < c.end and c.start < t.end for t in r.triggers)
    return verb and "\u064f" not in r.text[c.start : c.end]


@functools.cache
def _dictionary_actor(actor_id: str) -> Actor | None:
    try:
        from rasd.extract.actors import load
    except ImportError:  # the actor dictionary is not installed
        return None
    try:
        return load().get(actor_id)
    except KeyError:
        return None


def _between(f: Frame, roles: _Roles):
    """``اشتباكات بين قوات سوريا الديمقراطية ومسلحين من العشائر``: both sides."""
    r = f.reading
    for b in f.inside(r.role("between")):
        first = roles.after(b.end, gap=3)
        if first is None or _kind(first) not in (*ARMED, "other"):
            continue
        first = roles.specific(first)  # "بين مسلحين حوثيين ومسلحين من القبيلة"
        second = roles.after(first.end, gap=6, skip=(first,))
        if second is not None and _kind(first) == "other":
            # "بين عناصر من حركة فتح ومسلحين من جماعات إسلامية": a movement's fighters
            # against an armed side are a side of the clash
            if _kind(second) not in ARMED:
                continue
        if second is not None and _kind(second) in (*ARMED, "civilians"):
            return first, roles.specific(second)
        if second is None and any(
            x.start < first.end and first.start < x.end for x in f.inside(r.role("pair"))
        ):
            return first, first  # "نزاع مسلح اندلع بين عشيرتين": both sides of one kind
    return None


def _actors(f: Frame, slots: Slots) -> bool:
    """Fill actor1, actor2, the claim and the suspect; True when the clause
    names both sides of a clash (بين X و Y)."""
    r = f.reading
    roles = _Roles(f)
    claimer = None
    speaker = None
    spokesman = None
    victims = roles.victims
    used: list = list(victims)
    inside = f.inside(r.claims)
    claims = inside or [c for c in r.claims if c.start >= f.end or c.end <= f.start]
    pool = None if inside else r.actors  # a claim outside the clause names its actor outside it too
    claims = [*_spoken(r, f), *claims]
    for c in claims:
        status, where = c.row["status"], c.row["actor"]
        if c.row.get("kind") == "statement":
            # أعلن/قال X: X speaks; X is the claimant only when X also did it
            if speaker is None:
                a = (
                    roles.before(c.start, gap=4, pool=pool)
                    if where == "before"
                    else roles.after(c.end, gap=2, pool=pool)
                    or roles.before(c.start, gap=2, pool=pool)
                )
                mouth = _spokesman(r, c.end) if where != "before" else None
                if mouth is not None and (a is None or a.start >= mouth.end):
                    # "أعلن المتحدث العسكري باسم الحوثيين يحيى سريع": the side the
                    # spokesman speaks for
                    a = a or roles.after(mouth.end, gap=1, pool=pool)
                    spokesman = a
                if a is not None and _kind(a) in ARMED and a not in victims and _speaker(r, c, a):
                    speaker = a
            continue
        if status == "claimed" and _negated_claim(r, c):
            continue  # "ولم يعلن الجيش الإسرائيلي مسؤوليته عن الضربة": no claim
        if f.family == "arrest" and status in ("attributed", "denied"):
            continue  # "اعتقلت خمسة أشخاص يشتبه بانتمائهم لداعش": the charge, not a blame
        if status == "claimed":
            after = roles.after(c.end, gap=3, pool=pool) if where != "before" else None
            if after is not None and (_kind(after) not in ARMED or after in victims):
                after = None  # "مسؤوليته عن هجوم استهدف مزارعين": the victims, not the claimant
            a = (
                roles.before(c.start, gap=4, pool=pool)
                if where == "before"
                else after or roles.before(c.start, gap=2, pool=pool)
            )
            if a is None and where == "after":  # أعلنت الجماعة، فجر اليوم، مسؤوليتها
                a = roles.before(c.start, gap=6, pool=pool)
            if a is None and where == "before":
                continue
            if a is not None and _kind(a) not in ARMED:
                continue
            slots.claim_status = "claimed"
            slots.cite("claim_status", c.start, c.end)
            if a is not None:
                a = roles.specific(a)
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
            a = roles.after(c.end, gap=2, pool=pool) or roles.before(c.start, gap=2, pool=pool)
            if a is None or not c.row["phrase"]:
                continue
            slots.claim_status = "denied"
            slots.cite("claim_status", c.start, c.end)
            slots.suspected_actor1 = a.actor
            slots.cite("suspected_actor1", a.start, a.end)
            used.append(a)
            break
        if status == "attributed":
            after = [
                a
                for a in (pool if pool is not None else roles.frame)
                if a.start >= c.end
                and r.words_between(c.end, a.start) <= BLAME_GAP
                and a not in victims
            ]
            if not after:
                continue
            blamed = after[1] if len(after) > 1 and _kind(after[0]) != "armed_group" else after[0]
            if _kind(blamed) != "armed_group" and len(after) == 1 and c.row["actor"] == "blamed":
                if "اتهم" not in match_form(c.row["phrase"]):
                    continue
            blamed = roles.specific(blamed)
            slots.claim_status = "attributed"
            slots.cite("claim_status", c.start, c.end)
            slots.suspected_actor1 = blamed.actor
            slots.cite("suspected_actor1", blamed.start, blamed.end)
            used.extend(after[: after.index(blamed) + 1] if blamed in after else [blamed])
            break
    sides = (
        _between(f, roles)
        if slots.actor1 is None and slots.claim_status not in ("attributed", "denied")
        else None
    )
    if sides is not None:
        a, b = sides
        slots.actor1 = a.actor
        slots.cite("actor1", a.start, a.end)
        slots.actor2 = b.actor
        slots.cite("actor2", b.start, b.end)
        used.extend(sides)
    if (
        slots.actor1 is None
        and speaker is not None
        and slots.sub_event_type == "Disrupted weapons use"
        and slots.claim_status in ("unknown", "claimed")
        and _reports(r, speaker)
    ):
        # "أعلنت القوات المسلحة، مساء السبت، إسقاط طائرة أمريكية": the speaker shot it
        # down and says so; the side named right after the verbal noun lost the weapon
        speaker = _claimed_by(speaker, roles, slots, used)
        first = min((t for t in f.triggers if t.start >= speaker.end), key=lambda t: t.start)
        lost = roles.after(first.end, gap=1, skip=used)
        if lost is not None and _kind(lost) in ARMED and slots.actor2 is None:
            slots.actor2 = lost.actor
            slots.cite("actor2", lost.start, lost.end)
            used.append(lost)
    if slots.actor1 is None and slots.claim_status not in ("attributed", "denied"):
        agent = _agent(f, roles, used, slots.sub_event_type)
        if agent is not None:
            agent = roles.specific(agent)
            slots.actor1 = agent.actor
            slots.cite("actor1", agent.start, agent.end)
            used.append(agent)
        elif (
            speaker is not None
            and slots.claim_status == "unknown"
            and _reports(r, speaker, named=speaker is spokesman)
            and not any(t.row["form"] in ("suffer", "fall") for t in f.triggers)
            and not _known_weapon_said(r, speaker)
            and not any(
                a is not speaker
                and speaker.end < a.start < max(t.end for t in f.triggers)
                # (not its alias right after it: "(سنتكوم)")
                and any(r.text[x].isalnum() for x in r.token_starts if speaker.end <= x < a.start)
                and a.actor.id == speaker.actor.id
                for a in r.actors
            )  # (a source named after the act, "وفق بيان قسد", is the speaker again)
        ):
            # (not "أعلن الجيش الأمريكي أن جندياً أمريكياً قتل": it speaks of its own losses)
            # "أعلن الجيش الإسرائيلي أنه اغتال …": the speaker did it and says so
            _claimed_by(speaker, roles, slots, used)
    if slots.actor1 is None and slots.claim_status not in ("attributed", "denied"):
        other = _fought_with(f, roles)
        if other is not None and getattr(slots.actor2, "id", None) != other.actor.id:
            slots.actor1 = other.actor
            slots.cite("actor1", other.start, other.end)
            used.append(other)
    if slots.actor1 is None and slots.claim_status == "unknown":
        own = _own_forces(f, roles)
        if own is not None:
            # "قال الجيش السوري إن قواته قصفت …": the speaker's own forces did it
            _claimed_by(own, roles, slots, used)
    if slots.actor1 is None and slots.claim_status not in ("attributed", "denied"):
        before = _clause_subject(f)
        if before is not None:
            slots.actor1 = before.actor
            slots.cite("actor1", before.start, before.end)
            used.append(before)
    if speaker is not None and slots.claim_status == "claimed" and slots.actor1 is None:
        speaker = roles.specific(speaker)  # أعلنت الجماعة، في بيان، مسؤوليتها
        slots.actor1 = _voiced(speaker.actor)
        slots.cite("actor1", speaker.start, speaker.end)
        used.append(speaker)
    if speaker is not None and slots.claim_status == "unknown" and slots.actor1 is not None:
        if getattr(slots.actor1, "id", None) == getattr(speaker.actor, "id", None):
            slots.claim_status = "claimed"
            slots.cite("claim_status", speaker.start, speaker.end)
    if slots.actor2 is None and slots.sub_event_type == "Disrupted weapons use":
        # "إسقاط طائرة أمريكية من دون طيار": the owner of the weapon shot down
        owner = next(
            (
                a
                for a in roles.frame
                if a not in used
                and a is not speaker
                and _kind(a) in ARMED
                and any(a.start < w.end and w.start < a.end for w in f.inside(r.weapons))
            ),
            None,
        )
        if owner is not None:
            slots.actor2 = owner.actor
            slots.cite("actor2", owner.start, owner.end)
            used.append(owner)
    if slots.actor2 is None:
        victim = _patient(f, roles, used)
        if (
            victim is not None
            and (victim not in used or victim in victims)
            and victim is not claimer
        ):
            victim = roles.specific(victim)
            slots.actor2 = victim.actor
            slots.cite("actor2", victim.start, victim.end)
    if (
        slots.actor2 is None
        and f.family == "violence"
        and sides is None
        and not any(t.row.get("sub_event_type") == "Armed clash" for t in f.triggers)
    ):
        # "اختطف مسلحون مواطنا"، "أصيب طفل بجروح جراء قصف": no side named as hit, and
        # the victim a civilian person word
        hurt = _civilian_word(r, f.start, f.end)
        civilians = _dictionary_actor("civilians") if hurt is not None else None
        if civilians is not None:
            slots.actor2 = civilians
            slots.cite("actor2", *hurt)
    admitter = _admitter(f, roles)
    if admitter is not None:
        # "وأقر الجيش الإسرائيلي بإصابة جندي": the side that admits its own losses was
        # hit; it neither did it nor claims it
        if slots.actor1 is not None and slots.actor1.id == admitter.actor.id:
            slots.actor1 = None
            if slots.claim_status == "claimed":
                slots.claim_status = "unknown"
            slots.evidence = [e for e in slots.evidence if e[0] not in ("actor1", "claim_status")]
        if slots.actor2 is None or slots.actor2.name.endswith(UNSPECIFIED):
            slots.actor2 = admitter.actor
            slots.evidence = [e for e in slots.evidence if e[0] != "actor2"]
            slots.cite("actor2", admitter.start, admitter.end)
        slots.admitted = slots.actor2 is not None and slots.actor2.id == admitter.actor.id
    if (
        slots.actor1 is not None
        and slots.actor2 is not None
        and slots.actor1.id == slots.actor2.id
        and sides is None
    ):
        # "تصدت الدفاعات الجوية لعدوان إسرائيلي بالصواريخ": one name read as both the
        # attacker and the side hit; an attack has two sides
        slots.actor2 = None
        slots.evidence = [e for e in slots.evidence if e[0] != "actor2"]
    if f.family == "protest":
        _protesters(slots, f.head)
    return sides is not None


def _admitter(f: Frame, roles: _Roles):
    """``وأقر الجيش الإسرائيلي بإصابة جندي``: the armed side right after a verb of
    admission (roles ``admit``) with a casualty word at most two words after it admits
    its own losses (None when there is none)."""
    r = f.reading
    for c in r.role("admit"):
        if c.start >= f.end or c.end > min(t.start for t in f.triggers):
            continue
        a = roles.after(c.end, gap=1)
        if a is None or _kind(a) not in ARMED:
            continue
        if any(x.start >= a.end and r.words_between(a.end, x.start) <= 2 for x in r.casualties):
            return a
    return None


def _own_forces(f: Frame, roles: _Roles):
    """``قال الجيش السوري إن قواته قصفت``، ``ذكرت الوزارة أن مقاتلاتها دمرت``: a force
    word carrying the speaker's pronoun (roles ``own``) right after إن/أن opens the act;
    the armed side named as the speaker just before (a verb of saying or a statement
    before it) did it. The speaker, or None."""
    r = f.reading
    first = min(t.start for t in f.triggers)
    for x in r.role("own"):
        if x.start > first:
            continue
        comp = next(
            (
                c
                for c in r.role("complement")
                if c.end <= x.start and r.words_between(c.end, x.start) == 0
            ),
            None,
        )
        if comp is None:
            continue
        said = [
            *r.role("report"),
            *(c for c in r.claims if c.row.get("kind") == "statement"),
        ]
        speaker = roles.before(comp.start, gap=3)
        if (
            speaker is not None
            and _kind(speaker) in ARMED
            and any(
                y.end <= speaker.start and r.words_between(y.end, speaker.start) <= 1 for y in said
            )
        ):
            return speaker
    return None


def _fought_with(f: Frame, roles: _Roles):
    """``قُتل ثلاثة جنود … في مواجهات عنيفة مع ميليشيا الحوثي``، ``اشتبكت قوة مع مسلحين``:
    the armed side right after ``مع`` (roles ``with``) following a clash word fought it."""
    r = f.reading
    clashes = [t for t in f.triggers if t.row["sub_event_type"] == "Armed clash"]
    for x in f.inside(r.role("with")):
        if not any(t.end <= x.start and r.words_between(t.end, x.start) <= 8 for t in clashes):
            continue
        a = roles.after(x.end, gap=2)
        if a is not None and _kind(a) in ARMED and a not in roles.victims:
            return roles.specific(a)
    return None


def _claimed_by(m, roles: _Roles, slots: Slots, used: list):
    """The side that says it did the act (its most specific name): actor1, and the
    claim, both cited on that name."""
    m = roles.specific(m)
    slots.actor1 = _voiced(m.actor)
    slots.claim_status = "claimed"
    slots.cite("actor1", m.start, m.end)
    slots.cite("claim_status", m.start, m.end)
    used.append(m)
    return m


def _voiced(actor: Actor) -> Actor:
    """A force's media office (settings ``voices``: خلية الإعلام الأمني) that announces
    the force's own act speaks for the force: the force did it."""
    target = settings().get("voices", {}).get(getattr(actor, "id", ""))
    return (_dictionary_actor(target) or actor) if target else actor


def _known_weapon_said(r: SentenceReading, speaker) -> bool:
    """``وأوضح المركز الإعلامي لقسد في بيان أن المسيرة أطلقت صاروخاً``: what the speaker
    says opens with a weapon already told (with the article) as the subject of the act:
    it describes another side's attack, it does not claim one."""
    after = [t for t in r.triggers if t.start >= speaker.end]
    if not after:
        return False
    first = min(after, key=lambda t: t.start)
    return any(
        speaker.end < w.start
        and w.end <= first.start
        and r.definite_at(w.start)
        and r.words_between(w.end, first.start) == 0
        for w in r.weapons
    )


def _clause_subject(f: Frame):
    """``هدد حزب الله بـ"رد حتمي"، فيما قصف بعد ساعات مواقع في الجليل``: a violent
    verb that opens a clause after a boundary word (فيما، بينما) with no subject of its
    own shares the subject of the clause before it, the armed side named first in the
    sentence (not one counted as hit, not one after a preposition of reference)."""
    r = f.reading
    if f.family != "violence" or not (r.start < f.opening <= f.start):
        return None
    first = min(f.triggers, key=lambda t: t.start)
    # (a bare قصف after فيما is the verb, whichever row it was read with)
    if first.row["form"] not in ("verb", "noun") or r.definite_at(first.start):
        return None
    if first.row["sub_event_type"] in IMPLIED_SUBS or inside_casualty(r, first):
        return None  # "فيما انفجرت عبوة"، "فيما قُتل راعٍ": no doer to share
    if r.words_between(f.opening, first.start) > 1:
        return None
    if any(
        a.start >= first.end and r.words_between(first.end, a.start) <= AGENT_GAP for a in r.actors
    ):
        return None  # (a subject after the verb, or an object: not an implied subject)
    counted = [c for c in r.casualties if c.end <= f.opening]
    for a in r.actors:
        if a.end > f.opening:
            break
        if _kind(a) not in ARMED or any(
            c.end <= a.start and r.words_between(c.end, a.start) <= 3 for c in counted
        ):
            continue
        return a
    return None


def _negated_claim(r: SentenceReading, c: Item) -> bool:
    """A negation (roles.tsv ``negation``: لم، دون) shortly before a claim word."""
    return any(
        n.end <= c.start and r.words_between(n.end, c.start) <= 4 for n in r.role("negation")
    )


def _reported_clause(r: SentenceReading, a: int, b: int) -> bool:
    """A complementiser (أن، إن) between ``a`` and ``b``: what follows is a clause
    of its own, whose subject is not the speaker before it."""
    return any(
        a <= c.start < b
        and r.text[c.start : c.end].isalpha()
        and not match_form(r.text[c.start : c.end]).endswith(("ه", "ها", "هم"))
        for c in r.role("complement")
    )  # "أعلنت الجماعة أنها استهدفت": the pronoun keeps the speaker as the subject


def _speaker(r: SentenceReading, cue: Item, a) -> bool:
    """The actor is the one speaking: no complementiser (أن، إن) between the
    reporting verb and it."""
    lo, hi = min(cue.end, a.start), max(cue.end, a.start)
    return not any(
        lo <= c.start < hi and r.text[c.start : c.end].isalpha() for c in r.role("complement")
    )


def _spoken(r: SentenceReading, f: Frame) -> list[Item]:
    """A reporting verb that is not a statement cue of its own (roles ``report``:
    قال، أكد) with a spokesman word right after it, in the clause: "قال المتحدث
    باسم الحوثيين إن قواتهم استهدفت …" is the side's statement, as أعلن is."""
    cued = {c.start for c in r.claims}
    return [
        Item(x.start, x.end, {"status": "claimed", "actor": "after", "kind": "statement"})
        for x in r.role("report")
        if f.start <= x.start < f.end and x.start not in cued and _spokesman(r, x.end) is not None
    ]


def _spokesman(r: SentenceReading, pos: int) -> Item | None:
    """A spokesman word (roles ``spokesman``) right after a reporting verb ending at
    ``pos``: the longest one."""
    found = [
        x
        for x in r.role("spokesman")
        if x.start >= pos and r.text[pos : x.start].strip() in ("", "ال")
    ]
    return max(found, key=lambda x: x.end, default=None)


NAME_WORDS = 3  # words of a spokesman's name between the side he speaks for and the act


def _reports(r: SentenceReading, a, named: bool = False) -> bool:
    """What the speaker says follows as a clause (أنه اغتال، إن الضربات استهدفت).
    ``named``: the speaker is the side a spokesman speaks for, whose name may
    stand before the act (… باسم الحوثيين يحيى سريع استهداف سفينة)."""
    after = [t for t in r.triggers if t.start >= a.end]
    if not after:
        return False
    first = min(after, key=lambda t: t.start)
    if inside_casualty(r, first):
        return False  # "أعلن الجيش أن جندياً قتل": it reports its losses, not an attack of its own
    if any(a.end <= c.start < first.start for c in r.role("complement")):
        return True
    # "أعلنت جماعة الحوثي، مساء الأربعاء، استهداف سفينة": what it announces is the
    # verbal noun right after it (only a date between)
    if first.row["form"] not in ("noun", "verb") or r.definite_at(first.start):
        return False  # (اعتراض is read as a verb: a verbal noun all the same)
    light = [
        *r.dates,
        *r.role("perform"),
        *(c for c in r.claims if c.row.get("kind") == "statement"),  # "في بيان"
    ]
    aside = statement_aside(r, a.end, first.start)
    rest = [
        x
        for x in r.token_starts
        if a.end <= x < first.start
        and r.text[x].isalnum()
        and not any(d.start <= x < d.end for d in light)
        and not (aside is not None and aside[0] <= x < aside[1])
    ]
    # "أعلنت القوات تنفيذ عملية استهدفت": a verbal noun of doing before the act
    if named and len(rest) <= NAME_WORDS:
        covered = [*r.places, *r.actors, *r.weapons, *r.targets, *r.roles, *r.claims]
        return not any(
            any(d.start <= x < d.end for d in covered) or not r.text[x].isalpha() for x in rest
        )  # (only a name: no place, side, weapon or grammar word)
    return not rest


def _agent(f: Frame, roles: _Roles, used: list, sub: str = ""):
    r = f.reading
    for t in sorted(f.triggers, key=lambda t: t.start):
        agent = None
        if t.row["form"] == "verb":
            carries_subject = match_form(r.text[t.start : t.end]).endswith("وا")
            agent = None if carries_subject else roles.after(t.end, skip=used, subject=True)
            if (
                agent is not None
                and sub == "Disrupted weapons use"
                and any(agent.start < w.end and w.start < agent.end for w in f.inside(r.weapons))
            ):
                agent = None  # "أسقطت … طائرة أمريكية": the weapon shot down is the object
            before = roles.before(t.start, skip=used)
            if before is not None and not _reported_clause(r, before.end, t.start):
                agent = agent or before  # not "قال الجيش إن قذيفتين أطلقتا": a new clause
        if (
            agent is None
            and t.row["form"] in ("noun", "plural")
            and r.text[max(0, t.start - 3) : t.start].endswith(("ب", "بال"))
        ):
            # "ردّت القوات الأمريكية بقصف مدفعي": the actor before "by shelling" did it
            agent = roles.before(t.start, skip=used)
            agent = agent if agent is not None and _kind(agent) in ARMED else None
            if agent is not None and any(x.end <= agent.start for x in f.triggers if x is not t):
                agent = None  # "اغتيال قيادي في حماس بضربة": the actor of another noun's phrase
        if (
            agent is None
            and t.row["form"] == "noun"
            and not r.definite_at(t.start)
            and _bombard(f, t)
        ):
            # "قصف جيش الاحتلال التركي ومرتزقته بالمدفعية قرى …": the bare bombardment
            # word (a verb, or a noun in construct) with an armed side right after it
            a = roles.after(t.end, gap=0, skip=used, subject=True)
            agent = a if a is not None and _kind(a) in ARMED else None
        if agent is None and t.row["form"] in ("noun", "plural"):
            # "بقصف لقوات النظام على بلدة"، "في هجوم لحزب العمال الكردستاني على قاعدة":
            # the attack noun, then ل and an armed actor: its author
            a = roles.after(t.end, gap=1, skip=used)
            if (
                a is not None
                and _kind(a) in ARMED
                and r.text[t.end : a.start].strip().strip('«»"ـ') in ("ل", "لل")
            ):
                agent = a
        if agent is None and t.row["form"] in ("noun", "plural"):
            # "أقدمت عصابة مسلحة على اختطاف مواطن": the subject of the light verb
            # (roles ``light``) before the act did it
            for x in f.inside(r.role("light")):
                if x.end > t.start:
                    continue
                if any(x.end <= o.start < t.start for o in r.triggers):
                    continue
                a = roles.after(x.end, gap=1, skip=used)
                if a is not None and a.end <= t.start and _attacker(a):
                    # (unknown gunmen too: أقدم مسلحون مجهولون على اغتيال …)
                    agent = a
                    break
        if agent is None:
            # the attack word names its author: غارة إسرائيلية، مسيّرة تركية (a weapon
            # shot down names its owner, the side that lost it: إسقاط طائرة أمريكية)
            intercepted = sub == "Disrupted weapons use"
            spans = [t] if intercepted else [t, *f.inside(r.weapons)]
            agent = next(
                (
                    a
                    for a in roles.frame
                    if a not in used
                    and _kind(a) in ARMED
                    and any(a.start < s.end and s.start < a.end for s in spans)
                ),
                None,
            )
        if agent is None and sub != "Disrupted weapons use":
            # or its owner: "طائرة بدون طيار تابعة للقوات الأمريكية" (not the drone shot down)
            for w in f.inside(r.weapons):
                a = roles.after(w.end, gap=1, skip=used)
                if a is not None and _weapon_subject(f, w, a):
                    continue  # "استهدفت ثلاثة صواريخ القوات الأميركية": the forces were hit
                if a is not None and _kind(a) in ARMED and not _generic(a):
                    agent = a
                    break
        if agent is None:
            for role in f.inside(r.roles):
                if role.row["role"] == "agent":
                    agent = roles.after(role.end, skip=used)
                    if agent is not None:
                        break
        if agent is not None and f.family in ("violence", "arrest") and _kind(agent) == "civilians":
            agent = None  # "قام جنود بقتل المدنيين": civilians are what violence hits
        if agent is None and f.family == "arrest" and t.row["form"] in ("verb", "noun"):
            # "توغلت قوة من الجيش الإسرائيلي … في أطراف القرية، واعتقلت ثلاثة رعاة":
            # the force that moved in, a clause before, made the arrest; so does the
            # force that announces it or whose campaign led to it ("أعلنت قيادة
            # الشرطة القبض على …", "أطلقت قوى الأمن حملة أسفرت عن اعتقال …")
            agent = next(
                (
                    a
                    for a in reversed(roles.frame)
                    if a.end <= t.start and a not in used and _kind(a) == "state_forces"
                ),
                None,
            )
        if agent is not None and _observer(r, agent, t):
            agent = None  # "رصد الجيش الإسرائيلي إطلاق صواريخ": it saw the launch
        if agent is not None and t.row["form"] != "suffer":
            return agent
    return None


def _observer(r: SentenceReading, a, t: Item) -> bool:
    """A verb of detecting (roles ``observe``) stands between the actor and the
    trigger after it, or right before the actor that opens the sentence: the actor
    watched the act."""
    if a.end > t.start:
        return False
    return any(
        x.row["role"] == "observe"
        and (
            a.end <= x.start < t.start
            or (x.end <= a.start and r.words_between(x.end, a.start) == 0)
        )
        for x in r.roles
    )


def _weapon_subject(f: Frame, w, a) -> bool:
    """The weapon is the subject of the verb before it (a count at most between:
    "استهدفت ثلاثة صواريخ القوات الأميركية") and the actor follows it bare, with
    no ل or affiliation word: the actor is the verb's object, not the owner."""
    r = f.reading
    if r.text[w.end : a.start].strip().strip('«»"'):
        return False  # "طائرة بدون طيار تابعة للقوات الأمريكية"، "صاروخ للحوثيين"
    verbs = [t for t in f.triggers if t.row["form"] == "verb" and t.end <= w.start]
    if not verbs:
        return False
    v = max(verbs, key=lambda t: t.end)
    gap = [
        x
        for x in r.token_starts
        if v.end <= x < w.start
        and r.text[x].isalnum()
        and not any(q.start <= x < q.end for q in r.quantities)
    ]
    return not gap


def _patient(f: Frame, roles: _Roles, used: list):
    r = f.reading
    victim = None
    for t in f.triggers:
        if t.row["form"] == "suffer":
            victim = roles.after(t.end, gap=1, skip=used) or roles.before(t.start, gap=6)
            if victim is not None and not _says(r, victim):
                return victim
    head = f.head
    for role in f.inside(r.roles):
        if role.row["role"] in ("patient", "member"):
            if any(a.start <= role.start and role.end <= a.end for a in r.actors):
                continue  # "قوات النظام والميليشيات": a word of the name, not before it
            if in_quote(r, role.start) and not in_quote(r, head.start):
                # "… إن العنصر "كان مسؤولاً عن إطلاق قذائف على شمال إسرائيل"": a quote
                # tells what the victim did, not who was hit
                continue
            victim = roles.after(role.end, gap=3, skip=[u for u in used if u not in roles.victims])
            if victim is not None and _says(r, victim):
                continue  # "على صنعاء، وقال المحتجون إن …": the speaker, not the target
            if victim is not None and (victim not in used or victim in roles.victims):
                return victim
    if roles.victims:
        return roles.victims[0]
    first = min(t.start for t in f.triggers)
    for a in roles.frame:
        if (
            a.start > first
            and a not in used
            and _kind(a) in ("state_forces", "armed_group", "civilians")
            and not _says(r, a)
        ):
            return a
    return None


def _says(r: SentenceReading, a) -> bool:
    """The actor is the subject of a verb of saying right before it (وقال المحتجون إن
    الغارات …): it speaks about the event, it was not hit by it."""
    cues = [c for c in r.claims if c.row.get("kind") == "statement"]
    cues += r.role("report")
    # (or the body a speaker belongs to: "وأكد مسؤول في وزارة الدفاع الأمريكية أن …")
    return any(
        c.end <= a.start
        and r.words_between(c.end, a.start) <= SPEAKER_GAP
        and not any(c.end <= t.start < a.start for t in r.triggers)
        and not any(c.end <= x.start < a.start for x in r.actors if x is not a)
        for c in cues
    )


SPEAKER_GAP = 3  # words between a verb of saying and the body its speaker belongs to


def _protesters(slots: Slots, head: Item) -> None:
    """A protest is acted by its protesters: a force that answered it is the
    other side, and people named only as citizens are the protesters."""
    a1 = slots.actor1
    if a1 is not None and a1.kind == "state_forces":
        slots.actor2 = slots.actor2 or a1
        slots.evidence = [("actor2" if e[0] == "actor1" else e[0], *e[1:]) for e in slots.evidence]
        a1 = slots.actor1 = None
    if a1 is None or a1.kind == "civilians":
        default = _dictionary_actor(PROTESTERS)
        if default is not None:
            slots.actor1 = default
            if not any(e[0] == "actor1" for e in slots.evidence):
                slots.cite("actor1", head.start, head.end)  # the protest word says who acts
    a2 = slots.actor2
    if (
        a2 is not None
        and slots.actor1 is not None
        and (a2.kind == "civilians" or a2.id == slots.actor1.id)
    ):
        # the crowd itself (المتظاهرين، السكان) is not the other side
        slots.actor2 = None
        slots.evidence = [e for e in slots.evidence if e[0] != "actor2"]


# --- date and place -----------------------------------------------------------


def _statement_dates(r: SentenceReading, dates: list) -> list:
    """Dates of the statement, not of the event: ``أعلنت الجماعة، في بيان فجر
    الأربعاء، أنها استهدفت … مساء أمس``: after a reporting or claim word with no
    event word between."""
    out = []
    for d in dates:
        for c in r.claims:
            if c.end <= d.start and not any(c.end <= t.start < d.start for t in r.triggers):
                out.append(d)
                break
    return out


PAST_DAYS = 7  # as stage.RECENT_DAYS: a day further back than this is background


def _past(w: DateWindow, published: DateWindow | None) -> bool:
    """A window only background may have: a month or a year, or a day more than a
    week before publication."""
    if w.precision >= 3:
        return True
    return published is not None and (published.start - w.end).days > PAST_DAYS


def _date(f: Frame, slots: Slots, fallback_dates, published: DateWindow | None, narrative) -> None:
    r = f.reading
    head = f.head
    usable = [
        d
        for d in r.dates
        if not getattr(d, "future", False) and not _source_name(r.text, d.start, d.end)
    ]
    if len(usable) > 1:
        said = _statement_dates(r, usable)
        if len(said) < len(usable):
            usable = [d for d in usable if d not in said]
    inside = [d for d in usable if f.start <= d.start < f.end]
    pool = inside or usable
    recent = [d for d in pool if not _past(d.window, published)]
    if recent and len(recent) < len(pool):
        # "قتل جنديان أمس في هجوم …، في أعنف هجوم منذ تفجير المقر في اكتوبر 2000": the
        # day of the week reported is the event's; a month or year long past dates
        # the attack it is compared with
        pool = recent
    if pool:
        d = min(pool, key=lambda d: abs(d.start - head.start))
        slots.window = d.window
        # "أعلن التنظيم، اليوم الثلاثاء، مسؤوليته عن هجوم": the statement's day only; it
        # does not keep the claim apart from the attack told with its own day
        slots.said = bool(_statement_dates(r, [d]))
        slots.dated = not slots.said
        slots.cite("date", d.start, d.end)
        return
    if fallback_dates:
        d = fallback_dates[0]
        slots.window = d.window
        slots.dated = True
        slots.cite("date", d.start, d.end)
        return
    slots.window = narrative or published


def _source_name(text: str, start: int, end: int) -> bool:
    """The span lies inside a quoted name told after ل (a source: قال لـ"مرصد
    إدلب"، لـ"زاغروس اليوم"): an outlet's name, not a place or a date."""
    left = text[max(0, start - QUOTE_REACH) : start]
    opening = max(left.rfind(q) for q in OPEN_QUOTES)
    if opening < 0 or any(q in left[opening + 1 :] for q in CLOSE_QUOTES):
        return False
    before = left[:opening].rstrip("ـ").rstrip()
    if not before.endswith("ل") or (len(before) > 1 and before[-2].isalpha()):
        return False
    right = text[end : end + QUOTE_REACH]
    return any(q in right for q in CLOSE_QUOTES)


def _place(f: Frame, r: SentenceReading, slots: Slots) -> None:
    # a time word read as a village (فجر، صباح) is not where it happened
    inside = [
        p
        for p in f.inside(r.places)
        if not any(d.start < p.end and p.start < d.end for d in r.dates)
        and not _source_name(r.text, p.start, p.end)
        # where the wounded were taken or a missile came from (أسعفوا إلى مشفى الأتارب)
        and not is_origin(r.text, r.start, p.start)
    ]
    head = f.head
    if not in_quote(r, head.start):
        # "وإن السفينة استهدفت "لانتهاك … حظر الدخول إلى موانئ فلسطين المحتلة"": a place
        # in the speaker's quoted words is not where the act told outside them happened
        # (a quotation opened by the place's own name names the target: استهدف موقع
        # "البرج 22"، استهدفوا "ثكنة زرعيت التابعة لجيش العدو …")
        inside = [
            p for p in inside if not in_quote(r, p.start) or quoted_name(r.text, r.start, p.start)
        ]
    if not inside:
        return
    slots.places = [p.text for p in inside]
    after = [p for p in inside if p.start >= head.start]
    # "أعلنت قيادة شرطة البصرة … بعد مداهمة منزل في قرية X": a place in a body's
    # name says who spoke or acted; another place of the clause comes first
    own = [p for p in inside if not body_name(r.text, r.start, p.start)]
    m = ([p for p in after if p in own] or own or after or inside)[0]
    if _whole_country(m):
        # "على الحد الجنوبي للمملكة العربية السعودية في منطقة جازان": a place of that
        # country named after it says where in it
        m = next(
            (
                p
                for p in inside
                if p.start > m.start
                and not _whole_country(p)
                and getattr(getattr(p, "place", None), "country", None) == m.place.country
            ),
            m,
        )
    if _sea(m):
        # "استهدفوا إيلات بصاروخ … وأعلن الجيش اعتراضه فوق البحر الأحمر": a sea is
        # where the missile passed or was stopped; a place on land named in the
        # clause is where the attack was aimed
        m = next((p for p in [*after, *inside] if not _sea(p)), m)
    place = getattr(m, "place", None)
    if place is None:
        place = Place(name=m.text, country=None, name_ar=m.text)
    slots.location = place
    slots.place_text = m.text
    slots.cite("location", m.start, m.end)
    slots.offset = any(
        x.end <= m.start and r.words_between(x.end, m.start) <= 6
        for x in f.inside(r.role("offset"))
    )
    # "سكان في قرية البو صباح القريبة": a place near the event's, named by its nearness
    slots.near = any(
        x.row["role"] == "nearby"
        and r.text[m.end : x.start].strip() in ("", "ال")
        # (the adjective of the place, with the article: not "في قاعدة قريبة من الحدود")
        and r.text[m.end : x.end].strip().startswith("ال")
        for x in r.roles
    )


def _whole_country(m) -> bool:
    """The mention names a whole country (the gazetteer's ``country:`` rows)."""
    return (getattr(getattr(m, "place", None), "gazetteer_id", None) or "").startswith("country:")


def _sea(m) -> bool:
    """A place mention that resolved to a sea or gulf (gazetteer kind ``sea``)."""
    place = getattr(m, "place", None)
    return ":sea:" in (getattr(place, "gazetteer_id", None) or "")


def _quoted_act(r: SentenceReading, head: Item, w: Item) -> bool:
    """The weapon stands in a quotation the head is not in, after another act word
    of that quotation: what the quote tells someone did (``"كان مسؤولاً عن إطلاق
    قذائف"``), not what this event was done with (``"بالصواريخ الموجهة"`` stays)."""
    if not in_quote(r, w.start) or in_quote(r, head.start):
        return False
    opening = max(i for i in range(r.start, w.start) if r.text[i] in QUOTE_MARKS)
    return any(opening < t.start < w.start and t is not head for t in r.triggers)


def in_quote(r: SentenceReading, pos: int) -> bool:
    """An odd number of quotation marks stands before ``pos`` in the sentence."""
    before = r.text[r.start : pos]  # str.count per mark: no Python loop over characters
    return sum(map(before.count, QUOTE_MARKS)) % 2 == 1


QUOTE_MARKS = frozenset(OPEN_QUOTES + CLOSE_QUOTES)


def evidence(article_id: str, text: str, slots: Slots) -> list[Evidence]:
    return [Evidence(article_id, name, a, b, text[a:b]) for name, a, b in slots.evidence]
