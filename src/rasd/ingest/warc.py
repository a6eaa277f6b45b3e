"""WARC input (web archives, news crawls), streamed record by record.

Owned by the ingest stage. ``read_warc`` walks a ``.warc`` or ``.warc.gz``
file with ``warcio`` without ever holding more than one record's payload
(capped at ``max_bytes``) in memory, and turns each HTML ``response``
record into an article through the same HTML reader as ``.html`` files.
Rejections name the file and the record's byte offset: ``PATH:@OFFSET``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.model import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc_name(name: str) -> bool:
    lower = name.lower()
    return lower.endswith((".warc", ".warc.gz", ".arc.gz"))


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Article | InputError]:
    """Articles from the HTML responses of a WARC file."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield InputError(str(path), "reading WARC files needs warcio: pip install 'rasd[warc]'")
        return
    from rasd.ingest.readers import html_article

    where = str(path)
    found = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not ctype.startswith(HTML_TYPES):
                    continue
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue
                payload = record.content_stream().read(max_bytes + 1)
                # (asking for the offset before reading the payload would consume it)
                at = f"{where}:@{records.get_record_offset()}"
                if len(payload) > max_bytes:
                    yield InputError(at, f"record over the limit of {max_bytes} bytes (max_bytes)")
                    continue
                item = html_article(payload, at)
                if isinstance(item, Article):
                    item.url = item.url or record.rec_headers.get_header("WARC-Target-URI")
                    found += 1
                yield item
    except ArchiveLoadFailed as err:
        yield InputError(where, f"not a readable WARC file: {err}")
        return
    except OSError as err:
        yield InputError(where, f"cannot read: {err}")
        return
    if not found:
        yield InputError(where, "no HTML responses in this WARC file")
