"""Arabic date expressions -> calendar windows (``rasd.model.DateWindow``).

Two entry points: ``parse_date`` reads one whole string as a date (a
scraped page's date line), ``find_dates`` finds date expressions inside
running text with offsets into the original. Both work on the matching
form (``rasd.text.match_form``), so hamza, teh marbuta, diacritics and
Eastern digits need no special care. Month names and date words are data
(``data/months.tsv``, ``data/date_words.tsv``); this module holds only the
grammar that combines them. The rules are documented in ``docs/dates.md``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass

from hijridate import Gregorian, Hijri

from rasd import resources
from rasd.errors import ResourceError
from rasd.model import DateWindow
from rasd.text.normalize import match_form, normalize

__all__ = ["DateMention", "find_dates", "parse_date"]

DAY, WEEK, MONTH = 1, 2, 3  # ACLED time precision
GREGORIAN_YEARS = (1900, 2100)
HIJRI_YEARS = (1343, 1500)  # what hijridate converts
_ONE = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text.

    ``start``/``end`` are offsets into the original text, ``text`` its
    slice. ``relative`` is True when the window needed the reference date
    (أمس, الأحد الماضي, or a day and month without a year); ``future`` is
    True when the window starts after the reference (غدا, الأسبوع المقبل),
    which an event extractor should not take as the date of a past event.
    ``until`` is True when the expression follows a word that makes it the end
    of a stretch (حتى ظهر اليوم, لغاية الآن): the time up to which something
    held ("ولم يصدر تعليق حتى ظهر اليوم"), not the day it happened.
    """

    start: int
    end: int
    window: DateWindow
    relative: bool
    text: str = ""
    future: bool = False
    until: bool = False


# --- lexicon and grammar (built once, on first use) ------------------------


@dataclass(frozen=True, slots=True)
class _Grammar:
    months: dict[str, tuple[str, int, bool]]  # form -> (calendar, month, needs_year)
    words: dict[str, dict[str, str]]  # kind -> form -> value
    counts: dict[str, str]  # unit form -> "1" | "2" | "many"
    find: re.Pattern[str]
    full: re.Pattern[str]
    head: re.Pattern[str]  # label or weekday before a date line's date
    tail: re.Pattern[str]  # weekday after it
    time_tail: re.Pattern[str]  # clock time after it ("- 10:30 ص")
    time_head: re.Pattern[str]  # clock time before it
    # first words of the words every kind of expression needs (a month, a
    # weekday, a day, night, period or unit word) when the text has no digit;
    # None when some such word is not a plain run of letters (no pre-check)
    keys: frozenset[str] | None = None


def _alt(forms: Iterable[str]) -> str:
    """A regex alternation of word forms, longest first, spaces flexible."""
    uniq = sorted(set(forms), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in uniq) + ")"


@functools.cache
def _grammar() -> _Grammar:
    months: dict[str, tuple[str, int, bool]] = {}
    for row in resources.tsv("text", "months.tsv"):
        form = " ".join(match_form(row["name"]).split())
        entry = (row["calendar"], int(row["month"]), row["needs_year"] == "1")
        if row["calendar"] not in ("gregorian", "hijri") or not 1 <= entry[1] <= 12:
            raise ResourceError(f"rasd/text/data/months.tsv: bad row {row}", value=row)
        if months.get(form, entry)[:2] != entry[:2]:
            raise ResourceError(f"rasd/text/data/months.tsv: {form!r} twice", value=row)
        months[form] = entry
    words: dict[str, dict[str, str]] = {}
    counts: dict[str, str] = {}
    for row in resources.tsv("text", "date_words.tsv"):
        form = " ".join(match_form(row["word"]).split())
        words.setdefault(row["kind"], {})[form] = row["value"]
        if row["kind"] == "unit":
            counts[form] = row["count"]
    need = ("weekday", "day", "night", "part", "ago", "unit", "number", "past", "next")
    need += ("current", "period", "phase", "blocker", "label", "linker", "filler", "era", "about")
    need += ("this", "clock", "ampm")
    missing = [k for k in need if k not in words]
    if missing:
        raise ResourceError(f"rasd/text/data/date_words.tsv lacks {missing}", value=missing)
    body = _body(months, words)
    find = re.compile(_START + _lead(months, words) + body + _END)
    full = re.compile(body)
    w = {k: _alt(v) for k, v in words.items()}
    wd_day = _alt(f for f, v in words["filler"].items() if v == "day")
    head = re.compile(
        rf"^(?:{w['label']}\s*[:\-]?\s*)?(?:(?:{wd_day}\s+)?{w['weekday']}\s*[,،\-]?\s*)?"
    )
    tail = re.compile(rf"\s*[,،\-]?\s*(?:(?:{wd_day})\s+)?{w['weekday']}$")
    clock = rf"(?:{w['clock']}\s*)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    zone = rf"(?:\s*{w['ampm']}(?:\s+[^\W\d_]+)?(?![^\W\d_])(?:[+\-]\d{{1,2}}(?!\d))?)*"
    time_tail = re.compile(rf"[\s,،\-–—|/]*{clock}{zone}\s*$")
    time_head = re.compile(rf"^\s*{clock}{zone}[\s,،\-–—|/]*")
    keys = _keys(months, words)
    return _Grammar(months, words, counts, find, full, head, tail, time_tail, time_head, keys)


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_CONJ, _PREP = "وف", "بلك"  # the letters ``find`` allows before an expression
_CONJ_PREP = _CONJ + _PREP


