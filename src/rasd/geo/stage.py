"""Pipeline stage ``geocode``: coordinates, admin1 and precision for events.

The extractor ties a place mention to each event as an ``Evidence`` with
field ``"location"`` (offsets into ``article.text``); ``geocode`` resolves
the mention found in that span, in the light of the whole article (its
countries and provinces). An event whose ``location`` already names a place
(name/country only) is looked up in the gazetteer. Without either, the
event takes the place named nearest after its own evidence in the same
sentence, then a definite cue word pointing back (القاعدة، المدينة: the
last base or town named), then the place of the event told just before,
then the article's most named place (precision at least 2).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from rasd.geo.gazetteer import FACILITY_KINDS, POINT_KINDS, gazetteer
from rasd.geo.recognize import (
    PlaceMention,
    definite_cues,
    find_places,
    inside,
    is_bearing,
    is_origin,
    local_context,
    quoted_name,
)
from rasd.geo.resolve import Context, choose
from rasd.model import Article, Event, Evidence, Place


def _spans(article: Article) -> list[tuple[int, int]]:
    sents = article.content_sentences()
    if sents:
        return [(s.start, s.end) for s in sents]
    return [(0, len(article.text))]


def article_mentions(article: Article) -> tuple[Context, list[PlaceMention]]:
    """The article's context and every place mention in its content."""
    spans = _spans(article)
    ctx = Context()
    for a, b in spans:
        local = local_context(article.text, a, b)
        if local.countries or local.admin1:  # most sentences name no place
            ctx = ctx.merge(local)
    mentions = [m for a, b in spans for m in find_places(article.text, a, b, context=ctx)]
    return ctx, mentions


