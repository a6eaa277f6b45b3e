"""Fusion on hand-made article-level events."""

from __future__ import annotations

import pytest

from rasd.fuse.fusion import Fuser, fuse
from tests.fuse.helpers import AIN_AL_ASAD, ANBAR, HARIR, IRI, event


def rockets(n: int | None) -> list[dict]:
    return [{"kind": "rocket", "model": None, "count": n}]


def test_same_attack_from_three_articles_is_one_event():
    out = fuse([event("a1"), event("a2", claim="unclaimed"), event("a3", injuries=0)])
    assert len(out) == 1
    assert out[0]["article_ids"] == ["a1", "a2", "a3"]
    assert out[0]["event_id"] == "a1-e1"
    assert {e["article_id"] for e in out[0]["evidence"]} == {"a1", "a2", "a3"}
    assert out[0]["mention_ids"] == ["a1-e1", "a2-e1", "a3-e1"]


def test_two_places_same_night_are_two_events():
    out = fuse([event("a1"), event("a1", n=2, place=HARIR), event("a2", place=HARIR)])
    by_place = {e["location"]["name"]: e["article_ids"] for e in out}
    assert by_place == {"Ain al-Asad Air Base": ["a1"], "Harir Air Base": ["a1", "a2"]}


@pytest.mark.parametrize(
    "days, expected",
    [
        (["2023-10-24", "2023-10-24"], 1),
        (["2023-10-24", "2023-10-25"], 2),  # same base, next night: another attack
    ],
)
def test_date_blocking(days, expected):
    assert len(fuse([event("a1", day=days[0]), event("a2", day=days[1])])) == expected


def test_different_event_family_never_fuses():
    protest = event("a2", sub="Peaceful protest", etype="Protests", weapons=[], targets=[])
    assert len(fuse([event("a1"), protest])) == 2


def test_four_vs_five_rockets_kept_with_best_value():
    out = fuse(
        [
            event("a1", sub="Shelling/artillery/missile attack", weapons=rockets(4)),
            event("a2", sub="Shelling/artillery/missile attack", weapons=rockets(5)),
            event("a3", sub="Shelling/artillery/missile attack", weapons=rockets(5)),
        ]
    )
    assert len(out) == 1
    (e,) = out
    assert e["weapons"] == [{"kind": "rocket", "model": None, "count": 5}]  # agreement
    assert e["reported"]["weapons"] == [
        {"value": {"kind": "rocket", "count": 5}, "article_ids": ["a2", "a3"]},
        {"value": {"kind": "rocket", "count": 4}, "article_ids": ["a1"]},
    ]


def test_fatalities_tie_goes_to_the_more_precise_then_the_later_report():
    vague = {**ANBAR, "geo_precision": 2, "gazetteer_id": None, "name": "Anbar desert"}
    vague.update(lat=33.82, lon=42.45)
    out = fuse([event("a1", fatalities=3), event("a2", fatalities=4, place=vague)])
    assert out[0]["fatalities"] == 3  # one each: a1 names the base itself
    assert out[0]["reported"]["fatalities"] == [
        {"value": 3, "article_ids": ["a1"]},
        {"value": 4, "article_ids": ["a2"]},
    ]
    out = fuse([event("a1", fatalities=3), event("a2", fatalities=4)])
    assert out[0]["fatalities"] == 4  # same precision: the later report


def test_claim_conflict_kept():
    out = fuse([event("a1", claim="claimed", actor1=IRI), event("a2", claim="unclaimed")])
    (e,) = out
    assert {v["value"] for v in e["reported"]["claim_status"]} == {"claimed", "unclaimed"}
    assert e["actor1"]["id"] == "iri"


def test_date_windows_intersect_and_precision_improves():
    week = event("a1", start="2023-10-20", end="2023-10-26", precision=2)
    day = event("a2", day="2023-10-24")
    (e,) = fuse([week, day])
    assert (e["date_start"], e["date_end"], e["event_date"], e["time_precision"]) == (
        "2023-10-24",
        "2023-10-24",
        "2023-10-24",
        1,
    )
    assert e["event_id"] == "a1-e1"


def test_region_report_joins_the_one_event_there():
    out = fuse([event("a1"), event("a2", place=ANBAR)])
    assert [e["article_ids"] for e in out] == [["a1", "a2"]]
    assert out[0]["location"]["name"] == "Ain al-Asad Air Base"  # the more precise place


def test_region_report_between_two_events_stays_apart():
    near = {**AIN_AL_ASAD, "name": "Al Asad town", "gazetteer_id": "x", "lat": 34.1, "lon": 42.9}
    out = fuse([event("a1"), event("a2", place=near), event("a3", place=ANBAR)])
    assert len(out) == 3


