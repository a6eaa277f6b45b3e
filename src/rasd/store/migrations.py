"""Schema migrations, registered per backend and recorded in the store.

Each migration is a numbered function over an open connection (after
sqlite-utils); ``pending(backend, applied)`` lists what a store still
needs. A store records applied versions in ``schema_migrations`` so
opening an old file upgrades it in place and opening a newer one than this
code knows is refused instead of corrupted.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rasd.errors import MigrationError


@dataclass(frozen=True, slots=True)
class Migration:
    backend: str
    version: int
    name: str
    apply: Callable[[Any], None]


MIGRATIONS: dict[str, dict[int, Migration]] = {}

# stages beyond the store that own tables (the backends register their own)
SCHEMA_MODULES = ("rasd.fuse.schema", "rasd.web.schema")


def _load_all() -> None:
    for name in SCHEMA_MODULES:
        importlib.import_module(name)


def migration(backend: str, version: int, name: str):
    """Register ``fn(connection)`` as migration ``version`` of ``backend``."""

    def wrap(fn: Callable[[Any], None]) -> Callable[[Any], None]:
        registry = MIGRATIONS.setdefault(backend, {})
        if version in registry:
            raise MigrationError(f"{backend} migration {version} registered twice", value=version)
        registry[version] = Migration(backend, version, name, fn)
        return fn

    return wrap


def latest(backend: str) -> int:
    _load_all()
    return max(MIGRATIONS.get(backend, {0: None}))


def pending(backend: str, applied: set[int]) -> list[Migration]:
    _load_all()
    known = MIGRATIONS.get(backend, {})
    unknown = sorted(v for v in applied if v not in known)
    if unknown:
        raise MigrationError(
            f"the store has schema version {max(unknown)}, newer than this rasd knows "
            f"({latest(backend)}); upgrade rasd",
            value=unknown,
        )
    return [known[v] for v in sorted(known) if v not in applied]
