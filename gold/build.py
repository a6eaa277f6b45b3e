"""Assemble gold/articles.jsonl from the hand-written gold/source/*.yaml.

The articles and their events are written by hand in YAML (readable Arabic,
block scalars); this script only expands the short forms (place keys, actor
keys, sub-event keys, ``kind:count`` weapons), checks every record, and
writes one JSON line per article in the gold format of
shared/spec/gold-format.md. Run: ``.venv/bin/python gold/build.py``
(``--check`` fails when articles.jsonl is out of date).

``--set heldout`` builds the held-out set instead: gold/heldout/source/*.yaml
to gold/heldout/articles.jsonl (see gold/heldout/README.md). It reuses the
main places.yaml and actors.yaml and adds the keys of its own places.yaml /
actors.yaml when present (a key may not be redefined). Any other folder
gold/<name>/ with a source/ subfolder is built the same way by
``--set <name>`` (e.g. ``--set dev2``: the second development set, see
gold/dev2/README.md; ``--set dev3``: the third, gold/dev3/README.md).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
OUT = HERE / "articles.jsonl"
SETS = {
    "main": (SOURCE, OUT),
    "heldout": (HERE / "heldout" / "source", HERE / "heldout" / "articles.jsonl"),
}
# Any other gold/<name>/source/ folder is a set of its own (e.g. gold/dev2/).
SETS.update(
    {
        d.name: (d / "source", d / "articles.jsonl")
        for d in sorted(HERE.iterdir())
        if d.is_dir() and d.name not in SETS and (d / "source").is_dir()
    }
)

SUB = {
    "drone": "Air/drone strike",
    "air": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED",
    "suicide": "Suicide bomb",
    "grenade": "Grenade",
    "clash": "Armed clash",
    "attack": "Attack",
    "abduction": "Abduction/forced disappearance",
    "arrests": "Arrests",
    "disrupted": "Disrupted weapons use",
    "peaceful": "Peaceful protest",
    "intervention": "Protest with intervention",
    "excessive": "Excessive force against protesters",
    "violent_demo": "Violent demonstration",
    "mob": "Mob violence",
    "destruction": "Looting/property destruction",
}
WEAPON_KINDS = {
    "drone",
    "rocket",
    "missile",
    "ballistic_missile",
    "cruise_missile",
    "mortar",
    "artillery",
    "aircraft",
    "ied",
    "vbied",
    "suicide_bomb",
    "small_arms",
    "grenade",
    "anti_tank",
    "other",
}
CLAIMS = {"claimed", "unclaimed", "denied", "attributed", "unknown"}
SKIP = "skip"


class GoldError(ValueError):
    pass


def load(name: str, source: Path = SOURCE):
    return yaml.safe_load((source / name).read_text(encoding="utf-8"))


def table(name: str, source: Path) -> dict:
    """The main set's places/actors table, plus the keys a set adds of its own."""
    base = load(name)
    if source == SOURCE or not (source / name).exists():
        return base
    extra = load(name, source) or {}
    clash = sorted(k for k in extra if k in base and extra[k] != base[k])
    if clash:
        raise GoldError(f"{source.name}/{name} redefines {clash}")
    return {**base, **extra}