def test_incremental_add_keeps_ids_stable():
    f = Fuser()
    first = f.add(event("a1"))
    f.add(event("a9", place=HARIR))
    assert f.add(event("a2")) == first
    assert f.add(event("a3", weapons=rockets(1))) == first
    ids = {e["event_id"] for e in f.events()}
    assert ids == {"a1-e1", "a9-e1"}
    assert f.add(event("a2")) == first  # the same mention again changes nothing
    assert len(next(e for e in f.events() if e["event_id"] == first)["article_ids"]) == 3


def test_bridging_report_merges_two_events_and_records_it():
    by_id_only = {**AIN_AL_ASAD, "lat": None, "lon": None}
    nearby = {
        **AIN_AL_ASAD,
        "name": "Al Baghdadi",
        "gazetteer_id": "iq-baghdadi",
        "lat": 33.86,
        "lon": 42.5,
    }
    f = Fuser(now=lambda: "2024-01-01T00:00:00+00:00")
    a = f.add(event("a1", place=by_id_only))
    b = f.add(event("a2", place=nearby))
    assert a != b
    c = f.add(event("a3", place=AIN_AL_ASAD))
    assert c == a
    (e,) = list(f.events())
    assert e["article_ids"] == ["a1", "a2", "a3"]
    assert e["history"] == [
        {"op": "merge", "event_ids": ["a1-e1", "a2-e1"], "at": "2024-01-01T00:00:00+00:00"}
    ]
    assert f.resolve("a2-e1") == "a1-e1"


def test_removing_the_bridge_splits_and_records_it():
    by_id_only = {**AIN_AL_ASAD, "lat": None, "lon": None}
    nearby = {
        **AIN_AL_ASAD,
        "name": "Al Baghdadi",
        "gazetteer_id": "iq-baghdadi",
        "lat": 33.86,
        "lon": 42.5,
    }
    f = Fuser(now=lambda: "t")
    for e in (
        event("a1", place=by_id_only),
        event("a2", place=nearby),
        event("a3", place=AIN_AL_ASAD),
    ):
        f.add(e)
    f.remove_article("a3")
    out = {e["event_id"]: e for e in f.events()}
    assert set(out) == {"a1-e1", "a2-e1"}
    assert out["a2-e1"]["history"][-1] == {
        "op": "split",
        "event_ids": ["a1-e1", "a2-e1"],
        "at": "t",
    }


def test_removing_the_only_article_drops_the_event():
    f = Fuser(now=lambda: "t")
    f.add(event("a1"))
    f.remove_article("a1")
    assert list(f.events()) == []
    assert f.log == [{"op": "drop", "event_ids": ["a1-e1"], "at": "t"}]


def test_undated_and_placeless_events_fuse_only_with_their_kind():
    out = fuse(
        [
            event("a1", place=None, start=None, day=None),
            event("a2", place=None),
            event("a3"),
        ]
    )
    assert len(out) == 3


def test_attack_and_the_answer_to_it_are_two_events():
    us = {
        "name": "US forces",
        "name_ar": None,
        "id": "us-forces",
        "kind": "state_forces",
        "country": "US",
    }
    answer = event(
        "a2", actor1=us, actor2=None, weapons=[{"kind": "artillery", "model": None, "count": None}]
    )
    assert len(fuse([event("a1"), answer])) == 2


def dated(article: str, day: str, **kw) -> dict:
    """An event whose text states its date (a date evidence span)."""
    e = event(article, day=day, **kw)
    e["evidence"] = e["evidence"] + [
        {"article_id": article, "field": "date", "start": 6, "end": 10, "text": "مساء"}
    ]
    return e


@pytest.mark.parametrize(
    "published, expected",
    [
        ("2023-10-25", 1),  # dated only by its publication day: may be a day late
        ("2023-10-27", 2),  # a date other than the publication day came from the text
    ],
)
def test_publication_day_date_reaches_back_one_day(published, expected):
    f = Fuser()
    f.add(dated("a1", "2023-10-24"))
    f.add(event("a2", day="2023-10-25"), published=published)
    out = list(f.events())
    assert len(out) == expected
    if expected == 1:  # the stated date wins over the assumed one
        assert (out[0]["event_date"], out[0]["time_precision"]) == ("2023-10-24", 1)


def test_stated_dates_a_day_apart_stay_apart_even_when_published_that_day():
    f = Fuser()
    f.add(dated("a1", "2023-10-24"))
    f.add(dated("a2", "2023-10-25"), published="2023-10-25")
    assert len(list(f.events())) == 2


