"""Fuzz target: ``decode`` returns clean text or raises an ``InputError``.

Whatever it returns must pass the same cleanliness check it applies
(``problems`` is None): no U+FFFD, no control characters, no mojibake.
"""

import atheris

with atheris.instrument_imports(include=["rasd"]):
    from rasd.errors import InputError, RasdError
    from rasd.ingest.decode import decode, problems

from _common import run  # noqa: E402


def test_one_input(data: bytes) -> None:
    try:
        d = decode(data, "fuzz")
    except InputError as err:
        assert err.where == "fuzz", err
        return
    except RasdError:
        return
    assert problems(d.text) is None, (d.encoding, problems(d.text))


if __name__ == "__main__":
    run(test_one_input)
