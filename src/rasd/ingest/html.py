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

from rasd.errors import InputError

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

MAX_DEPTH = 1000  # elements open at once; news pages nest a few dozen deep
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_OPAQUE = re.compile(r"<!--.*?-->|<(script|style|template|textarea)\b.*?</\1\s*>", re.S | re.I)
# elements that never nest (void) or close themselves (optional end tags)
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot colgroup caption "
    "html head body".split()
)

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


class TooDeep(InputError):
    """HTML nested deeper than :data:`MAX_DEPTH`: the HTML parser's time grows
    with the square of the depth, so such a page is refused before parsing.
    ``where`` is ``<html>``; readers re-raise it with the input's name."""

    def __init__(self, depth: int) -> None:
        super().__init__(
            "<html>",
            f"HTML nested more than {MAX_DEPTH} elements deep: not a news page",
            value=depth,
        )


def nesting_depth(html: str, limit: int = MAX_DEPTH) -> int:
    """How many elements are open at once at most (stops counting past ``limit``).

    An estimate from the tags alone: elements that cannot nest or close
    themselves (``<p>``, ``<li>``, ``<br>`` …) and the insides of scripts,
    styles and comments are not counted, so ordinary pages read low."""
    if html.count("<") <= limit:
        return html.count("<")  # cannot be deeper than it has tags
    depth = top = 0
    for m in _TAG.finditer(_OPAQUE.sub("", html)):
        name = m.group(2).lower()
        if name in _FLAT:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > top:
                top = depth
                if top > limit:
                    break
    return top


def _check_depth(html: str) -> None:
    depth = nesting_depth(html)
    if depth > MAX_DEPTH:
        raise TooDeep(depth)


def extract_page(html: str) -> Page:
    """Main text and metadata of a whole page (possibly truncated); raises
    :class:`TooDeep` for a page nested deeper than :data:`MAX_DEPTH`."""
    _check_depth(html)
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
    """Text of an HTML fragment (feed item), one line per block element;
    raises :class:`TooDeep` like ``extract_page``."""
    if "<" not in html:
        return _clean_lines(html)
    _check_depth(html)
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
