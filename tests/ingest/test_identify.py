"""Ids and languages."""

from __future__ import annotations

import pytest

from rasd.ingest.identify import content_id, guess_language, identify
from rasd.model import Article
from rasd.pipeline import INGEST, Pipeline
from rasd.text import match_form
from tests.ingest.ingest_pages import LEDE, SECOND


def test_input_id_and_lang_are_kept():
    art = identify(Article(text=LEDE, id="given-1", language="en"))
    assert (art.id, art.language) == ("given-1", "en")


def test_content_id_is_the_hash_of_the_body_matching_form():
    import hashlib

    art = Pipeline(INGEST)(Article(text=f"{LEDE}\n{SECOND}\nAdd to Home screen"))
    body = f"{LEDE}\n{SECOND}"
    assert art.body == body
    assert art.id == hashlib.sha1(match_form(body).encode()).hexdigest()[:16] == content_id(body)


def test_same_article_different_furniture_and_spelling_same_id():
    a = Pipeline(INGEST)(Article(text=f"{LEDE}\n{SECOND}\nشارك\nAdd to Home screen"))
    b = Pipeline(INGEST)(
        Article(text=f"  {LEDE.replace('الأسد', 'الاسد')}\r\n\r\n{SECOND}\nتابعونا على تويتر\n")
    )
    c = Pipeline(INGEST)(Article(text=f"{LEDE}\n{SECOND} وقتل جندي."))
    assert a.id == b.id != c.id
    assert len(a.id) == 16 and int(a.id, 16) >= 0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (LEDE, "ar"),
        ("قصفت طائرة مسيرة قاعدة Ain al-Asad", "ar"),
        ("A drone struck Ain al-Asad air base in western Iraq.", "en"),
        ("A drone struck عين الأسد", "en"),
        ("12345 -- 678", "und"),
        ("", "und"),
    ],
)
def test_guess_language(text, lang):
    assert guess_language(text) == lang
