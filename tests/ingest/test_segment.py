"""Segmentation over real files: paragraph and sentence offsets, date line, headline."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.ingest import read
from rasd.ingest.segment import paragraph_spans, read_dateline, segment
from rasd.model import Article, DateWindow, Published
from rasd.pipeline import INGEST, Pipeline
from tests.ingest.ingest_pages import DATE_LINE, FOLLOW_US_MID, HEADLINE, LEDE, PROMPTS, SECOND


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
        ("  سطر أول  \r\n\r\n\tسطر ثان\t\r\n", ["سطر أول", "سطر ثان"]),
        ("\n\n\nوحيد\n\n", ["وحيد"]),
        ("أ\u00a0ب\u00a0\n \u00a0\nج", ["أ\u00a0ب", "ج"]),
        ("فقرة\u2029فقرة أخرى\u2028سطر", ["فقرة", "فقرة أخرى", "سطر"]),
        ("", []),
        (" \n\t\n", []),
    ],
)
def test_paragraph_spans(text, lines):
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == lines


def _ingest(tmp_path, text: str, name: str = "page.txt", encoding: str = "utf-8") -> Article:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    (art,) = read([str(path)])
    assert isinstance(art, Article), art
    return Pipeline(INGEST)(art)


def _slices(art: Article) -> list[str]:
    return [art.text[p.start : p.end] for p in art.paragraphs]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256", "utf-16"])
def test_scraped_page_spans(tmp_path, scraped_text, encoding, has_dates):
    art = _ingest(tmp_path, scraped_text.replace("\n", "\r\n"), encoding=encoding)
    assert _slices(art) == [DATE_LINE, HEADLINE, LEDE, SECOND, FOLLOW_US_MID, LEDE, *PROMPTS]
    kinds = [p.kind for p in art.paragraphs]
    assert kinds == [
        "dateline",
        "title",
        "body",
        "body",
        "body",
        "body",
        "boilerplate",
        "boilerplate",
    ]
    _check_scraped(art, offset=1)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256"])
def test_scraped_page_without_date_line(tmp_path, scraped_text, encoding):
    text = scraped_text.split("\n", 1)[1]
    art = _ingest(tmp_path, text, encoding=encoding)
    assert _slices(art) == [HEADLINE, LEDE, SECOND, FOLLOW_US_MID, LEDE, *PROMPTS]
    kinds = [p.kind for p in art.paragraphs]
    assert kinds == ["title", "body", "body", "body", "body", "boilerplate", "boilerplate"]
    _check_scraped(art, offset=0)


def _check_scraped(art: Article, offset: int) -> None:
    assert art.title == HEADLINE
    assert art.title_span.of(art.text) == HEADLINE
    # the repeated lede is marked, its offsets intact
    repeats = [None] * len(art.paragraphs)
    repeats[offset + 4] = offset + 1
    assert [p.repeat_of for p in art.paragraphs] == repeats
    assert art.text[art.paragraphs[offset + 4].start : art.paragraphs[offset + 4].end] == LEDE
    # the English app prompts are boilerplate and left out of the body
    assert "Add to Home screen" not in art.body and "installed" not in art.body
    assert LEDE in art.body and FOLLOW_US_MID in art.body
    assert art.language == "ar"


def test_sentences_lie_in_their_paragraphs(tmp_path, scraped_text):
    art = _ingest(tmp_path, scraped_text)
    assert art.sentences
    previous_end = 0
    for s in art.sentences:
        p = art.paragraphs[s.paragraph]
        assert p.kind != "boilerplate"
        assert p.start <= s.start < s.end <= p.end
        assert s.start >= previous_end
        assert art.text[s.start : s.end].strip() == art.text[s.start : s.end]
        previous_end = s.end
    covered = {s.paragraph for s in art.sentences}
    assert covered == {i for i, p in enumerate(art.paragraphs) if p.kind != "boilerplate"}
    # every sentence of the repeated lede points at the same sentence earlier
    first, again = (i for i, p in enumerate(art.paragraphs) if art.text[p.start : p.end] == LEDE)
    lede_first = [s for s in art.sentences if s.paragraph == first]
    lede_again = [s for s in art.sentences if s.paragraph == again]
    assert len(lede_first) == len(lede_again)
    for a, b in zip(lede_first, lede_again, strict=True):
        assert b.repeat_of == art.sentences.index(a)
        assert art.text[a.start : a.end] == art.text[b.start : b.end]
    assert all(s.paragraph != again for s in art.content_sentences())


def test_dateline_gives_published(tmp_path, scraped_text, has_dates):
    art = _ingest(tmp_path, scraped_text)
    assert art.paragraphs[0].kind == "dateline"
    pub = art.published
    assert pub is not None and pub.origin == "text"
    assert pub.raw == DATE_LINE and art.text[pub.start : pub.end] == DATE_LINE
    assert pub.date == dt.date(2024, 7, 27) and pub.precision == 1


def test_metadata_date_wins_over_dateline(tmp_path, scraped_text, has_dates):
    day = dt.date(2024, 7, 28)
    art = Article(
        text=scraped_text, published=Published(DateWindow(day, day, 1), origin="metadata")
    )
    art = read_dateline(segment(art))
    assert art.published.date == day and art.published.origin == "metadata"
    assert art.paragraphs[0].kind == "dateline"


def test_no_title_when_first_line_is_a_long_paragraph():
    art = segment(Article(text=f"{LEDE} {SECOND} {LEDE}\n{SECOND}"))
    assert [p.kind for p in art.paragraphs] == ["body", "body"]
    assert art.title is None and art.title_span is None


def test_single_paragraph_is_not_a_title():
    art = segment(Article(text=HEADLINE))
    assert art.paragraphs[0].kind == "body" and art.title is None


def test_metadata_title_marks_its_line(tmp_path):
    html = (
        f'<html><head><meta property="og:title" content="{HEADLINE}"></head><body><article>'
        f"<h2>{HEADLINE}،</h2><p>{LEDE}</p><p>{SECOND}</p><p>{LEDE}</p></article></body></html>"
    )
    art = _ingest(tmp_path, html, name="p.html")
    assert art.title == HEADLINE
    title = [p for p in art.paragraphs if p.kind == "title"]
    assert len(title) == 1 and art.text[title[0].start : title[0].end] == HEADLINE + "،"
    assert art.title_span.of(art.text) == HEADLINE + "،"


def test_metadata_title_not_in_text_marks_nothing():
    art = segment(Article(text=f"{LEDE}\n{SECOND}", title="عنوان آخر تماما"))
    assert all(p.kind == "body" for p in art.paragraphs)
    assert art.title == "عنوان آخر تماما" and art.title_span is None


def test_metadata_title_with_site_name_marks_the_headline():
    art = segment(Article(text=f"{HEADLINE}\n{LEDE}", title=f"{HEADLINE} | وكالة الأنباء"))
    assert [p.kind for p in art.paragraphs] == ["title", "body"]
    assert art.title_span.of(art.text) == HEADLINE


@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("قصف على الأسد،.!؟ \t\u00a0ABC\r\n\u2029")), max_size=40
        ),
        max_size=8,
    )
)
def test_stage_invariants_on_any_text(lines):
    text = "\n".join(lines)
    art = Pipeline(INGEST)(Article(text=text))
    assert all(0 <= p.start < p.end <= len(text) for p in art.paragraphs)
    assert all(text[p.start : p.end] == text[p.start : p.end].strip() for p in art.paragraphs)
    assert [text[p.start : p.end] for p in art.paragraphs] == [
        ln.strip() for ln in re.split(r"[\n\r\u2029]", text) if ln.strip()
    ]
    for s in art.sentences:
        p = art.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
    for i, p in enumerate(art.paragraphs):
        assert p.repeat_of is None or p.repeat_of < i
    assert art.id and art.language in ("ar", "en", "und")
