"""Readers over real files written to tmp_path: every format, encoding and bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from rasd.errors import DecodeError, InputError, RecordError
from rasd.ingest import read
from rasd.model import Article
from tests.ingest.ingest_pages import HEADLINE, LEDE, PROMPTS, SECOND


def articles(items: list) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def errors(items: list) -> list[InputError]:
    return [x for x in items if isinstance(x, InputError)]


def read_one(path: Path, **kw) -> Article | InputError:
    items = list(read([str(path)], **kw))
    assert len(items) == 1, items
    return items[0]


# --- plain text in every encoding --------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix", "expect"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8"),
        ("cp1256", b"", "cp1256"),
        ("iso8859_6", b"", "iso8859_6"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-16-le", b"", "utf-16-le"),  # BOM-less UTF-16
        ("utf-16-be", b"", "utf-16-be"),
    ],
)
def test_scraped_page_in_each_encoding(tmp_path, scraped_text, encoding, prefix, expect):
    # ISO-8859-6 has no Latin-1 letters, but the page is Arabic and ASCII only
    path = tmp_path / "page.txt"
    path.write_bytes(prefix + scraped_text.encode(encoding))
    art = read_one(path)
    assert isinstance(art, Article), art
    assert art.text == scraped_text  # exactly as received (no BOM: it is not text)
    assert art.meta["encoding"] == expect
    assert art.origin == str(path)
    assert "Ø" not in art.text and "\ufffd" not in art.text


def test_cp1256_with_arabic_punctuation(tmp_path):
    text = "قال الناطق: «لن نسكت»، وأضاف؛ هل انتهى الأمر؟ لا.\nوسقط 3 جرحى × 2."
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1256"))
    art = read_one(path)
    assert isinstance(art, Article) and art.text == text and art.meta["encoding"] == "cp1256"


def test_iso8859_6_is_not_read_as_cp1256(tmp_path):
    text = "الإمارات والمملكة تعلنان هدنة مع اليمن\nويتوقع المراقبون نهاية الحرب قريبا"
    path = tmp_path / "iso.txt"
    path.write_bytes(text.encode("iso8859_6"))
    art = read_one(path)
    assert isinstance(art, Article) and art.text == text


def test_html_declared_charset_windows_1256(tmp_path):
    body = "<p>" + LEDE + "</p><p>" + SECOND + "</p>"
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        f"<title>{HEADLINE}</title></head><body><article>{body}</article></body></html>"
    )
    path = tmp_path / "old.html"
    path.write_bytes(html.encode("cp1256"))
    art = read_one(path)
    assert isinstance(art, Article), art
    assert art.meta["encoding"] == "cp1256"
    assert LEDE in art.text and SECOND in art.text
    assert art.title == HEADLINE


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("cp1256", b""), ("iso8859_6", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-8", b"")],
)
def test_html_without_declared_charset(tmp_path, encoding, prefix):
    html = f"<html><head><title>{HEADLINE}</title></head><body><p>{LEDE}</p><p>{SECOND}</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(prefix + html.encode(encoding))
    art = read_one(path)
    assert isinstance(art, Article), art
    assert art.meta["encoding"] == encoding and art.title == HEADLINE
    assert art.text == f"{LEDE}\n{SECOND}"


def test_double_encoded_utf8_is_repaired_not_stored(tmp_path):
    # UTF-8 bytes read as cp1256 and saved again as UTF-8: "ط§ظ„…"
    mojibake = LEDE.encode("utf-8").decode("cp1256")
    path = tmp_path / "moji.txt"
    path.write_text(mojibake, encoding="utf-8")
    art = read_one(path)
    assert isinstance(art, Article), art
    assert art.text == LEDE
    assert art.meta["repaired"] == "utf-8 read as cp1256"


def test_cp1252_mojibake_that_cannot_round_trip_is_refused(tmp_path):
    # "Ø§Ù„" patterns with damage: the round trip back to UTF-8 fails
    path = tmp_path / "moji.txt"
    path.write_text("Ø§Ù„Ø¹Ø±Ø§Ù‚ Ø§Ù„ Ø§Ù„ Ø§Ù" + "Ø", encoding="utf-8")
    err = read_one(path)
    assert isinstance(err, DecodeError)
    assert "mojibake" in err.reason and err.where == str(path)


# --- bad input ----------------------------------------------------------------


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.mark.parametrize(
    ("name", "data", "error", "reason"),
    [
        ("empty.txt", b"", InputError, "empty"),
        ("blank.txt", b"  \n\n \t\n", InputError, "whitespace"),
        ("bom-only.txt", codecs.BOM_UTF8 + b"\n", InputError, "byte-order mark"),
        ("image.txt", PNG, DecodeError, "PNG image"),
        ("noext", PNG, DecodeError, "PNG image"),
        ("blob.txt", b"abc\x00\x01\x02\x03" * 40 + b"\xff", DecodeError, "NUL byte"),
        ("pdf.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", DecodeError, "PDF"),
        (
            "broken-utf8.txt",
            LEDE.encode("utf-8")[:31] + b"\xff\xfe" + LEDE.encode("utf-8")[31:],
            DecodeError,
            "invalid UTF-8 at byte 31",
        ),
        ("noise.txt", b"hello \xff\xfe\x81 world", DecodeError, "invalid UTF-8 at byte 6"),
        ("digits.txt", b"12345 678\n", InputError, "no words"),
        ("controls.txt", bytes(range(1, 32)) * 20 + b"abc", DecodeError, "control bytes"),
        ("replacement.txt", ("قصف " + "\ufffd" * 3).encode(), DecodeError, "U+FFFD"),
    ],
)
def test_bad_file_gives_one_error(tmp_path, name, data, error, reason):
    path = tmp_path / name
    path.write_bytes(data)
    err = read_one(path)
    assert isinstance(err, error), err
    assert reason in err.reason
    assert err.where == str(path)
    assert str(err).startswith(f"{path}: ")


def test_too_large_file_names_size_and_limit(tmp_path, scraped_text):
    path = tmp_path / "big.txt"
    path.write_text(scraped_text * 200, encoding="utf-8")
    err = read_one(path, max_bytes=10_240)
    assert isinstance(err, InputError)
    size_kb = round(path.stat().st_size / 1024)
    assert f"{size_kb} KB is over the limit of 10 KB per article" in err.reason


def test_limit_message_in_megabytes(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * (3 << 20))
    err = read_one(path, max_bytes=2 << 20)
    assert "3.0 MB is over the limit of 2.0 MB" in err.reason


def test_too_large_jsonl_line_skipped_rest_read(tmp_path):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "قصف " * 5000}, ensure_ascii=False)
    small = json.dumps({"id": "ok", "text": LEDE}, ensure_ascii=False)
    path.write_text(f"{small}\n{big}\n{small}\n", encoding="utf-8")
    items = list(read([str(path)], max_bytes=5000))
    assert [type(x).__name__ for x in items] == ["Article", "RecordError", "Article"]
    assert items[1].where == f"{path}:2" and "limit" in items[1].reason


def test_truncated_html_keeps_what_is_there(tmp_path):
    html = (
        "<!doctype html><html><head><title>t</title>"
        '<meta property="article:published_time" content="2024-07-27T08:00:00+03:00">'
        f"</head><body><article><h1>{HEADLINE}</h1><p>{LEDE}</p><p>{SECOND[:30]}"
    )
    path = tmp_path / "cut.html"
    path.write_text(html, encoding="utf-8")
    art = read_one(path)
    assert isinstance(art, Article), art
    assert LEDE in art.text
    assert art.meta.get("truncated") is True
    assert art.published.date == dt.date(2024, 7, 27)


def test_truncated_html_without_text_is_rejected(tmp_path):
    path = tmp_path / "cut.html"
    path.write_text("<!doctype html><html><head><title>x</title><script>var a=", encoding="utf-8")
    err = read_one(path)
    assert isinstance(err, InputError) and "truncated" in err.reason


# --- HTML metadata ------------------------------------------------------------


def _page(head: str, body_extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (LEDE, SECOND, LEDE.replace("فجر", "صباح")))
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/x'>سياسة</a></nav>"
        f"<article><h1>{HEADLINE}</h1>{body_extra}{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "body_extra", "expect"),
    [
        (
            '<meta property="article:published_time" content="2024-07-27T23:10:00-05:00">',
            "",
            "2024-07-27",
        ),
        ('<meta property="og:published_time" content="2024-07-26">', "", "2024-07-26"),
        ('<meta name="pubdate" content="2024/07/25">', "", "2024-07-25"),
        ('<meta name="DC.date" content="2024-07-24">', "", "2024-07-24"),
        ('<meta itemprop="datePublished" content="2024-07-23T10:00:00Z">', "", "2024-07-23"),
        (
            '<script type="application/ld+json">{"@context":"https://schema.org","@graph":'
            '[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-07-22T09:00:00+03:00"}]}'
            "</script>",
            "",
            "2024-07-22",
        ),
        (
            '<script type="application/ld+json">{broken</script>',
            '<time datetime="2024-07-21">أمس</time>',
            "2024-07-21",
        ),
        ("", "", None),
    ],
)
def test_html_publication_date(tmp_path, head, body_extra, expect):
    path = tmp_path / "page.html"
    path.write_text(_page(head + f"<title>{HEADLINE} - موقع</title>", body_extra), encoding="utf-8")
    art = read_one(path)
    assert isinstance(art, Article), art
    if expect is None:
        assert art.published is None
    else:
        assert art.published.date.isoformat() == expect
        assert art.published.origin == "metadata" and art.published.precision == 1
    assert LEDE in art.text
    assert "سياسة" not in art.text  # navigation is not main text


def test_html_title_url_site(tmp_path):
    head = (
        f'<meta property="og:title" content="{HEADLINE}">'
        '<meta property="og:site_name" content="وكالة الأنباء">'
        '<link rel="canonical" href="https://example.org/a/1">'
    )
    path = tmp_path / "page.htm"
    path.write_text(_page(head), encoding="utf-8")
    art = read_one(path)
    assert (art.title, art.url, art.source) == (
        HEADLINE,
        "https://example.org/a/1",
        "وكالة الأنباء",
    )


# --- JSONL ---------------------------------------------------------------------


def test_jsonl_with_broken_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "a-1",
                "text": LEDE,
                "url": "u1",
                "published": "2024-07-27",
                "lang": "ar",
                "source": "s",
            },
            ensure_ascii=False,
        ),
        '{"id": "a-2", "text": "قصف',  # cut off: not JSON
        "",
        json.dumps({"id": "a-3", "url": "u3"}),  # neither text nor html
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a-6", "text": LEDE, "published": "27/07/2024"}, ensure_ascii=False),
        json.dumps(
            {
                "id": 7,
                "html": f"<html><body><p>{LEDE}</p><p>{SECOND}</p></body></html>",
                "title": "عنوان",
            },
            ensure_ascii=False,
        ),
        json.dumps({"text": SECOND}),  # escaped non-ASCII: \uXXXX
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read([str(path)]))
    kinds = [(type(x).__name__, x.where if isinstance(x, InputError) else x.origin) for x in items]
    assert kinds == [
        ("Article", f"{path}:1"),
        ("RecordError", f"{path}:2"),
        ("RecordError", f"{path}:4"),
        ("RecordError", f"{path}:5"),
        ("RecordError", f"{path}:6"),
        ("Article", f"{path}:7"),
        ("Article", f"{path}:8"),
    ]
    first, html, last = articles(items)
    assert (first.id, first.url, first.language, first.source) == ("a-1", "u1", "ar", "s")
    assert first.text == LEDE and first.published.date == dt.date(2024, 7, 27)
    assert first.published.origin == "metadata"
    assert html.id == "7" and html.title == "عنوان" and LEDE in html.text
    assert last.text == SECOND and last.id is None
    errs = errors(items)
    assert "not JSON" in errs[0].reason
    assert 'no "text" or "html"' in errs[1].reason
    assert "object" in errs[2].reason
    assert "YYYY-MM-DD" in errs[3].reason


def test_json_array_and_pretty_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(
        json.dumps([{"id": "x", "text": LEDE}, {"id": "y"}], ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    items = list(read([str(arr)]))
    assert isinstance(items[0], Article) and items[0].id == "x"
    assert isinstance(items[1], RecordError) and items[1].where == f"{arr}[1]"
    one = tmp_path / "one.json"
    one.write_text(
        json.dumps({"id": "z", "text": SECOND}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (art,) = read([str(one)])
    assert art.id == "z" and art.text == SECOND


def test_jsonl_gzip(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    rows = [json.dumps({"id": str(i), "text": LEDE}, ensure_ascii=False) for i in range(3)]
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8")))
    items = list(read([str(path)]))
    assert [a.id for a in items] == ["0", "1", "2"]


def test_jsonl_utf16(tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": str(i), "text": LEDE}, ensure_ascii=False) for i in range(2)]
    path.write_bytes(codecs.BOM_UTF16_LE + "\n".join(rows).encode("utf-16-le"))
    items = list(read([str(path)]))
    assert [(a.id, a.origin) for a in items] == [("0", f"{path}:1"), ("1", f"{path}:2")]


def test_truncated_gzip(tmp_path):
    path = tmp_path / "page.txt.gz"
    path.write_bytes(gzip.compress(LEDE.encode())[:20])
    (err,) = read([str(path)])
    assert isinstance(err, DecodeError) and "gzip" in err.reason


# --- feeds ---------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>https://example.org</link>
<item>
  <title>{HEADLINE}</title>
  <link>https://example.org/1</link>
  <pubDate>Sat, 27 Jul 2024 23:30:00 +0300</pubDate>
  <description><![CDATA[<p>{LEDE}</p><p>{SECOND}</p>]]></description>
</item>
<item>
  <title>فارغ</title>
  <link>https://example.org/2</link>
</item>
<item>
  <title>ثالث</title>
  <description>{SECOND}</description>
</item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title>
<entry><title>{HEADLINE}</title><link href="https://example.org/a"/><id>urn:1</id>
<published>2024-07-26T22:00:00-02:00</published>
<content type="html">&lt;p&gt;{LEDE}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;</content></entry>
<entry><title>ب</title><id>urn:2</id><updated>2024-07-25T10:00:00Z</updated>
<summary>{SECOND}</summary></entry>
</feed>
"""


