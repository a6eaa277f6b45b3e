"""Paragraph spans from one regex pass equal the plain definition: every
non-blank line between line separators, its whitespace trimmed."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rasd.ingest.segment import paragraph_spans

SEPARATORS = "\n\r\u2028\u2029\x85\x0b\x0c"


def reference(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(f"[^{SEPARATORS}]+", text):
        line = m.group()
        if line.strip():
            start = m.start() + len(line) - len(line.lstrip())
            spans.append((start, start + len(line.strip())))
    return spans


@given(st.text(alphabet=st.sampled_from(list("ab قك.\t \u00a0\u3000\u200b\x1c\x1f" + SEPARATORS))))
def test_spans_are_the_trimmed_non_blank_lines(text):
    assert paragraph_spans(text) == reference(text)


def test_crlf_page():
    text = "27 تموز , 2024\r\n  عنوان  \r\n\r\nفقرة أولى.\r\n"
    assert [text[a:b] for a, b in paragraph_spans(text)] == [
        "27 تموز , 2024",
        "عنوان",
        "فقرة أولى.",
    ]
