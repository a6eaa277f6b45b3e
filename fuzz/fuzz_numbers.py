"""Fuzz target: the number parsers never crash and stay consistent.

``find_quantities`` spans lie inside the text with token indexes in range;
a quantity has a positive value or a vague label; ``parse_number`` gives a
positive int or None, and reads back what it is given as digits;
``ordinal`` gives a positive int or None.
"""

import atheris

with atheris.instrument_imports(include=["rasd"]):
    from rasd.errors import RasdError
    from rasd.text.numbers import find_quantities, ordinal, parse_number
    from rasd.text.tokens import tokenize

from _common import run, text_of  # noqa: E402

EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def check(text: str, n: int) -> None:
    tokens = tokenize(text)
    for q in find_quantities(tokens):
        assert 0 <= q.start < q.end <= len(text), q
        assert 0 <= q.first < q.last <= len(tokens), q
        assert (q.value is None) != (q.vague is None), q
        assert q.value is None or q.value > 0, q
    v = parse_number(text)
    assert v is None or (isinstance(v, int) and v > 0), v
    o = ordinal(text)
    assert o is None or (isinstance(o, int) and o > 0), o
    if n > 0:
        assert parse_number(str(n)) == n, n
        assert parse_number(str(n).translate(EASTERN)) == n, n


def test_one_input(data: bytes) -> None:
    n = int.from_bytes(data[:3], "little") if data else 0
    try:
        check(text_of(data), n)
    except RasdError:
        pass


if __name__ == "__main__":
    run(test_one_input)
