"""Fuzz target: the date parsers never crash and stay consistent.

``parse_date`` gives None or a window with start <= end; ``find_dates``
mentions lie inside the text (or the requested slice), carry their own
slice as ``text``, have start <= end windows and ``future`` only with a
reference after which the window starts.
"""

import datetime as dt

import atheris

with atheris.instrument_imports(include=["rasd"]):
    from rasd.errors import RasdError
    from rasd.text.dates import find_dates, parse_date

from _common import run, text_of  # noqa: E402

BASE = dt.date(1990, 1, 1)


def check(text: str, ref: dt.date | None, lo: int, hi: int) -> None:
    w = parse_date(text, ref)
    assert w is None or w.start <= w.end, w
    for m in find_dates(text, lo, hi, reference=ref):
        assert lo <= m.start < m.end <= hi, (m, lo, hi)
        assert m.text == text[m.start : m.end], m
        assert m.window.start <= m.window.end, m
        assert not m.future or (ref is not None and m.window.start > ref), m
        assert ref is not None or not m.relative, m


def test_one_input(data: bytes) -> None:
    text = text_of(data)
    ref = None
    if len(data) > 2 and data[-1] % 3:
        ref = BASE + dt.timedelta(days=int.from_bytes(data[-3:-1], "little") % 20000)
    k = len(text)
    lo = data[-2] % (k + 1) if len(data) > 1 and data[-1] % 2 else 0
    hi = k
    try:
        check(text, ref, lo, hi)
    except RasdError:
        pass


if __name__ == "__main__":
    run(test_one_input)
