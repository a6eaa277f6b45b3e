"""Fuzz target: the whole default pipeline (segment, sentences, dateline,
clean, repeats, identify, extract, geocode) on any text never raises but
rasd's errors, and what it returns points inside the text.

``rasd ingest`` skips an article whose pipeline raises a ``RasdError`` and
goes on; any other exception would stop the batch, so it is a crash here.
"""

import atheris

with atheris.instrument_imports(include=["rasd"]):
    from rasd.errors import RasdError
    from rasd.model import Article
    from rasd.pipeline import DEFAULT, Pipeline

    PIPELINE = Pipeline(DEFAULT)
    # the stages are imported on first use: run once here, so they are instrumented
    PIPELINE(Article(text="تمهيد: سقطت ثلاثة صواريخ على بغداد أمس."))

from _common import run, text_of  # noqa: E402


def test_one_input(data: bytes) -> None:
    text = text_of(data)
    if not text.strip():
        return
    try:
        a = PIPELINE(Article(text=text, origin="fuzz"))
    except RasdError:
        return
    n = len(text)
    for p in a.paragraphs:
        assert 0 <= p.start <= p.end <= n, p
    for s in a.sentences:
        assert 0 <= s.start <= s.end <= n, s
    for e in a.events:
        for ev in e.evidence:
            if ev.article_id in (None, a.id):
                assert 0 <= ev.start <= ev.end <= n, ev
                assert ev.text == text[ev.start : ev.end], ev


if __name__ == "__main__":
    run(test_one_input)
