"""Test data for the web tests: a few Arabic and English articles with
hand-made article-level events, fused by the store into four real events.

* ``ev-ain``: two Arabic articles (a-ain, a-ain-2) report one drone strike;
* ``ev-conoco``: one article, rockets on a gas field in Syria;
* ``ev-xss``: an article whose text and title are XSS attempts (a-xss) and
  an English one (a-erbil-en) report one drone attack on Erbil airport;
* ``ev-review``: an English report of a claimed rocket attack in Baghdad,
  left for the review tests to change.
"""

from __future__ import annotations

import datetime as dt

from rasd.model import Actor, Article, DateWindow, Event, Evidence, Place, Published, Target, Weapon

AIN = (
    "استهدفت طائرة مسيّرة قاعدة عين الأسد الجوية في محافظة الأنبار فجر اليوم، "
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم."
)
AIN_2 = "قالت مصادر أمنية إن طائرة مسيرة هاجمت قاعدة عين الأسد غربي العراق دون وقوع إصابات."
CONOCO = "سقطت ثلاثة صواريخ على حقل كونيكو في ريف دير الزور مساء أمس، وفق مصادر محلية."
XSS = (
    "هجوم بطائرة مسيرة <script>window.__pwned = 1</script> على مطار أربيل "
    '<img src=x onerror="window.__pwned = 2"> ولم يسفر عن إصابات.'
)
ERBIL_EN = "A drone attacked Erbil airport on Tuesday night, officials said."
BAGHDAD_EN = (
    "Two rockets struck near the Victory base in Baghdad on Wednesday; "
    "the Islamic Resistance in Iraq claimed the attack."
)

US = Actor("United States", "us_forces", "state_forces", "القوات الأمريكية", "US")
IRI = Actor(
    "Islamic Resistance in Iraq", "iri", "armed_group", "المقاومة الإسلامية في العراق", "IQ"
)

AIN_PLACE = Place(
    "Ain al-Asad Air Base", "IQ", 33.80, 42.44, 1, "قاعدة عين الأسد", "Anbar", "g-ain"
)
CONOCO_PLACE = Place(
    "Conoco gas field", "SY", 35.35, 40.30, 1, "حقل كونيكو", "Deir ez-Zor", "g-conoco"
)
ERBIL_PLACE = Place(
    "Erbil International Airport", "IQ", 36.24, 43.96, 1, "مطار أربيل", "Erbil", "g-erbil"
)
VICTORY_PLACE = Place("Victory Base", "IQ", 33.26, 44.23, 1, "قاعدة فكتوري", "Baghdad", "g-victory")

# ingest (and so fusion) order: the first article of an event names it
ORDER = ("a-ain", "a-conoco", "a-xss", "a-erbil-en", "a-baghdad-en", "a-ain-2")


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


def drone(eid: str, aid: str, day: str, place: Place, evidence: list[Evidence], **kw) -> Event:
    return Event(
        "Explosions/Remote violence",
        "Air/drone strike",
        "ASSAULT",
        event_id=eid,
        article_ids=[aid],
        window=_day(day),
        location=place,
        evidence=evidence,
        **kw,
    )


def articles() -> list[Article]:
    """The test articles in ingest order."""
    ain = drone(
        "ev-ain",
        "a-ain",
        "2024-07-27",
        AIN_PLACE,
        [
            _ev("a-ain", AIN, "weapons", "طائرة مسيّرة"),
            _ev("a-ain", AIN, "location", "قاعدة عين الأسد الجوية"),
            _ev("a-ain", AIN, "claim_status", "ولم تعلن أي جهة مسؤوليتها"),
        ],
        claim_status="unclaimed",
        suspected_actor1=IRI,
        actor2=US,
        targets=[Target("air_base", "قاعدة عين الأسد الجوية")],
        weapons=[Weapon("drone")],
        confidence=0.9,
    )
    ain_2 = drone(
        "ev-ain-2",
        "a-ain-2",
        "2024-07-27",
        AIN_PLACE,
        [
            _ev("a-ain-2", AIN_2, "weapons", "طائرة مسيرة"),
            _ev("a-ain-2", AIN_2, "location", "قاعدة عين الأسد"),
        ],
        targets=[Target("air_base", "قاعدة عين الأسد")],
        weapons=[Weapon("drone")],
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
    xss = drone(
        "ev-xss",
        "a-xss",
        "2024-07-23",
        ERBIL_PLACE,
        [
            _ev("a-xss", XSS, "weapons", "هجوم بطائرة مسيرة <script>window.__pwned = 1</script>"),
            _ev("a-xss", XSS, "location", "مطار أربيل"),
        ],
        weapons=[Weapon("drone")],
        fatalities=0,
    )
    erbil_en = drone(
        "ev-erbil-en",
        "a-erbil-en",
        "2024-07-23",
        ERBIL_PLACE,
        [
            _ev("a-erbil-en", ERBIL_EN, "weapons", "A drone"),
            _ev("a-erbil-en", ERBIL_EN, "location", "Erbil airport"),
        ],
        weapons=[Weapon("drone")],
        language="en",
    )
    baghdad = Event(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "ASSAULT",
        event_id="ev-review",
        article_ids=["a-baghdad-en"],
        window=_day("2024-07-24"),
        actor1=IRI,
        claim_status="claimed",
        actor2=US,
        weapons=[Weapon("rocket", count=2)],
        location=VICTORY_PLACE,
        evidence=[
            _ev("a-baghdad-en", BAGHDAD_EN, "weapons", "Two rockets"),
            _ev("a-baghdad-en", BAGHDAD_EN, "location", "Victory base in Baghdad"),
            _ev("a-baghdad-en", BAGHDAD_EN, "claim_status", "claimed the attack"),
        ],
        language="en",
    )
    made = {
        "a-ain": article("a-ain", AIN, "2024-07-27", [ain], title="هجوم على عين الأسد"),
        "a-ain-2": article("a-ain-2", AIN_2, "2024-07-27", [ain_2], source="other"),
        "a-conoco": article("a-conoco", CONOCO, "2024-07-27", [conoco]),
        "a-xss": article(
            "a-xss", XSS, "2024-07-23", [xss], title='<img src=x onerror="window.__pwned=3">'
        ),
        "a-erbil-en": article("a-erbil-en", ERBIL_EN, "2024-07-24", [erbil_en], language="en"),
        "a-baghdad-en": article("a-baghdad-en", BAGHDAD_EN, "2024-07-24", [baghdad], language="en"),
    }
    return [made[a] for a in ORDER]
