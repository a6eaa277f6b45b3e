"""The lexicon matcher: variants, wildcards, clitics, offsets back to the original."""

from __future__ import annotations

import pytest

from rasd.extract.lexicon import Lexicon, lexicon
from rasd.extract.mentions import read_sentence
from rasd.text import normalize

ROWS = [
    {"phrase": "استهدف*|قصف", "v": "attack"},
    {"phrase": "طائرة مسيرة|مسيرة", "v": "drone"},
    {"phrase": "لا إصابات", "v": "none"},
]


@pytest.mark.parametrize(
    "text,found",
    [
        ("استهدفت المقاومة القاعدة", [("استهدفت", "attack")]),
        ("واستهدفوا الرتل", [("استهدفوا", "attack")]),
        ("بطائرة مسيّرة", [("طائرة مسيّرة", "drone")]),
        ("والمسيرة سقطت", [("مسيرة", "drone")]),
        ("قصفٌ عنيف ولا إصابات", [("قصفٌ", "attack"), ("لا إصابات", "none")]),
        ("قصفها", []),  # no wildcard on قصف: a pronoun suffix is another word form
        ("يستهدف", []),  # the present tense is not the listed past form
    ],
)
def test_find(text: str, found: list[tuple[str, str]]) -> None:
    lex = Lexicon(ROWS)
    norm = normalize(text)
    got = []
    for h in lex.find(norm.text):
        a, b = norm.to_original(h.start, h.end)
        got.append((text[a:b], h.row["v"]))
    assert got == found


@pytest.mark.parametrize(
    "name", ["triggers", "weapons", "targets", "claims", "casualties", "modality", "roles"]
)
def test_packaged_lexicons_load(name: str) -> None:
    assert len(lexicon(name).rows) >= 5


def test_sentence_without_trigger_is_skipped() -> None:
    text = "عقد الوزير اجتماعا مع نظيره."
    assert read_sentence(text, 0, len(text)) is None


def test_drone_is_not_a_protest_march() -> None:
    text = "أسقطت الدفاعات مسيرة قرب المطار أمس."
    r = read_sentence(text, 0, len(text))
    assert r is not None
    assert all(t.row["plover_type"] != "PROTEST" for t in r.triggers)


LEXICONS = ("triggers", "weapons", "targets", "claims", "casualties", "roles", "modality")


def _sentences(rng) -> list[str]:
    """Sentences made of packaged variants with clitics, cut words and filler
    between them: hits next to each other, inside longer words and at the ends."""
    pool = [
        v.strip().replace("*", rng.choice(["", "ت", "وا", "ون"]))
        for name in LEXICONS
        for row in lexicon(name).rows
        for v in row["phrase"].split("|")
        if v.strip()
    ]
    filler = ["في", "على", "أمس", "،", ".", "و", "المدينة", "3", "قرب"]
    out = []
    for _ in range(300):
        words = []
        for _ in range(rng.randint(1, 12)):
            w = rng.choice(pool)
            roll = rng.random()
            if roll < 0.3:
                w = rng.choice(["و", "ف", "ب", "بال", "لل", "وال", "فب"]) + w
            elif roll < 0.4:
                w = w[: max(1, len(w) - 1)]  # a cut word must not match
            elif roll < 0.5:
                w += rng.choice(["ها", "ين", "ات"])
            words.append(w)
            if rng.random() < 0.5:
                words.append(rng.choice(filler))
        out.append(" ".join(words))
    return out


def test_shared_scan_finds_what_each_lexicon_finds() -> None:
    """``find_at`` over the word starts of one shared scan gives exactly the hits
    of each lexicon's own full search, on every packaged lexicon."""
    import random

    from rasd.extract.lexicon import scan

    shared = scan(LEXICONS)
    for text in _sentences(random.Random(5)):
        form = normalize(text).text
        starts = shared.starts(form)
        for name, at in zip(LEXICONS, starts, strict=True):
            lex = lexicon(name)
            assert lex.find_at(form, at) == lex.find(form), (name, text)
            assert lex.may_hit(form) or not lex.find(form), name


def test_scan_skips_words_no_lexicon_opens() -> None:
    from rasd.extract.lexicon import Scan

    lex = Lexicon(ROWS)
    starts = Scan([lex]).starts(normalize("قالت المصادر إن قصفا استهدف المدينة").text)
    form = normalize("قالت المصادر إن قصفا استهدف المدينة").text
    assert [form[i:].split()[0] for i in starts[0]] == ["استهدف"]


