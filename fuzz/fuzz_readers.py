"""Fuzz target: the readers (sniffing, JSONL/JSON records, text, gzip) give
articles or rasd's input errors naming the input, and never raise.

The first byte picks the format hint (none: sniffed; jsonl; json; text;
html) and whether the bytes are gzipped and then cut short.
"""

import gzip
import io

import atheris

with atheris.instrument_imports(include=["rasd"]):
    from rasd.errors import InputError, RasdError
    from rasd.ingest.readers import read_stream
    from rasd.model import Article

from _common import run  # noqa: E402

KINDS = (None, "jsonl", "json", "text", "html")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    head, body = data[0], data[1:]
    kind = KINDS[head % len(KINDS)]
    if head & 0x80:
        packed = gzip.compress(body, mtime=0)
        body = packed[: len(packed) - (head & 0x0F)]
        stream = gzip.GzipFile(fileobj=io.BytesIO(body), mode="rb")
    else:
        stream = io.BytesIO(body)
    try:
        items = list(read_stream(stream, "fuzz", kind=kind, max_bytes=4096))
    except RasdError:
        return
    for item in items:
        assert isinstance(item, Article | InputError), item
        if isinstance(item, InputError):
            assert item.where.startswith("fuzz"), item.where
        else:
            assert item.text.strip(), "an article with no text"


if __name__ == "__main__":
    run(test_one_input)
