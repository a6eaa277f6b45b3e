"""Finding place names in Arabic text and resolving them to gazetteer places.

Three sources of mentions, over tokens of the original text:

- gazetteer names, matched through clitics (بالموصل، وبغداد) by the text
  layer's ``PhraseMatcher``, longest name first;
- cue words (``data/cues.tsv``: مدينة، قرية، قاعدة، معبر …) before a name:
  they join the mention (``منطقة الفحيحيل``), steer the choice among
  homonyms, and catch names the gazetteer lacks (the next word or two);
- relation words (``data/relations.tsv``: قرب، غرب، في محيط …) before a
  mention lower its precision to 2 (near the place).

Traps: names that are also common words or person names
(``data/stoplist.tsv``) need a cue or an article already about their
country; so do very short names and villages known only from the long IOM
list; such a village written with the article when the list has none (or
without it when the list has one) needs a cue (``قصف مدفعي``، ``الخميس``);
phrases in ``data/not_places.tsv`` (``الضفة الغربية للفرات``) are no place;
nor are a country spelt as the adjective after a noun (``غارات روسية``), a
name after a title or kinship word (``القيادي روجهات عفرين``,
``data/person_cues.tsv``), or a cue word spelling a town (``حي الواسطي``).

Containment (``_contained``): in "X في Y", "X شرقي Y", "X، Y" the smaller
X must lie in Y; else X takes its homonym there, or Y's place (precision 2,
1 for a quarter of a town) when the gazetteer has none there.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import asdict, dataclass, replace

from rasd import resources
from rasd.geo.gazetteer import Entry, gazetteer, km
from rasd.geo.resolve import Context, choose
from rasd.model import Place
from rasd.text.clitics import PhraseMatcher, analyses, bare
from rasd.text.normalize import advance, match_form, normalize
from rasd.text.numbers import find_quantities
from rasd.text.tokens import Token, tokenize

WEAK_KINDS = frozenset({"village", "admin3"})  # known only from long lists: need support
SHORT = 2  # names of this many letters or fewer need support
CONTEXT_SHARE = 0.25  # a country "in context" holds this share of the article's mentions
MAX_NAME_WORDS = 3
SETTLEMENT_KINDS = frozenset({"city", "town", "village", "admin1", "admin2", "admin3"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text: ``start``/``end`` into the original text
    (clitics excluded, cue word included), the resolved ``place`` (None
    when the name is not in the gazetteer), the ``cue`` word that announced
    it, the ACLED ``precision`` it supports, and the ``relation`` word
    (قرب، غرب …) that put the event near it."""

    start: int
    end: int
    text: str
    place: Place | None
    cue: str | None = None
    precision: int | None = None
    relation: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, object]:
        place = asdict(self.place) if self.place is not None else None
        if place is not None:
            place["kind"] = self.kind
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "place": place,
            "cue": self.cue,
            "precision": self.precision,
            "relation": self.relation,
        }


@dataclass(frozen=True, slots=True)
class Cue:
    form: str
    kinds: frozenset[str]
    strong: bool
    catches: bool = True  # catches names the gazetteer lacks (strength ``known``: never)

    @property
    def settlement(self) -> bool:
        """Cues of towns and units (مدينة، قرية، محافظة …) rather than of facilities."""
        return bool(self.kinds & SETTLEMENT_KINDS)


@dataclass(frozen=True, slots=True)
class Lexicon:
    matcher: PhraseMatcher
    cues: dict[str, Cue]
    relations: frozenset[str]
    connectors: frozenset[str]
    heads: frozenset[str]
    stopwords: frozenset[str]
    stoplist: dict[str, str]
    titles: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    launches: frozenset[str] = frozenset()
    transfers: frozenset[str] = frozenset()
    sides: frozenset[str] = frozenset()
    causes: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    speakers: dict[str, frozenset[str]] | None = None
    nisba_heads: frozenset[str] = frozenset()
    cue_countries: dict[str, frozenset[str]] | None = None
    countryside: frozenset[str] = frozenset()


@functools.cache  # few words (cues, من، إلى), asked per place: a new tokenize each time
def _form(word: str) -> str:  # would also evict the article's spans from tokenize's cache
    toks = tokenize(word)
    return " ".join(t.form for t in toks if t.kind != "punct")


@functools.cache
def lexicon() -> Lexicon:
    """Matcher and word lists, built once on first use."""
    gaz = gazetteer()
    arabic = [k for k in gaz.index if any("\u0600" <= ch <= "\u06ff" for ch in k)]
    blockers = [r["phrase"] for r in resources.tsv("geo", "not_places.tsv")]
    matcher = PhraseMatcher([*((k, k) for k in arabic), *((b, None) for b in blockers)])
    cues = {}
    for row in resources.tsv("geo", "cues.tsv"):
        form = bare(_form(row["cue"]))
        if form in cues:
            continue
        cues[form] = Cue(
            row["cue"],
            frozenset(row["kinds"].split()),
            row["strength"] == "strong",
            row["strength"] != "known",
        )
    rel = resources.tsv("geo", "relations.tsv")
    relations = frozenset(bare(_form(r["word"])) for r in rel if r["role"] == "relation")
    connectors = frozenset(bare(_form(r["word"])) for r in rel if r["role"] == "connector")
    heads = frozenset(_form(r["word"]) for r in resources.tsv("geo", "name_heads.tsv"))
    stopwords = frozenset(_form(r["word"]) for r in resources.tsv("geo", "stopwords.tsv"))
    stoplist = {}
    for row in resources.tsv("geo", "stoplist.tsv"):
        stoplist[bare(_form(row["name"]))] = row["rule"]
    people = resources.tsv("geo", "person_cues.tsv")
    titles = frozenset(bare(_form(r["word"])) for r in people if r["role"] == "title")
    particles = frozenset(bare(_form(r["word"])) for r in people if r["role"] == "particle")
    launches = frozenset(_form(r["word"]) for r in rel if r["role"] == "launch")
    transfers = frozenset(_form(r["word"]) for r in rel if r["role"] == "transfer")
    sides = frozenset(_form(r["word"]) for r in rel if r["role"] == "side")
    causes = frozenset(bare(_form(r["word"])) for r in rel if r["role"] == "cause")
    cue_countries = {
        r["cue"]: frozenset(r["countries"].split())
        for r in resources.tsv("geo", "cue_countries.tsv")
    }
    bodies = frozenset(bare(_form(r["word"])) for r in resources.tsv("geo", "bodies.tsv"))
    said = resources.tsv("geo", "speakers.tsv")
    speakers = {
        role: frozenset(bare(_form(r["word"])) for r in said if r["role"] == role)
        for role in ("verb", "noun", "talks")
    }
    return Lexicon(
        matcher,
        cues,
        relations,
        connectors,
        heads,
        stopwords,
        stoplist,
        titles,
        particles,
        launches,
        transfers,
        sides,
        causes=causes,
        cue_countries=cue_countries,
        bodies=bodies,
        speakers=speakers,
        nisba_heads=frozenset(_form(r["word"]) for r in resources.tsv("geo", "nisba_heads.tsv")),
        countryside=frozenset(bare(_form(r["word"])) for r in rel if r["role"] == "countryside"),
    )


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    first: int  # token indexes of the whole mention (cue included)
    last: int
    key: str | None
    entries: list[Entry]
    cue: Cue | None
    needs_context: bool = False
    relation: str | None = None


