"""The model's serialisation follows shared/spec (article object, event record)."""

import datetime as dt

from rasd.model import (
    Actor,
    Article,
    DateWindow,
    Event,
    Evidence,
    Paragraph,
    Published,
    Sentence,
    Weapon,
)


def _article() -> Article:
    text = "27 تموز , 2024\nعنوان الخبر\nنص الخبر الأول.\nAdd to Home screen"
    paras = [
        Paragraph(0, 14, "dateline"),
        Paragraph(15, 26, "title"),
        Paragraph(27, 42, "body"),
        Paragraph(43, 61, "boilerplate"),
    ]
    day = dt.date(2024, 7, 27)
    return Article(
        text=text,
        id="a1",
        paragraphs=paras,
        sentences=[Sentence(27, 42, 2), Sentence(43, 61, 3)],
        published=Published(DateWindow(day, day, 1), raw="27 تموز , 2024", start=0, end=14),
    )


def test_body_drops_boilerplate_but_keeps_offsets_of_text():
    art = _article()
    assert "Add to Home screen" not in art.body
    assert art.body.startswith("27 تموز")
    assert art.text[43:61] == "Add to Home screen"
    assert [s.start for s in art.content_sentences()] == [27]


def test_article_dict_has_cli_fields():
    d = _article().to_dict()
    for key in (
        "id",
        "url",
        "source",
        "title",
        "published",
        "published_precision",
        "language",
        "text",
        "body",
    ):
        assert key in d
    assert d["published"] == "2024-07-27" and d["published_precision"] == 1


def test_window_best_is_the_day_or_the_latest_day():
    a, b = dt.date(2024, 7, 20), dt.date(2024, 7, 27)
    assert DateWindow(a, a, 1).best == a
    assert DateWindow(a, b, 2).best == b


def test_event_dict_matches_event_format():
    day = dt.date(2024, 7, 27)
    ev = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover_type="ASSAULT",
        window=DateWindow(day, day, 1),
        actor2=Actor("US forces", "us_forces", "state_forces", country="US"),
        weapons=[Weapon("drone", None, 1)],
        evidence=[Evidence("a1", "weapons", 3, 9, "مسيّرة")],
    )
    d = ev.to_dict()
    assert d["schema_version"] == 1
    assert d["event_date"] == d["date_start"] == d["date_end"] == "2024-07-27"
    assert d["actor1"] is None and d["actor2"]["country"] == "US"
    assert d["weapons"] == [{"kind": "drone", "model": None, "count": 1}]
    assert d["claim_status"] == "unknown"
