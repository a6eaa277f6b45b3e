"""Properties of the text layer and the readers on hostile input (hypothesis).

Offsets always round-trip (normalize, tokens, sentences), the number and
date parsers never crash and agree with themselves, and the HTML, feed and
record readers give articles or rasd's own input errors, nothing else.
The coverage-guided twin of these tests is ``fuzz/`` (``make fuzz``).
"""

from __future__ import annotations

import datetime as dt
import io
import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rasd import resources
from rasd.errors import InputError, RasdError
from rasd.ingest.decode import decode, problems
from rasd.ingest.html import extract_page, fragment_text, parse_date_value
from rasd.ingest.readers import html_article, read_stream
from rasd.model import Article
from rasd.text.dates import find_dates, parse_date
from rasd.text.normalize import match_form, normalize
from rasd.text.numbers import find_quantities, ordinal, parse_number
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize
from tests.hostile.strategies import hostile_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


# --- offsets -------------------------------------------------------------------


@SETTINGS
@given(hostile_text())
def test_normalize_maps_every_character_back_in_order(text):
    n = normalize(text)
    assert n.text == match_form(text)
    prev = 0
    for i in range(len(n.text)):
        a, b = n.to_original(i, i + 1)
        assert 0 <= a < b <= len(text)
        assert a >= prev
        prev = a
        assert n.text[i] in match_form(text[a:b])
    if n.text:
        a, b = n.to_original(0, len(n.text))
        assert n.text in match_form(text[a:b])


@SETTINGS
@given(hostile_text(), st.data())
def test_tokens_point_at_their_own_text(text, data):
    last = (0, 0)
    for tok in tokenize(text):
        assert 0 <= tok.start < tok.end <= len(text)
        assert (tok.start, tok.end) >= last and tok.end >= last[1]  # in order
        last = (tok.start, tok.end)
        assert tok.form in match_form(text[tok.start : tok.end])
        assert tok.kind in ("word", "number", "punct")
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for tok in tokenize(text, lo, hi):
        assert lo <= tok.start < tok.end <= hi


@SETTINGS
@given(hostile_text(), st.data())
def test_sentences_are_ordered_trimmed_and_lose_nothing(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    spans = split_sentences(text, lo, hi)
    last = lo
    for a, b in spans:
        assert last <= a < b <= hi
        assert not text[a].isspace() and not text[b - 1].isspace()
        last = b
    covered = {i for a, b in spans for i in range(a, b)}
    lost = [i for i in range(lo, hi) if not text[i].isspace() and i not in covered]
    assert not lost, [text[i] for i in lost]


# --- numbers -----------------------------------------------------------------


@SETTINGS
@given(hostile_text())
def test_quantities_stay_inside_the_text(text):
    tokens = tokenize(text)
    for q in find_quantities(tokens):
        assert 0 <= q.start < q.end <= len(text)
        assert 0 <= q.first < q.last <= len(tokens)
        assert (q.value is None) != (q.vague is None)
        assert q.value is None or q.value > 0
    v = parse_number(text)
    assert v is None or (isinstance(v, int) and v > 0)
    o = ordinal(text)
    assert o is None or (isinstance(o, int) and o > 0)


@SETTINGS
@given(st.integers(1, 10**12), st.sampled_from([None, EASTERN, PERSIAN]))
def test_numbers_read_back_in_every_digit_system(n, digits):
    s = str(n) if digits is None else str(n).translate(digits)
    assert parse_number(s) == n
    assert parse_number(f" {s} ") == n


@SETTINGS
@given(st.integers(1000, 999_999_999), st.sampled_from([",", "٬"]))  # "،" is a list comma
def test_thousands_separators(n, sep):
    s = f"{n:,}".replace(",", sep)
    assert parse_number(s) == n


# --- dates -----------------------------------------------------------------


@SETTINGS
@given(
    hostile_text(),
    st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))),
)
def test_date_finders_stay_inside_the_text(text, ref):
    w = parse_date(text, ref)
    assert w is None or w.start <= w.end
    for m in find_dates(text, reference=ref):
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.window.start <= m.window.end
        assert ref is not None or not m.relative
        assert not m.future or m.window.start > ref


GREGORIAN = [
    (r["name"], int(r["month"]))
    for r in resources.tsv("text", "months.tsv")
    if r["calendar"] == "gregorian"
]