def _stems(tok: Token) -> list[tuple[int, str]]:
    return [(plen, bare(stem)) for plen, stem in analyses(tok.form)]


def _cue_at(tok: Token, lex: Lexicon) -> tuple[int, Cue] | None:
    """A cue word in construct form (مدينة الموصل, بمدينة); with the article
    (المدينة، بالمحافظة) the word points back at a place, it names none."""
    if tok.kind != "word":
        return None
    return _cue_form(tok.form, lex)


def _cue_form(form: str, lex: Lexicon) -> tuple[int, Cue] | None:
    """``_cue_at`` for a word's matching form, memoised."""
    global _cue_memo
    owner, memo = _cue_memo
    if owner is not lex:
        memo = {}
        _cue_memo = (lex, memo)
    try:
        return memo[form]
    except KeyError:
        pass
    found = _cue_of(form, lex)
    if len(memo) < 100_000:
        memo[form] = found
    return found


# _cue_at results per word form, for one lexicon (most words are no cue)
_cue_memo: tuple[Lexicon | None, dict[str, tuple[int, Cue] | None]] = (None, {})


def _cue_of(form: str, lex: Lexicon) -> tuple[int, Cue] | None:
    for plen, stem in analyses(form):
        if form[:plen].endswith(("ال", "لل")):
            continue
        cue = lex.cues.get(stem)
        if cue is not None:
            return plen, cue
    return None


def definite_cues(text: str, start: int, end: int) -> list[tuple[int, frozenset[str], str | None]]:
    """Cue words with the article (القاعدة، بالمدينة، المطار) in
    ``text[start:end]``: they point back at a place named before. Offset,
    the kinds of place meant, and the relation word before it (شمال
    المدينة) if any."""
    lex = lexicon()
    out = []
    tokens = tokenize(text, start, end)
    for k, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        for plen, stem in analyses(tok.form):
            if (
                plen
                and tok.form[:plen].endswith(("ال", "لل"))
                and stem in lex.cues
                and lex.cues[stem].catches  # (not "المجمع", the compound)
            ):
                out.append((tok.start, lex.cues[stem].kinds, _relation(tokens, k - 1, lex)))
                break
    return out


ORIGIN_WINDOW = 4  # words between a launch word and "من X"


def is_origin(text: str, start: int, pos: int) -> bool:
    """Whether the place named at ``pos`` (``text[start:pos]`` the words before
    it in its sentence) is not where the event happened but where a missile
    or drone came from ("أطلق من اليمن"، "مسيرة قادمة من العراق") or where
    the wounded were taken ("نقلوا إلى مستشفى الحسكة")."""
    lex = lexicon()
    tokens = tokenize(text, max(start, pos - 80), pos)
    if _cause_before(tokens, lex) or _government(tokens, lex):
        return True
    words = [t for t in tokens if t.kind == "word"]
    if len(words) > 1 and _cue_at(words[-1], lex) is not None:
        words = words[:-1]  # "نقلوا إلى مستشفى قضاء مخمور": the cue word of the place
    if not words:
        return False
    side = False
    if len(words) > 1 and (
        {words[-1].form, *(stem for _, stem in _stems(words[-1]))} & (lex.sides | lex.relations)
    ):
        # "أطلقا من اتجاه بلدة الخيام"، "انطلقت من جنوب لبنان": the side or the
        # direction of the place, after من
        side = bool({words[-1].form, *(stem for _, stem in _stems(words[-1]))} & lex.sides)
        words = words[:-1]
    stems = {stem for _, stem in _stems(words[-1])}
    if side and _form("من") in stems:
        return True  # "من اتجاه X"، "من جهة X": where it came from, with or without a launch word
    if _form("من") in stems:
        cues = lex.launches
    elif _form("إلى") in stems:
        cues = lex.transfers
    else:
        return False
    return any(
        {t.form, *(stem for _, stem in _stems(t))} & cues for t in words[-1 - ORIGIN_WINDOW : -1]
    )


def body_name(text: str, start: int, pos: int) -> bool:
    """The place named at ``pos`` is part of a body's or an official's name
    ("قيادة شرطة البصرة"، "قيادة عمليات ديالى"، "محافظ تعز"; data/bodies.tsv):
    the word right before it, with no punctuation between, is such a head."""
    lex = lexicon()
    tokens = tokenize(text, max(start, pos - 40), pos)
    if not tokens or tokens[-1].kind != "word":
        return False
    tok = tokens[-1]
    return bool({bare(tok.form), *(stem for _, stem in _stems(tok))} & lex.bodies)