def day(value, where: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as err:
        raise GoldError(f"{where}: bad date {value!r}") from err


def actor(value, actors: dict, where: str):
    if value is None:
        return None
    if isinstance(value, str):
        if value not in actors:
            raise GoldError(f"{where}: unknown actor key {value!r}")
        return list(actors[value])
    if isinstance(value, list):  # keys and/or literal names
        names: list[str] = []
        for v in value:
            names.extend(actors.get(v, [v]))
        return names
    raise GoldError(f"{where}: actor must be a key, a list or null")


def weapons(items, where: str) -> list[dict]:
    out = []
    for item in items or []:
        kind, _, count = str(item).partition(":")
        if kind not in WEAPON_KINDS:
            raise GoldError(f"{where}: unknown weapon kind {kind!r}")
        out.append({"kind": kind, "count": None if count == "" else int(count)})
    return out


def event(src: dict, places: dict, actors: dict, where: str) -> dict:
    ev: dict = {"gold_id": src["gold_id"]}
    date = src["date"]
    if isinstance(date, list):
        ev["date_start"], ev["date_end"] = day(date[0], where), day(date[1], where)
    else:
        ev["date_start"] = ev["date_end"] = day(date, where)
    if ev["date_start"] > ev["date_end"]:
        raise GoldError(f"{where}: date window ends before it starts")
    ev["sub_event_types"] = [SUB[s] for s in src["sub"]]
    place = src["place"]
    if place not in places:
        raise GoldError(f"{where}: unknown place {place!r}")
    ev["location"] = dict(places[place])
    for key in ("actor1", "actor2"):
        value = src.get(key)
        if value != SKIP:
            ev[key] = actor(value, actors, where)
    claim = src.get("claim", ["unknown"])
    if claim != SKIP:
        if not set(claim) <= CLAIMS:
            raise GoldError(f"{where}: bad claim_status {claim}")
        ev["claim_status"] = list(claim)
    if src.get("weapons") != SKIP:
        ev["weapons"] = weapons(src.get("weapons"), where)
    for key in ("fatalities", "injuries"):
        value = src.get(key)
        if value != SKIP:
            if value is not None and not isinstance(value, int):
                raise GoldError(f"{where}: {key} must be an int or null")
            ev[key] = value
    if src.get("note"):
        ev["note"] = src["note"]
    unknown = set(src) - {
        "gold_id",
        "date",
        "sub",
        "place",
        "actor1",
        "actor2",
        "claim",
        "weapons",
        "fatalities",
        "injuries",
        "note",
    }
    if unknown:
        raise GoldError(f"{where}: unknown keys {sorted(unknown)}")
    return ev


def build(source: Path = SOURCE) -> list[dict]:
    places = table("places.yaml", source)
    actors = table("actors.yaml", source)
    records = []
    for file in sorted(source.glob("articles_*.yaml")):
        for src in load(file.name, source):
            where = f"{file.name}:{src.get('id')}"
            published = day(src["published"], where)
            rec = {
                "id": src["id"],
                "published": published,
                "lang": src.get("lang", "ar"),
                "source": src["source"],
            }
            if src.get("cluster"):
                rec["cluster"] = src["cluster"]
            rec["phenomena"] = list(src.get("phenomena") or [])
            rec["text"] = src["text"].rstrip("\n")
            rec["events"] = [
                event(e, places, actors, f"{where}:{e.get('gold_id')}")
                for e in src.get("events") or []
            ]
            for ev in rec["events"]:
                if ev["date_start"] > published:
                    raise GoldError(f"{where}: event {ev['gold_id']} starts after publication")
            records.append(rec)
    check(records)
    return records


def check(records: list[dict]) -> None:
    ids = [r["id"] for r in records]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise GoldError(f"duplicate article ids {sorted(dupes)}")
    clusters: dict[str, list[dict]] = defaultdict(list)
    owner: dict[str, str] = {}
    for r in records:
        key = r.get("cluster") or r["id"]
        clusters[key].append(r)
        for ev in r["events"]:
            if owner.setdefault(ev["gold_id"], key) != key:
                raise GoldError(f"gold_id {ev['gold_id']} used outside its cluster ({key})")
        local = [ev["gold_id"] for ev in r["events"]]
        if len(local) != len(set(local)):
            raise GoldError(f"{r['id']}: one gold_id twice in one article")
    for key, members in clusters.items():
        if not members[0].get("cluster"):
            continue
        if not 2 <= len(members) <= 6:
            raise GoldError(f"cluster {key} has {len(members)} articles (2-6 wanted)")
        sources = [m["source"] for m in members]
        if len(set(sources)) != len(sources):
            raise GoldError(f"cluster {key}: two articles from one outlet")


def main(argv: list[str]) -> int:
    name = "main"
    if "--set" in argv:
        i = argv.index("--set")
        name = argv[i + 1] if i + 1 < len(argv) else ""
        if name not in SETS:
            print(f"gold: --set wants one of {sorted(SETS)}", file=sys.stderr)
            return 2
    source, out = SETS[name]
    try:
        records = build(source)
    except GoldError as err:
        print(f"gold: {err}", file=sys.stderr)
        return 1
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if "--check" in argv:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            hint = "" if name == "main" else f" --set {name}"
            print(f"gold: {out.name} is out of date; run gold/build.py{hint}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    n_events = sum(len(r["events"]) for r in records)
    n_clusters = len({r["cluster"] for r in records if r.get("cluster")})
    print(
        f"gold: {len(records)} articles, {n_events} events, {n_clusters} clusters -> {out.relative_to(HERE)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
