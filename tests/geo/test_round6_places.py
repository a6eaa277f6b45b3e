"""Round 6 (session 4): places of the categories missed on unseen articles, from
invented text: the Palestinian refugee camps of Lebanon, the seas where ships are
attacked, and the side a rocket came from (من اتجاه X)."""

from __future__ import annotations

from rasd.geo import lookup
from rasd.geo.recognize import is_origin


def _best(name: str):
    return lookup(name)[0]  # the most prominent place of the name


def test_ain_al_hilweh_is_the_camp_in_lebanon():
    entry = _best("عين الحلوة")
    assert entry.country == "LB"


def test_the_red_sea_and_the_gulf_of_aden_are_coded_in_yemen():
    assert _best("البحر الأحمر").country == "YE"
    assert _best("خليج عدن").country == "YE"


def test_from_the_direction_of_a_town_is_where_it_came_from():
    text = "سقط صاروخان أطلقا من اتجاه بلدة الخيام على مستوطنة المطلة."
    assert is_origin(text, 0, text.index("الخيام"))
    text = "سقطت ثلاثة صواريخ من جهة بلدة كفركلا على كريات شمونة."
    assert is_origin(text, 0, text.index("كفركلا"))
    assert not is_origin(text, 0, text.index("كريات"))
