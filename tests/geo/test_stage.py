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


def test_the_base_points_back_at_the_base_named_before():
    text = "اتهمت واشنطن فصائل بالهجوم على قاعدة الشدادي. وقالت واشنطن إن مسيرة انفجرت داخل القاعدة"
    art = Article(text=text, id="a1")
    cut = text.index(".") + 1
    art.sentences = [Sentence(0, cut, 0), Sentence(cut + 1, len(text), 0)]
    ev = _event(_evidence(text, "انفجرت", field="sub_event_type"))
    art.events.append(ev)
    loc = geocode(art).events[0].location
    assert loc.name == "Shaddadi base"


def test_event_without_a_place_takes_the_previous_event_s():
    text = "قصفت مسيرة قاعدة حرير. واشنطن تدين وتقول واشنطن إنها سترد. وسقط صاروخ ثان دون إصابات"
    art = Article(text=text, id="a1")
    cuts = [i + 1 for i, ch in enumerate(text) if ch == "."]
    art.sentences = [
        Sentence(0, cuts[0], 0),
        Sentence(cuts[0] + 1, cuts[1], 0),
        Sentence(cuts[1] + 1, len(text), 0),
    ]
    first = _event(_evidence(text, "قاعدة حرير"))
    second = _event(_evidence(text, "سقط", field="sub_event_type"))
    art.events.extend([first, second])
    a, b = (e.location for e in geocode(art).events)
    assert a.name == b.name == "Harir Air Base"


def test_last_resort_prefers_the_facility_over_a_capital_named_as_often():
    text = "واشنطن تدين. وقالت واشنطن إن قاعدة الشدادي آمنة وإن قاعدة الشدادي محصنة. ووقع انفجار دون إصابات"
    cuts = [i + 1 for i, ch in enumerate(text) if ch == "."]
    art = Article(text=text, id="a1")
    art.sentences = [
        Sentence(0, cuts[0], 0),
        Sentence(cuts[0] + 1, cuts[1], 0),
        Sentence(cuts[1] + 1, len(text), 0),
    ]
    art.events.append(_event(_evidence(text, "انفجار", field="sub_event_type")))
    loc = geocode(art).events[0].location
    assert loc.name == "Shaddadi base" and loc.geo_precision == 2


def test_the_place_a_missile_came_from_is_not_where_it_was_intercepted():
    text = "أعلن الجيش اعتراض صاروخ أطلق من اليمن باتجاه مدينة إيلات"
    ev = _event(_evidence(text, "اعتراض", "event"), _evidence(text, "اليمن"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Eilat"


def test_the_hospital_the_wounded_were_taken_to_is_not_the_place():
    text = "أصيب مدنيان بقصف على بلدة تل تمر، ونقلوا إلى مستشفى الحسكة"
    ev = _event(_evidence(text, "قصف", "event"), _evidence(text, "مستشفى الحسكة"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Tell Tamer"


def test_the_town_points_back_at_the_capital_of_the_province_named_in_its_sentence():
    text = "انفجار في نوى. أعلنت إدارة الأمن في محافظة حمص تفكيك خلية في حي الزهراء شرقي المدينة"
    art = Article(text=text, id="a1")
    cut = text.index("أعلنت")
    art.sentences = [Sentence(0, cut, 0), Sentence(cut, len(text), 1)]
    ev = _event(_evidence(text, "تفكيك", "event"), _evidence(text, "محافظة حمص"))
    art.events.append(ev)
    loc = geocode(art).events[0].location
    assert loc.name == "Homs" and loc.geo_precision == 2


def test_a_region_pointed_at_does_not_replace_a_province():
    text = "قالت حكومة إقليم كردستان إن مسيرتين دخلتا الإقليم واستهدفتا حقلا في محافظة دهوك"
    ev = _event(_evidence(text, "استهدفتا", "event"), _evidence(text, "محافظة دهوك"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Dahuk"


def test_a_place_inside_a_slogan_is_not_the_place_of_the_rally():
    text = 'شهد ميدان السبعين بالعاصمة صنعاء مسيرة مليونية تحت شعار "مع غزة حتى النصر"'
    ev = _event(_evidence(text, "مسيرة", "event"), _evidence(text, "غزة"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.country == "YE"


def test_area_in_the_evidence_gives_way_to_a_village_named_after_it():
    text = "في ريف القنيطرة الجنوبي، توغلت قوة إسرائيلية في أطراف قرية الرفيد واعتقلت رعاة"
    ev = _event(_evidence(text, "القنيطرة"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Al-Rafid" and loc.geo_precision == 2


def test_a_town_outside_the_area_does_not_replace_it():
    text = "قصف على ريف القنيطرة الجنوبي، فيما نزح أهالي مدينة الرقة"
    ev = _event(_evidence(text, "القنيطرة"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.admin1 == "Quneitra"


def test_merged_tellings_keep_the_place_finer_than_a_sea():
    text = "استهدف الحوثيون سفينة في البحر الأحمر. وقالت الهيئة إن السفينة أصيبت في ميناء الحديدة"
    ev = _event(_evidence(text, "البحر الأحمر"), _evidence(text, "ميناء الحديدة"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Port of Hodeidah"


def test_sea_with_a_place_it_is_off_is_the_coast_point():
    text = "استهدف زورق مسير سفينة تجارية في البحر الأحمر قبالة سواحل الحديدة"
    ev = _event(_evidence(text, "البحر الأحمر"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Hodeidah" and loc.geo_precision == 2


def test_sea_alone_stays_the_sea():
    text = "استهدف زورق مسير سفينة تجارية في البحر الأحمر"
    ev = _event(_evidence(text, "البحر الأحمر"))
    loc = geocode(_article(text, ev)).events[0].location
    assert loc.name == "Red Sea" and loc.geo_precision == 3
