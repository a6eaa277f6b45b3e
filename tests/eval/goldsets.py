"""Checks every gold set must pass (main and the authored long-article sets), shared by their tests."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from rasd.eval import read_gold, score_gold

ROOT = Path(__file__).resolve().parents[2]

KEYS = {"gold_id", "date_start", "date_end", "sub_event_types", "location"}


def assert_core_keys(gold: list[dict]) -> None:
    """Every event has the scored core keys and a window that ends by publication."""
    for r in gold:
        for e in r["events"]:
            assert KEYS <= set(e), (r["id"], e.get("gold_id"))
            assert e["date_start"] <= e["date_end"] <= r["published"]


def as_prediction(e: dict) -> dict:
    """A gold event as a system would have predicted it (first accepted value of each key)."""
    loc = e["location"]
    return {
        "event_date": e["date_start"],
        "date_start": e["date_start"],
        "date_end": e["date_end"],
        "sub_event_type": e["sub_event_types"][0],
        "location": {"country": loc["country"], "lat": loc.get("lat"), "lon": loc.get("lon")},
        "actor1": {"name": e["actor1"][0]} if e.get("actor1") else None,
        "actor2": {"name": e["actor2"][0]} if e.get("actor2") else None,
        "claim_status": (e.get("claim_status") or ["unknown"])[0],
        "weapons": e.get("weapons", []),
        "fatalities": e.get("fatalities"),
        "injuries": e.get("injuries"),
    }


def assert_scores_itself(gold: list[dict]) -> None:
    """Gold events turned into predictions pair one to one with all fields right."""
    predicted = {r["id"]: [as_prediction(e) for e in r["events"]] for r in gold}
    figures = score_gold(gold, predicted).figures
    assert figures["events"]["f1"] == 1.0
    assert figures["field_accuracy"] == 1.0


def gold_script(name: str = "build"):
    """A script of ``gold/`` (``build``, ``make_sample``) loaded as a module."""
    spec = importlib.util.spec_from_file_location(f"gold_{name}", ROOT / "gold" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def assert_built_from_sources(set_name: str, built_file: Path) -> None:
    """The built JSONL of a set equals what ``gold/build.py --set NAME`` writes now."""
    build = gold_script()
    source, out = build.SETS[set_name]
    assert out == built_file
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build.build(source))
    assert built_file.read_text(encoding="utf-8") == text, f"run gold/build.py --set {set_name}"


def assert_check_flag(set_name: str, tmp_path: Path, monkeypatch) -> None:
    """``--check`` passes on a fresh set, leaves the main set alone and fails on a stale file."""
    build = gold_script()
    assert build.main(["--set", set_name, "--check"]) == 0
    assert build.main(["--check"]) == 0  # the main set is untouched by the option
    assert build.main(["--set", "nosuchset"]) == 2
    stale = tmp_path / "articles.jsonl"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setitem(build.SETS, set_name, (build.SETS[set_name][0], stale))
    assert build.main(["--set", set_name, "--check"]) == 1


def records(path: Path) -> list[dict]:
    """The raw records of a built set (no validation: for ids and texts)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _paragraphs(record: dict) -> list[str]:
    """The paragraphs long enough to be telling (more than 40 characters)."""
    return [p.strip() for p in record["text"].split("\n") if len(p.strip()) > 40]


def _digest(paragraph: str) -> str:
    return hashlib.sha256(paragraph.encode("utf-8")).hexdigest()


def assert_apart(name: str, gold: list[dict], others: dict[str, Path]) -> None:
    """No id and no paragraph of set ``name`` turns up in the ``others`` (built
    files; paragraphs compared by hash, so a failure names this set's ids and
    never prints another set's text, the held-out one included)."""
    ids = {r["id"] for r in gold}
    mine: dict[str, str] = {}
    for r in gold:
        for p in _paragraphs(r):
            mine.setdefault(_digest(p), r["id"])
    for other_name, path in others.items():
        if not path.exists():
            continue
        theirs = records(path)
        assert not ids & {r["id"] for r in theirs}, f"{name} ids also in {other_name}"
        hashes = {_digest(p) for r in theirs for p in _paragraphs(r)}
        shared = sorted({mine[h] for h in set(mine) & hashes})
        assert not shared, f"{name} articles sharing a paragraph with {other_name}: {shared}"


