"""Choosing one place among homonyms, and what an article is "about".

A ``Context`` weighs countries and admin1 units by the unambiguous place
mentions around (the article, or what the caller passes). ``choose`` ranks
the gazetteer entries bearing a name by: fit with the cue word (قاعدة
prefers bases, محافظة provinces), the context's countries and provinces,
the kind of place and its population (``gazetteer.prominence``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rasd.geo.gazetteer import Entry, prominence

COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.0
CUE_FIT = 5.0
CUE_MISFIT = -2.0
# a small place (a village, a quarter) is told from its homonyms mostly by
# the province around: the province weighs more for them
LOCAL_KINDS = frozenset({"village", "neighbourhood", "admin3", "town"})
LOCAL_ADMIN1_WEIGHT = 4.0


@dataclass(slots=True)
class Context:
    """Countries and (country, admin1) units an article is about, with weights."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)

    @classmethod
    def of(cls, value: Context | str | Iterable[str] | None) -> Context:
        """A context from a Context, an ISO country code, or several codes."""
        if value is None:
            return cls()
        if isinstance(value, Context):
            return cls(dict(value.countries), dict(value.admin1))
        codes = [value] if isinstance(value, str) else list(value)
        return cls({c.upper(): 1.0 for c in codes})

    def add(self, entries: list[Entry], weight: float = 1.0) -> None:
        """Count a mention whose readings agree on a country (and maybe admin1)."""
        countries = {e.country for e in entries}
        if len(countries) != 1 or not next(iter(countries)):
            return
        country = next(iter(countries))
        self.countries[country] = self.countries.get(country, 0.0) + weight
        units = {e.admin1 for e in entries}
        if len(units) == 1 and next(iter(units)):
            unit = (country, next(iter(units)))
            self.admin1[unit] = self.admin1.get(unit, 0.0) + weight

    def merge(self, other: Context) -> Context:
        out = Context(dict(self.countries), dict(self.admin1))
        for k, v in other.countries.items():
            out.countries[k] = out.countries.get(k, 0.0) + v
        for k, v in other.admin1.items():
            out.admin1[k] = out.admin1.get(k, 0.0) + v
        return out

    def country_share(self, country: str) -> float:
        total = sum(self.countries.values())
        return self.countries.get(country, 0.0) / total if total else 0.0

    def admin1_share(self, country: str, admin1: str) -> float:
        total = sum(self.admin1.values())
        return self.admin1.get((country, admin1), 0.0) / total if total else 0.0


def score(entry: Entry, *, cue_kinds: frozenset[str] = frozenset(), context: Context) -> float:
    s = prominence(entry)
    if cue_kinds:
        s += CUE_FIT if entry.kind in cue_kinds else CUE_MISFIT
    s += COUNTRY_WEIGHT * context.country_share(entry.country)
    weight = LOCAL_ADMIN1_WEIGHT if entry.kind in LOCAL_KINDS else ADMIN1_WEIGHT
    s += weight * context.admin1_share(entry.country, entry.admin1)
    return s


def choose(
    entries: list[Entry], *, cue_kinds: frozenset[str] = frozenset(), context: Context | None = None
) -> Entry | None:
    """The most likely entry for a mention, or None when there is none."""
    if not entries:
        return None
    ctx = context or Context()
    return max(entries, key=lambda e: (score(e, cue_kinds=cue_kinds, context=ctx), e.id))
