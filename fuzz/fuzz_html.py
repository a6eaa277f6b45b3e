"""Fuzz target: HTML pages and fragments never raise but rasd's errors.

Runs ``extract_page`` and ``fragment_text`` on the text, ``html_article``
on the bytes (decoding included) and ``parse_date_value`` on the text.
Half the inputs are wrapped in a page skeleton with fuzz text in the
title, a date meta, JSON-LD, a <time> and the body, so the fuzzer reaches
the metadata code and not only the tag soup parser.
"""

import atheris

with atheris.instrument_imports(include=["rasd"]):
    from rasd.errors import RasdError
    from rasd.ingest.html import extract_page, fragment_text, parse_date_value
    from rasd.ingest.readers import html_article
    from rasd.model import Article

import trafilatura  # noqa: E402,F401  (imported uninstrumented, up front)
from _common import run, text_of  # noqa: E402

PAGE = (
    "<html><head><title>{0}</title><meta property='article:published_time' content='{1}'>"
    "<meta property='og:url' content='{2}'>"
    "<script type='application/ld+json'>{3}</script></head>"
    "<body><article><h1>{0}</h1><time datetime='{1}'>{1}</time><p>{4}</p><p>{5}</p>"
    "</article></body></html>"
)


def page_of(data: bytes) -> str:
    if not data or data[0] % 2 == 0:
        return text_of(data[1:]) if data else ""
    parts = text_of(data[1:]).split("\n")
    parts += [""] * (6 - len(parts))
    return PAGE.format(*parts[:6])


def test_one_input(data: bytes) -> None:
    html = page_of(data)
    try:
        page = extract_page(html)
        assert isinstance(page.text, str)
        fragment_text(html)
        parse_date_value(html[:200])
        item = html_article(html.encode("utf-8", "surrogatepass"), "fuzz")
        assert isinstance(item, Article | RasdError), item
        item = html_article(data, "fuzz")
        assert isinstance(item, Article | RasdError), item
    except RasdError:
        pass


if __name__ == "__main__":
    run(test_one_input)
