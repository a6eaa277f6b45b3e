"""Fixtures for the ingest tests: a scraped page and helpers to write real files."""

from __future__ import annotations

import pytest

from tests.ingest.ingest_pages import SCRAPED_LINES


@pytest.fixture
def scraped_text() -> str:
    """A scraped news page: date line, headline, paragraphs, the lede
    repeated, trailing English web-app prompts."""
    return "\n".join(SCRAPED_LINES) + "\n"


@pytest.fixture
def has_dates() -> None:
    """Skip until rasd.text.dates (another part) is present."""
    pytest.importorskip("rasd.text.dates")
