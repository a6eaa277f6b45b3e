"""The geocode stage: each event gets the place its evidence names."""

from rasd.geo.stage import geocode
from rasd.model import Article, Event, Evidence, Place, Sentence


def _event(*evidence, location=None):
    ev = Event("Explosions/Remote violence", "Air/drone strike", "ASSAULT", location=location)
    ev.evidence.extend(evidence)
    return ev


def _evidence(text, piece, field="location", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Evidence("a1", field, start, start + len(piece), piece)


def _article(text, *events):
    art = Article(text=text, id="a1")
    art.sentences = [Sentence(0, len(text), 0)]
    art.events.extend(events)
    return art


def test_two_places_two_attacks_each_event_its_own_place():
    text = "استهدفت مسيرة قاعدة عين الأسد، وسقطت صواريخ قرب قاعدة حرير شمال أربيل"
    first = _event(_evidence(text, "قاعدة عين الأسد"))
    second = _event(_evidence(text, "قرب قاعدة حرير"))
    art = geocode(_article(text, first, second))
    a, b = (e.location for e in art.events)
    assert (a.name, a.admin1, a.geo_precision) == ("Ain al-Asad Air Base", "Anbar", 1)
    assert (b.name, b.admin1, b.geo_precision) == ("Harir Air Base", "Erbil", 2)


def test_location_with_name_only_is_completed():
    text = "هجوم جديد في المنطقة"
    ev = _event(location=Place(name="Mosul", country="IQ"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Mosul" and loc.lat is not None and loc.admin1 == "Ninewa"


def test_arabic_name_only_is_completed():
    ev = _event(location=Place(name="", country=None, name_ar="الرمادي"))
    loc = geocode(_article("لا مكان هنا", ev)).events[0].location
    assert loc.name == "Ramadi" and loc.country == "IQ"


def test_falls_back_to_the_place_after_the_trigger():
    text = "قصفت طائرة مسيرة مواقع في مدينة الموصل"
    ev = _event(_evidence(text, "قصفت", field="sub_event_type"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Mosul" and loc.geo_precision == 1


def test_province_only_gives_precision_3():
    text = "سقطت قذائف في محافظة ديالى"
    ev = _event(_evidence(text, "محافظة ديالى"))
    loc = geocode(_article(text, ev)).events[0].location
    assert (loc.admin1, loc.geo_precision) == ("Diyala", 3)


def test_no_place_leaves_location_empty():
    text = "هجوم بطائرة مسيرة دون تفاصيل"
    ev = _event(_evidence(text, "هجوم", field="sub_event_type"))
    assert geocode(_article(text, ev)).events[0].location is None


def test_article_without_events_is_untouched():
    art = Article(text="في بغداد", id="a1")
    assert geocode(art) is art and art.events == []
