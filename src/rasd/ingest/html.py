"""HTML pages and fragments to article text plus metadata.

Owned by the ingest stage. ``extract_page(html)`` returns a :class:`Page`:
the main text (trafilatura; the page's ``<article>``/``<main>``/``<p>``
text through selectolax when trafilatura finds nothing), the title, the
canonical URL, the site name and the publication date from meta tags,
JSON-LD ``datePublished`` or ``<time datetime>``. ``fragment_text`` turns
a feed item's HTML into text with one line per block. Where to look for a
date is the table ``_DATE_META`` below, the only place that lists them.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

# meta names/properties that carry the publication date, most trusted first
_DATE_META: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
)
_TITLE_META = ("og:title", "twitter:title")
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, div"
_DROP = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")
_MIN_LETTERS = 20  # below this the page has no article text worth keeping

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: dt.date | None = None
    published_raw: str | None = None
    truncated: bool = False


def parse_date_value(value: str) -> dt.date | None:
    """A calendar date from a metadata value: ISO 8601 (date part, as the
    publisher wrote it), ``YYYY/MM/DD`` or an RFC 822 date (RSS)."""
    value = value.strip()
    m = _ISO.match(value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed is not None else None


def extract_page(html: str) -> Page:
    """Main text and metadata of a whole page (possibly truncated)."""
    tree = HTMLParser(html)
    title = _title(tree)
    url = _meta(tree, ("og:url",)) or _attr(tree, 'link[rel="canonical"]', "href")
    site = _meta(tree, ("og:site_name", "application-name"))
    raw = _published_raw(tree)
    published = parse_date_value(raw) if raw else None
    text = _main_text(html, tree)
    lower_tail = html[-2048:].lower()
    truncated = "</html" not in lower_tail and "</body" not in lower_tail
    return Page(text, title, url, site, published, raw if published else None, truncated)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (feed item), one line per block element."""
    if "<" not in html:
        return _clean_lines(html)
    tree = HTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    return _block_text(root)


def letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _main_text(html: str, tree: HTMLParser) -> str:
    import trafilatura  # heavy: imported on the first HTML page only

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, deduplicate=False, favor_precision=False
    )
    if text and letters(text) >= _MIN_LETTERS:
        return _clean_lines(text)
    for node in tree.css(_DROP):
        node.decompose()
    for selector in ("article", "main", "body"):
        node = tree.css_first(selector)
        if node is not None:
            found = _block_text(node)
            if letters(found) >= _MIN_LETTERS:
                return found
    return _clean_lines(text or "")


def _block_text(root: Node) -> str:
    lines: list[str] = []
    # leaf blocks: lexbor's css() matches the node itself, hence "> 1"
    blocks = [n for n in root.css(_BLOCKS) if len(n.css(_BLOCKS)) == 1]
    if not blocks:
        return _clean_lines(root.text(separator=" "))
    for node in blocks:
        line = _WS.sub(" ", node.text(separator=" ")).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _clean_lines(text: str) -> str:
    out = (_WS.sub(" ", ln).strip() for ln in text.splitlines())
    return "\n".join(ln for ln in out if ln)


def _meta(tree: HTMLParser, names: tuple[str, ...]) -> str | None:
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        value = attrs.get("content")
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), value.strip())
    for name in names:
        if name in found:
            return found[name]
    return None


def _attr(tree: HTMLParser, selector: str, attr: str) -> str | None:
    node = tree.css_first(selector)
    value = node.attributes.get(attr) if node is not None else None
    return value.strip() if value and value.strip() else None


def _title(tree: HTMLParser) -> str | None:
    title = _meta(tree, _TITLE_META)
    if title:
        return title
    h1 = tree.css("h1")
    if len(h1) == 1 and h1[0].text(strip=True):
        return _WS.sub(" ", h1[0].text(separator=" ")).strip()
    node = tree.css_first("title")
    if node is not None and node.text(strip=True):
        return _WS.sub(" ", node.text()).strip()
    return None


def _published_raw(tree: HTMLParser) -> str | None:
    for candidate in (_meta(tree, _DATE_META), _jsonld_date(tree), _time_date(tree)):
        if candidate and parse_date_value(candidate):
            return candidate
    return None


def _jsonld_date(tree: HTMLParser) -> str | None:
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "null")
        except json.JSONDecodeError:
            continue  # a broken JSON-LD block is common and says nothing
        found = _find_key(data, "datePublished")
        if found:
            return found
    return None


def _find_key(data: object, key: str) -> str | None:
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value
        data = list(data.values())
    if isinstance(data, list):
        for item in data:
            found = _find_key(item, key)
            if found:
                return found
    return None


def _time_date(tree: HTMLParser) -> str | None:
    times = [n for n in tree.css("time") if n.attributes.get("datetime")]
    marked = [
        n
        for n in times
        if "pubdate" in n.attributes or "published" in (n.attributes.get("class") or "")
    ]
    chosen = marked or times
    return chosen[0].attributes["datetime"] if chosen else None