def test_rss_feed(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read([str(path)]))
    assert [type(x).__name__ for x in items] == ["Article", "RecordError", "Article"]
    first = items[0]
    assert first.title == HEADLINE and first.url == "https://example.org/1"
    assert first.text == f"{LEDE}\n{SECOND}"
    assert first.published.date == dt.date(2024, 7, 27)  # the publisher's own day, not UTC
    assert first.source == "أخبار"
    assert first.origin == f"{path}:3" and items[1].where == f"{path}:9"
    assert items[2].text == SECOND and items[2].published is None


def test_atom_feed_sniffed_without_extension(tmp_path):
    path = tmp_path / "feed"
    path.write_text(ATOM, encoding="utf-8")
    items = list(read([str(path)]))
    assert [a.title for a in items] == [HEADLINE, "ب"]
    assert items[0].text == f"{LEDE}\n{SECOND}"
    assert items[0].published.date == dt.date(2024, 7, 26)
    assert items[1].published.date == dt.date(2024, 7, 25)
    assert items[1].text == SECOND


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><root><x>1</x></root>", encoding="utf-8")
    (err,) = read([str(path)])
    assert isinstance(err, InputError) and "feed" in err.reason


# --- paths: directories, globs, stdin -------------------------------------------


def test_directory_glob_stdin_and_missing(tmp_path, scraped_text):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(scraped_text, encoding="utf-8")
    (root / "sub" / "b.txt").write_bytes(scraped_text.encode("cp1256"))
    (root / "sub" / "c.jsonl").write_text(
        json.dumps({"id": "c", "text": LEDE}) + "\n", encoding="utf-8"
    )
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "photo.png").write_bytes(PNG)  # not an article format: skipped in a directory
    (root / "empty.txt").write_bytes(b"")
    stdin = io.BytesIO(json.dumps({"id": "from-stdin", "text": SECOND}).encode() + b"\n")
    items = list(
        read(
            [
                str(root),
                str(tmp_path / "corpus" / "sub" / "*.txt"),
                "-",
                str(tmp_path / "nope.txt"),
                str(tmp_path / "*.none"),
            ],
            stdin=stdin,
        )
    )
    got = [(type(x).__name__, x.origin if isinstance(x, Article) else x.where) for x in items]
    assert got == [
        ("Article", str(root / "a.txt")),
        ("InputError", str(root / "empty.txt")),
        ("Article", str(root / "sub" / "b.txt")),
        ("Article", str(root / "sub" / "c.jsonl") + ":1"),
        ("Article", str(root / "sub" / "b.txt")),
        ("Article", "<stdin>:1"),
        ("InputError", str(tmp_path / "nope.txt")),
        ("InputError", str(tmp_path / "*.none")),
    ]
    assert items[0].text == items[2].text == scraped_text
    assert items[5].id == "from-stdin"


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (("<html><body><p>" + LEDE + "</p></body></html>").encode(), "html"),
        (RSS.encode(), "feed"),
        ("\n".join(["نص عادي", LEDE]).encode(), "text"),
    ],
)
def test_stdin_sniffs_format(data, expect):
    art = next(read(["-"], stdin=io.BytesIO(data)))
    assert isinstance(art, Article) and art.meta["format"] == expect
    assert LEDE in art.text


def test_stdin_text_stream():
    (art,) = read(["-"], stdin=io.StringIO(LEDE + "\n" + PROMPTS[0]))
    assert art.text == LEDE + "\n" + PROMPTS[0]


def test_directory_without_article_files(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "photo.png").write_bytes(PNG)
    (err,) = read([tmp_path / "d"])  # a Path works as well as a str
    assert isinstance(err, InputError) and err.where == str(tmp_path / "d")
    assert "no files" in err.reason


def test_page_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(
        f"<!DOCTYPE html><html><body><p>{LEDE}</p><p>{SECOND}</p></body></html>", encoding="utf-8"
    )
    (art,) = read([str(path)])
    assert art.meta["format"] == "html" and "<p>" not in art.text and LEDE in art.text
