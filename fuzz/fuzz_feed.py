"""Fuzz target: RSS/Atom feeds give articles or rasd's input errors, nothing else.

Inputs are raw bytes (sniffed as a feed when they look like one) or an RSS
or Atom skeleton with fuzz text in the item's title, link, date and
description (escaped, raw, or in CDATA).
"""

import io

import atheris

with atheris.instrument_imports(include=["rasd"]):
    from rasd.errors import InputError, RasdError
    from rasd.ingest.readers import read_stream
    from rasd.model import Article

import feedparser  # noqa: E402,F401  (imported uninstrumented, up front)
from _common import run, text_of  # noqa: E402

RSS = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{0}</title>'
    "<item><title>{1}</title><link>{2}</link><pubDate>{3}</pubDate>"
    "<description>{4}</description></item>"
    "<item><title>{1}</title><description><![CDATA[{5}]]></description></item>"
    "</channel></rss>"
)
ATOM = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>{0}</title><entry><title>{1}</title><link href='{2}'/><updated>{3}</updated>"
    "<content type='html'>{4}</content><summary>{5}</summary></entry></feed>"
)


def feed_of(data: bytes) -> bytes:
    if not data or data[0] % 3 == 0:
        return data[1:]
    parts = text_of(data[1:]).split("\n")
    parts += [""] * (6 - len(parts))
    template = RSS if data[0] % 3 == 1 else ATOM
    return template.format(*parts[:6]).encode("utf-8", "surrogatepass")


def test_one_input(data: bytes) -> None:
    raw = feed_of(data)
    for kind in ("feed", None):
        try:
            items = list(read_stream(io.BytesIO(raw), "fuzz.xml", kind=kind))
        except RasdError:
            continue
        for item in items:
            assert isinstance(item, Article | InputError), item
            if isinstance(item, InputError):
                assert item.where.startswith("fuzz.xml"), item.where


if __name__ == "__main__":
    run(test_one_input)
