"""Segmentation stages: paragraphs, the date line, the headline, sentences.

Owned by the ingest stage. All results are spans over ``article.text``:

- ``segment``: every non-blank line is a paragraph (news text is one
  paragraph per line; blank lines only separate), trimmed of surrounding
  whitespace. A short first line that ``rasd.text.dates.parse_date``
  accepts is the ``dateline``; the first short content line after it is
  the ``title`` (or the line that repeats the metadata title).
- ``split_sentences``: ``rasd.text.sentences.split_sentences`` over each
  non-boilerplate paragraph.
- ``read_dateline``: the date line becomes ``article.published`` when the
  input carried no date of its own.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Callable
from dataclasses import replace

from rasd.ingest.clean import is_boilerplate, key
from rasd.model import Article, DateWindow, Paragraph, Published, Sentence, Span

# a line with its surrounding whitespace trimmed, found in one pass
_TRIMMED_LINE = re.compile(r"\S(?:[^\n\r\u2028\u2029\x85\x0b\x0c]*\S)?")
DATELINE_MAX_CHARS = 60  # a date line is short: "27 تموز , 2024 - 10:30"
DATELINE_SECOND_MAX_WORDS = 6  # a date line under the headline is shorter still
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30
_TITLE_ENDINGS = (".", ":", "؛", "،", ",")


@functools.cache
def _date_parser() -> Callable[..., DateWindow | None] | None:
    # rasd.text.dates is written by the text stage; absent, no date line is found
    if importlib.util.find_spec("rasd.text.dates") is None:
        return None
    from rasd.text.dates import parse_date

    return parse_date


@functools.cache
def _sentence_splitter() -> Callable[[str, int, int], list[tuple[int, int]]] | None:
    if importlib.util.find_spec("rasd.text.sentences") is None:
        return None
    from rasd.text.sentences import split_sentences as splitter

    return splitter


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line, whitespace trimmed."""
    return [m.span() for m in _TRIMMED_LINE.finditer(text)]


def dateline_window(line: str) -> DateWindow | None:
    """The window of a date line, or None if ``line`` is not one."""
    if len(line) > DATELINE_MAX_CHARS:
        return None
    parse = _date_parser()
    return parse(line.strip()) if parse is not None else None


def segment(article: Article) -> Article:
    """Stage ``segment``: paragraphs, date line and headline."""
    text = article.text
    paragraphs = [Paragraph(a, b) for a, b in paragraph_spans(text)]
    date_index = _find_dateline(text, paragraphs)
    if date_index is not None:
        paragraphs[date_index] = replace(paragraphs[date_index], kind="dateline")
    title_index = _find_title(article, paragraphs, date_index)
    if title_index is not None:
        p = paragraphs[title_index]
        paragraphs[title_index] = replace(p, kind="title")
        article.title_span = Span(p.start, p.end)
        if not article.title:
            article.title = text[p.start : p.end]
    article.paragraphs = paragraphs
    return article


def _find_dateline(text: str, paragraphs: list[Paragraph]) -> int | None:
    for i, p in enumerate(paragraphs[:2]):
        line = text[p.start : p.end]
        if i == 1 and len(line.split()) > DATELINE_SECOND_MAX_WORDS:
            return None
        if dateline_window(line) is not None:
            return i
    return None


def _find_title(
    article: Article, paragraphs: list[Paragraph], date_index: int | None
) -> int | None:
    text = article.text
    content = [
        i
        for i, p in enumerate(paragraphs[:4])
        if i != date_index and not is_boilerplate(text[p.start : p.end])
    ]
    if article.title:
        wanted = key(article.title)
        for i in content[:3]:
            p = paragraphs[i]
            if _same_title(key(text[p.start : p.end]), wanted):
                return i
        return None
    if not content:
        return None
    i = content[0]
    p = paragraphs[i]
    line = text[p.start : p.end]
    has_more = any(j > i and j != date_index for j in range(len(paragraphs)))
    if (
        has_more
        and len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and not line.endswith(_TITLE_ENDINGS)
    ):
        return i
    return None


def _same_title(line: str, title: str) -> bool:
    """The line is the metadata title, maybe without a site name the
    ``<title>`` added ("Headline - Site")."""
    if not line:
        return False
    return line == title or (
        len(line) >= 0.6 * len(title)
        and (title.startswith(line + " ") or title.endswith(" " + line))
    )


def split_sentences(article: Article) -> Article:
    """Stage ``sentences``: sentence spans within every non-boilerplate paragraph."""
    splitter = _sentence_splitter()
    text = article.text
    sentences: list[Sentence] = []
    for i, p in enumerate(article.paragraphs):
        if p.kind == "boilerplate":
            continue
        spans = splitter(text, p.start, p.end) if splitter is not None else [(p.start, p.end)]
        sentences.extend(Sentence(a, b, i) for a, b in spans if b > a)
    article.sentences = sentences
    return article


def read_dateline(article: Article) -> Article:
    """Stage ``dateline``: publication date from the date line, if none yet."""
    if article.published is not None:
        return article
    for p in article.paragraphs:
        if p.kind != "dateline":
            continue
        raw = article.text[p.start : p.end]
        window = dateline_window(raw)
        if window is not None:
            article.published = Published(window, raw, p.start, p.end, origin="text")
        break
    return article
