"""Event fusion: article-level events in, one record per real event out.

``Fuser`` takes mentions one at a time (the order of ingest) and keeps
clusters in memory. Blocking makes it sub-quadratic: a cluster is indexed
under (event family, place key, day) for every place key it has
(gazetteer id, country + place name, grid cell of its anchor) and every
day of its window, so a mention is scored only against clusters that
share a family, a day and a place. It joins the best cluster scoring at
least the join threshold, else starts its own; when joining makes two
clusters one event, they merge (recorded in ``history``). Cluster ids are
the event id of the earliest mention and never change; removing an
article re-clusters what is left and records a split when it falls apart.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rasd.fuse.cluster import Cluster
from rasd.fuse.mention import Mention
from rasd.fuse.record import fused_event
from rasd.fuse.score import max_km, score, window
from rasd.fuse.settings import settings

LONG = "L"  # day key of clusters whose window is too long to index day by day
UNDATED = "U"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Fuser:
    """Incremental clustering of mentions into events (see the module docstring)."""

    def __init__(
        self, *, settings_: dict[str, Any] | None = None, now: Callable[[], str] = _now
    ) -> None:
        self.s = settings_ or settings()
        self.now = now
        self.clusters: dict[str, Cluster] = {}
        self.index: dict[Any, dict[tuple[str, str], list[str]]] = {}  # day -> key -> ids
        self.cluster_of: dict[str, str] = {}  # mention event id -> cluster id
        self.by_article: dict[str, list[str]] = {}  # article id -> mention event ids
        self.aliases: dict[str, str] = {}  # merged-away id -> surviving id
        self.log: list[dict[str, Any]] = []  # every merge, split and drop, in order
        self.touched: set[str] = set()  # cluster ids changed since take_changes()
        self.dropped: set[str] = set()  # cluster ids gone since take_changes()
        self.seq = 0

    # --- keys --------------------------------------------------------------
    def _cells(self, lat: float, lon: float, km: float) -> set[tuple[str, int, int]]:
        """Grid cells holding every point within ``km`` of (lat, lon)."""
        g = self.s["blocking"]["grid_degrees"]
        i, j = int(lat // g), int(lon // g)
        if km <= 0:
            return {("c", i, j)}
        cell_km = 111.2 * g
        ni = math.ceil(km / cell_km)
        far_lat = min(89.0, abs(lat) + km / 111.2)  # the narrowest cells within reach
        nj = math.ceil(km / (cell_km * math.cos(math.radians(far_lat))))
        return {("c", i + di, j + dj) for di in range(-ni, ni + 1) for dj in range(-nj, nj + 1)}

    def _cluster_places(self, c: Cluster) -> set[Any]:
        """Place keys a cluster is found under: its gazetteer ids and names, the
        cell of its anchor (the cells within reach when the anchor is only
        "near" a place, so nearer mentions need not look as far), its regions
        (admin1) and countries."""
        keys: set[Any] = {f"g:{g}" for g in c.gazetteer_ids}
        keys |= {f"n:{cc}:{name}" for cc, name in c.name_keys}
        a = c.anchor
        if a is not None and a.lat is not None and a.lon is not None:
            own = max_km(a, self.s) if a.geo_precision == 2 else 0
            keys |= self._cells(a.lat, a.lon, own)
        if not c.precise:
            keys |= {f"C:{cc}" for cc in c.countries} or {"C:-"}
        keys |= {f"R:{cc}:{a1}" for cc, a1 in c.regions}
        keys |= {f"A:{cc}" for cc in c.countries} or {"A:-"}
        return keys

    def _mention_places(self, m: Mention) -> set[Any]:
        """Place keys to look a mention's candidates up under: a pair may lie as
        far apart as the farther-reaching of the two allows (``score.max_km``);
        the mention looks as far as it reaches, an anchor reaching farther
        indexed itself that far."""
        if not m.precise_place:  # region-level: events of its region; else of its country
            if m.admin1:
                return {f"R:{m.country}:{m.admin1}", f"C:{m.country or '-'}"}
            return {f"A:{m.country or '-'}"}
        keys: set[Any] = {f"C:{m.country or '-'}"}
        if m.gazetteer_id:
            keys.add(f"g:{m.gazetteer_id}")
        if m.name_key:
            keys.add(f"n:{m.country}:{m.name_key}")
        if m.lat is not None and m.lon is not None:
            keys |= self._cells(m.lat, m.lon, max_km(m, self.s))
        return keys

    def _days(self, start: dt.date | None, end: dt.date | None, slack: int) -> list[Any]:
        if start is None or end is None:
            return [UNDATED]
        first, last = start.toordinal() - slack, end.toordinal() + slack
        if last - first > self.s["blocking"]["max_window_days"]:
            return [LONG]
        return list(range(first, last + 1))

    def _index(self, c: Cluster) -> None:
        days = self._days(*window(c, self.s), 0) if c.dated else [UNDATED]
        for place in self._cluster_places(c):
            for day in days:
                bucket = self.index.setdefault(day, {}).setdefault((c.family, place), [])
                if not bucket or bucket[-1] != c.id:
                    bucket.append(c.id)

    def candidates(self, m: Mention) -> list[Cluster]:
        """Live clusters sharing a family, a place key and a day with ``m``."""
        slack = self.s["blocking"]["date_slack_days"]
        days = self._days(*window(m, self.s), slack) if m.start is not None else [UNDATED]
        if days != [UNDATED]:
            days.append(LONG)
        seen: dict[str, Cluster] = {}
        places = [(m.family, p) for p in self._mention_places(m)]
        for day in days:
            by_key = self.index.get(day)
            if not by_key:
                continue
            for key in places:
                for cid in by_key.get(key, ()):
                    c = self.clusters.get(cid)
                    if c is not None and cid not in seen:
                        seen[cid] = c
        return list(seen.values())

    def retire(self, before: dt.date) -> Iterator[Cluster]:
        """Take out of memory every dated cluster whose window ends before
        ``before`` (no mention arriving now can still join it) and yield it.

        For streams longer than memory (the store keeps its clusters on disk
        and loads them back on demand, so it has no need of this)."""
        cut = before.toordinal()
        for day in [d for d in self.index if isinstance(d, int) and d < cut]:
            del self.index[day]
        old = [
            c for c in self.clusters.values() if c.dated and c.end is not None and c.end < before
        ]
        for c in old:
            del self.clusters[c.id]
            for m in c.members:
                self.cluster_of.pop(m.event_id, None)
                self.by_article.pop(m.article_id, None)
            self.touched.discard(c.id)
            yield c
        if LONG in self.index:
            for key, ids in list(self.index[LONG].items()):
                ids[:] = [i for i in ids if i in self.clusters]
                if not ids:
                    del self.index[LONG][key]

    # --- adding --------------------------------------------------------------
    def add(
        self,
        event: dict[str, Any],
        *,
        published: str | None = None,
        copy_of: str | None = None,
    ) -> str:
        """Fuse one article-level event; returns the id of its fused event."""
        if not event.get("event_id"):
            event = {**event, "event_id": f"m{self.seq}"}
        known = self.cluster_of.get(event["event_id"])
        if known is not None:
            return known
        m = Mention.of(event, seq=self.seq, published=published, copy_of=copy_of)
        self.seq += 1
        return self.add_mention(m)

    def add_mention(self, m: Mention) -> str:
        self.seq = max(self.seq, m.seq + 1)
        found = self.candidates(m)
        scored = sorted(
            ((sc, c) for c in found if (sc := score(m, c, self.s)) is not None),
            key=lambda pair: (-pair[0], pair[1].first_seq),
        )
        threshold = self.s["score"]["join_threshold"]
        good = [(sc, c) for sc, c in scored if sc >= threshold]
        ambiguous = (
            not m.precise_place
            and len(good) > 1
            and good[0][0] - good[1][0] < self.s["score"]["coarse_margin"]
        )
        if good and not ambiguous:
            c = good[0][1]
            c.add(m)
        else:
            c = Cluster.start_with(m)
            if c.id in self.clusters:  # a mention id reused by another article
                c.id = f"{c.id}-{m.seq}"
            self.clusters[c.id] = c
        self._register(m, c)
        self._index(c)
        self.touched.add(c.id)
        others = [d for _, d in scored if d is not c]
        if others:
            c = self._merge_into(c, others)
        return c.id

    def _register(self, m: Mention, c: Cluster) -> None:
        self.cluster_of[m.event_id] = c.id
        ids = self.by_article.setdefault(m.article_id, [])
        if m.event_id not in ids:
            ids.append(m.event_id)

    def _fits(self, a: Cluster, b: Cluster) -> bool:
        """Every member of ``a`` fits ``b`` well enough to merge (no chaining)."""
        need = self.s["score"]["merge_threshold"]
        for x in a.members:
            sc = score(x, b, self.s)
            if sc is None or sc < need:
                return False
        return True

    def _merge_into(self, c: Cluster, others: list[Cluster]) -> Cluster:
        fitting = [d for d in others if d.id in self.clusters and d.id != c.id and self._fits(d, c)]
        if len(fitting) > 1 and not c.precise:
            return c  # a vague report fitting several events belongs to none of them
        for d in fitting:
            if d.id not in self.clusters or not self._fits(d, c):
                continue
            keep, gone = (c, d) if c.first_seq <= d.first_seq else (d, c)
            for x in sorted(gone.members, key=lambda x: x.seq):
                keep.add(x)
                self.cluster_of[x.event_id] = keep.id
            entry = {"op": "merge", "event_ids": [keep.id, gone.id], "at": self.now()}
            keep.history += gone.history + [entry]
            self.log.append(entry)
            self.aliases[gone.id] = keep.id
            for old, new in list(self.aliases.items()):
                if new == gone.id:
                    self.aliases[old] = keep.id
            del self.clusters[gone.id]
            self.dropped.add(gone.id)
            self.touched.discard(gone.id)
            self.touched.add(keep.id)
            self._index(keep)
            c = keep
        return c

    # --- removing ------------------------------------------------------------
    def remove_article(self, article_id: str) -> list[str]:
        """Take an article's mentions out (it was re-ingested with new text);
        clusters left incoherent split. Returns the cluster ids affected."""
        gone = set(self.by_article.pop(article_id, ()))
        affected = {self.cluster_of.pop(e) for e in gone if e in self.cluster_of}
        out = []
        for cid in sorted(affected):
            c = self.clusters.pop(cid)
            rest = [m for m in c.members if m.event_id not in gone]
            if not rest:
                self.dropped.add(cid)
                self.touched.discard(cid)
                self.log.append({"op": "drop", "event_ids": [cid], "at": self.now()})
                continue
            parts = self._recluster(rest)
            ids = [c.id] + [p[0].event_id for p in parts[1:]]
            entry = None
            if len(parts) > 1:
                entry = {"op": "split", "event_ids": ids, "at": self.now()}
                self.log.append(entry)
            for new_id, members in zip(ids, parts, strict=True):
                part = c.rebuilt(members)
                part.id = new_id
                if entry is not None:
                    part.history.append(entry)
                self.clusters[new_id] = part
                for x in members:
                    self.cluster_of[x.event_id] = new_id
                self._index(part)
                self.touched.add(new_id)
                self.dropped.discard(new_id)
                out.append(new_id)
        return out

    def _recluster(self, members: list[Mention]) -> list[list[Mention]]:
        """Cluster ``members`` afresh; the part holding the earliest comes first."""
        sub = Fuser(settings_=self.s, now=self.now)
        for m in sorted(members, key=lambda m: m.seq):
            sub.add_mention(m)
        parts = [sorted(c.members, key=lambda m: m.seq) for c in sub.clusters.values()]
        return sorted(parts, key=lambda p: p[0].seq)

    # --- seeding and output --------------------------------------------------
    def load(self, c: Cluster) -> None:
        """Put back a cluster kept by an earlier run (the store does this)."""
        self.clusters[c.id] = c
        for m in c.members:
            self._register(m, c)
            self.seq = max(self.seq, m.seq + 1)
        self._index(c)

    def resolve(self, event_id: str) -> str:
        """The current id of an event id that may have been merged away."""
        return self.aliases.get(event_id, event_id)

    def events(self) -> Iterator[dict[str, Any]]:
        for c in self.clusters.values():
            yield fused_event(c)

    def take_changes(self) -> tuple[set[str], set[str]]:
        """(touched, dropped) cluster ids since the last call."""
        touched, dropped = self.touched, self.dropped
        self.touched, self.dropped = set(), set()
        return touched, dropped


def fuse(events: Iterable[dict[str, Any]], **kw: Any) -> list[dict[str, Any]]:
    """Fuse article-level events (in ingest order) into fused event dicts."""
    fuser = Fuser(**kw)
    for event in events:
        fuser.add(event)
    return list(fuser.events())
