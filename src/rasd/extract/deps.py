"""The extractor's collaborators that other parts of rasd own.

Actors (``rasd.extract.actors``) and places (``rasd.geo``) are written
beside the extractor; when one is not installed the extractor still runs
and simply finds no actors or places. This module is the one place that
knows how to reach them, so the rest of the package calls plain functions.
"""

from __future__ import annotations

import functools
import importlib.util
import inspect
from collections.abc import Callable
from typing import Any

ActorFinder = Callable[..., list[Any]]
PlaceFinder = Callable[..., list[Any]]

_override: dict[str, Callable[..., list[Any]] | None] = {}


def _module_has(module: str, attr: str) -> Callable[..., list[Any]] | None:
    try:
        if importlib.util.find_spec(module) is None:
            return None
    except ModuleNotFoundError:
        return None
    mod = importlib.import_module(module)
    return getattr(mod, attr, None)


@functools.cache
def _actor_finder() -> ActorFinder | None:
    return _module_has("rasd.extract.actors", "find_actors")


@functools.cache
def _place_finder() -> PlaceFinder | None:
    return _module_has("rasd.geo", "find_places")


def use(*, actors: ActorFinder | None = None, places: PlaceFinder | None = None) -> None:
    """Replace a collaborator (tests use this to plug in a tiny fake)."""
    _override["actors"] = actors
    _override["places"] = places


def reset() -> None:
    _override.clear()


def find_actors(text: str, start: int, end: int, tokens: list[Any] | None = None) -> list[Any]:
    """Actor mentions in ``text[start:end]`` (``ActorMention(start, end, actor, text)``).
    ``tokens`` (the span's tokens, when made already) spare the finder a tokenising;
    a plugged-in finder gets the three positional arguments only."""
    fn = _override.get("actors")
    if fn is not None:
        return fn(text, start, end)
    fn = _actor_finder()
    if fn is None:
        return []
    return (
        fn(text, start, end, tokens=tokens) if _takes_tokens(fn, tokens) else fn(text, start, end)
    )


def find_places(text: str, start: int, end: int, tokens: list[Any] | None = None) -> list[Any]:
    """Place mentions in ``text[start:end]`` (``PlaceMention(start, end, text, place, …)``),
    with ``tokens`` as for :func:`find_actors`."""
    fn = _override.get("places")
    if fn is not None:
        return fn(text, start, end)
    fn = _place_finder()
    if fn is None:
        return []
    return (
        fn(text, start, end, tokens=tokens) if _takes_tokens(fn, tokens) else fn(text, start, end)
    )


@functools.lru_cache(maxsize=16)
def _accepts_tokens(fn: Callable[..., Any]) -> bool:
    return "tokens" in inspect.signature(fn).parameters


def _takes_tokens(fn: Callable[..., Any], tokens: object) -> bool:
    return tokens is not None and _accepts_tokens(fn)


def have_places() -> bool:
    return (_override.get("places") or _place_finder()) is not None