@SETTINGS
@given(
    st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)),
    st.data(),
    st.sampled_from([None, EASTERN]),
    hostile_text(8),
)
def test_written_dates_read_back(day, data, digits, noise):
    name = data.draw(st.sampled_from([n for n, m in GREGORIAN if m == day.month]))
    conv = (lambda s: s) if digits is None else (lambda s: s.translate(digits))
    for written in (
        f"{conv(str(day.day))} {name} {conv(str(day.year))}",
        conv(day.isoformat()),
        conv(f"{day.day}/{day.month}/{day.year}"),
    ):
        w = parse_date(written)
        assert (w.start, w.end) == (day, day), written
        # the same date inside running text is found, with its own offsets
        text = f"{noise} في {written} ."
        found = [m for m in find_dates(text) if (m.window.start, m.window.end) == (day, day)]
        assert found, text
        assert written in text[found[0].start : found[0].end] or found[0].text in written


# --- readers -----------------------------------------------------------------


@SETTINGS
@given(hostile_text(60))
def test_html_text_never_raises_a_foreign_error(text):
    page = extract_page(text)
    assert isinstance(page.text, str)
    fragment_text(text)
    parse_date_value(text[:100])
    item = html_article(text.encode("utf-8", "surrogatepass"), "page.html")
    assert isinstance(item, Article | InputError)
    if isinstance(item, InputError):
        assert item.where == "page.html"


@SETTINGS
@given(st.binary(max_size=400))
def test_decode_gives_clean_text_or_an_input_error(data):
    try:
        d = decode(data, "f.txt")
    except InputError as err:
        assert err.where == "f.txt"
        return
    assert problems(d.text) is None


@SETTINGS
@given(
    st.lists(
        st.sampled_from([w for w in "عين الأسد قاعدة طائرة مسيرة في الأنبار".split()]),
        min_size=4,
        max_size=30,
    )
)
def test_arabic_round_trips_through_utf8_and_cp1256(words):
    text = " ".join(words)
    assert decode(text.encode("utf-8"), "f").text == text
    assert decode(text.encode("cp1256"), "f").text == text


FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{0}</title>'
    "<item><title>{1}</title><link>{2}</link><pubDate>{3}</pubDate>"
    "<description>{4}</description></item></channel></rss>"
)


@SETTINGS
@given(st.lists(hostile_text(10), min_size=5, max_size=5))
def test_feeds_give_articles_or_input_errors(parts):
    raw = FEED.format(*parts).encode("utf-8", "surrogatepass")
    for kind in ("feed", None):
        for item in read_stream(io.BytesIO(raw), "f.rss", kind=kind):
            assert isinstance(item, Article | InputError)
            if isinstance(item, InputError):
                assert item.where.startswith("f.rss")


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from([None, "jsonl", "json", "text", "html", "feed"]))
def test_any_bytes_give_articles_or_input_errors(data, kind):
    for item in read_stream(io.BytesIO(data), "in", kind=kind, max_bytes=300):
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert item.where.startswith("in")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text(6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
RECORDS = st.one_of(
    JSON_VALUES.map(json.dumps),
    st.fixed_dictionaries(
        {"text": hostile_text(20)},
        optional={
            "id": st.one_of(hostile_text(3), st.integers()),
            "published": st.one_of(st.text(max_size=12), st.dates().map(str)),
            "html": hostile_text(20),
            "lang": st.sampled_from(["ar", "en", "xx"]),
        },
    ).map(lambda d: json.dumps(d, ensure_ascii=False)),
    hostile_text(15).filter(lambda s: "\n" not in s and "\r" not in s),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RECORDS, min_size=1, max_size=12))
def test_each_jsonl_line_gives_exactly_one_item_naming_its_line(lines):
    lines = [
        ln
        for ln in lines
        if ln.strip() and not any(c in ln for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    ]
    assume(lines)
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    items = list(read_stream(io.BytesIO(data), "r.jsonl", kind="jsonl"))
    assert len(items) == len(lines)
    for n, item in enumerate(items, start=1):
        assert isinstance(item, Article | InputError)
        where = item.where if isinstance(item, InputError) else item.origin
        assert where == f"r.jsonl:{n}"


def test_rasd_errors_are_the_only_errors():
    # the property tests above catch nothing: any exception fails them;
    # this guards the premise that input errors are RasdErrors
    assert issubclass(InputError, RasdError)
