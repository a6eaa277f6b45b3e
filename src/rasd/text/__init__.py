"""The Arabic text layer: a matching form with an offset map back to the
original, tokens, sentences, clitics, numbers and dates.

Everything here is pure and works on strings; character knowledge lives in
``rasd/text/data`` (loaded through :mod:`rasd.resources`).
"""

from rasd.text.normalize import Normalized, match_form, normalize

__all__ = ["Normalized", "match_form", "normalize"]
