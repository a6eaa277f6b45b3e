"""Fuzz target: normalize, tokenize and split_sentences keep their offsets.

Checks, for any text: the matching form equals ``match_form``; every
character of it maps to a non-empty original span inside the text, in
order; tokens lie inside the text (or the requested slice), in order, and
each token's form is found in the matching form of its original span; sentences lie
inside the text, in order, do not overlap and are trimmed.
"""

import atheris

with atheris.instrument_imports(include=["rasd"]):
    from rasd.errors import RasdError
    from rasd.text.normalize import match_form, normalize
    from rasd.text.sentences import split_sentences
    from rasd.text.tokens import tokenize

from _common import run, text_of  # noqa: E402


def check(text: str, lo: int, hi: int) -> None:
    n = normalize(text)
    assert n.text == match_form(text), "normalize and match_form disagree"
    prev = 0
    for i in range(len(n.text)):
        a, b = n.to_original(i, i + 1)
        assert 0 <= a < b <= len(text), (i, a, b)
        assert a >= prev, ("offsets go back", i, a, prev)
        prev = a
    a, b = n.to_original(0, len(n.text))
    assert 0 <= a <= b <= len(text)
    last = (0, 0)
    for tok in tokenize(text):
        assert 0 <= tok.start < tok.end <= len(text), tok
        # in order; tokens may share original characters only when one
        # character expands to several words (the ligature U+FDFA)
        assert (tok.start, tok.end) >= last and tok.end >= last[1], (
            "tokens out of order",
            tok,
            last,
        )
        last = (tok.start, tok.end)
        assert tok.form in match_form(text[tok.start : tok.end]), (tok, text[tok.start : tok.end])
    for tok in tokenize(text, lo, hi):
        assert lo <= tok.start < tok.end <= hi, (tok, lo, hi)
    last = lo
    for a, b in split_sentences(text, lo, hi):
        assert lo <= last <= a < b <= hi, (a, b, last, lo, hi)
        assert not text[a].isspace() and not text[b - 1].isspace(), (a, b)
        last = b


def test_one_input(data: bytes) -> None:
    text = text_of(data)
    k = len(text)
    lo = data[-1] % (k + 1) if data else 0
    hi = lo + (data[-2] % (k - lo + 1) if len(data) > 1 and k >= lo else 0)
    try:
        check(text, lo, hi)
    except RasdError:
        pass


if __name__ == "__main__":
    run(test_one_input)