def _overlapping(mentions: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    return [m for m in mentions if m.start < end and start < m.end]


def _from_evidence(
    article: Article, event: Event, ctx: Context, mentions: list[PlaceMention]
) -> Place | None:
    # an event merged from several tellings has several location spans: the
    # most specific place among them, a sea or a country last (one telling
    # says "in the Red Sea", another "off Hodeidah")
    tellings = []
    for ev in event.evidence:
        if ev.field != "location":
            continue
        overlapping = _overlapping(mentions, ev.start, ev.end)
        if not overlapping:  # the extractor read a span the article pass did not
            overlapping = find_places(article.text, ev.start, ev.end, context=ctx)
        found = [m for m in overlapping if m.place]
        if found:
            tellings.append(min(found, key=lambda m: (m.precision or 3, m.start)))
    if not tellings:
        return None
    first = tellings[0]
    if _origin(article, first):
        return _beside_origin(article, first, mentions)
    kept = [m for m in tellings if not _origin(article, m)]
    best = min(kept, key=lambda m: (m.kind in WIDE_KINDS, m.precision or 3))
    finer = _finer_in_sentence(article, best, mentions)
    return (finer or best).place


AREA_KINDS = frozenset({"admin1", "admin2", "admin3", "region"})
SPOT_KINDS = POINT_KINDS - {"city"}  # a town, village, quarter or facility


def _off_coast(
    article: Article, sea: PlaceMention, mentions: list[PlaceMention]
) -> PlaceMention | None:
    """ "في البحر الأحمر قبالة سواحل الحديدة": a sea is placed at its centre;
    a place its sentence says the event was off (or a distance and bearing
    from) is the point near the coast (precision 2)."""
    span = _sentence_of(article, sea.start)
    if span is None:
        return None
    near = [
        m
        for m in mentions
        if span[0] <= m.start < span[1]
        and m is not sea
        and m.place is not None
        and m.relation
        and m.kind not in WIDE_KINDS
        and not _origin(article, m)
    ]
    return min(near, key=lambda m: abs(m.start - sea.start)) if near else None


def _finer_in_sentence(
    article: Article, best: PlaceMention, mentions: list[PlaceMention]
) -> PlaceMention | None:
    """ "في ريف القنيطرة الجنوبي، توغلت قوة … في أطراف قرية الرفيد": the
    evidence names an area (a province, the countryside of a town); a town,
    village or facility named after it in the same sentence and lying in
    it is where the event happened."""
    place = best.place
    if place is None or (best.precision or 3) < 2:
        return None
    if best.kind == "sea":
        return _off_coast(article, best, mentions)
    if best.kind not in AREA_KINDS and not (
        best.relation and best.kind in POINT_KINDS and best.kind not in FACILITY_KINDS
    ):
        # ("في محيط سد تشرين جنوب شرقي منبج": a base or a dam is a point already)
        return None
    span = _sentence_of(article, best.start)
    if span is None:
        return None
    gaz = gazetteer()
    outer = gaz.by_id.get(place.gazetteer_id or "")
    if outer is None:
        return None
    for m in sorted(mentions, key=lambda m: m.start):
        if not (best.end <= m.start < span[1]) or m.place is None or m.kind not in SPOT_KINDS:
            continue
        inner = gaz.by_id.get(m.place.gazetteer_id or "")
        if inner is None or inner is outer or _origin(article, m):
            continue
        if m.relation and is_bearing(m.relation):
            continue  # "… جنوب شرقي منبج": the town the place lies off, not a finer place
        if inside(inner, outer):
            return m
    return None


WIDE_KINDS = frozenset({"sea", "country"})  # where a telling names no finer place


QUOTES = frozenset('"«»“”')


def _elsewhere(article: Article, event: Event, mentions: list[PlaceMention]) -> bool:
    """The event's location evidence names a place the event is not at (the
    launch site, the hospital, a name in a slogan): the extractor's place,
    read from it, is not to be taken either."""
    for ev in event.evidence:
        if ev.field == "location":
            found = [m for m in _overlapping(mentions, ev.start, ev.end) if m.place]
            if found and _origin(article, min(found, key=lambda m: (m.precision or 3, m.start))):
                return True
    return False


def _unresolved(event: Event, mentions: list[PlaceMention]) -> bool:
    """The article pass read the event's location words and, in the light of the
    whole article, found no place for them ("حي الروضة" in a story about Marib is
    no Syrian homonym): the place the extractor read from its sentence alone is
    not taken either."""
    spans = [ev for ev in event.evidence if ev.field == "location"]
    found = [m for ev in spans for m in _overlapping(mentions, ev.start, ev.end)]
    return bool(found) and all(m.place is None for m in found)


def _origin(article: Article, m: PlaceMention) -> bool:
    """Not where the event is: where a missile came from, where the wounded
    were taken, or a name inside a quote or slogan ("مع غزة حتى النصر")."""
    span = _sentence_of(article, m.start)
    if span is None:
        return False
    if sum(ch in QUOTES for ch in article.text[span[0] : m.start]) % 2:
        # a slogan or a speaker's words; not a quotation opened by the name itself
        return not quoted_name(article.text, span[0], m.start)
    return is_origin(article.text, span[0], m.start)


def _beside_origin(
    article: Article, origin: PlaceMention, mentions: list[PlaceMention]
) -> Place | None:
    """ "صاروخ أطلق من اليمن باتجاه مدينة إيلات": the place the launch came
    from is not where the event is; another place of the sentence is (the
    nearest after it first), else none (the later steps decide)."""
    span = _sentence_of(article, origin.start)
    if span is None:
        return None
    others = [
        m
        for m in mentions
        if m.place and span[0] <= m.start < span[1] and m is not origin and not _origin(article, m)
    ]
    after = [m for m in others if m.start > origin.start]
    if after:
        return min(after, key=lambda m: m.start).place
    if others:
        return max(others, key=lambda m: m.start).place
    return None


def _from_name(place: Place, ctx: Context) -> Place | None:
    gaz = gazetteer()
    for name in (place.name_ar, place.name):
        if not name:
            continue
        entries = gaz.lookup(name)
        if place.country:
            entries = [e for e in entries if e.country == place.country] or entries
        entry = choose(entries, context=ctx)
        if entry is not None:
            return entry.place(max(entry.precision, place.geo_precision or 1))
    return None


def _near_evidence(event: Event, article: Article, mentions: list[PlaceMention]) -> Place | None:
    """The place named in the sentence of the event's evidence, nearest after it."""
    resolved = [m for m in mentions if m.place]
    for ev in event.evidence:
        sent = next(
            (s for s in article.sentences if s.start <= ev.start < s.end),
            None,
        )
        if sent is None:
            continue
        inside = [
            m for m in resolved if sent.start <= m.start < sent.end and not _origin(article, m)
        ]
        if not inside:
            continue
        after = [m for m in inside if m.start >= ev.end]
        best = min(after, key=lambda m: m.start) if after else max(inside, key=lambda m: m.start)
        return best.place
    return None


def _sentence_of(article: Article, pos: int) -> tuple[int, int] | None:
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s.start, s.end
    return None


def _anaphor(event: Event, article: Article, mentions: list[PlaceMention]) -> Place | None:
    """ "القاعدة"، "المدينة"، "المطار" in the event's sentence: the last place
    of that kind named before it, in that sentence first (the base, town or
    airport the story is about). "المدينة" after a province named like its
    capital (محافظة حمص … شرقي المدينة) is that capital."""
    resolved = [m for m in mentions if m.place]
    if not resolved:
        return None
    for ev in event.evidence:
        span = _sentence_of(article, ev.start)
        if span is None:
            continue
        for pos, kinds, relation in definite_cues(article.text, *span):
            before = [m for m in resolved if m.end <= pos]
            here = [m for m in before if m.start >= span[0]]
            place = _antecedent(here, kinds) or _antecedent(before, kinds)
            if place is None:
                continue
            if relation and (place.geo_precision or 1) < 2:
                place = replace(place, geo_precision=2)
            return place
    return None


def _antecedent(before: list[PlaceMention], kinds: frozenset[str]) -> Place | None:
    """The last mention of one of ``kinds`` (a province standing for its
    capital when a town is meant)."""
    towns = kinds & {"city", "town"}
    for m in sorted(before, key=lambda m: m.start, reverse=True):
        if m.kind in kinds:
            return m.place
        if towns and m.kind == "admin1" and m.place is not None:
            capital = _capital(m)
            if capital is not None:
                return capital
    return None


def _capital(mention: PlaceMention) -> Place | None:
    """The town a province is named after (محافظة حمص -> Homs)."""
    words = mention.text.split()
    name = " ".join(words[1:]) if mention.cue and len(words) > 1 else mention.text
    place = mention.place
    for entry in gazetteer().lookup(name):
        if (
            entry.kind in ("city", "town")
            and entry.country == place.country
            and (not place.admin1 or entry.admin1 == place.admin1)
        ):
            return entry.place(entry.precision)
    return None


def _previous_event(event: Event, located: list[tuple[int, Place]]) -> Place | None:
    """The place of the nearest event told before this one in the article."""
    start = _event_start(event)
    if start is None:
        return None
    before = [(pos, place) for pos, place in located if pos <= start]
    return max(before, key=lambda item: item[0])[1] if before else None


def _event_start(event: Event) -> int | None:
    starts = [ev.start for ev in event.evidence if ev.field != "location"]
    starts = starts or [ev.start for ev in event.evidence]
    return min(starts) if starts else None


def _most_named(mentions: list[PlaceMention]) -> Place | None:
    resolved = [m for m in mentions if m.place and m.place.gazetteer_id]
    # a country is the last resort: the story happens somewhere in it
    resolved = [m for m in resolved if m.kind != "country"] or resolved
    if not resolved:
        return None
    counts = Counter(m.place.gazetteer_id for m in resolved)
    first = {}
    for m in resolved:
        first.setdefault(m.place.gazetteer_id, m)
    # a facility (the base, the airport) first; then the most named; among
    # equals the most precise, then the first named
    best = max(
        first.values(),
        key=lambda m: (
            m.kind in FACILITY_KINDS,
            counts[m.place.gazetteer_id],
            -(m.precision or 3),
            -m.start,
        ),
    )
    place = best.place
    if (place.geo_precision or 1) < 2:
        place = replace(place, geo_precision=2)
    return place


def _own_place(
    event: Event, article: Article, ctx: Context, mentions: list[PlaceMention]
) -> Place | None:
    """The place the event's own words give: its location evidence, the
    name the extractor gave, a "the base/the town" pointing back, or a
    place named in its sentence."""
    place = _from_evidence(article, event, ctx, mentions)
    given = (
        None
        if place is not None or _elsewhere(article, event, mentions) or _unresolved(event, mentions)
        else event.location
    )
    if given is not None and given.lat is None:
        place = _from_name(given, ctx)
    elif given is not None:
        place = given
    if place is None or (place.geo_precision or 1) >= 3:
        # "سقطت على منطقة سكنية شمال شرقي المدينة": the town named before is
        # finer than a province or country the sentence also names
        pointed = _anaphor(event, article, mentions)
        if pointed is not None and (
            place is None
            or pointed.country == place.country
            and (pointed.geo_precision or 1) < (place.geo_precision or 1)
        ):
            return pointed
    if place is None:
        place = _near_evidence(event, article, mentions)
    return place


def locate(
    event: Event,
    article: Article,
    ctx: Context,
    mentions: list[PlaceMention],
    located: list[tuple[int, Place]] | None = None,
) -> Place | None:
    """The best place for one event (None when the article names none).

    ``located`` lists ``(offset, place)`` of the article's events already
    placed by their own words: an event without a place of its own takes
    that of the event told just before it, else the article's most named
    place (precision at least 2)."""
    place = _own_place(event, article, ctx, mentions)
    if place is None and located:
        place = _previous_event(event, located)
    if place is None:
        # (not a place named only in background: "وكانت الجماعة قد استهدفت في كانون
        # الثاني 2022 منشآت نفطية في أبوظبي")
        past = _background_spans(article)
        # (nor a government named by its seat: "المحادثات بين الرياض والجماعة")
        current = [
            m
            for m in mentions
            if not any(a <= m.start < b for a, b in past) and not _origin(article, m)
        ]
        place = _most_named(current or mentions)
    if place is None:
        return event.location
    return place


BACKGROUND_DAYS = 7  # as the extractor's: a date further back than this is background


def _background_spans(article: Article) -> list[tuple[int, int]]:
    """Sentences dated by their own words only to a month or a year, or to a day
    more than a week before publication: background."""
    from rasd.text.dates import find_dates

    ref = article.published.date if article.published else None
    pub = article.published.window if article.published else None
    out = []
    for s in article.content_sentences():
        dates = [
            d.window
            for d in find_dates(article.text, s.start, s.end, reference=ref)
            if not getattr(d, "future", False)
        ]
        if dates and all(
            w.precision >= 3 or (pub is not None and (pub.start - w.end).days > BACKGROUND_DAYS)
            for w in dates
        ):
            out.append((s.start, s.end))
    return out


def geocode(article: Article) -> Article:
    """Give every event of the article a located place (stage ``geocode``)."""
    if not article.events:
        return article
    ctx, mentions = article_mentions(article)
    own = [_own_place(event, article, ctx, mentions) for event in article.events]
    located = [
        (pos, place)
        for event, place in zip(article.events, own, strict=True)
        if place is not None and (pos := _event_start(event)) is not None
    ]
    for event, place in zip(article.events, own, strict=True):
        event.location = place or locate(event, article, ctx, mentions, located)
        _cite_place(event, article, mentions)
    return article


def _cite_place(event: Event, article: Article, mentions: list[PlaceMention]) -> None:
    """A place found away from the event's own words (the place an earlier
    telling or the article names) is cited at its nearest mention, so the
    location, like every field, points at the words that support it."""
    place = event.location
    if place is None or any(e.field == "location" for e in event.evidence):
        return
    key = place.gazetteer_id or place.name
    named = [
        m for m in mentions if m.place is not None and (m.place.gazetteer_id or m.place.name) == key
    ]
    if not named:
        return
    anchor = _event_start(event) or 0
    m = min(named, key=lambda m: abs(m.start - anchor))
    event.evidence.append(
        Evidence(article.id or "", "location", m.start, m.end, article.text[m.start : m.end])
    )
