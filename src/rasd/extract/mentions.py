"""Stage 1: everything the lexicons find in one sentence, in original offsets.

``read_sentence`` normalises the sentence once, runs each lexicon over the
matching form and maps the hits back to offsets into ``article.text``; it
adds the tokens, quantities, dates, actors and places of the sentence.
Sentences without any trigger stop after one regex scan (most of a page).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from rasd.extract import deps
from rasd.extract.lexicon import lexicon, scan
from rasd.text import match_form, normalize
from rasd.text.dates import find_dates
from rasd.text.numbers import find_quantities
from rasd.text.tokens import tokenize


# not frozen: a frozen dataclass is built through object.__setattr__, and
# thousands are made per article; nothing changes one after it is made
@dataclass(slots=True)
class Item:
    """A lexicon hit in original offsets, with the lexicon row that matched."""

    start: int
    end: int
    row: dict[str, str]


_NONE: list = []  # (never added to: what ``SentenceReading.role`` gives for a kind not there)


@dataclass(slots=True)
class SentenceReading:
    """What one sentence holds, all in offsets into the article text."""

    start: int
    end: int
    triggers: list[Item]
    weapons: list[Item] = field(default_factory=list)
    targets: list[Item] = field(default_factory=list)
    claims: list[Item] = field(default_factory=list)
    casualties: list[Item] = field(default_factory=list)
    cues: list[Item] = field(default_factory=list)
    roles: list[Item] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)
    tokens: list[Any] = field(default_factory=list)
    quantities: list[Any] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    actors: list[Any] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)

    text: str = ""
    # ``roles`` grouped by their ``role`` and ``cues`` by their ``cue``, built once on the
    # first look (frames and slots ask for one kind at a time, many times a sentence)
    by_role: dict[str, list[Item]] | None = field(default=None, repr=False, compare=False)
    by_cue: dict[str, list[Item]] | None = field(default=None, repr=False, compare=False)

    def role(self, name: str) -> list[Item]:
        """The role words of kind ``name`` (roles.tsv ``role``), in sentence order."""
        if self.by_role is None:
            self.by_role = _by_column(self.roles, "role")
        return self.by_role.get(name, _NONE)

    def cue(self, name: str) -> list[Item]:
        """The modality cues of kind ``name`` (modality.tsv ``cue``), in sentence order."""
        if self.by_cue is None:
            self.by_cue = _by_column(self.cues, "cue")
        return self.by_cue.get(name, _NONE)

    def definite_at(self, pos: int) -> bool:
        """Whether the word at ``pos`` is preceded by the article ال (or لل)."""
        before = self.text[max(0, pos - 3) : pos]
        return before.endswith("ال") or before.endswith("لل")

    def words_between(self, a: int, b: int) -> int:
        """How many tokens start in ``[a, b)`` (a distance in words)."""
        if b <= a:
            return 0
        return bisect.bisect_left(self.token_starts, b) - bisect.bisect_left(self.token_starts, a)


# the lexicons of the first look, in the order of ``_LEXICONS`` (one shared scan)
_LEXICONS = ("triggers", "weapons", "targets", "claims", "casualties", "roles", "modality")


def _hits(name: str, norm, base: int, starts: list[list[int]]) -> list[Item]:
    at = starts[_LEXICONS.index(name)]
    if not at:
        return []
    if norm.one_to_one:  # offsets carry over (most sentences: no diacritics)
        return lexicon(name).find_at(norm.text, at, make=Item, base=base)
    hits = lexicon(name).find_at(norm.text, at)
    out = []
    for h in hits:
        a, b = norm.to_original(h.start, h.end)
        out.append(Item(a + base, b + base, h.row))
    return out


def _taa_noun(text: str, t: Item) -> bool:
    """A verb with an attached ه read in a word written with ة (القتلة، the killers, is
    not قتله, he killed him): the word is a noun of its own, not the trigger."""
    word = text[t.start : t.end]
    if t.row.get("form") != "verb" or " " in word or not word.endswith("ة"):
        return False
    stem = match_form(word[:-1])
    return any(match_form(v.strip()) == stem for v in t.row["phrase"].split("|"))


def _drop_covered(items: list[Item], by: list[Item]) -> list[Item]:
    """``items`` that do not overlap any of ``by`` (a weapon is not also a target)."""
    if not by:
        return items
    return [i for i in items if not any(i.start < o.end and o.start < i.end for o in by)]


def read_sentence(
    text: str, start: int, end: int, *, reference: dt.date | None = None
) -> SentenceReading | None:
    """The lexicon hits and mentions of ``text[start:end]``, or None without a trigger."""
    r = read_lexicons(text, start, end)
    if r is not None:
        add_mentions(r, reference=reference)
    return r


_WORD = re.compile(r"\w+|[^\w\s]")


def _by_column(items: list[Item], column: str) -> dict[str, list[Item]]:
    """Items grouped by the value of one column of their lexicon row, in order."""
    by: dict[str, list[Item]] = {}
    for x in items:
        by.setdefault(x.row[column], []).append(x)
    return by


def read_lexicons(text: str, start: int, end: int) -> SentenceReading | None:
    """Stage 1a, cheap: the lexicon hits of ``text[start:end]`` (None without a trigger).
    Word positions are approximate until :func:`add_mentions` tokenises."""
    norm = normalize(text[start:end])
    if not lexicon("triggers").may_hit(norm.text):  # most sentences: one regex, no more
        return None
    starts = scan(_LEXICONS).starts(norm.text)
    if not starts[0]:
        return None
    # idioms that contain a trigger word but report nothing (وقف اطلاق النار،
    # اطلاق سراح) are rows with plover_type "-": they win the span, then go
    triggers = [t for t in _hits("triggers", norm, start, starts) if t.row["plover_type"] != "-"]
    nouns = [t for t in triggers if _taa_noun(text, t)]
    triggers = [t for t in triggers if t not in nouns]
    if not triggers:
        return None
    r = SentenceReading(start, end, triggers)
    r.text = text
    # weapon idioms (وقف إطلاق النار، قنابل الغاز) have kind "-": they win the span, then go
    r.weapons = [w for w in _hits("weapons", norm, start, starts) if w.row["kind"] != "-"]
    r.targets = _drop_covered(_hits("targets", norm, start, starts), r.weapons)
    r.claims = _hits("claims", norm, start, starts)
    r.casualties = [
        c
        for c in _hits("casualties", norm, start, starts)
        if not any(c.start == t.start and c.end == t.end for t in nouns)
    ]
    r.roles = [
        x
        for x in _hits("roles", norm, start, starts)
        if not (x.row["role"] == "complement" and _after_article(text, x.start))
    ]
    special = r.claims + r.casualties
    r.cues = [
        c
        for c in _hits("modality", norm, start, starts)
        if c.row["cue"] == "neutral"
        or not (c.row["cue"] == "negation" and c.row["scope"] == "near" and _inside(c, special))
    ]
    # a weapon word that is itself the trigger (a bare "مسيرة" protest march vs drone)
    r.triggers = [t for t in r.triggers if not _protest_inside_weapon(t, r.weapons)]
    if not r.triggers:
        return None
    r.token_starts = [m.start() for m in _WORD.finditer(text, start, end)]
    return r


def _cue_hits(text: str, start: int, end: int, name: str, keep):
    """The sentence's normal form, its scan starts and the hits of lexicon ``name``
    whose row ``keep`` accepts; None when there are none (a cheap look first)."""
    norm = normalize(text[start:end])
    if not lexicon(name).may_hit(norm.text):
        return None
    starts = scan(_LEXICONS).starts(norm.text)
    hits = [h for h in _hits(name, norm, start, starts) if keep(h.row)]
    return (norm, starts, hits) if hits else None


def read_zero_toll(text: str, start: int, end: int) -> SentenceReading | None:
    """A sentence with no event word that says nobody was hurt (casualties.tsv
    count ``zero``: لم تقع إصابات، الطاقم بخير): its none-tolls and negations,
    else None. It tells the toll of the event told just before it."""
    cues = _cue_hits(text, start, end, "casualties", lambda row: row["count"] == "zero")
    if cues is None:
        return None
    norm, starts, zero = cues
    r = SentenceReading(start, end, [])
    r.text = text
    r.casualties = zero
    r.roles = [x for x in _hits("roles", norm, start, starts) if x.row["role"] == "negation"]
    return r


def read_denial(text: str, start: int, end: int) -> SentenceReading | None:
    """A sentence with no event word that denies a tie to what happened (``ونفى
    المتحدث باسم الحركة أي علاقة لها بما جرى``: a denial cue of claims.tsv, then a word
    for the event told, roles ``told``): its denials and those words, else None. It
    speaks of the event told just before it."""
    cues = _cue_hits(text, start, end, "claims", lambda row: row["status"] == "denied")
    if cues is None:
        return None
    norm, starts, denials = cues
    told = [
        x
        for x in _hits("roles", norm, start, starts)
        if x.row["role"] == "told" and x.start >= denials[0].end
    ]
    if not told:
        return None
    r = SentenceReading(start, end, [])
    r.text = text
    r.claims = denials
    r.roles = told
    return r


def read_admission(text: str, start: int, end: int) -> SentenceReading | None:
    """A sentence with no event word in which a side admits its own losses (``وأقر
    الجيش بإصابة جندي بجروح متوسطة``: roles ``admit``, then a casualty word with a
    figure, not a toll of none): its roles and casualties, else None. It gives the
    toll of the event told before it in which that side was hit."""
    return _toll_after(text, start, end, "admit")


def read_medic_toll(text: str, start: int, end: int) -> SentenceReading | None:
    """A sentence with no event word in which a rescue or health service gives a toll
    (``قال الإسعاف إن شخصين أصيبا بجروح``: roles ``medic``, then a casualty word that is
    no toll of none): its roles and casualties, else None. It gives the toll of an
    event told before it."""
    return _toll_after(text, start, end, "medic")


def _toll_after(text: str, start: int, end: int, role: str) -> SentenceReading | None:
    """A roles cue ``role``, then a casualty word with a figure (not a toll of none):
    the sentence's roles and those casualties, else None."""
    cues = _cue_hits(text, start, end, "roles", lambda row: row["role"] == role)
    if cues is None:
        return None
    norm, starts, said = cues
    hurt = [
        c
        for c in _hits("casualties", norm, start, starts)
        if c.start >= said[0].end
        and c.row["count"] != "zero"
        and c.row["field"] in ("fatalities", "injuries")
    ]
    if not hurt:
        return None
    r = SentenceReading(start, end, [])
    r.text = text
    r.casualties = hurt
    r.roles = _hits("roles", norm, start, starts)
    return r