def _government(tokens: list[Token], lex: Lexicon) -> bool:
    """ "أعلنت واشنطن"، "تعليق رسمي من دمشق"، "المحادثات بين الرياض والجماعة": the
    town is its government speaking or talking (speakers.tsv), not a place where
    something happened."""
    said = lex.speakers or {}
    words = [t for t in tokens[-4:] if t.kind == "word"]
    if not words or tokens[-1].kind != "word":
        return False

    def has(tok: Token, role: str) -> bool:
        return bool({bare(tok.form), *(stem for _, stem in _stems(tok))} & said.get(role, set()))

    last = words[-1]
    if has(last, "verb"):
        return True
    stems = {stem for _, stem in _stems(last)}
    if _form("من") in stems or bare(last.form) == _form("من"):
        return any(has(w, "noun") for w in words[-3:-1])
    if _form("بين") in stems or bare(last.form) == _form("بين"):
        return len(words) > 1 and has(words[-2], "talks")
    return False


CAUSE_WINDOW = 6  # words between a cause word (تضامناً، نصرة) and the place it is about


def _cause_before(tokens: list[Token], lex: Lexicon) -> bool:
    """ "تضامناً مع الشعب الفلسطيني في قطاع غزة"، "نصرة لغزة": a cause word
    (relations.tsv role ``cause``) a few words before the place, in the same
    clause: the place is what a protest is about, not where it is."""
    if not lex.causes:
        return False
    seen = 0
    for tok in reversed(tokens):
        if tok.kind == "punct":
            return False
        if tok.kind != "word":
            continue
        if {tok.form, *(stem for _, stem in _stems(tok))} & lex.causes:
            return True
        seen += 1
        if seen > CAUSE_WINDOW:
            return False
    return False


QUOTE_MARKS = frozenset('"«»“”')


def quoted_name(text: str, start: int, pos: int) -> bool:
    """The place named at ``pos`` opens a quotation (``text[start:pos]`` its
    sentence before it): "استهدف موقع "البرج 22" العسكري"، "استهدفوا "ثكنة زرعيت
    …" بصاروخ": the quoted words name the target, they are not a slogan or a
    speaker's words about somewhere else."""
    before = text[start:pos].rstrip(" \u0640")
    if not before or before[-1] not in QUOTE_MARKS:
        return False
    return sum(ch in QUOTE_MARKS for ch in before) % 2 == 1


def _offset(text: str, tok: Token, plen: int) -> int:
    return advance(text, tok.start, plen) if plen else tok.start


def _relation(tokens: list[Token], k: int, lex: Lexicon) -> str | None:
    """A relation word ending at token ``k`` or before it, over connectors."""
    steps = 0
    while k >= 0 and steps < 5:
        tok = tokens[k]
        if tok.kind == "number":
            k -= 1
            steps += 1
            continue
        if tok.kind != "word":
            return None
        stems = {stem for _, stem in _stems(tok)}
        if stems & lex.relations:
            text = getattr(tokens, "text", None)
            return text[tok.start : tok.end] if text is not None else tok.form
        if not stems & lex.connectors:
            return None
        k -= 1
        steps += 1
    return None


def _gazetteer_mentions(text: str, tokens: list[Token], lex: Lexicon) -> list[_Raw]:
    gaz = gazetteer()
    out = []
    prev_last = -1
    for m in lex.matcher.find(tokens):
        # right after a word matched as a name, unless that word is never a
        # place ("على" read as the name علي: "على القائم" is al-Qaim)
        after_name = m.first == prev_last
        # (nor a relation word read as a village: "بادية الميادين" is the desert of
        # al-Mayadin, not the village al-Badia and an adjective)
        if lex.stoplist.get(m.value or "") != "never" and m.value not in lex.relations:
            prev_last = m.last
        entries = gaz.index.get(m.value, []) if m.value is not None else []
        if not entries:
            continue
        start, first, cue = m.start, m.first, None
        words = m.value.split()
        inner = lex.cues.get(words[0]) if len(words) > 1 else None
        if inner is not None and any(e.kind in inner.kinds for e in entries):
            cue = inner
            # "حي الشعب": the quarters listed as "حي X" and the places named X
            more = [e for e in gaz.index.get(bare(" ".join(words[1:])), ()) if e not in entries]
            entries = entries + [e for e in more if e.kind in inner.kinds or e.kind in WEAK_KINDS]
        elif m.first > 0:
            k = _before_hash(tokens, m.first)
            found = _cue_at(tokens[k], lex) if k >= 0 else None
            if found is not None:
                plen, cue = found
                first = k
                start = _offset(text, tokens[first], plen)
        if _glued(text, m.start, m.end):
            continue
        if cue is None and _cue_word_before_name(tokens, m, words, lex):
            continue  # "حي الواسطي": the cue word of a name, not the town الحي
        if _person_name(tokens, m.first, lex):
            continue  # "القيادي روجهات عفرين", "أبو حلب": a person's name
        if _nationality(text, tokens, m, entries, lex):
            continue  # "غارات روسية", "طائرة مسيرة تركية": the attacker, not the place
        said = match_form(text[m.start : m.end]).startswith("ال") or _contracted(
            text, tokens[m.first], m.start
        )
        if (
            len(words) == 1
            and not said
            and m.value in lex.heads
            and m.last < len(tokens)
            and _is_name_word(tokens[m.last], lex)
        ):
            continue  # "تل" of "تل قرقوز": the head of a longer name
        if cue is not None and not cue.settlement and not any(e.kind in cue.kinds for e in entries):
            # "مستشفى الملك", "طريق زراعي": a word after a facility cue
            if all(e.kind in WEAK_KINDS for e in entries):
                continue
            rule_cue_fits = False
        else:
            rule_cue_fits = cue is not None
        rule = lex.stoplist.get(m.value)
        if rule == "cue" and not rule_cue_fits and _relation_word_before(tokens, m.first, lex):
            rule = "context"  # "قرب صور", "جنوب صور": a place, in an article about its country
        if rule == "never" or (rule == "cue" and not rule_cue_fits):
            continue
        if rule and after_name and not rule_cue_fits:
            continue  # an adjective after a name: قرية الزعفرانية الشرقية
        letters = len(m.value.replace(" ", ""))
        mismatch = said not in gaz.article_forms.get(m.value, (said,))
        weak = all(e.kind in WEAK_KINDS for e in entries)
        if mismatch and said and not rule_cue_fits and all(e.kind == "country" for e in entries):
            continue  # "السورية" is the adjective, the country is "سورية"
        if mismatch and weak and not rule_cue_fits:
            # a village known only as "الX" written without the article is an
            # adjective or a common noun (قصف مدفعي), one known only as "X"
            # written with it a common word (الخميس): either needs a cue
            continue
        needs = not rule_cue_fits and (
            rule == "context"
            or mismatch
            or weak
            or (letters <= SHORT and all(e.kind != "country" for e in entries))
        )
        if out and out[-1].last > first:
            out.pop()  # the cue word read as a name of its own: حي (the town الحي)
        out.append(_Raw(start, m.end, first, m.last, m.value, entries, cue, needs))
    return out


