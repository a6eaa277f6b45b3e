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
list.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import asdict, dataclass

from rasd import resources
from rasd.geo.gazetteer import Entry, gazetteer
from rasd.geo.resolve import Context, choose
from rasd.model import Place
from rasd.text.clitics import PhraseMatcher, analyses, bare
from rasd.text.normalize import advance, match_form
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


def _form(word: str) -> str:
    toks = tokenize(word)
    return " ".join(t.form for t in toks if t.kind != "punct")


@functools.cache
def lexicon() -> Lexicon:
    """Matcher and word lists, built once on first use."""
    gaz = gazetteer()
    arabic = [k for k in gaz.index if any("\u0600" <= ch <= "\u06ff" for ch in k)]
    matcher = PhraseMatcher((k, k) for k in arabic)
    cues = {}
    for row in resources.tsv("geo", "cues.tsv"):
        form = bare(_form(row["cue"]))
        if form in cues:
            continue
        cues[form] = Cue(row["cue"], frozenset(row["kinds"].split()), row["strength"] == "strong")
    rel = resources.tsv("geo", "relations.tsv")
    relations = frozenset(bare(_form(r["word"])) for r in rel if r["role"] == "relation")
    connectors = frozenset(bare(_form(r["word"])) for r in rel if r["role"] == "connector")
    heads = frozenset(_form(r["word"]) for r in resources.tsv("geo", "name_heads.tsv"))
    stopwords = frozenset(_form(r["word"]) for r in resources.tsv("geo", "stopwords.tsv"))
    stoplist = {}
    for row in resources.tsv("geo", "stoplist.tsv"):
        stoplist[bare(_form(row["name"]))] = row["rule"]
    return Lexicon(matcher, cues, relations, connectors, heads, stopwords, stoplist)


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
    for plen, stem in analyses(tok.form):
        if tok.form[:plen].endswith(("ال", "لل")):
            continue
        cue = lex.cues.get(stem)
        if cue is not None:
            return plen, cue
    return None


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
        after_name, prev_last = m.first == prev_last, m.last
        entries = gaz.index.get(m.value, [])
        if not entries:
            continue
        start, first, cue = m.start, m.first, None
        words = m.value.split()
        inner = lex.cues.get(words[0]) if len(words) > 1 else None
        if inner is not None and any(e.kind in inner.kinds for e in entries):
            cue = inner
        elif m.first > 0:
            found = _cue_at(tokens[m.first - 1], lex)
            if found is not None:
                plen, cue = found
                first = m.first - 1
                start = _offset(text, tokens[first], plen)
        if _glued(text, m.start, m.end):
            continue
        said = match_form(text[m.start : m.end]).startswith("ال")
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
        if rule == "never" or (rule == "cue" and not rule_cue_fits):
            continue
        if rule and after_name and not rule_cue_fits:
            continue  # an adjective after a name: قرية الزعفرانية الشرقية
        letters = len(m.value.replace(" ", ""))
        mismatch = said not in gaz.article_forms.get(m.value, (said,))
        needs = not rule_cue_fits and (
            rule == "context"
            or mismatch
            or all(e.kind in WEAK_KINDS for e in entries)
            or (letters <= SHORT and all(e.kind != "country" for e in entries))
        )
        out.append(_Raw(start, m.end, first, m.last, m.value, entries, cue, needs))
    return out


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
        if found is None:
            continue
        plen, cue = found
        j = i + 1
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
                cur.form.startswith("ال") and not prev.form.startswith("ال")
            ):
                last += 1
                continue
            break
        if tokens[last - 1].form in lex.heads:
            continue  # a head word alone is no name
        start = _offset(text, tok, plen)
        out.append(_Raw(start, tokens[last - 1].end, i, last, None, [], cue))
        taken.update(range(i, last))
    return out


def _context_of(raws: list[_Raw]) -> Context:
    ctx = Context()
    for raw in raws:
        if raw.entries and not raw.needs_context:
            ctx.add(raw.entries, 2.0 if raw.entries[0].kind == "country" else 1.0)
    return ctx


def recognize(text: str, start: int = 0, end: int | None = None) -> tuple[list[Token], list[_Raw]]:
    """Raw mentions (before context checks and resolution), with the tokens."""
    lex = lexicon()
    tokens = tokenize(text, start, end)
    raws = _gazetteer_mentions(text, tokens, lex)
    taken = {k for raw in raws for k in range(raw.first, raw.last)}
    raws += _cue_mentions(text, tokens, lex, taken)
    raws.sort(key=lambda r: r.start)
    for raw in raws:
        raw.relation = _relation(tokens, raw.first - 1, lex)
    return tokens, raws


def local_context(text: str, start: int = 0, end: int | None = None) -> Context:
    """The countries and provinces a stretch of text is about."""
    return _context_of(recognize(text, start, end)[1])


def _supported(raw: _Raw, ctx: Context) -> bool:
    return any(ctx.country_share(e.country) >= CONTEXT_SHARE for e in raw.entries)


def _resolve(text: str, raw: _Raw, ctx: Context) -> PlaceMention:
    cue_kinds = raw.cue.kinds if raw.cue else frozenset()
    candidates = raw.entries
    if raw.needs_context:
        candidates = [e for e in candidates if ctx.country_share(e.country) >= CONTEXT_SHARE]
    entry = choose(candidates, cue_kinds=cue_kinds, context=ctx)
    cue = raw.cue.form if raw.cue else None
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


def find_places(
    text: str, start: int = 0, end: int | None = None, *, context: object = None
) -> list[PlaceMention]:
    """Place mentions in ``text[start:end]``, resolved, in text order.

    ``context`` (a ``Context``, an ISO country code or several) says what
    the surrounding article is about; the mentions in the span add to it.
    """
    _, raws = recognize(text, start, end)
    tags = _topic_hashtags(text, start, end)
    if tags:
        raws = [r for r in raws if not _inside_topic_tag(text, r, tags)]
    ctx = _context_of(raws).merge(Context.of(context))
    out = []
    for raw in raws:
        if raw.needs_context and not _supported(raw, ctx):
            continue
        raw.end = _trim_end(text, raw.start, raw.end)
        out.append(_resolve(text, raw, ctx))
    return out


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
