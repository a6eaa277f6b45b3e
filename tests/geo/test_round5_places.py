"""Common words that hold a place name (geo/data/not_places.tsv): "اشتباك قصير" is a
short clash, not al-Qusayr in Homs."""

from __future__ import annotations

import rasd


def test_a_short_clash_is_not_al_qusayr():
    text = (
        "داهمت قوة من التحالف الدولي منزلا في بلدة الشحيل بريف دير الزور فجر اليوم، ودار "
        "اشتباك قصير مع من في داخله انتهى بمقتل مسلح."
    )
    events = rasd.extract(text, "2024-07-20")
    assert events
    for ev in events:
        assert ev.location is None or ev.location.name != "Al Qusayr"


def test_heights_overlooking_a_quarter_are_not_metula():
    """ "المرتفعات المطلة على الحي": overlooking, not the Israeli town of Metula."""
    text = (
        "قُتل طفل عصر أمس برصاص قناص أثناء لعبه أمام منزله في حي الروضة بمدينة تعز.\n\n"
        'وقال والد الطفل إن "القناصة يتمركزون في المرتفعات المطلة على الحي منذ سنوات".\n\n'
        "وفي الجبهة الشرقية للمدينة، قُتل أربعة جنود مساء أمس في مواجهات في منطقة الكدحة."
    )
    events = rasd.extract(text, "2025-03-10")
    assert events
    assert all(ev.location is None or ev.location.country != "IL" for ev in events)


def test_an_unplaced_event_does_not_take_a_place_named_only_in_background():
    """The event names no place; the article's most named place is told only in a
    background sentence dated to a month long past: not where this event was."""
    text = (
        "أدانت الخارجية البحرينية الهجوم الذي أودى بحياة جنديين بحرينيين على الحدود "
        "السعودية اليمنية مساء الاثنين.\n\n"
        "وأكد المتحدث باسم التحالف أن الطائرة المسيرة أطلقت مساء الاثنين من الأراضي "
        "اليمنية وقتلت جنديين.\n\n"
        "وكانت الجماعة قد استهدفت في كانون الثاني 2022 مطار أبوظبي ومنشآت نفطية في "
        "أبوظبي بطائرات مسيرة."
    )
    events = rasd.extract(text, "2023-09-27")
    assert events
    assert all(ev.location is None or ev.location.country != "AE" for ev in events)