def assert_scraped_pages(gold: list[dict], at_least: int) -> None:
    """A scraped page starts with a date line agreeing with ``published`` in day and
    year and repeats its lede word for word before the trailing app prompt."""
    scraped = [r for r in gold if r["text"].endswith("Add to Home screen")]
    assert len(scraped) >= at_least
    for r in scraped:
        lines = r["text"].split("\n")
        numbers = [int(n) for n in re.findall(r"\d+", lines[0])]
        year, _, day = (int(x) for x in r["published"].split("-"))
        assert numbers == [day, year], r["id"]
        assert lines[-2] == lines[2], r["id"]  # lede (after date line and headline) repeated


@dataclass(frozen=True)
class Spread:
    """What an authored set holds at least, so that it cannot quietly shrink or
    lose a kind of article: articles, events, articles with no event and with
    several, countries, sub-event types and claim statuses; the range of
    article lengths; the id prefix when the set has one."""

    articles: int
    events: int
    empty: int
    several: int
    countries: frozenset[str]
    lengths: tuple[int, int]
    subs: frozenset[str] = frozenset()
    claims: frozenset[str] = frozenset()
    prefix: str = ""
    years: frozenset[str] = frozenset({"2023", "2024", "2025"})


def assert_spread(gold: list[dict], spread: Spread) -> None:
    events = [e for r in gold for e in r["events"]]
    assert len(gold) >= spread.articles
    assert len(events) >= spread.events
    assert all(r["id"].startswith(spread.prefix) for r in gold)
    assert sum(1 for r in gold if not r["events"]) >= spread.empty
    assert sum(1 for r in gold if len(r["events"]) >= 2) >= spread.several
    assert {r["published"][:4] for r in gold} >= spread.years
    assert {e["location"]["country"] for e in events} >= spread.countries
    lengths = sorted(len(r["text"]) for r in gold)
    assert spread.lengths[0] <= lengths[0] and lengths[-1] <= spread.lengths[1]
    assert {s for e in events for s in e["sub_event_types"]} >= spread.subs
    assert {c for e in events for c in e.get("claim_status", [])} >= spread.claims


class AuthoredSetChecks:
    """The checks every authored long-article set passes, for a test class that
    names the set (``name``, a key of gold/build.py's SETS), how many scraped
    pages it has at least (``scraped``) and its size and spread (``spread``).
    The set is kept apart from every other built set (by hash, never printing
    another set's text)."""

    name: str
    scraped: int
    spread: Spread

    @pytest.fixture(scope="class")
    @classmethod
    def gold(cls) -> list[dict]:
        return read_gold(cls.path())

    @classmethod
    def path(cls) -> Path:
        return gold_script().SETS[cls.name][1]

    def test_jsonl_matches_sources(self):
        assert_built_from_sources(self.name, self.path())

    def test_check_flag_per_set(self, tmp_path, monkeypatch):
        assert_check_flag(self.name, tmp_path, monkeypatch)

    def test_set_is_found_by_folder(self):
        path = ROOT / "gold" / self.name / "articles.jsonl"
        assert gold_script().SETS[self.name] == (path.parent / "source", path)

    def test_apart_from_other_sets(self, gold):
        others = {n: out for n, (_, out) in gold_script().SETS.items() if n != self.name}
        assert_apart(self.name, gold, others)

    def test_every_event_has_core_keys(self, gold):
        assert_core_keys(gold)

    def test_gold_scores_itself_perfectly(self, gold):
        assert_scores_itself(gold)

    def test_scraped_pages(self, gold):
        assert_scraped_pages(gold, at_least=self.scraped)

    def test_size_and_spread(self, gold):
        assert_spread(gold, self.spread)