def _relation_word_before(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A relation word (قرب، جنوب، ريف …) right before token ``k``."""
    if k == 0 or tokens[k - 1].kind != "word":
        return False
    return bool({stem for _, stem in _stems(tokens[k - 1])} & lex.relations)


def _cue_word_before_name(tokens: list[Token], m, words: list[str], lex: Lexicon) -> bool:
    """A one-word name that is a cue word in construct form followed by a
    name word: "حي الواسطي" is the quarter al-Wasiti, not the town al-Hayy."""
    if len(words) != 1 or m.last != m.first + 1 or m.last >= len(tokens):
        return False
    found = _cue_at(tokens[m.first], lex)
    if found is None or found[1].form and bare(_form(found[1].form)) != m.value:
        return False
    nxt = tokens[m.last]
    if nxt.kind == "punct" and nxt.form == "#" and m.last + 1 < len(tokens):
        nxt = tokens[m.last + 1]
    return _is_name_word(nxt, lex)


# clitic and article prefixes a word of a short list may carry (the lists
# are expanded once, so the hot path makes one set look-up per word)
_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وب", "ول")


def _with_prefixes(words: frozenset[str]) -> frozenset[str]:
    return frozenset(p + w for p in _PREFIXES for w in words)


@functools.cache
def _person_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Titles, kinship particles and chain breakers (relations, connectors,
    cues), each with its clitic forms."""
    lex = lexicon()
    breakers = lex.relations | lex.connectors | frozenset(lex.cues) | lex.stopwords
    return (
        _with_prefixes(lex.titles),
        _with_prefixes(lex.particles),
        _with_prefixes(breakers),
    )


def _person_name(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """The name at token ``k`` is a person's: right after a kinship particle
    (أبو، ابن، بن), or after a title or person word (القيادي، المدعو، الناشط)
    and at most two given names."""
    if k == 0:
        return False
    titles, particles, breakers = _person_words()
    prev = tokens[k - 1]
    if prev.kind == "word" and prev.form in particles:
        return True
    for j in range(k - 1, max(-1, k - 4), -1):
        tok = tokens[j]
        if tok.kind != "word":
            return False
        if tok.form in titles:
            return True
        if tok.form in breakers or tok.form.startswith("ال"):  # given names carry no article
            return False
    return False


NISBA_ENDINGS = ("يه", "ية")  # the feminine adjective of a country (تركية، روسية)
NOUN_ENDINGS = ("ه", "ة", "ات")  # the feminine noun or plural it agrees with


def _nationality(text: str, tokens: list[Token], m, entries: list[Entry], lex: Lexicon) -> bool:
    """A country name spelt like its feminine adjective right after a
    feminine or plural noun, without a preposition: "غارات روسية"، "طائرة
    مسيرة تركية"، "محافظات سورية" name the attacker or the kind, not a place."""
    if m.first == 0 or m.last != m.first + 1 or any(e.kind != "country" for e in entries):
        return False
    tok = tokens[m.first]
    if m.start != tok.start or not tok.form.endswith(NISBA_ENDINGS):
        return False  # "بسورية"، "وسورية": the country
    prev = tokens[m.first - 1]
    if prev.kind == "word" and prev.form in lex.nisba_heads:
        return True  # "جنسيات غير سورية": non-Syrian
    if prev.kind != "word" or prev.form in lex.stopwords:
        return False
    stems = {stem for _, stem in _stems(prev)}
    if stems & (lex.relations | lex.connectors) or _cue_at(prev, lex) is not None:
        return False
    return prev.form.endswith(NOUN_ENDINGS)


def _contracted(text: str, tok: Token, start: int) -> bool:
    """The article merged into a preposition before the name: للموصل."""
    prefix = match_form(text[tok.start : start])
    return prefix.endswith("لل")


def _before_hash(tokens: list[Token], k: int) -> int:
    """The token before ``k``, over a hashtag sign: "مرفأ #بيروت"."""
    k -= 1
    if k >= 1 and tokens[k].kind == "punct" and tokens[k].form == "#":
        k -= 1
    return k


def _is_name_word(tok: Token, lex: Lexicon) -> bool:
    return tok.kind == "word" and len(tok.form) > 1 and tok.form not in lex.stopwords


def _cue_mentions(text: str, tokens: list[Token], lex: Lexicon, taken: set[int]) -> list[_Raw]:
    """Names after a cue that the gazetteer lacks: the next word or two."""
    out = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if i in taken or i + 1 >= n or (i + 1) in taken:
            continue
        found = _cue_at(tok, lex)
        if found is None or not found[1].catches:
            continue
        plen, cue = found
        j = i + 1
        if tokens[j].kind == "punct" and tokens[j].form == "#" and j + 1 < n:
            j += 1  # "منطقة #المنيل"
            if j in taken:
                continue
        nxt = tokens[j]
        if not _is_name_word(nxt, lex):
            continue
        has_article = nxt.form.startswith("ال")
        if not cue.strong and not has_article and nxt.form not in lex.heads:
            continue
        if not has_article and nxt.form.endswith(("ي", "ه")) and nxt.form not in lex.heads:
            continue  # an adjective: مدينة صناعية، منطقة عسكرية، مدينة منكوبة
        if _in_hashtag(text, tok.start):
            continue
        last = j + 1
        while last < n and last - j < MAX_NAME_WORDS and last not in taken:
            prev, cur = tokens[last - 1], tokens[last]
            if not _is_name_word(cur, lex):
                break
            if prev.form in lex.heads or (
                cur.form.startswith("ال") and (not prev.form.startswith("ال") or not cue.settlement)
            ):  # a facility's name runs on: مستشفى الجامعة الأميركية، معهد الأورام القومي
                last += 1
                continue
            break
        if tokens[last - 1].form in lex.heads:
            continue  # a head word alone is no name
        start = _offset(text, tok, plen)
        out.append(
            _Raw(
                start,
                tokens[last - 1].end,
                i,
                last,
                None,
                _district(text, tokens, j, last, cue),
                cue,
            )
        )
        taken.update(range(i, last))
    return out


def _district(text: str, tokens: list[Token], j: int, last: int, cue: Cue) -> list[Entry]:
    """ "ناحية الكحلاء"، "مدينة X" that the gazetteer lacks while it knows "قضاء X":
    a district is named after its centre town, where the gazetteer places it."""
    if not cue.settlement or cue.kinds == {"admin2"}:
        return []
    name = text[tokens[j].start : tokens[last - 1].end]
    head = next((c.form for c in lexicon().cues.values() if c.kinds == {"admin2"}), None)
    if head is None:
        return []
    return [e for e in gazetteer().lookup(f"{head} {name}") if e.kind == "admin2"]


def _context_of(raws: list[_Raw]) -> Context:
    ctx = Context()
    for raw in raws:
        if _quarter_cue(raw):
            continue  # "حي الروضة": a quarter's name is found in many towns of many countries
        if raw.cue is not None and raw.entries and not _fits(raw):
            continue  # "قضاء X" read as a village X: a doubtful reading says little
        if raw.entries and not raw.needs_context:
            ctx.add(raw.entries, 2.0 if raw.entries[0].kind == "country" else 1.0)
    return ctx


def recognize(
    text: str, start: int = 0, end: int | None = None, *, tokens: list[Token] | None = None
) -> tuple[list[Token], list[_Raw]]:
    """Raw mentions (before context checks and resolution), with the tokens
    (``tokens``: ``tokenize(text, start, end)`` when the caller has it)."""
    global _recognized
    seen, memo = _recognized
    if seen is text and (start, end) in memo:  # the geocoder reads each sentence twice
        tokens, raws = memo[start, end]
        return tokens, [_clone(raw) for raw in raws]
    lex = lexicon()
    if tokens is None:
        tokens = tokenize(text, start, end)
    raws = _gazetteer_mentions(text, tokens, lex)
    taken = {k for raw in raws for k in range(raw.first, raw.last)}
    raws += _cue_mentions(text, tokens, lex, taken)
    raws.sort(key=lambda r: r.start)
    for raw in raws:
        raw.relation = _relation(tokens, raw.first - 1, lex)
    if seen is not text:
        memo = {}
        _recognized = (text, memo)
    if len(memo) < 1024:
        memo[start, end] = (tokens, [_clone(raw) for raw in raws])
    return tokens, raws


def _clone(raw: _Raw) -> _Raw:
    """A shallow copy (``copy.copy`` is slow for slotted classes)."""
    new = object.__new__(_Raw)
    for name in _Raw.__slots__:
        setattr(new, name, getattr(raw, name))
    return new


# recognize() results for spans of the last text (one article at a time; callers
# get copies, as find_places adjusts the raw mentions it keeps)
_recognized: tuple[str | None, dict[tuple[int, int | None], tuple[list[Token], list[_Raw]]]] = (
    None,
    {},
)


def local_context(text: str, start: int = 0, end: int | None = None) -> Context:
    """The countries and provinces a stretch of text is about."""
    if not _may_name_place(text, start, end):
        return Context()
    return _context_of(recognize(text, start, end)[1])


_LETTERS = re.compile(r"[^\W\d_]+")  # the word tokens of a matching form


def _may_name_place(text: str, start: int, end: int | None) -> bool:
    """False when no word of ``text[start:end]`` may start a gazetteer name
    or be a cue word: ``recognize`` would find nothing there (most sentences).
    Cheaper than tokenising: the words alone, looked up in memos. The answer
    is remembered per span of the last text (the geocoder asks twice per
    sentence: for the article's context, then for its places)."""
    lex = lexicon()
    global _span_answers
    seen, seen_lex, spans = _span_answers
    if seen is not text or seen_lex is not lex:
        spans = {}
        _span_answers = (text, lex, spans)
    answer = spans.get((start, end))
    if answer is None:
        answer = _may_name_place_new(text, start, end, lex)
        if len(spans) < 1024:
            spans[start, end] = answer
    return answer


# _may_name_place answers for spans of the last text (one article at a time)
_span_answers: tuple[str | None, Lexicon | None, dict[tuple[int, int | None], bool]] = (
    None,
    None,
    {},
)


def _may_name_place_new(text: str, start: int, end: int | None, lex: Lexicon) -> bool:
    global _word_answers
    owner, named, plain = _word_answers
    if owner is not lex:
        named, plain = set(), set()
        _word_answers = (lex, named, plain)
    words = set(_LETTERS.findall(normalize(text[start:end]).text))
    if not words.isdisjoint(named):
        return True
    may_start = lex.matcher.may_start
    for form in words - plain:  # words not seen before (few, once warm)
        if may_start(form) or _cue_form(form, lex) is not None:
            if len(named) < 100_000:
                named.add(form)
            return True
        if len(plain) < 200_000:
            plain.add(form)
    return False


# the word forms seen by _may_name_place, by answer (set operations in C beat a
# Python loop over the words of each sentence): (lexicon, may name, never names)
_word_answers: tuple[Lexicon | None, set[str], set[str]] = (None, set(), set())


def _supported(raw: _Raw, ctx: Context) -> bool:
    return any(ctx.country_share(e.country) >= CONTEXT_SHARE for e in raw.entries)


def _resolve(text: str, raw: _Raw, ctx: Context) -> PlaceMention:
    cue_kinds = raw.cue.kinds if raw.cue else frozenset()
    candidates = raw.entries
    if raw.needs_context:
        candidates = [e for e in candidates if ctx.country_share(e.country) >= CONTEXT_SHARE]
    entry = choose(candidates, cue_kinds=cue_kinds, context=ctx)
    cue = raw.cue.form if raw.cue else None
    if entry is not None and (
        _stray_quarter(entry, ctx)
        or _stray_village(raw, entry, ctx)
        or _quarter_abroad(raw, entry, ctx)
    ):
        entry = None
    if entry is None:
        return PlaceMention(
            raw.start, raw.end, text[raw.start : raw.end], None, cue, None, raw.relation
        )
    precision = entry.precision
    if raw.relation and precision < 2:
        precision = 2
    return PlaceMention(
        raw.start,
        raw.end,
        text[raw.start : raw.end],
        entry.place(precision),
        cue,
        precision,
        raw.relation,
        entry.kind,
    )


def _cue_country(raw: _Raw, ctx: Context, lex: Lexicon) -> bool:
    """A name after a cue that names places only in some countries' usage
    (cue_countries.tsv: مديرية is a district in Yemen, an office elsewhere) is a
    place only in an article about one of them."""
    countries = (lex.cue_countries or {}).get(raw.cue.form) if raw.cue else None
    if not countries or any(ctx.country_share(c) >= CONTEXT_SHARE for c in countries):
        return True
    # elsewhere only a known place of a kind the cue names (a district, a town)
    # follows it; "مديرية الزراعة" is the office, not the village al-Ziraa
    return any(e.kind in raw.cue.kinds for e in raw.entries)


QUARTER_KINDS = frozenset({"neighbourhood", "village"})


def _quarter_cue(raw: _Raw) -> bool:
    """A cue of quarters only (حي، ساحة), not of larger places too (منطقة)."""
    return (
        raw.cue is not None and "neighbourhood" in raw.cue.kinds and raw.cue.kinds <= QUARTER_KINDS
    )


def _quarter_abroad(raw: _Raw, entry: Entry, ctx: Context) -> bool:
    """ "حي الروضة" in an article about Yemen, "حي الأشرفية" in one about Afrin:
    a quarter named after a common word or a person is found in many towns; one
    the gazetteer knows only in a country the text hardly names, while it names
    another more, is a quarter of the text's own town, which the gazetteer lacks."""
    if not _quarter_cue(raw) or entry.kind == "country":
        return False
    own = ctx.country_share(entry.country)
    return own < CONTEXT_SHARE and any(
        ctx.country_share(c) > own for c in ctx.countries if c != entry.country
    )


def _fits(raw: _Raw) -> bool:
    """Some reading of the name is of a kind its cue names."""
    return raw.cue is None or any(e.kind in raw.cue.kinds for e in raw.entries)


def _stray_village(raw: _Raw, entry: Entry, ctx: Context) -> bool:
    """ "ناحية X"، "قضاء X" where the gazetteer knows X only as a village of the
    long lists, in a province the text does not name while it names others: the
    subdistrict or district of the text's own province, which the gazetteer
    lacks, not a village of that name far away."""
    if entry.kind not in WEAK_KINDS or entry.population or _fits(raw) or not ctx.admin1:
        return False
    return ctx.admin1_share(entry.country, entry.admin1) == 0.0


def _stray_quarter(entry: Entry, ctx: Context) -> bool:
    """A quarter known only from the long lists ("حي الحسين", named after a
    person, so found in many towns) in a province the text does not name,
    while it names others: a quarter of the text's own town, which the
    gazetteer lacks, not the homonym far away (containment then places it
    at the town named with it)."""
    if entry.kind != "neighbourhood" or entry.population or not ctx.admin1:
        return False
    return ctx.admin1_share(entry.country, entry.admin1) == 0.0


def find_places(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    context: object = None,
    tokens: list[Token] | None = None,
) -> list[PlaceMention]:
    """Place mentions in ``text[start:end]``, resolved, in text order.

    ``context`` (a ``Context``, an ISO country code or several) says what
    the surrounding article is about; the mentions in the span add to it.
    """
    if tokens is None and not _may_name_place(text, start, end):
        return []  # most sentences name no place
    tokens, raws = recognize(text, start, end, tokens=tokens)
    if not raws:
        return []
    tags = _topic_hashtags(text, start, end)
    if tags:
        raws = [r for r in raws if not _inside_topic_tag(text, r, tags)]
    ctx = _context_of(raws).merge(Context.of(context))
    kept = []
    lex = lexicon()
    for raw in raws:
        if raw.needs_context and not _supported(raw, ctx):
            continue
        if not _cue_country(raw, ctx, lex):
            continue  # "مديرية التربية" in Iraq or Syria: an office, not a district
        raw.end = _trim_end(text, raw.start, raw.end)
        kept.append(raw)
    out = [_resolve(text, raw, ctx) for raw in kept]
    out = _contained(text, tokens, kept, out, ctx)
    return [
        _displaced(tokens, raw, m) if raw.relation else m for raw, m in zip(kept, out, strict=True)
    ]


MAX_OFFSET_KM = 600.0  # farther than this a "distance off" is not a place's neighbourhood


@functools.cache
def _distances() -> tuple[dict[tuple[str, ...], float], dict[str, float]]:
    units: dict[tuple[str, ...], float] = {}
    bearings: dict[str, float] = {}
    for row in resources.tsv("geo", "distances.tsv"):
        if row["role"] == "unit":
            units[tuple(_form(row["word"]).split())] = float(row["value"])
        elif row["role"] == "bearing":
            bearings[_form(row["word"])] = float(row["value"])
    return units, bearings


def is_bearing(word: str) -> bool:
    """A direction word (distances.tsv bearings: شمال، جنوب شرقي …): a place after
    it is the reference the event lies off, not the event's place."""
    _, bearings = _distances()
    return any(stem in bearings for tok in tokenize(word) for _, stem in _stems(tok))


def _displaced(tokens: list[Token], raw: _Raw, mention: PlaceMention) -> PlaceMention:
    """ "على بعد 66 ميلاً بحرياً جنوب غربي ميناء الحديدة": the point that far
    in that direction from the place (precision 2); else the mention as is."""
    place = mention.place
    if place is None or place.lat is None or place.lon is None:
        return mention
    units, bearings = _distances()
    k = raw.first - 1
    dirs: list[float] = []
    while k >= 0 and len(dirs) < 2 and tokens[k].kind == "word":
        found = [bearings[st] for _, st in analyses(tokens[k].form) if st in bearings]
        if not found:
            break
        dirs.append(found[0])
        k -= 1
    if not dirs:
        return mention
    km = None
    for n in (2, 1):
        key = tuple(t.form for t in tokens[max(0, k - n + 1) : k + 1])
        if len(key) == n and key in units:
            km, k = units[key], k - n
            break
    if km is None or k < 0:
        return mention
    piece = tokens[max(0, k - 5) : k + 1]
    counts = [q for q in find_quantities(piece) if q.last == len(piece) and q.value]
    if not counts:
        return mention
    dist = counts[-1].value * km
    if dist > MAX_OFFSET_KM:
        return mention
    x = sum(math.sin(math.radians(b)) for b in dirs)
    y = sum(math.cos(math.radians(b)) for b in dirs)
    lat, lon = _destination(place.lat, place.lon, math.degrees(math.atan2(x, y)), dist)
    moved = replace(place, lat=round(lat, 4), lon=round(lon, 4), geo_precision=2)
    return replace(mention, place=moved, precision=2)


def _destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing`` (degrees from north)."""
    d = km / 6371.0
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return math.degrees(p2), math.degrees(l2)


CONTAINER_KM = 60.0  # "X في Y" with Y a town: X lies within this distance of Y
QUARTER_KM = 8.0  # "حي X وسط مدينة Y": a quarter lies within this distance of its town


def _links(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """Tokens a..b-1 say "in" or "near" (في، ب، شرقي، قرب، commas): X [in] Y."""
    if b - a > 3:
        return False
    for tok in tokens[a:b]:
        if tok.kind == "punct":
            if tok.form not in (",", "،"):
                return False
            continue
        stems = {stem for _, stem in _stems(tok)}
        if not stems & (lex.relations | lex.connectors):
            return False
    return True


def _explicit(text: str, tokens: list[Token], inner: _Raw, outer: _Raw) -> bool:
    """ "X شرقي Y", "X في Y", "X بريف Y": a word (or a clitic ب/في on Y) says
    that X lies in Y; a comma or و alone may join the items of a list."""
    if any(tok.kind == "word" for tok in tokens[inner.last : outer.first]):
        return True
    prefix = match_form(text[tokens[outer.first].start : outer.start])
    return bool(prefix) and prefix not in ("و", "ف")


BESIDE_KM = 120.0  # "X شرق Y": X lies this far from Y at most


def _beside(tokens: list[Token], a: int, b: int, inner: Entry, outer: Entry) -> bool:
    """ "X شرق Y": a bearing word (distances.tsv) between says X lies off Y, not
    in it; a known X of Y's country near enough is where it is."""
    _, bearings = _distances()
    if not any(stem in bearings for tok in tokens[a:b] for _, stem in _stems(tok)):
        return False
    return (
        inner.country == outer.country
        and km(inner.lat, inner.lon, outer.lat, outer.lon) <= BESIDE_KM
    )


def inside(entry: Entry, outer: Entry) -> bool:
    """Whether ``entry`` can lie within ``outer`` (same country, province, or near)."""
    if entry.country != outer.country:
        return False
    if outer.kind in ("country", "region", "sea"):
        return True
    if outer.kind == "admin1":
        return not entry.admin1 or not outer.admin1 or entry.admin1 == outer.admin1
    limit = QUARTER_KM if entry.kind == "neighbourhood" else CONTAINER_KM
    return km(entry.lat, entry.lon, outer.lat, outer.lon) <= limit


# how large a kind of place is: a smaller one can lie in a larger one
_RANK = {"country": 0, "region": 1, "sea": 1, "admin1": 2, "admin2": 3, "city": 4}
_SMALL = {"town": 5, "admin3": 5, "village": 6, "neighbourhood": 7, "street": 8}


def _rank(kind: str, cue: Cue | None) -> int:
    kinds = cue.kinds if cue is not None and cue.settlement else {kind}
    return max(_RANK.get(k, _SMALL.get(k, 7)) for k in kinds)


def _minor(entry: Entry) -> bool:
    """A place too small to doubt the larger one named with it (a village,
    a quarter, a subdistrict known only from the long lists)."""
    return entry.kind in WEAK_KINDS or (entry.kind == "neighbourhood" and not entry.population)


def _contained(
    text: str,
    tokens: list[Token],
    raws: list[_Raw],
    mentions: list[PlaceMention],
    ctx: Context,
) -> list[PlaceMention]:
    """ "حي الروضة في مدينة مأرب", "قرية X شرق الرقة": the first place lies in
    the second; choose its homonym there, or, when the gazetteer has none
    there, give it the second place (precision 2, or 1 for a quarter of a
    town)."""
    lex = lexicon()
    gaz = gazetteer()
    # from the last pair back, so that in "قرى X وY في Z" Y is placed in Z before X,
    # a list item, follows Y
    for k in reversed(range(len(mentions) - 1)):
        inner, outer = mentions[k], mentions[k + 1]
        if outer.place is None or inner.kind == "country":
            continue
        if inner.place is None and raws[k].cue is None:
            continue
        if not _links(tokens, raws[k].last, raws[k + 1].first, lex):
            continue
        outer_entry = gaz.by_id.get(outer.place.gazetteer_id or "")
        inner_entry = gaz.by_id.get(inner.place.gazetteer_id or "") if inner.place else None
        if outer_entry is None or (inner.place is not None and inner_entry is None):
            continue
        inner_rank = _rank(inner_entry.kind if inner_entry else "", raws[k].cue)
        abroad = (  # "قرى الخالدية وصيدا في ريف عين عيسى": not Lebanon's Sidon
            inner_entry is not None
            and inner_entry.country != outer_entry.country
            and outer_entry.kind not in ("country", "region", "sea")
            and _explicit(text, tokens, raws[k], raws[k + 1])
        )
        if inner_rank <= _rank(outer_entry.kind, raws[k + 1].cue) and not abroad:
            continue  # "العراق في بغداد", "بلدتي مراط ومظلوم": no containment
        if inner_entry is not None and inside(inner_entry, outer_entry):
            continue
        if inner_entry is not None and _in_countryside(outer, inner_entry, outer_entry, lex):
            continue  # "قرية غرانيج بريف دير الزور": the province around the town
        if inner_entry is not None and _beside(
            tokens, raws[k].last, raws[k + 1].first, inner_entry, outer_entry
        ):
            continue  # "ناحية عقيربات شرق مدينة السلمية": east of it, not in it
        fits = [e for e in raws[k].entries if inside(e, outer_entry)]
        cue_kinds = raws[k].cue.kinds if raws[k].cue else frozenset()
        entry = choose(fits, cue_kinds=cue_kinds, context=ctx)
        holder = _holder(raws[k + 1].entries, outer_entry, inner_entry) if entry is None else None
        if holder is not None:
            # "بلدة النبي شيت في البقاع": Y's homonym that holds X (البقاع is
            # the name of two governorates since 2014) is the one meant
            mentions[k + 1] = replace(outer, place=holder.place(outer.place.geo_precision))
            continue
        if (
            entry is None
            and inner_entry is not None
            and not _minor(inner_entry)
            and (
                inner_entry.country == outer_entry.country
                or outer_entry.kind in ("country", "region", "sea")
                or not _explicit(text, tokens, raws[k], raws[k + 1])
            )
        ):
            # a known town or city beside a place it is not in: a list, or a
            # town near a city of its province (منبج بريف حلب), or a town
            # in a country named loosely; but a town of another country said
            # to lie in a town or province Y is a homonym the gazetteer lacks
            continue
        if entry is None:  # a place the gazetteer lacks there: locate it by the outer one
            small = outer_entry.kind in ("city", "town") and inner_rank >= _SMALL["neighbourhood"]
            precision = max(outer.precision or 1, 1 if small and not inner.relation else 2)
            place = replace(outer.place, geo_precision=precision)
            mentions[k] = replace(inner, place=place, precision=precision, kind=outer.kind)
        else:
            precision = max(entry.precision, inner.precision or 1, 2 if inner.relation else 1)
            mentions[k] = replace(inner, place=entry.place(precision), kind=entry.kind)
    return mentions


def _in_countryside(outer: PlaceMention, inner: Entry, town: Entry, lex: Lexicon) -> bool:
    """ "X بريف Y": the countryside of a town (relations.tsv role ``countryside``)
    is its province, so X lies there when it lies in the town's province."""
    if not outer.relation or town.kind not in ("city", "town") or not inner.admin1:
        return False
    stems = {bare(stem) for _, stem in analyses(match_form(outer.relation))}
    return (
        bool(stems & lex.countryside)
        and inner.country == town.country
        and inner.admin1 == town.admin1
    )


def _holder(entries: list[Entry], outer: Entry, inner: Entry | None) -> Entry | None:
    """The one other homonym of the outer place, of the same kind, that holds
    ``inner`` (a province named like another: البقاع of Beqaa and of
    Baalbek-Hermel), else None."""
    if inner is None:
        return None
    found = [e for e in entries if e is not outer and e.kind == outer.kind and inside(inner, e)]
    return found[0] if len(found) == 1 else None


_HASHTAG = re.compile(r"#[\w\u064b-\u065f\u0670\u0640\u200c-\u200f\u2066-\u2069]+")


def _topic_hashtags(text: str, start: int, end: int | None) -> list[tuple[int, int]]:
    """Hashtags of several words (#انفجار_بيروت): a topic, not a place mention."""
    spans = []
    for m in _HASHTAG.finditer(text, start, len(text) if end is None else end):
        if "_" in m.group().strip("_"):
            spans.append(m.span())
    return spans


def _inside_topic_tag(text: str, raw: _Raw, tags: list[tuple[int, int]]) -> bool:
    for a, b in tags:
        if a < raw.start < b or a < raw.end <= b:
            rest = text[a + 1 : raw.start] + text[raw.end : b]
            return any(ch.isalpha() for ch in rest)
    return False


def _glued(text: str, start: int, end: int) -> bool:
    """A name inside a handle or a brand: @الكويت، الاردن24، الشارقة24."""
    if start > 0 and text[start - 1] == "@":
        return True
    return end < len(text) and (text[end].isdigit() or text[end].isascii() and text[end].isalpha())


def _in_hashtag(text: str, pos: int) -> bool:
    while pos > 0 and (text[pos - 1] == "_" or text[pos - 1].isalnum()):
        pos -= 1
    return pos > 0 and text[pos - 1] == "#"


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop invisible format characters (bidi marks) the span swallowed."""
    while end > start + 1 and unicodedata.category(text[end - 1]) == "Cf":
        end -= 1
    return end
