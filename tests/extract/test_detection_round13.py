"""Round 13 (session 5, detection): general constructions that tell talk about an
attack from a report of one. Every sentence is invented (no GSR or gold sentence,
no held-out place name). Each `REPORT`/`TALK` case fails on the tree with this
round's rows and rule put back; the `GUARD` cases hold either way.

- a verb in a relative clause after a word that names no event (a person, a place, a
  thing: ``المصنع الذي خطف فيه مسلحون …``، ``المهندس الذي خطفه مسلحون``) describes that
  word by an act already known: it is a reference, not news (frames._thing_relative);
  after an attack noun (``التفجير الذي وقع مساء أمس … أسفر عن``) it may still be news;
- the emphatic لقد of direct speech (``«لقد خطف المسلحون …»``) is a speaker's own
  telling, quoted (modality ``testimony``);
- a stop denied (``لم تتوقف عن قصف``) is no negation of the act;
- an attack something relates to (``أدلة تتعلق بتفجير …``) is an event already known;
- a hope or a dream killed (``قتلوا كل بصيص أمل``) is a figure of speech.
"""

from __future__ import annotations

import pytest

import rasd
from rasd.extract.stage import candidate_frames
from rasd.model import Article
from rasd.pipeline import INGEST, Pipeline


def assault(text: str) -> bool:
    return any(e.plover_type == "ASSAULT" for e in rasd.extract(text))


REPORT = [
    # a stop denied: the shelling goes on
    "وقالت مصادر محلية إن الطائرات لم تتوقف عن قصف البلدة بالصواريخ منذ فجر امس.",
]

TALK = [
    # a relative clause describing a place, a thing or a person by a known act
    "وزار المحافظ المصنع الذي خطف فيه مسلحون ثلاثة مهندسين أتراك مساء الأحد في ضواحي الموصل.",
    "ونقل الجرحى إلى المستشفى الذي استهدفه الطيران أمس في المدينة.",
    "والتقى الوزير عائلة المهندس الذي خطفه مسلحون في كركوك الأحد الماضي.",
    # direct speech with the emphatic لقد
    "وقال ضابط في الشرطة «لقد خطف المسلحون ثلاثة مهندسين من موقع العمل في المدينة».",
    # an attack something relates to
    "وقال مصدر أمني إن الشرطة عثرت على أدلة تتعلق بتفجير سيارة مفخخة في سوق المدينة أمس.",
]

GUARD = [
    # after an attack noun the relative clause may tell the event itself
    ("وقالت الشرطة إن التفجير الذي وقع مساء أمس في سوق المدينة أسفر عن مقتل خمسة أشخاص.", True),
    # the main verb after a relative clause about the doers tells the attack
    ("وقال مسؤول في الشرطة إن المسلحين الذين هاجموا الحاجز قتلوا ثلاثة جنود وأصابوا اثنين.", True),
    # the same telling without لقد, reported speech
    ("وقال ضابط في الشرطة إن المسلحين خطفوا ثلاثة مهندسين من موقع العمل في المدينة.", True),
    # a plain negation still cancels the act
    ("ولم تقصف الطائرات البلدة بالصواريخ أمس.", False),
    # the same bombing told as news, with nothing it relates to
    ("وقال مصدر أمني إن تفجير سيارة مفخخة في سوق المدينة أمس أدى إلى مقتل ثلاثة أشخاص.", True),
    # killing people is no figure of speech
    ("وقتل مسلحون ثلاثة رجال في هجوم على حاجز للشرطة جنوب المدينة أمس.", True),
]

FIGURES = [
    "وقالت الحكومة إن المتمردين قتلوا كل بصيص أمل في المفاوضات بهجماتهم الأخيرة.",
    "وقال الوزير إن المسلحين قتلوا الحلم في المدينة أمس.",
]


@pytest.mark.parametrize("text", REPORT)
def test_report_is_an_assault(text: str) -> None:
    assert assault(text)


@pytest.mark.parametrize("text", TALK)
def test_talk_is_no_assault(text: str) -> None:
    assert not assault(text)


@pytest.mark.parametrize(("text", "expected"), GUARD)
def test_guards(text: str, expected: bool) -> None:
    assert assault(text) is expected


@pytest.mark.parametrize("text", FIGURES)
def test_figure_of_speech_makes_no_violence_frame(text: str) -> None:
    article = Pipeline(INGEST)(Article(text=text))
    assert not [f for f, _ in candidate_frames(article) if f.family == "violence"]
