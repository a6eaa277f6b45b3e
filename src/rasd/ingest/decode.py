"""Bytes to text: find the encoding, refuse binary and mojibake.

Owned by the ingest stage. ``decode(data, where)`` returns the text and the
encoding it was read in, or raises :class:`rasd.errors.DecodeError` (or
``InputError`` for an empty input) naming the place and the problem.

Order of evidence: a byte-order mark; binary signatures and NUL bytes
(after ruling out BOM-less UTF-16); strict UTF-8; then the legacy Arabic
code pages (a declared charset first, then Windows-1256 and ISO-8859-6)
scored on how Arabic the result reads; charset-normalizer last, for
non-Arabic legacy text. Every candidate must pass the same checks: no C1
controls, no U+FFFD, no UTF-8-read-as-cp1252/cp1256 mojibake. Mojibake
that round-trips exactly back to UTF-8 is repaired, otherwise refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from rasd.errors import DecodeError, InputError

# magic numbers of formats people drop into news folders by mistake
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"\x00\x00\x01\x00", "icon"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# runs, so counting letters builds one list item per word, not per letter
_ARABIC_RUN = re.compile(_ARABIC_LETTER.pattern + "+")
_LATIN_RUN = re.compile(_LATIN_LETTER.pattern + "+")
_C1 = re.compile(r"[\u0080-\u009F]")
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0E-\x1F\x7F]")
# UTF-8 Arabic read as cp1252: lead byte D8-DB shows as Ø Ù Ú Û, followed by
# a continuation byte 80-BF shown as its cp1252 character.
_CP1252_CONT = (
    "\u00a0-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153"
    "\u017e\u0178"
)
_MOJIBAKE_1252 = re.compile(f"[\u00d8\u00d9\u00da\u00db][{_CP1252_CONT}]")
# the same read as cp1256: lead bytes show as ط ظ ع غ, continuations as the
# cp1256 characters of 80-BF that are not Arabic letters
_CP1256_CONT = (
    "\u00a2-\u00aa\u00ac-\u00ba\u00bc-\u00be\u20ac\u201a\u0192\u201e\u2026\u2020"
    "\u2021\u02c6\u2030\u2039\u0152\u2022\u2122\u203a\u0153"
)
_MOJIBAKE_1256 = re.compile(f"[\u0637\u0638][{_CP1256_CONT}]")
_VALID_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
WESTERN = ("cp1252", "latin_1", "iso8859_15")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_WESTERN_PUNCT = frozenset(
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00a9\u00ae\u00b0\u00ab\u00bb\u00a0\u20ac\u00a3"
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and what was done."""

    text: str
    encoding: str
    repaired: str | None = None  # e.g. "utf-8 read as cp1252" when mojibake was undone


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def binary_kind(data: bytes) -> str | None:
    """A short description if ``data`` starts like a known binary format."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return None


def _utf16_guess(data: bytes) -> str | None:
    """BOM-less UTF-16: one byte of each pair is almost always 00 (ASCII) or
    06 (Arabic block), and the other byte varies."""
    n = len(data) - len(data) % 2
    if n < 4:
        return None
    evens, odds = data[0:n:2], data[1:n:2]
    for high, low, name in ((odds, evens, "utf-16-le"), (evens, odds, "utf-16-be")):
        hits = sum(high.count(b) for b in (0, 6, 0x20))
        if hits >= 0.9 * len(high) and low.count(0) < 0.1 * len(low):
            return name
    return None


def problems(text: str) -> str | None:
    """Why ``text`` must not be stored, or None if it is clean."""
    if "\ufffd" in text:
        return f"contains {text.count(chr(0xFFFD))} U+FFFD replacement character(s): damaged before it reached us"
    m = _C1.search(text)
    if m:
        return f"contains C1 control character U+{ord(m.group()):04X} at character {m.start()}"
    m = _BAD_CONTROL.search(text)
    if m:
        return f"contains control character U+{ord(m.group()):04X} at character {m.start()}"
    kind = mojibake_kind(text)
    if kind:
        return f"text is mojibake ({kind})"
    return None


def mojibake_kind(text: str) -> str | None:
    """``"utf-8 read as cp1252"``/``"… cp1256"`` when the text shows the pattern."""
    for pattern, kind in (
        (_MOJIBAKE_1252, "utf-8 read as cp1252"),
        (_MOJIBAKE_1256, "utf-8 read as cp1256"),
    ):
        hits = len(pattern.findall(text))
        if hits >= 3 or (hits and hits * 8 >= len(_ARABIC_LETTER.findall(text)) + hits):
            return kind
    return None


def repair_mojibake(text: str) -> tuple[str, str] | None:
    """Undo UTF-8 that was decoded as cp1252/cp1256 and re-encoded, if the
    round trip is exact and the result is clean; else None."""
    kind = mojibake_kind(text)
    if kind is None:
        return None
    codepage = "cp1252" if kind.endswith("cp1252") else "cp1256"
    try:
        fixed = text.encode(codepage).decode("utf-8")
    except UnicodeError:  # mapped at the boundary: not repairable
        return None
    if problems(fixed) is not None:
        return None
    return fixed, kind


def arabic_score(text: str) -> float:
    """How plausibly Arabic a legacy decoding reads: Arabic letters, the
    definite article, minus Latin-1 letters glued to Arabic ones (what a
    wrong Arabic code page produces)."""
    arabic = len(_ARABIC_LETTER.findall(text))
    if not _ARABIC_WORD.search(text):
        return 0.0
    al = text.count(" ال") + text.count("\nال")
    glued = len(
        re.findall(
            r"[\u0621-\u064A][\u00C0-\u00FF\u00D7\u00F7]|[\u00C0-\u00FF][\u0621-\u064A]", text
        )
    )
    return arabic + 4 * al - 20 * glued


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _finish(text: str, encoding: str, where: str) -> Decoded:
    why = problems(text)
    if why is None:
        return Decoded(text, encoding)
    fixed = repair_mojibake(text)
    if fixed is not None:
        return Decoded(fixed[0], encoding, repaired=fixed[1])
    raise DecodeError(where, f"{why} (decoded as {encoding})", value=encoding)


def decode(data: bytes, where: str, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` (one file or record) or raise a ``DecodeError`` saying why not.

    ``declared`` is a charset named outside the bytes (HTTP header, JSON
    field); a charset declared inside (HTML meta, XML prolog) is found here.
    """
    if not data.strip():
        raise InputError(where, "empty input" if not data else "input holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom) :], encoding)
            if text is None:
                raise DecodeError(
                    where, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                )
            if not text.strip():
                raise InputError(where, "input holds only a byte-order mark and whitespace")
            return _finish(text, encoding, where)
    kind = binary_kind(data)
    if kind:
        raise DecodeError(where, f"binary file ({kind}), not text", value=kind)
    controls = len(_CONTROL_BYTES.findall(data))
    if b"\x00" not in data and controls > max(3, len(data) // 200):
        raise DecodeError(
            where, f"binary data ({controls} control bytes), not text", value=controls
        )
    if b"\x00" in data:
        guess = _utf16_guess(data)
        text = _try(data, guess) if guess else None
        if text is None:
            return _binary(data, where)
        return _finish(text, guess, where)
    text = _try(data, "utf-8")
    if text is not None:
        return _finish(text, "utf-8", where)
    return _legacy(data, where, declared or declared_charset(data))


def _binary(data: bytes, where: str) -> Decoded:
    nul = data.index(b"\x00")
    raise DecodeError(where, f"binary data (NUL byte at offset {nul}), not text", value=nul)


def _legacy(data: bytes, where: str, declared: str | None) -> Decoded:
    """Bytes that are not UTF-8: broken UTF-8, or an Arabic/other legacy code page."""
    bad = _first_utf8_error(data)
    valid_multi = len(_VALID_UTF8_MULTI.findall(data))
    invalid = len(_HIGH_BYTE.findall(data)) - sum(len(m) for m in _VALID_UTF8_MULTI.findall(data))
    if valid_multi and valid_multi >= invalid:
        raise DecodeError(
            where,
            f"invalid UTF-8 at byte {bad} ({invalid} stray byte(s) among {valid_multi} valid sequences)",
            value=bad,
        )
    candidates: list[str] = []
    if declared and declared not in ("utf-8", "ascii"):
        candidates.append(declared)
    candidates += [c for c in ARABIC_CODEPAGES if c not in candidates]
    best: tuple[float, str, str] | None = None
    for encoding in candidates:
        text = _try(data, encoding)
        if text is None or problems(text) is not None:
            continue
        score = arabic_score(text)
        arabic_share = _arabic_share_of_non_ascii(text)
        if arabic_share < 0.6 and encoding != declared:
            continue
        if best is None or score > best[0]:
            best = (score, encoding, text)
    if best is not None and best[0] > 0:
        return Decoded(best[2], best[1])
    guess = charset_normalizer.from_bytes(data).best()
    western = [guess.encoding] if guess is not None and guess.encoding in WESTERN else []
    for encoding in dict.fromkeys([*western, "cp1252"]):
        text = _try(data, encoding)
        if text is not None and problems(text) is None and _plain_enough(text):
            return Decoded(text, encoding)
    raise DecodeError(
        where,
        f"invalid UTF-8 at byte {bad}, and no Arabic or other known encoding decodes it cleanly",
        value=bad,
    )


def _first_utf8_error(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return -1


def _arabic_share_of_non_ascii(text: str) -> float:
    high = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not high:
        return 0.0
    arabic = sum(1 for c in high if "\u060c" <= c <= "\u0652" or "\u0660" <= c <= "\u0669")
    return arabic / len(high)


def _plain_enough(text: str) -> bool:
    """A Western legacy decoding is believed only if every non-ASCII run is
    ordinary punctuation or letters inside a Latin word ("café"); random
    bytes decode to symbol soup standing on its own."""
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        if all(c in _WESTERN_PUNCT for c in run):
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if run.isalpha() and (
            before.isascii() and before.isalpha() or after.isascii() and after.isalpha()
        ):
            continue
        return False
    return True


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def script_counts(text: str) -> tuple[int, int]:
    """(Arabic letters, Latin letters) in ``text``."""
    return (
        sum(map(len, _ARABIC_RUN.findall(text))),
        sum(map(len, _LATIN_RUN.findall(text))),
    )