def test_scan_goes_on_after_a_hyphenated_opener() -> None:
    """A first word with a hyphen (فجر-5) must not hide a word that opens a hit of
    another lexicon right after the hyphen, nor its own shorter reading."""
    from rasd.extract.lexicon import Scan

    models = Lexicon([{"phrase": "فجر-5", "v": "rocket"}])
    times = Lexicon([{"phrase": "فجر", "v": "dawn"}, {"phrase": "قصف", "v": "attack"}])
    form = normalize("وفجر-قصف ثم فجر-5").text
    starts = Scan([models, times]).starts(form)
    assert times.find_at(form, starts[1]) == times.find(form)
    assert [h.row["v"] for h in times.find(form)] == ["dawn", "attack", "dawn"]
    assert [h.row["v"] for h in models.find_at(form, starts[0])] == ["rocket"]


def _starts_by_position(lexicons: list[Lexicon], form: str) -> list[list[int]]:
    """What :meth:`Scan.starts` must give, the slow way: every position not after a
    word character whose characters up to the next space some lexicon opens with."""
    import re

    out: list[list[int]] = [[] for _ in lexicons]
    for p in range(len(form)):
        if form[p].isspace() or (p and re.match(r"\w", form[p - 1])):
            continue
        run = re.match(r"\S*", form[p:]).group()
        for i, lx in enumerate(lexicons):
            if lx.opens(run):
                out[i].append(p)
    return out


def test_scan_starts_are_every_opening_position() -> None:
    """The scan reads runs between spaces (remembered per run) and finds each run's
    place again in the text: the same starts as a look at every position, with
    runs repeated, a run inside a longer word, marks glued to words, several kinds
    of space, and runs read for the first time or again."""
    import random

    from rasd.extract.lexicon import Scan

    models = Lexicon([{"phrase": "فجر-5", "v": "rocket"}, {"phrase": "«", "v": "quote"}])
    times = Lexicon([{"phrase": "فجر", "v": "dawn"}, {"phrase": "قصف*", "v": "attack"}])
    lexicons = [models, times, lexicon("triggers"), lexicon("modality")]
    scanner = Scan(lexicons)
    pieces = ["قصف", "وقصف", "القصف", "فجر-5", "فجر", "(قصف", "قصف،", "«قصف»", "-قصف", "استهدف"]
    pieces += ["هجوم", "بالهجوم", "الهجوم.", "لم", "يسفر", "3", "فجر-قصف", "xقصف", "ال"]
    spaces = [" ", "  ", "\n", "\t", "\u00a0", " \n "]
    rng = random.Random(7)
    for _ in range(300):
        form = "".join(rng.choice(pieces) + rng.choice(spaces) for _ in range(rng.randint(1, 10)))
        form = normalize(form.strip() if rng.random() < 0.5 else form).text
        assert scanner.starts(form) == _starts_by_position(lexicons, form), form


def test_plus_lets_a_word_carry_an_attached_pronoun() -> None:
    """``استهداف+`` finds استهدافها and استهدافه (its targeting), not a longer word
    or a word without the pronoun's letters; without ``+`` the suffixed form is
    another word."""
    lex = Lexicon([{"phrase": "استهداف+", "v": "attack"}, {"phrase": "اغتيال", "v": "kill"}])

    def found(text: str) -> list[str]:
        norm = normalize(text)
        return [text[slice(*norm.to_original(h.start, h.end))] for h in lex.find(norm.text)]

    assert found("أعلنت المقاومة استهدافها القاعدة") == ["استهدافها"]
    assert found("وباستهدافهم الرتل") == ["استهدافهم"]
    assert found("استهداف القاعدة") == ["استهداف"]
    assert found("استهدافات متكررة") == []
    assert found("نفت اغتياله") == []


def test_find_at_builds_the_callers_items() -> None:
    """``find_at(make=..., base=...)`` gives the hits of a plain ``find_at``,
    shifted by ``base`` and built by ``make`` (the extractor's own items)."""
    import random

    from rasd.extract.lexicon import scan
    from rasd.extract.mentions import Item

    shared = scan(LEXICONS)
    for text in _sentences(random.Random(9))[:100]:
        form = normalize(text).text
        for name, at in zip(LEXICONS, shared.starts(form), strict=True):
            lex = lexicon(name)
            made = lex.find_at(form, at, make=Item, base=40)
            assert all(type(i) is Item for i in made)
            want = [(h.start + 40, h.end + 40, h.row) for h in lex.find_at(form, at)]
            assert [(i.start, i.end, i.row) for i in made] == want, (name, text)


def test_first_look_word_starts_are_offsets_into_the_article() -> None:
    """Before the tokens are read, a sentence's word starts are offsets into the
    article (not shifted by the sentence's own start): word distances in the
    cheap pre-test are measured on the right words."""
    from rasd.extract.mentions import read_lexicons

    first = "قال مصدر أمني اليوم."
    second = "استهدفت المقاومة قاعدة حرير بطائرة مسيرة."
    text = f"{first} {second}"
    start = len(first) + 1
    r = read_lexicons(text, start, len(text))
    assert r is not None
    assert [text[i : i + 3] for i in r.token_starts[:2]] == ["است", "الم"]
    assert all(start <= i < len(text) for i in r.token_starts)
