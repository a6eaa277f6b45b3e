"""Fixtures for the store tests: an in-memory store and processed articles."""

from __future__ import annotations

import pytest

from rasd.model import Article
from rasd.pipeline import Pipeline
from rasd.store import open_store
from tests.conftest import pg_server  # noqa: F401  (re-exported: tests/fuse imports it from here)

PAGE = (
    "27 تموز , 2024\n"
    "هجوم بطائرة مسيرة على قاعدة عين الأسد\n"
    "استهدفت طائرة مسيّرة القوات الأميركية في قاعدة عين الأسد بمحافظة الأنبار فجر اليوم.\n"
    "وقال مسؤول إن الهجوم لم يسفر عن إصابات.\n"
    "استهدفت طائرة مسيّرة القوات الأميركية في قاعدة عين الأسد بمحافظة الأنبار فجر اليوم.\n"
    "Add to Home screen\n"
)
OTHER = "سقطت ثلاثة صواريخ على حقل كونيكو في ريف دير الزور مساء أمس، وفق مصادر محلية."


def processed(text: str, **fields) -> Article:
    return Pipeline()(Article(text=text, **fields))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request):
    """The same store tests run against both backends."""
    if request.param == "sqlite":
        s = open_store(":memory:")
    else:
        s = open_store(request.getfixturevalue("pg_server").new_database())
    yield s
    s.close()


@pytest.fixture
def page() -> Article:
    return processed(PAGE, origin="page.txt")


@pytest.fixture
def other() -> Article:
    return processed(OTHER, id="j1", source="agency")
