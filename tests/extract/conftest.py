"""Fixtures for the extractor tests.

The actor dictionary (``rasd.extract.actors``) and the place finder
(``rasd.geo``) are other parts of rasd; when one is missing, a tiny fake
stands in so these tests still exercise the extractor itself.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass

import pytest

from rasd.extract import deps
from rasd.model import Actor

_FAKE_ACTORS = {
    "المقاومة الإسلامية في العراق": Actor(
        "Islamic Resistance in Iraq", "irq_islamic_resistance", "armed_group", None, "IQ"
    ),
    "كتائب حزب الله": Actor("Kataib Hezbollah", "kataib_hezbollah", "armed_group", None, "IQ"),
    "القوات الأمريكية": Actor(
        "Military Forces of the United States", "us_military", "state_forces", None, "US"
    ),
    "واشنطن": Actor("Government of the United States", "us_government", "government", None, "US"),
}


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    actor: Actor
    text: str


def _fake_actors(text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    out = []
    for name, actor in _FAKE_ACTORS.items():
        for m in re.finditer(re.escape(name), text[start:end]):
            out.append(_Mention(m.start() + start, m.end() + start, actor, m.group()))
    return sorted(out, key=lambda m: m.start)


def _present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@pytest.fixture(autouse=True)
def collaborators():
    """Real actors/places when installed, a fake actor list otherwise."""
    deps.reset()
    if not _present("rasd.extract.actors"):
        deps.use(actors=_fake_actors)
    yield
    deps.reset()


@pytest.fixture
def has_geo() -> None:
    if not _present("rasd.geo.recognize"):
        pytest.skip("rasd.geo (place finding) is not installed")
