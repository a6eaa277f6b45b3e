"""Every input the fuzzers (``fuzz/``) found that broke rasd, kept as a test.

Each case names the target that found it and what went wrong; the input
is the smallest form of the crashing input that still broke the code
before the fix. ``docs/robustness.md`` keeps the tally.
"""

from __future__ import annotations

import io

from rasd.errors import InputError
from rasd.ingest.readers import read_stream
from rasd.text.tokens import tokenize


def test_feed_item_with_empty_summary_and_content():
    """fuzz_feed: feedparser gives ``summary: None`` for an Atom entry whose
    ``<summary/>`` is empty and whose title holds a NUL and a processing
    instruction; the reader did ``"<" in None`` (TypeError) and the whole
    feed, and the batch, stopped. Now the item is one RecordError."""
    raw = (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>\xef\xbf\xbd</title><entry><title>\x00<?\xef\xbf\xbd</title><link href=''/>"
        b"<updated></updated><content type='html'></content><summary></summary></entry></feed>"
    )
    for kind in ("feed", None):
        items = list(read_stream(io.BytesIO(raw), "f.xml", kind=kind))
        assert len(items) == 1 and isinstance(items[0], InputError)
        assert items[0].where == "f.xml:1"
        assert "no content or summary" in items[0].reason


def test_a_ligature_that_expands_to_several_words():
    """fuzz_text: U+FDFA (one character, four words once normalised) gives
    four tokens that share its original span; not a bug, but the fuzzer's
    "tokens never overlap" check was wrong and now reads "tokens come in
    order and stay inside the text"."""
    text = "ي\ufdfa"
    tokens = tokenize(text)
    assert len(tokens) == 4
    assert [(t.start, t.end) for t in tokens][1:] == [(1, 2)] * 3
    assert all(0 <= t.start < t.end <= len(text) for t in tokens)