TARMIYAH = {
    "name": "Tarmiyah",
    "name_ar": "الطارمية",
    "country": "IQ",
    "admin1": "Baghdad",
    "lat": 33.66,
    "lon": 44.40,
    "geo_precision": 1,
    "gazetteer_id": "iq-tarmiyah",
}
BAGHDAD = {**TARMIYAH, "name": "Baghdad", "gazetteer_id": "iq-baghdad", "lat": 33.34, "lon": 44.40}


@pytest.mark.parametrize("precision, expected", [(2, 1), (1, 2)])
def test_a_place_near_a_city_reaches_farther(precision, expected):
    """ "North of Baghdad" (the city's point, 36 km off) is the Tarmiyah bombing;
    Baghdad itself (precision 1) is another place."""
    ied = [{"kind": "ied", "model": None, "count": 1}]
    sub = "Remote explosive/landmine/IED"
    out = fuse(
        [
            event("a1", place=TARMIYAH, sub=sub, weapons=ied, targets=[]),
            event("a2", place={**BAGHDAD, "geo_precision": precision}, sub=sub, weapons=ied),
        ]
    )
    assert len(out) == expected
    assert out[0]["location"]["name"] == "Tarmiyah"


def test_intercepted_drone_is_the_attack_another_outlet_reports():
    intercepted = event(
        "a2", sub="Disrupted weapons use", etype="Strategic developments", weapons=None
    )
    out = fuse([event("a1"), intercepted])
    assert [e["article_ids"] for e in out] == [["a1", "a2"]]
    assert {v["value"] for v in out[0]["reported"]["sub_event_type"]} == {
        "Air/drone strike",
        "Disrupted weapons use",
    }


def test_a_misread_role_with_the_same_weapon_still_fuses():
    """One report makes the patrol's unit the bomber: same bomb, same place, one event."""
    police = {"name": "Police", "name_ar": None, "id": "police", "kind": "state_forces"}
    army = {"name": "Iraqi Army", "name_ar": None, "id": "army", "kind": "state_forces"}
    ied = [{"kind": "ied", "model": None, "count": 1}]
    sub = "Remote explosive/landmine/IED"
    out = fuse(
        [
            event("a1", sub=sub, weapons=ied, actor2=police, targets=[]),
            event("a2", sub=sub, weapons=ied, actor1=police, actor2=army, targets=[]),
        ]
    )
    assert len(out) == 1


def test_protest_reports_of_one_region_fuse_whoever_they_name_first():
    basra = {**ANBAR, "name": "Basra", "admin1": "Basra", "gazetteer_id": "iq-basra"}
    police = {"name": "Police", "name_ar": None, "id": "police", "kind": "state_forces"}
    protesters = {"name": "Protesters", "name_ar": None, "id": "protesters", "kind": "civilians"}
    kw = {"etype": "Protests", "weapons": [], "targets": [], "place": basra}
    out = fuse(
        [
            event("a1", sub="Protest with intervention", actor1=protesters, actor2=police, **kw),
            event("a2", sub="Peaceful protest", actor1=police, actor2=protesters, **kw),
        ]
    )
    assert len(out) == 1


def test_retired_clusters_leave_memory():
    f = Fuser()
    f.add(event("a1", day="2023-10-24"))
    f.add(event("a2", day="2023-12-01", place=HARIR))
    import datetime as dt

    gone = list(f.retire(dt.date(2023, 11, 1)))
    assert [c.id for c in gone] == ["a1-e1"]
    assert [e["event_id"] for e in f.events()] == ["a2-e1"]
    assert all(day >= dt.date(2023, 11, 1).toordinal() for day in f.index if isinstance(day, int))


def test_region_report_of_another_region_stays_apart():
    erbil = {**ANBAR, "name": "Erbil", "admin1": "Erbil", "gazetteer_id": "iq-erbil"}
    assert len(fuse([event("a1"), event("a2", place=erbil)])) == 2
    assert len(fuse([event("a1", place=erbil), event("a2", place=ANBAR)])) == 2


IS = {"name": "Islamic State", "name_ar": None, "id": "is", "kind": "armed_group"}
ARMY = {"name": "Iraqi Army", "name_ar": None, "id": "army", "kind": "state_forces"}


def test_battle_sides_may_be_named_in_either_order():
    kw = {"sub": "Armed clash", "etype": "Battles", "weapons": [], "targets": []}
    out = fuse(
        [event("a1", actor1=IS, actor2=ARMY, **kw), event("a2", actor1=ARMY, actor2=IS, **kw)]
    )
    assert len(out) == 1


def test_an_attack_and_the_air_strike_answering_it_are_two_events():
    clash = event("a1", sub="Armed clash", etype="Battles", actor1=IS, actor2=ARMY, weapons=[])
    strike = event("a1", n=2, actor1=ARMY, actor2=IS, weapons=[], targets=[])
    assert len(fuse([clash, strike])) == 2
