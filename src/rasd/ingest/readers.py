"""Readers: files, directories, globs and stdin to :class:`rasd.model.Article`.

Owned by the ingest stage. ``read(paths)`` yields, in input order, one
``Article`` per article found and one ``InputError`` per thing that could
not be read (a missing file, an empty or binary file, a JSONL line that is
not JSON …), so a caller counts and prints the errors and goes on: one bad
record never stops a batch.

Formats, chosen by extension and, for stdin and unknown names, by sniffing
the first bytes: plain text (the scraped-page shape), HTML, JSONL (and
``.json`` holding one record or a list), RSS/Atom feeds; any of them
gzip-compressed as ``NAME.EXT.gz``. Bytes become text in
:mod:`rasd.ingest.decode`; HTML becomes text in :mod:`rasd.ingest.html`.
"""

from __future__ import annotations

import datetime as dt
import glob
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from rasd.errors import DecodeError, InputError, RecordError
from rasd.ingest.decode import decode, problems, repair_mojibake
from rasd.ingest.fetch import is_url, read_url
from rasd.ingest.html import TooDeep, extract_page, fragment_text, letters, parse_date_value
from rasd.ingest.warc import is_warc_name, read_warc
from rasd.model import Article, DateWindow, Published

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # per article: a page, a JSONL line, a feed file
MIN_LETTERS = 3  # an "article" with fewer letters than this is not one
STDIN = "<stdin>"
_CHUNK = 1 << 20

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_NOT_ARTICLES = ("README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_FEED_ITEM = re.compile(rb"<(?:item|entry)[\s>/]")


def read(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
) -> Iterator[Article | InputError]:
    """Articles (and input errors, as values) from files, directories, globs,
    ``-`` and http(s) URLs.

    ``stdin`` is the stream ``-`` reads (default ``sys.stdin.buffer``);
    ``max_bytes`` caps one article (a file, a JSONL line, a feed file, a
    fetched URL). URLs that resolve to loopback, private or link-local
    addresses are refused unless ``allow_private`` (:mod:`rasd.ingest.fetch`).
    """
    for path in map(os.fspath, paths):
        if is_url(path):
            yield from read_url(path, max_bytes=max_bytes, allow_private=allow_private)
            continue
        if path == "-":
            yield from read_stream(
                stdin if stdin is not None else sys.stdin.buffer, STDIN, max_bytes=max_bytes
            )
            continue
        for item in expand(path):
            if isinstance(item, InputError):
                yield item
            else:
                yield from read_file(item, max_bytes=max_bytes)


def expand(path: str) -> Iterator[Path | InputError]:
    """The files one command-line argument names: the file, a directory's
    readable files (recursively, hidden ones skipped), or a glob's matches."""
    p = Path(path)
    if p.is_dir():
        yield from _walk(p)
    elif p.is_file():
        yield p
    elif _GLOB_CHARS.search(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield InputError(path, "no file matches this pattern")
        for m in matches:
            mp = Path(m)
            if mp.is_dir():
                yield from _walk(mp)
            elif mp.is_file():
                yield mp
    elif p.exists():
        yield InputError(path, "not a regular file")
    else:
        yield InputError(path, "no such file or directory")


def _walk(root: Path) -> Iterator[Path | InputError]:
    found = False
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root).parts
        if any(part.startswith(".") for part in rel) or not f.is_file():
            continue
        if f.name.upper().startswith(_NOT_ARTICLES):  # a corpus folder's own notes
            continue
        if kind_of_name(f.name) is not None or is_warc_name(f.name) or "." not in f.name:
            found = True
            yield f
    if not found:
        yield InputError(
            str(root),
            "the directory holds no files rasd reads"
            " (.txt .html .jsonl .json .rss .atom .xml .warc, .gz)",
        )


def kind_of_name(name: str) -> str | None:
    """The format a file name says (``NAME.jsonl.gz`` -> ``jsonl``), or None."""
    lower = name.lower().removesuffix(".gz")
    return EXTENSIONS.get(Path(lower).suffix)


def sniff(head: bytes) -> str:
    """The format of some bytes from their start: feed, html, json or text."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if head[:200].count(b"\x00") > 20:  # UTF-16: look at the ASCII bytes only
        head = head.replace(b"\x00", b"")
    start = head.lstrip()[:2048].lower()
    if start.startswith((b"{", b"[")):
        return "json"
    if start.startswith(b"<"):
        if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", start):
            return "feed"
        return "html"
    if re.search(rb"<(html|body|article|p|div)[\s>]", start):
        return "html"
    return "text"


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles and errors from one file (any supported format, maybe gzipped)."""
    where = str(path)
    if is_warc_name(path.name):
        yield from read_warc(path, max_bytes=max_bytes)
        return
    gz = path.name.lower().endswith(".gz")
    try:
        size = path.stat().st_size
        if size == 0:
            yield InputError(where, "empty file")
            return
        kind = kind_of_name(path.name)
        if not gz and kind in ("text", "html", "feed") and size > max_bytes:
            yield InputError(where, _too_big(size, max_bytes), value=max_bytes)
            return
        with gzip.open(path, "rb") if gz else path.open("rb") as stream:
            yield from read_stream(stream, where, kind=kind, max_bytes=max_bytes)
    except OSError as err:
        yield InputError(where, f"cannot read: {err.strerror or err}", value=err)


def read_stream(
    stream: BinaryIO, where: str, *, kind: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Articles and errors from an open binary stream named ``where``."""
    if isinstance(stream.read(0), str):  # a text stream: its bytes, or its text as UTF-8
        buffer = getattr(stream, "buffer", None)
        stream = buffer if buffer is not None else io.BytesIO(stream.read().encode("utf-8"))
    try:
        head = stream.read(max_bytes + 1 if kind not in ("jsonl", None) else _CHUNK)
        if kind is None:
            kind = sniff(head)
            if kind not in ("jsonl", "json") and len(head) <= max_bytes:
                head += stream.read(max_bytes + 1 - len(head))
        elif kind == "text" and sniff(head[:4096]) in ("html", "feed"):
            kind = sniff(head[:4096])  # a page saved as .txt
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        yield DecodeError(where, f"not readable gzip data: {err}")
        return
    if not head:
        yield InputError(where, "empty input")
        return
    if kind in ("jsonl", "json"):
        yield from _read_records(head, stream, where, kind, max_bytes)
        return
    if len(head) > max_bytes:
        yield InputError(where, _too_big(_total_size(head, stream), max_bytes), value=max_bytes)
        return
    if kind == "feed":
        yield from _read_feed(head, where)
    elif kind == "html":
        yield html_article(head, where)
    else:
        yield _text_article(head, where)


def _total_size(head: bytes, stream: BinaryIO) -> int:
    size = len(head)
    try:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
    except (gzip.BadGzipFile, EOFError, zlib.error):
        pass  # the size is only for the message
    return size


def _too_big(size: int, limit: int) -> str:
    return f"{_human(size)} is over the limit of {_human(limit)} per article (max_bytes)"


def _human(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


# --- plain text and HTML ------------------------------------------------------


def _text_article(data: bytes, where: str) -> Article | InputError:
    try:
        decoded = decode(data, where)
    except InputError as err:
        return err
    if letters(decoded.text) < MIN_LETTERS:
        return InputError(where, "no words in the text: not an article")
    meta: dict[str, Any] = {"encoding": decoded.encoding, "format": "text"}
    if decoded.repaired:
        meta["repaired"] = decoded.repaired
    return Article(text=decoded.text, origin=where, meta=meta)


def html_article(data: bytes, where: str) -> Article | InputError:
    try:
        decoded = decode(data, where)
    except InputError as err:
        return err
    try:
        page = extract_page(decoded.text)
    except TooDeep as err:
        return InputError(where, err.reason, value=err.value)
    if letters(page.text) < MIN_LETTERS * 5:
        why = (
            "truncated HTML page with no article text"
            if page.truncated
            else "no article text found in the HTML page"
        )
        return InputError(where, why)
    meta: dict[str, Any] = {"encoding": decoded.encoding, "format": "html"}
    if page.truncated:
        meta["truncated"] = True
    if decoded.repaired:
        meta["repaired"] = decoded.repaired
    return Article(
        text=page.text,
        url=page.url,
        source=page.site,
        title=page.title,
        published=_metadata_date(page.published),
        origin=where,
        meta=meta,
    )


def _metadata_date(day: dt.date | None) -> Published | None:
    return Published(window=DateWindow(day, day, 1), origin="metadata") if day else None


# --- JSONL / JSON ------------------------------------------------------------


def _read_records(
    head: bytes, stream: BinaryIO, where: str, kind: str, max_bytes: int
) -> Iterator[Article | InputError]:
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(b"\x00") > 20
    whole_document = kind == "json" and (
        body.startswith(b"[") or not _parses(body.split(b"\n", 1)[0])
    )
    if utf16 or whole_document:  # UTF-16 has no byte lines; a pretty-printed document
        yield from _read_whole_records(head, stream, where, max_bytes)
        return
    first = True
    seen = False
    for lineno, line in _lines(head, stream, max_bytes):
        here = f"{where}:{lineno}"
        if isinstance(line, int):
            yield RecordError(here, _too_big(line, max_bytes), value=max_bytes)
            continue
        if first and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        first = False
        if not line.strip():
            continue
        seen = True
        yield _record_line(line, here)
    if not seen:
        yield InputError(where, "no records: the input holds only blank lines")


def _parses(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError
        return False
    return True


def _lines(head: bytes, stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | int]]:
    """Numbered lines; an over-long line is given as its size (an int) instead."""
    buffer = head
    lineno = 0
    skipped = 0  # bytes of an over-long line already thrown away
    while True:
        cut = buffer.find(b"\n")
        while cut >= 0:
            lineno += 1
            line, buffer = buffer[:cut], buffer[cut + 1 :]
            if skipped:
                yield lineno, skipped + len(line)
                skipped = 0
            elif len(line) > max_bytes:
                yield lineno, len(line)
            else:
                yield lineno, line
            cut = buffer.find(b"\n")
        if len(buffer) > max_bytes:
            skipped += len(buffer)
            buffer = b""
        try:
            chunk = stream.read(_CHUNK)
        except (gzip.BadGzipFile, EOFError, zlib.error):
            chunk = b""  # a truncated .gz: keep what was read
        if not chunk:
            break
        buffer += chunk
    if buffer or skipped:
        lineno += 1
        yield lineno, (skipped + len(buffer)) if skipped else buffer


def _read_whole_records(
    head: bytes, stream: BinaryIO, where: str, max_bytes: int
) -> Iterator[Article | InputError]:
    data = head + stream.read(max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        yield InputError(where, _too_big(_total_size(data, stream), max_bytes), value=max_bytes)
        return
    try:
        text = decode(data, where).text
    except InputError as err:
        yield err
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = None
    if isinstance(value, list):
        for i, rec in enumerate(value):
            yield _record(rec, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        yield _record(value, where)
        return
    seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            seen = True
            yield _record_text(line, f"{where}:{lineno}")
    if not seen:
        yield InputError(where, "no records in the input")


def _record_line(line: bytes, where: str) -> Article | InputError:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = decode(line, where).text
        except InputError as err:
            return RecordError(err.where, err.reason)
    return _record_text(text, where)


def _record_text(line: str, where: str) -> Article | InputError:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        return RecordError(where, f"not JSON: {err.msg} at column {err.colno}", value=line[:80])
    return _record(value, where)


def _record(rec: object, where: str) -> Article | InputError:
    """One input record (``{"id","text"|"html","url","published","lang","source"}``)."""
    if not isinstance(rec, dict):
        return RecordError(where, f"a record must be a JSON object, not {type(rec).__name__}")
    text, html = rec.get("text"), rec.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return RecordError(where, f'"{name}" must be a string', value=value)
    if not (text and text.strip()) and not (html and html.strip()):
        return RecordError(where, 'record has no "text" or "html"', value=sorted(rec))
    fields: dict[str, str | None] = {}
    for name in ("id", "url", "source", "title", "lang"):
        value = rec.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and name == "id":
            value = str(value)
        if value is not None and not isinstance(value, str):
            return RecordError(where, f'"{name}" must be a string', value=value)
        fields[name] = value.strip() if isinstance(value, str) and value.strip() else None
    published = None
    raw_date = rec.get("published")
    if raw_date not in (None, ""):
        m = _ISO_DAY.match(raw_date) if isinstance(raw_date, str) else None
        day = _valid_day(m) if m else None
        if day is None:
            return RecordError(
                where, f'"published" must be YYYY-MM-DD, got {raw_date!r}', value=raw_date
            )
        published = _metadata_date(day)
    meta: dict[str, Any] = {"format": "record"}
    title = fields["title"]
    url = fields["url"]
    source = fields["source"]
    if text and text.strip():
        why = problems(text)
        if why is not None:
            fixed = repair_mojibake(text)
            if fixed is None:
                return RecordError(where, f'"text" {why}')
            text, meta["repaired"] = fixed
    else:
        try:
            page = extract_page(html or "")
        except TooDeep as err:
            return RecordError(where, f'"html" {err.reason}', value=err.value)
        if letters(page.text) < MIN_LETTERS:
            return RecordError(where, '"html" holds no article text')
        text = page.text
        title = title or page.title
        url = url or page.url
        source = source or page.site
        published = published or _metadata_date(page.published)
        meta["format"] = "record-html"
        why = problems(text)
        if why is not None:
            return RecordError(where, f'"html" {why}')
    return Article(
        text=text,
        id=fields["id"],
        url=url,
        source=source,
        title=title,
        published=published,
        language=fields["lang"],
        origin=where,
        meta=meta,
    )


def _valid_day(m: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# --- RSS / Atom --------------------------------------------------------------


def _read_feed(data: bytes, where: str) -> Iterator[Article | InputError]:
    import feedparser  # imported on the first feed only

    parsed = feedparser.parse(data)
    entries = parsed.entries
    if not entries:
        why = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        yield InputError(where, f"no items in the RSS/Atom feed{why}")
        return
    starts = [m.start() for m in _FEED_ITEM.finditer(data)]
    lines = [data.count(b"\n", 0, s) + 1 for s in starts] if len(starts) == len(entries) else None
    source = parsed.feed.get("title") or None
    for i, entry in enumerate(entries):
        here = f"{where}:{lines[i]}" if lines else f"{where}[{i}]"
        yield _feed_article(entry, here, source)


def _feed_article(entry: Any, where: str, source: str | None) -> Article | InputError:
    body, body_type = "", "text/html"
    if entry.get("content"):  # feedparser may give None for an empty element
        body = entry.content[0].get("value") or ""
        body_type = entry.content[0].get("type") or "text/html"
    if not body.strip():
        detail = entry.get("summary_detail") or {}
        body, body_type = entry.get("summary") or "", detail.get("type") or "text/html"
    try:
        text = fragment_text(body) if "html" in body_type else body.strip()
    except TooDeep as err:
        return RecordError(where, err.reason, value=err.value)
    if letters(text) < MIN_LETTERS:
        return RecordError(where, "feed item has no content or summary text")
    why = problems(text)
    if why is not None:
        return RecordError(where, why)
    raw = entry.get("published") or entry.get("updated") or entry.get("created")
    day = parse_date_value(raw) if raw else None
    return Article(
        text=text,
        url=entry.get("link") or None,
        source=source,
        title=(entry.get("title") or "").strip() or None,
        published=_metadata_date(day),
        origin=where,
        meta={"format": "feed", "guid": entry.get("id")},
    )
