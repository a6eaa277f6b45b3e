"""The stage over whole articles: splitting, merging, dates from context."""

from __future__ import annotations

import rasd
from rasd.extract.stage import extract_article
from rasd.model import Article
from rasd.pipeline import DEFAULT, INGEST, STAGES, Pipeline


def test_stage_declared_for_the_pipeline() -> None:
    info = STAGES["extract"]
    assert info.target == "rasd.extract.stage:extract_article"
    assert "events" in info.writes and "sentences" in info.reads
    assert DEFAULT.index("extract") > DEFAULT.index("sentences")


def test_stage_runs_after_ingest() -> None:
    article = Pipeline(INGEST)(Article(text="قصفت طائرة مسيرة قاعدة حرير أمس.\n", id="x"))
    article = extract_article(article)
    assert [e.sub_event_type for e in article.events] == ["Air/drone strike"]


def test_two_places_in_two_countries_are_two_events(has_geo) -> None:
    text = "استهدفت المقاومة الإسلامية في العراق قاعدة عين الأسد بطائرتين مسيرتين، وقاعدة الشدادي في سوريا بصاروخين."
    events = rasd.extract(text, published="2024-07-27")
    assert len(events) == 2
    assert [e.location.country for e in events] == ["IQ", "SY"]
    assert [(w.kind, w.count) for w in events[1].weapons] == [("rocket", 2)]
    assert events[1].actor1 is not None  # the shared subject


def test_clauses_split_at_semicolon() -> None:
    text = (
        "قتل ثلاثة جنود بانفجار عبوة ناسفة في الموصل أمس؛ وفي حادث آخر اغتال مسلحون موظفا في كركوك."
    )
    events = rasd.extract(text, published="2024-07-27")
    assert len(events) == 2
    assert events[0].fatalities == 3


def test_second_time_in_a_week_is_not_a_second_event() -> None:
    text = (
        "27 تموز 2024\n"
        "قصفت طائرة مسيرة قاعدة حرير الجوية في أربيل فجر اليوم.\n"
        "وهذا الهجوم هو الثاني على القاعدة للمرة الثانية خلال أسبوع.\n"
        "وقال مسؤول إن الهجوم على قاعدة حرير أسفر عن إصابة جنديين.\n"
    )
    events = rasd.extract(text)
    assert len(events) == 1
    assert events[0].injuries == 2


def test_date_from_the_paragraph_else_publication() -> None:
    text = "في 20 تموز 2024 تصاعد التوتر في المنطقة. وقصفت طائرة مسيرة قاعدة حرير.\n"
    events = rasd.extract(text, published="2024-07-27")
    assert events[0].window.best.isoformat() == "2024-07-20"
    events = rasd.extract("قصفت طائرة مسيرة قاعدة حرير.", published="2024-07-27")
    assert events[0].window.best.isoformat() == "2024-07-27"


def test_no_publication_date_and_no_date_gives_null() -> None:
    events = rasd.extract("قصفت طائرة مسيرة قاعدة حرير.")
    assert events and events[0].window is None


def test_rasd_extract_stays_callable_after_import() -> None:
    import rasd.extract.api  # noqa: F401

    assert callable(rasd.extract)
    assert rasd.extract("عقد الوزير اجتماعا.") == []
