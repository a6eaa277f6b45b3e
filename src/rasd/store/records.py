"""Articles and events to and from storable rows (shared by every backend).

An article row keeps the original text once plus its spans as compact
JSON, so ``show`` rebuilds the same :class:`~rasd.model.Article` the
pipeline produced: offsets into the stored text stay valid forever.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from rasd.ingest.clean import body_form
from rasd.model import Article, DateWindow, Paragraph, Published, Sentence, Span
from rasd.text import match_form

ARTICLE_COLUMNS = (
    "id",
    "url",
    "source",
    "title",
    "published",
    "published_precision",
    "published_raw",
    "language",
    "text",
    "body",
    "origin",
    "spans",
    "content_hash",
)


def content_hash(article: Article) -> str:
    """What decides whether a re-ingested article changed: its text and metadata."""
    h = hashlib.sha1()
    for part in (article.text, article.url, article.source, article.title):
        h.update((part or "").encode("utf-8"))
        h.update(b"\0")
    pub = article.published
    h.update(repr(pub.window if pub else None).encode())
    return h.hexdigest()


def article_row(article: Article) -> dict[str, Any]:
    pub = article.published
    spans: dict[str, Any] = {
        "paragraphs": [[p.start, p.end, p.kind, p.repeat_of] for p in article.paragraphs],
        "sentences": [[s.start, s.end, s.paragraph, s.repeat_of] for s in article.sentences],
        "title": [article.title_span.start, article.title_span.end] if article.title_span else None,
        "published": (
            {
                "start": pub.window.start.isoformat(),
                "end": pub.window.end.isoformat(),
                "precision": pub.window.precision,
                "raw": pub.raw,
                "raw_start": pub.start,
                "raw_end": pub.end,
                "origin": pub.origin,
            }
            if pub
            else None
        ),
        "meta": article.meta,
    }
    return {
        "id": article.id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "published": pub.date.isoformat() if pub else None,
        "published_precision": pub.precision if pub else None,
        "published_raw": pub.raw if pub else None,
        "language": article.language,
        "text": article.text,
        "body": article.body,
        "origin": article.origin,
        "spans": json.dumps(spans, ensure_ascii=False, separators=(",", ":")),
        "content_hash": content_hash(article),
    }


def search_text(article: Article) -> tuple[str, str]:
    """Title and body in matching form: what the full-text index holds."""
    return match_form(article.title or ""), body_form(article)


def article_from_row(row: dict[str, Any]) -> Article:
    spans = json.loads(row["spans"] or "{}")
    published = None
    if p := spans.get("published"):
        window = DateWindow(
            dt.date.fromisoformat(p["start"]), dt.date.fromisoformat(p["end"]), p["precision"]
        )
        published = Published(window, p["raw"], p["raw_start"], p["raw_end"], p["origin"])
    title = spans.get("title")
    return Article(
        text=row["text"],
        id=row["id"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        published=published,
        language=row["language"],
        origin=row["origin"] or "",
        title_span=Span(*title) if title else None,
        paragraphs=[Paragraph(a, b, k, r) for a, b, k, r in spans.get("paragraphs", [])],
        sentences=[Sentence(a, b, p, r) for a, b, p, r in spans.get("sentences", [])],
        meta=spans.get("meta") or {},
    )


def event_json(event_dict: dict[str, Any]) -> str:
    return json.dumps(event_dict, ensure_ascii=False, separators=(",", ":"))


def event_rows(article: Article) -> list[tuple]:
    """One ``article_events`` row per event of ``article``, in column order:
    event_id, article_id, event_date, date_start, date_end, event_type,
    sub_event_type, plover_type, country, claim_status, data."""
    rows = []
    for event in article.events:
        d = event.to_dict()
        loc = d.get("location") or {}
        rows.append(
            (
                d["event_id"],
                article.id,
                d["event_date"],
                d["date_start"],
                d["date_end"],
                d["event_type"],
                d["sub_event_type"],
                d["plover_type"],
                loc.get("country"),
                d["claim_status"],
                event_json(d),
            )
        )
    return rows
