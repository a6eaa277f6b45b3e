"""Identity stage: the article's id and language.

Owned by the ingest stage. The id is the input's own id when it had one,
else the first 16 hex digits of the SHA-1 of the matching form of the body
(boilerplate excluded), so the same article read twice, from a page with
other furniture or other spelling of hamzas, gets the same id. The
language is the input's ``lang`` when given, else read from the script.
"""

from __future__ import annotations

import hashlib

from rasd.ingest.clean import body_form
from rasd.ingest.decode import script_counts
from rasd.model import Article
from rasd.text import match_form

LANGUAGE_SAMPLE = 1500  # characters of the body the script count looks at
ARABIC_SHARE = 0.5  # of letters, to call a text Arabic


def content_id(body: str) -> str:
    """The content-hash id of an article body."""
    return hashlib.sha1(match_form(body).encode("utf-8")).hexdigest()[:16]


def guess_language(text: str) -> str:
    """``"ar"``, ``"en"`` or ``"und"`` from the letters' script."""
    arabic, latin = script_counts(text[:LANGUAGE_SAMPLE])
    if arabic + latin == 0:
        return "und"
    return "ar" if arabic >= ARABIC_SHARE * (arabic + latin) else "en"


def identify(article: Article) -> Article:
    """Stage ``identify``: fill ``id`` and ``language`` when the input did not."""
    if not article.id:
        article.id = hashlib.sha1(body_form(article).encode("utf-8")).hexdigest()[:16]
    if not article.language:
        article.language = guess_language(article.body)
    return article
