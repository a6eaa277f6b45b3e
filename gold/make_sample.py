"""Write the bundled sample corpus (../sample/) from gold articles.

Each sample file shows one input shape rasd reads: scraped-page text
(plain, with a UTF-8 BOM, with CRLF line ends, in Windows-1256), an HTML
page with site furniture, a JSONL file and an RSS feed. The article texts
are the gold texts, so ``rasd eval`` and ``make run`` see the same prose.
Run: ``.venv/bin/python gold/make_sample.py``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "sample"


def gold() -> dict[str, dict]:
    lines = (HERE / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, lines)}


def scraped(rec: dict) -> str:
    """A gold text already in the scraped-page shape (date line … app prompt)."""
    text = rec["text"]
    if not text.endswith("Add to Home screen"):
        raise ValueError(f"{rec['id']} is not in the scraped-page shape")
    return text + "\n"


def paragraphs(rec: dict) -> tuple[str, list[str]]:
    """Headline and body paragraphs of a gold text (date line and prompt dropped)."""
    lines = [p.strip() for p in rec["text"].split("\n") if p.strip()]
    if lines and lines[-1] == "Add to Home screen":
        lines = lines[:-1]
    if lines and lines[0][:1].isdigit():
        lines = lines[1:]
    return lines[0], lines[1:]


def html_page(rec: dict) -> str:
    title, body = paragraphs(rec)
    e = html.escape
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"{rec['published']}T19:40:00+03:00",
            "inLanguage": "ar",
            "publisher": {"@type": "Organization", "name": rec["source"]},
        },
        ensure_ascii=False,
    )
    paras = "\n".join(f"      <p>{e(p)}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>{e(title)} | {e(rec["source"])}</title>
  <meta property="og:site_name" content="{e(rec["source"])}">
  <meta property="og:title" content="{e(title)}">
  <meta property="article:published_time" content="{rec["published"]}T19:40:00+03:00">
  <link rel="canonical" href="https://basra-echo.example/news/{rec["id"]}">
  <script type="application/ld+json">{ld}</script>
</head>
<body>
  <header>
    <nav><a href="/">الرئيسية</a> | <a href="/iraq">العراق</a> | <a href="/sport">رياضة</a> | <a href="/economy">اقتصاد</a></nav>
  </header>
  <main>
    <article>
      <h1>{e(title)}</h1>
      <div class="byline">البصرة - {e(rec["source"])}</div>
{paras}
    </article>
    <aside class="related">
      <h3>اقرأ أيضاً</h3>
      <ul><li><a href="/news/1">ارتفاع أسعار الخضار في الأسواق المحلية</a></li>
      <li><a href="/news/2">منتخب الشباب يستعد لبطولة غرب آسيا</a></li></ul>
    </aside>
  </main>
  <footer>
    <p>شارك: فيسبوك | تويتر | واتساب</p>
    <p>© 2025 جميع الحقوق محفوظة</p>
  </footer>
</body>
</html>
"""


def jsonl(recs: list[dict]) -> str:
    keep = ("id", "published", "lang", "source", "text")
    return "".join(json.dumps({k: r[k] for k in keep}, ensure_ascii=False) + "\n" for r in recs)


def rss(items: list[tuple[dict, str]]) -> str:
    """An RSS 2.0 feed; each item is a gold article with a headline written for it."""
    out = []
    for r, title in items:
        when = dt.datetime.fromisoformat(r["published"] + "T21:15:00+03:00")
        desc = "".join(
            f"<p>{html.escape(p.strip())}</p>" for p in r["text"].split("\n") if p.strip()
        )
        out.append(
            f"""    <item>
      <title>{html.escape(title)}</title>
      <link>https://yemen-horizon.example/news/{r["id"]}</link>
      <guid isPermaLink="false">{r["id"]}</guid>
      <pubDate>{format_datetime(when)}</pubDate>
      <description><![CDATA[{desc}]]></description>
    </item>"""
        )
    joined = "\n".join(out)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Yemen Horizon</title>
    <link>https://yemen-horizon.example/</link>
    <description>أخبار اليمن</description>
    <language>ar</language>
{joined}
  </channel>
</rss>
"""


def files() -> dict[str, bytes]:
    """Sample file name -> bytes, built from the gold articles."""
    g = gold()
    return {
        "ain-al-asad-scraped.txt": scraped(g["g03"]).encode("utf-8"),
        "nabatieh-scraped.txt": scraped(g["g18"]).encode("utf-8"),
        "conoco-bom.txt": b"\xef\xbb\xbf" + scraped(g["g09"]).encode("utf-8"),
        "karrada-grenade-crlf.txt": scraped(g["g49"]).replace("\n", "\r\n").encode("utf-8"),
        "dhiban-clashes-cp1256.txt": scraped(g["g05"]).encode("cp1256"),
        "basra-protest.html": html_page(g["g24"]).encode("utf-8"),
        "wire.jsonl": jsonl([g["g02"], g["g06"], g["g26"], g["g31"]]).encode("utf-8"),
        "yemen-horizon-feed.xml": rss(
            [
                (g["g16"], "غارات أمريكية بريطانية على ميناء رأس عيسى"),
                (g["g46"], "غارات أمريكية على بني الحارث شمال صنعاء"),
            ]
        ).encode("utf-8"),
    }


def main() -> None:
    SAMPLE.mkdir(exist_ok=True)
    built = files()
    for name, data in built.items():
        (SAMPLE / name).write_bytes(data)
    total = sum(len(d) for d in built.values())
    print(f"sample: {len(built)} files, {total} bytes")


if __name__ == "__main__":
    main()
