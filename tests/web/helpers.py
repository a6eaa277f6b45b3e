"""Test data for the web tests: a few Arabic articles with hand-made events,
including an article whose text is an XSS attempt."""

from __future__ import annotations

import datetime as dt

from rasd.model import Actor, Article, DateWindow, Event, Evidence, Place, Published, Target, Weapon

AIN = (
    "استهدفت طائرة مسيّرة قاعدة عين الأسد الجوية في محافظة الأنبار فجر اليوم، "
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم."
)
CONOCO = "سقطت ثلاثة صواريخ على حقل كونيكو في ريف دير الزور مساء أمس، وفق مصادر محلية."
XSS = (
    "هجوم بطائرة مسيرة <script>window.__pwned = 1</script> على مطار أربيل "
    '<img src=x onerror="window.__pwned = 2"> ولم يسفر عن إصابات.'
)
ERBIL_EN = "A drone attacked Erbil airport on Tuesday night, officials said."

US = Actor("United States", "us_forces", "state_forces", "القوات الأمريكية", "US")
IRI = Actor("Islamic Resistance in Iraq", "iri", "armed_group", "المقاومة الإسلامية في العراق", "IQ")

AIN_PLACE = Place("Ain al-Asad Air Base", "IQ", 33.80, 42.44, 1, "قاعدة عين الأسد", "Anbar")
CONOCO_PLACE = Place("Conoco gas field", "SY", 35.35, 40.30, 1, "حقل كونيكو", "Deir ez-Zor")
ERBIL_PLACE = Place("Erbil International Airport", "IQ", 36.24, 43.96, 1, "مطار أربيل", "Erbil")


def _ev(article_id: str, text: str, field: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(article_id, field, start, start + len(phrase), phrase)


def _day(s: str) -> DateWindow:
    d = dt.date.fromisoformat(s)
    return DateWindow(d, d, 1)


def article(aid: str, text: str, day: str, events: list[Event], **fields) -> Article:
    d = dt.date.fromisoformat(day)
    return Article(
        text=text,
        id=aid,
        source=fields.pop("source", "test"),
        title=fields.pop("title", None),
        published=Published(DateWindow(d, d, 1), origin="metadata"),
        language=fields.pop("language", "ar"),
        events=events,
        **fields,
    )


def articles() -> list[Article]:
    ain = Event(
        "Explosions/Remote violence",
        "Air/drone strike",
        "ASSAULT",
        event_id="ev-ain",
        article_ids=["a-ain"],
        window=_day("2024-07-27"),
        claim_status="unclaimed",
        suspected_actor1=IRI,
        actor2=US,
        targets=[Target("air_base", "قاعدة عين الأسد الجوية")],
        weapons=[Weapon("drone")],
        location=AIN_PLACE,
        evidence=[
            _ev("a-ain", AIN, "weapons", "طائرة مسيّرة"),
            _ev("a-ain", AIN, "location", "قاعدة عين الأسد الجوية"),
            _ev("a-ain", AIN, "claim_status", "ولم تعلن أي جهة مسؤوليتها"),
        ],
        confidence=0.9,
    )
    conoco = Event(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "ASSAULT",
        event_id="ev-conoco",
        article_ids=["a-conoco"],
        window=_day("2024-07-26"),
        actor2=US,
        targets=[Target("gas_field", "حقل كونيكو")],
        weapons=[Weapon("rocket", count=3)],
        location=CONOCO_PLACE,
        evidence=[
            _ev("a-conoco", CONOCO, "weapons", "ثلاثة صواريخ"),
            _ev("a-conoco", CONOCO, "location", "حقل كونيكو"),
        ],
    )
    xss = Event(
        "Explosions/Remote violence",
        "Air/drone strike",
        "ASSAULT",
        event_id="ev-xss",
        article_ids=["a-xss", "a-erbil-en"],
        window=_day("2024-07-23"),
        location=ERBIL_PLACE,
        fatalities=0,
        evidence=[
            _ev("a-xss", XSS, "weapons", "هجوم بطائرة مسيرة <script>window.__pwned = 1</script>"),
            _ev("a-xss", XSS, "location", "مطار أربيل"),
            _ev("a-erbil-en", ERBIL_EN, "location", "Erbil airport"),
        ],
    )
    review_me = Event(
        "Explosions/Remote violence",
        "Air/drone strike",
        "ASSAULT",
        event_id="ev-review",
        article_ids=["a-erbil-en"],
        window=_day("2024-07-23"),
        actor1=IRI,
        claim_status="claimed",
        location=ERBIL_PLACE,
        evidence=[_ev("a-erbil-en", ERBIL_EN, "weapons", "A drone")],
        language="en",
    )
    return [
        article("a-ain", AIN, "2024-07-27", [ain], title="هجوم على عين الأسد"),
        article("a-conoco", CONOCO, "2024-07-27", [conoco]),
        article("a-xss", XSS, "2024-07-23", [xss], title='<img src=x onerror="window.__pwned=3">'),
        article("a-erbil-en", ERBIL_EN, "2024-07-24", [review_me], language="en"),
    ]