def _keys(
    months: dict[str, tuple[str, int, bool]], words: dict[str, dict[str, str]]
) -> frozenset[str] | None:
    """First words of the words some part of every expression needs: each
    alternative of the grammar holds a digit or one of these, at the start
    of a run of letters after at most two prefix letters (و/ف, ب/ل/ك)."""
    forms = list(months)
    for kind in ("weekday", "day", "night", "period", "unit"):
        forms += words[kind]
    if not all(f.split() for f in forms):
        return None
    firsts = {f.split()[0] for f in forms}
    if not all(_LETTERS.fullmatch(f) for f in firsts):
        return None
    return frozenset(firsts)


# where an expression may start (not inside a word, a number or a path; clitics
# glued on) and end (not inside a word)
_START = r"(?<![\w/:.])(?:[وف](?=\w))?(?:[بلك](?=\w))?"
_END = r"(?![^\W\d_])"


def _may_hold_date(form: str, keys: frozenset[str] | None) -> bool:
    """False when ``form`` (a matching form) has no digit and no key word:
    no expression of the grammar can match it."""
    if keys is None or _DIGIT.search(form):
        return True
    for w in _LETTERS.findall(form):
        if w in keys:
            return True
        if w[0] in _CONJ_PREP and (
            w[1:] in keys or (len(w) > 2 and w[0] in _CONJ and w[1] in _PREP and w[2:] in keys)
        ):
            return True
    return False


# the ordinal day of an "ord" expression (السابع من، الخامس والعشرين من)
_ORDINAL_DAY = r"ال[^\W\d_]+(?:\s+(?:عشر|و\s*ال[^\W\d_]+))?"
# the kinds of date word an expression may open with (see ``_body``)
_OPENING_KINDS = ("part", "filler", "weekday", "phase", "this", "period", "ago", "night", "day")


def _lead(months: dict[str, tuple[str, int, bool]], words: dict[str, dict[str, str]]) -> str:
    """A lookahead of what every expression of ``_body`` opens with (at the
    expression, after the clitics): a digit, the first word of a month name or of a date word of
    ``_OPENING_KINDS``, or an ordinal followed by من. Most words open none, and
    the lookahead fails on them at once (its words are one character trie), where
    the whole grammar would try each alternative; it changes no match. A new
    alternative in ``_body`` must open with one of these."""
    firsts = {f.split()[0] for f in months if f.split()}
    for kind in _OPENING_KINDS:
        firsts.update(f.split()[0] for f in words[kind] if f.split())
    return rf"(?=\d|{_ORDINAL_DAY}\s+من\s|{_trie(firsts)})"


