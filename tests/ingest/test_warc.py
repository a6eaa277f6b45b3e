"""WARC input: HTML responses become articles, everything else is passed over."""

from io import BytesIO

import pytest

from rasd.ingest import read
from rasd.model import Article

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = """<html><head><title>قصف على قاعدة حرير</title>
<meta property="article:published_time" content="2024-07-27T08:00:00Z"></head>
<body><nav>الرئيسية</nav><article><h1>قصف على قاعدة حرير</h1>
<p>استهدفت طائرة مسيّرة قاعدة حرير في أربيل فجر اليوم، وفق مصادر أمنية كردية.</p>
<p>ولم تسفر الضربة عن إصابات، فيما لم تتبنَّ أي جهة الهجوم حتى الآن.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def write_warc(path, records):
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for url, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)
        req = writer.create_warc_record("https://x.example/a", "request", payload=BytesIO(b"GET /"))
        writer.write_record(req)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_become_articles(tmp_path, name):
    path = tmp_path / name
    write_warc(
        path,
        [
            ("https://news.example/a", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" * 20),
            ("https://news.example/gone", "404 Not Found", "text/html", b"<html>not here</html>"),
            (
                "https://news.example/b",
                "200 OK",
                "text/html; charset=windows-1256",
                PAGE.replace("حرير", "التاجي").encode("cp1256"),
            ),
        ],
    )
    items = list(read([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == ["https://news.example/a", "https://news.example/b"]
    assert "قاعدة التاجي" in articles[1].text and "الحقوق" not in articles[1].text
    assert articles[0].published.date.isoformat() == "2024-07-27"
    assert all(a.origin.startswith(f"{path}:@") for a in articles)
    assert len(items) == 2


def test_not_a_warc(tmp_path):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    items = list(read([str(path)]))
    assert len(items) == 1 and not isinstance(items[0], Article)
    assert str(items[0]).startswith(str(path))


def test_directory_walk_skips_readme(tmp_path):
    (tmp_path / "README.md").write_text("# الملفات\nهذه ملاحظات عن المجموعة وليست مقالاً.\n")
    (tmp_path / "a.txt").write_text("سقطت صواريخ على قاعدة حرير في أربيل فجر اليوم.\n")
    items = list(read([str(tmp_path)]))
    assert [i.origin for i in items] == [str(tmp_path / "a.txt")]