def add_mentions(r: SentenceReading, *, reference: dt.date | None = None) -> SentenceReading:
    """Stage 1b, dearer: tokens, quantities, dates, actors and places of the sentence."""
    text, start, end = r.text, r.start, r.end
    tokens = tokenize(text, start, end)
    r.tokens = tokens
    r.token_starts = [t.start for t in tokens]
    r.quantities = find_quantities(tokens)
    r.dates = [d for d in find_dates(text, start, end, reference=reference)]
    r.actors = deps.find_actors(text, start, end, tokens)
    # a place inside an actor's name (المقاومة الإسلامية في العراق، واشنطن as the
    # US government) is not where the event happened
    r.places = [
        p
        for p in deps.find_places(text, start, end, tokens)
        if not any(a.start <= p.start and p.end <= a.end for a in r.actors)
        # nor is a word of a trigger phrase (جوياً of عدواناً جوياً is no village)
        and not any(t.start <= p.start and p.end <= t.end for t in r.triggers)
    ]
    return r


def _inside(item: Item, others: list[Item]) -> bool:
    return any(o.start <= item.start and item.end <= o.end for o in others)


def _protest_inside_weapon(t: Item, weapons: list[Item]) -> bool:
    """A protest word inside a weapon (a bare ``مسيرة``: a drone), or an attack word
    that only qualifies the weapon it ends (``طائرة مسيرة انتحارية``: a drone, no
    suicide bomber), is no trigger of its own."""
    if t.row["plover_type"] == "PROTEST":
        return any(w.start <= t.start and t.end <= w.end for w in weapons)
    return any(w.start < t.start and t.end <= w.end for w in weapons)


def _after_article(text: str, pos: int) -> bool:
    """``الآن`` is not the complementiser ``أن`` behind an article."""
    return text[max(0, pos - 2) : pos] == "ال"