def _trie(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms`` (literal strings), alternatives
    factored by their common prefixes, so a mismatch fails in a few steps."""
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _body(months: dict[str, tuple[str, int, bool]], words: dict[str, dict[str, str]]) -> str:
    """The grammar: one alternation, one named group per kind of expression.
    Every alternative opens with a word ``_lead`` knows (or a digit)."""
    w = {k: _alt(v) for k, v in words.items()}
    fill = {
        kind: _alt(f for f, v in words["filler"].items() if v == kind)
        for kind in ("day", "month", "year")
    }
    mon = _alt(months)
    qual = f"(?:{w['past']}|{w['next']}|{w['current']})"
    this = w["this"]
    words3 = r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?"  # خمسة عشر: read by parse_number
    # "واعترضت الدفاعات الاثنين الآخرين": the number two, not Monday
    pair = rf"(?!\s+{w['pair']}(?!\w))" if "pair" in w else ""
    # "ليلة الاثنين على الثلاثاء": the two weekdays of one night
    through = rf"|\s+{w['through']}\s+" if "through" in w else ""

    def month(tag: str) -> str:  # a month name, maybe paired: تموز (يوليو), أيار/مايو
        return rf"(?P<mon{tag}>{mon})(?:\s*[/(\-–]\s*{mon}\s*\)?)?"

    def year(tag: str) -> str:
        return (
            rf"\s*[,،.\-/]?\s*(?:{fill['year']}\s+)?(?P<y{tag}>\d{{4}})(?!\d)"
            rf"(?:\s*(?P<era{tag}>{w['era']})(?![^\W\d_]))?"
        )

    weekday_lead = (
        rf"(?:(?:{w['part']}\s+)?(?:{fill['day']}\s+)?{w['weekday']}\s*[,،\-]?\s*"
        rf"(?:{w['linker']}\s*)?)?"
    )
    day = r"(?P<d{t}>[0-3]?\d)(?!\d)\s*(?:من\s+)?(?:{fm}\s+)?"
    alts = {
        # 27/7/2024, 27-07-2024, 27.7.2024, 27/07/24 (day first)
        "num": weekday_lead
        + r"(?P<nd>\d{1,2})\s*(?P<ns>[/.\-])\s*(?P<nm>\d{1,2})\s*(?P=ns)\s*(?P<ny>\d{4}|\d{2})(?!\d)",
        # 2024-07-27, 2024/7/27
        "iso": weekday_lead
        + r"(?P<iy>\d{4})\s*(?P<is>[/.\-])\s*(?P<im>\d{1,2})\s*(?P=is)\s*(?P<id>\d{1,2})(?!\d)",
        # 27 تموز 2024 | 27 تموز | 27 تموز الماضي
        "dmy": weekday_lead
        + day.format(t="a", fm=fill["month"])
        + month("a")
        + rf"(?:{year('a')}|\s+(?P<qa>{qual}))?",
        # السابع من تموز 2024 | الخامس والعشرين من أغسطس الماضي
        "ord": rf"(?P<od>{_ORDINAL_DAY})\s+من\s+"
        + rf"(?:{fill['month']}\s+)?"
        + month("o")
        + rf"(?:{year('o')}|\s+(?P<qo>{qual}))?",
        # مطلع تموز 2024 | أواخر آذار الماضي | منتصف يوليو
        "phm": rf"(?P<phb>{w['phase']})\s+(?:{fill['month']}\s+)?"
        + month("b")
        + rf"(?:{year('b')}|\s+(?P<qb>{qual}))?",
        # تموز 2024 | شهر تموز من عام 2024
        "my": rf"(?:{fill['month']}\s+)?" + month("c") + year("c"),
        # تموز الماضي | شهر آذار الجاري
        "mq": rf"(?:{fill['month']}\s+)?" + month("d") + rf"\s+(?P<qd>{qual})",
        # الأسبوع الماضي | مطلع الشهر الجاري | هذا الشهر
        "per": rf"(?:(?P<phe>{w['phase']})\s+)?(?:{this}\s+(?P<pe1>{w['period']})"
        rf"|(?P<pe2>{w['period']})\s+(?P<qe>{qual}))",
        # قبل يومين | منذ ثلاثة أيام | منذ أيام
        "ago": rf"{w['ago']}\s+(?:{w['about']}\s+)?(?:(?P<hn>\d{{1,3}}|{w['number']}|{words3})\s+)?"
        rf"(?P<hu>{w['unit']})"
        rf"(?!\s*(?:من|علي|{w['weekday']}|{w['day']})(?!\w))",
        # الليلة الماضية | ليلة أمس
        "night": rf"(?P<nt>{w['night']})",
        # أمس | فجر اليوم | مساء أمس الأحد
        "day": rf"(?:(?P<jp>{w['part']})\s+)?(?P<jd>{w['day']})(?!\s+{w['blocker']}(?!\w))"
        rf"(?:\s+(?:{fill['day']}\s+)?{w['weekday']})?",
        # الأحد | مساء الثلاثاء | يوم الاثنين الماضي | ليل السبت الأحد
        "wd": rf"(?:(?P<kp>{w['part']})\s+)?(?:{fill['day']}\s+)?(?P<kw>{w['weekday']})"
        rf"{pair}"
        rf"(?:(?:\s*[-–/]\s*|\s+(?:و\s*)?{through})(?P<kw2>{w['weekday']}))?(?:\s+(?P<kq>{qual}))?",
    }
    return "(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat in alts.items()) + ")"


# --- public API --------------------------------------------------------------

_PUNCT = " \t\r\n.,،:;|-–—_()[]{}\"'«»/\\*•·"


def parse_date(expr: str, reference: dt.date | None = None) -> DateWindow | None:
    """The window of ``expr`` read as one date expression, or None.

    Strict: besides the date there may only be punctuation, a label such as
    "نشر في", a weekday name and a clock time ("- 10:30 ص"). Relative
    expressions (أمس, الأحد الماضي, "27 تموز" without a year) need
    ``reference`` and give None without it.
    """
    g = _grammar()
    s = match_form(expr)
    if ":" in s:
        s = g.time_tail.sub("", s, count=1)
        s = g.time_head.sub("", s, count=1)
    s = s.strip(_PUNCT)
    m = g.full.fullmatch(s)
    if m is None:
        s = g.tail.sub("", g.head.sub("", s, count=1), count=1).strip(_PUNCT)
        m = g.full.fullmatch(s)
        if m is None:
            return None
    result = _window(m, reference, g)
    return result[0] if result else None


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, reference: dt.date | None = None
) -> list[DateMention]:
    """Date expressions in ``text[start:end]``, with offsets into ``text``.

    Expressions that need a reference date are skipped when ``reference``
    is None.
    """
    end = len(text) if end is None else end
    g = _grammar()
    norm = normalize(text[start:end])
    out: list[DateMention] = []
    if not _may_hold_date(norm.text, g.keys):
        return out
    for m in g.find.finditer(norm.text):
        result = _window(m, reference, g)
        if result is None:
            continue
        window, relative = result
        kind = m.lastgroup or ""
        a, b = norm.to_original(m.start(kind), m.end())
        a, b = a + start, b + start
        future = reference is not None and window.start > reference
        until = _after_until(text, max(start, a - _UNTIL_REACH), a, g)
        out.append(DateMention(a, b, window, relative, text[a:b], future, until))
    return out


_UNTIL_REACH = 16  # characters before an expression searched for an "until" word


def _after_until(text: str, lo: int, a: int, g: _Grammar) -> bool:
    """The expression at ``a`` follows an "until" word (date_words.tsv ``until``:
    حتى، لغاية، إلى غاية), nothing but spaces between."""
    words = g.words.get("until")
    if not words:
        return False
    left = match_form(text[lo:a]).split()
    return any(" ".join(left[-n:]) in words for n in (1, 2) if len(left) >= n)


# --- windows -----------------------------------------------------------------


def _window(m: re.Match[str], ref: dt.date | None, g: _Grammar) -> tuple[DateWindow, bool] | None:
    """(window, relative) for a grammar match, or None if it names no real date."""
    kind = m.lastgroup
    try:
        if kind == "num":
            year = int(m["ny"])
            if len(m["ny"]) == 2:  # 27/07/24: only with slashes, 1970-2069
                if m["ns"] != "/":
                    return None
                year += 2000 if year < 70 else 1900
            return _day(year, int(m["nm"]), int(m["nd"])), False
        if kind == "iso":
            return _day(int(m["iy"]), int(m["im"]), int(m["id"])), False
        if kind in ("dmy", "ord", "phm", "my", "mq"):
            return _month_date(m, kind, ref, g)
        if ref is None:
            return None
        rel = _relative(m, kind, ref, g)
    except (ValueError, OverflowError):  # day 31 of a 30-day month, year out of range
        return None
    return (rel, True) if rel is not None else None


def _day(y: int, m: int, d: int) -> DateWindow:
    if not GREGORIAN_YEARS[0] <= y <= GREGORIAN_YEARS[1]:
        raise ValueError(y)
    day = dt.date(y, m, d)
    return DateWindow(day, day, DAY)


def _month_date(
    m: re.Match[str], kind: str, ref: dt.date | None, g: _Grammar
) -> tuple[DateWindow, bool] | None:
    tag = {"dmy": "a", "ord": "o", "phm": "b", "my": "c", "mq": "d"}[kind]
    cal, month, needs_year = g.months[" ".join(m[f"mon{tag}"].split())]
    day = int(m["da"]) if tag == "a" else _ordinal(m["od"]) if tag == "o" else None
    if tag == "o" and day is None:
        return None
    year_text = m.groupdict().get(f"y{tag}")
    era = m.groupdict().get(f"era{tag}")
    qual = m.groupdict().get(f"q{tag}")
    phase = g.words["phase"][m["phb"]] if tag == "b" else None
    if era and g.words["era"][" ".join(era.split())] != cal:
        return None
    if year_text is not None:
        year = int(year_text)
        window = _calendar_window(cal, year, month, day)
        relative = False
    else:
        if ref is None or (needs_year and kind != "mq"):
            return None
        year = _year_for(cal, month, day, ref, _qualifier(qual, g))
        window = _calendar_window(cal, year, month, day)
        relative = True
    if phase is not None:
        window = _phase(window, phase)
    if relative and window.start <= ref < window.end:  # أواخر تموز, said on 30 July
        window = DateWindow(window.start, ref, window.precision)
    return window, relative


def _qualifier(form: str | None, g: _Grammar) -> str | None:
    if form is None:
        return None
    form = " ".join(form.split())
    for kind in ("past", "next", "current"):
        if form in g.words[kind]:
            return kind
    return None


def _calendar_window(cal: str, year: int, month: int, day: int | None) -> DateWindow:
    if cal == "hijri":
        if not HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
            raise ValueError(year)
        first = Hijri(year, month, day or 1)
        last = first if day else Hijri(year, month, first.month_length())
        a = dt.date(*first.to_gregorian().datetuple())
        b = dt.date(*last.to_gregorian().datetuple())
        return DateWindow(a, b, DAY if day else MONTH)
    if not GREGORIAN_YEARS[0] <= year <= GREGORIAN_YEARS[1]:
        raise ValueError(year)
    if day:
        d = dt.date(year, month, day)
        return DateWindow(d, d, DAY)
    return _whole_month(year, month)


def _whole_month(year: int, month: int) -> DateWindow:
    last = calendar.monthrange(year, month)[1]
    return DateWindow(dt.date(year, month, 1), dt.date(year, month, last), MONTH)


def _year_for(cal: str, month: int, day: int | None, ref: dt.date, qual: str | None) -> int:
    """The year a yearless day/month refers to: the latest one not after the
    reference ("past": strictly before; "next": strictly after; "current":
    the reference's own year)."""
    year = (
        ref.year if cal == "gregorian" else Gregorian(ref.year, ref.month, ref.day).to_hijri().year
    )
    if qual == "current":
        return year
    here = _calendar_window(cal, year, month, day)
    if qual == "next":
        return year if here.start > ref else year + 1
    if qual == "past" and day is None:  # تموز الماضي in July is last year's
        return year if here.end < ref else year - 1
    return year if here.start <= ref else year - 1


def _phase(window: DateWindow, phase: str) -> DateWindow:
    """The start, middle or end of a window (مطلع/منتصف/أواخر): days 1-10,
    11-20 and 21-last of a month; thirds of a shorter window."""
    span = (window.end - window.start).days + 1
    third = 10 if span >= 28 else max(span // 3, 1)
    if phase == "start":
        a, b = window.start, window.start + (third - 1) * _ONE
    elif phase == "middle":
        a = window.start + third * _ONE
        b = min(a + (third - 1) * _ONE, window.end)
    else:
        a, b = window.start + 2 * third * _ONE, window.end
    return DateWindow(a, b, WEEK if (b - a).days < 14 else MONTH)


def _relative(m: re.Match[str], kind: str | None, ref: dt.date, g: _Grammar) -> DateWindow | None:
    w = g.words
    if kind == "night":
        first = ref + int(w["night"][_key(m["nt"])]) * _ONE
        return DateWindow(first, first + _ONE, DAY)
    if kind == "day":
        d = ref + int(w["day"][_key(m["jd"])]) * _ONE
        return _part_of(d, w["part"][_key(m["jp"])] if m["jp"] else "day", ref)
    if kind == "wd":
        return _weekday(m, ref, g)
    if kind == "ago":
        return _ago(m, ref, g)
    if kind == "per":
        return _period(m, ref, g)
    return None


def _key(form: str) -> str:
    return " ".join(form.split())


def _weekday(m: re.Match[str], ref: dt.date, g: _Grammar) -> DateWindow:
    """Most recent such weekday on or before the reference ("past": strictly
    before; "next": strictly after). Two weekdays (ليل السبت الأحد) give the
    window from the first to the second, the second being the anchored one."""
    w = g.words
    qual = _qualifier(m["kq"], g)
    last = int(w["weekday"][_key(m["kw2"] or m["kw"])])
    back = (ref.weekday() - last) % 7
    if qual == "past" and back == 0:
        back = 7
    if qual == "next":
        back = -((last - ref.weekday()) % 7 or 7)
    end = ref - back * _ONE
    if m["kw2"]:
        first = int(w["weekday"][_key(m["kw"])])
        return DateWindow(end - ((last - first) % 7) * _ONE, end, DAY)
    return _part_of(end, w["part"][_key(m["kp"])] if m["kp"] else "day", ref)


def _part_of(d: dt.date, part: str, ref: dt.date) -> DateWindow:
    """A day, or a night: "night" runs from ``d`` into the next day, "eve"
    (ليلة الأحد) from the day before into ``d``. A past night is not
    stretched past the reference."""
    if part == "eve":
        return DateWindow(d - _ONE, d, DAY)
    if part == "night":
        return DateWindow(d, d + _ONE if d + _ONE <= ref or d > ref else d, DAY)
    return DateWindow(d, d, DAY)


def _ago(m: re.Match[str], ref: dt.date, g: _Grammar) -> DateWindow | None:
    """قبل/منذ N units. Days are exact; weeks and months get a window around
    the point; a plural without a number (منذ أيام) is the span up to now."""
    unit = _key(m["hu"])
    days = int(g.words["unit"][unit])
    count = g.counts[unit]
    n: int | None
    if m["hn"]:
        raw = _key(m["hn"])
        value = raw if raw.isdigit() else g.words["number"].get(raw) or _spelled(raw)
        if value is None:
            return None
        n = int(value) if value.isdigit() else None
    else:
        n = {"1": 1, "2": 2}.get(count)
    if days == 0:  # hours
        return DateWindow(ref - _ONE, ref, DAY)
    if n is None:  # منذ أيام, قبل بضعة أسابيع
        if days == 1:
            return DateWindow(ref - 7 * _ONE, ref, WEEK)
        if days == 7:
            return DateWindow(ref - 30 * _ONE, ref - 7 * _ONE, MONTH)
        return None
    point = ref - n * days * _ONE
    if days == 1:
        return DateWindow(point, point, DAY)
    half = (3 if days == 7 else 15) * _ONE
    return DateWindow(point - half, min(point + half, ref), WEEK if days == 7 else MONTH)


def _spelled(form: str) -> str | None:
    """A spelled-out number (خمسة عشر) through rasd.text.numbers, when present."""
    if importlib.util.find_spec("rasd.text.numbers") is None:
        return None
    from rasd.text.numbers import parse_number

    value = parse_number(form)
    return str(value) if value is not None and value > 0 else None


def _ordinal(form: str) -> int | None:
    """A day written as an ordinal (السابع, الخامس والعشرين) via rasd.text.numbers."""
    if importlib.util.find_spec("rasd.text.numbers") is None:
        return None
    from rasd.text.numbers import ordinal

    value = ordinal(" ".join(form.split()))
    return value if value is not None and 1 <= value <= 31 else None


def _period(m: re.Match[str], ref: dt.date, g: _Grammar) -> DateWindow:
    w = g.words
    period = w["period"][_key(m["pe1"] or m["pe2"])]
    qual = _qualifier(m["qe"], g) if m["qe"] else "current"
    if period == "week":
        window = {
            "past": DateWindow(ref - 7 * _ONE, ref - _ONE, WEEK),
            "current": DateWindow(ref - 6 * _ONE, ref, WEEK),
            "next": DateWindow(ref + _ONE, ref + 7 * _ONE, WEEK),
        }[qual or "current"]
    else:
        y, mo = ref.year, ref.month
        if qual == "past":
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif qual == "next":
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        window = _whole_month(y, mo)
    if m["phe"]:
        window = _phase(window, w["phase"][_key(m["phe"])])
        if period == "week":
            window = DateWindow(window.start, window.end, WEEK)
    if qual == "current" and window.start <= ref < window.end:
        window = DateWindow(window.start, ref, window.precision)
    return window
