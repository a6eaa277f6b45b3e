"""A cluster of mentions that report one event, with the profile fusion
scores new mentions against (kept up to date as members join)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rasd.fuse.mention import Mention


@dataclass(slots=True)
class Cluster:
    """``id`` is the event id of the earliest mention and never changes;
    ``start``/``end`` is the intersection of the members' date windows
    (of the members whose text states the date, when any does: a date taken
    from the publication day never narrows a stated one); ``stated`` says
    whether any member states its date;
    ``anchor`` is the member with the most exact place, which every newcomer
    must lie near (so clusters cannot creep along a chain of places)."""

    id: str
    family: str
    members: list[Mention] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    event_types: set[str] = field(default_factory=set)
    sub_types: set[str] = field(default_factory=set)
    weapons: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    actors1: set[str] = field(default_factory=set)
    actors2: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    gazetteer_ids: set[str] = field(default_factory=set)
    name_keys: set[tuple[str | None, str]] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    regions: set[tuple[str | None, str]] = field(default_factory=set)
    said: dict[str, Counter] = field(default_factory=dict)
    anchor: Mention | None = None
    dated: bool = False
    stated: bool = False

    @classmethod
    def start_with(cls, m: Mention) -> Cluster:
        c = cls(id=m.event_id, family=m.family)
        c.add(m)
        return c

    @property
    def first_seq(self) -> int:
        return min(m.seq for m in self.members)

    @property
    def precise(self) -> bool:
        return self.anchor is not None

    def add(self, m: Mention) -> None:
        self.members.append(m)
        if m.start is not None:
            if not self.dated or (m.stated and not self.stated):
                self.start, self.end, self.dated = m.start, m.end, True
                self.stated = m.stated
            elif m.stated == self.stated:
                start, end = max(self.start, m.start), min(self.end, m.end)
                if start <= end:  # never empty: a joiner overlapped (slack aside)
                    self.start, self.end = start, end
        if m.event_type:
            self.event_types.add(m.event_type)
        if m.sub_type:
            self.sub_types.add(m.sub_type)
        self.weapons |= m.weapons
        self.targets |= m.targets
        self.actors1 |= m.actors1
        self.actors2 |= m.actors2
        if m.claim:
            self.claims.add(m.claim)
        for key, values in (
            ("actor1", m.actors1),
            ("actor2", m.actors2),
            ("actors", m.actors1 | m.actors2),
            ("claim", (m.claim,) if m.claim else ()),
            ("fatalities", (m.fatalities,) if m.fatalities is not None else ()),
        ):
            if values:
                votes = self.said.setdefault(key, Counter())
                votes.update(values)
                votes[None] += 1  # members that say anything here
        if m.gazetteer_id:
            self.gazetteer_ids.add(m.gazetteer_id)
        if m.name_key:
            self.name_keys.add((m.country, m.name_key))
        if m.country:
            self.countries.add(m.country)
        if m.admin1:
            self.regions.add((m.country, m.admin1))
        if m.precise_place and self._better_anchor(m):
            self.anchor = m

    def _better_anchor(self, m: Mention) -> bool:
        """A more exact place wins; at equal precision, one with coordinates."""
        a = self.anchor
        if a is None:
            return True
        mp, ap = m.geo_precision or 9, a.geo_precision or 9
        if m.lat is None and a.lat is not None:
            return False
        return mp < ap or (mp == ap and a.lat is None and m.lat is not None)

    def rebuilt(self, members: list[Mention]) -> Cluster:
        """The same cluster id over another member list (after members left)."""
        c = Cluster(id=self.id, family=self.family, history=list(self.history))
        for m in sorted(members, key=lambda m: m.seq):
            c.add(m)
        return c
