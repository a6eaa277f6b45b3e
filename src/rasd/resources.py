"""The one place that loads packaged language resources.

Lexicons, month names, boilerplate patterns, actors, weapons and the
gazetteer live as data files beside the stage that owns them
(``rasd/<stage>/data/<name>.tsv|yaml``). They are read on first use and
cached for the life of the process, so importing rasd costs nothing and
every later look-up is a dictionary hit.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources as _ir
from pathlib import Path
from typing import Any

import yaml

from rasd.errors import ResourceError


def resource_path(stage: str, name: str) -> Path:
    """Filesystem path of ``rasd/<stage>/data/<name>`` (for builders and tests)."""
    return Path(str(_ir.files(f"rasd.{stage}").joinpath("data", name)))


def _read_text(stage: str, name: str) -> str:
    try:
        return _ir.files(f"rasd.{stage}").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as err:
        raise ResourceError(f"missing resource rasd/{stage}/data/{name}", value=name) from err


@functools.cache
def tsv(stage: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file with a header line, as dicts. ``#`` lines are comments."""
    text = _read_text(stage, name)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return ()
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ResourceError(
                f"rasd/{stage}/data/{name}: row {lineno} has the wrong number of columns",
                value=row,
            )
        rows.append({k: v.strip() for k, v in row.items()})
    return tuple(rows)


@functools.cache
def yaml_data(stage: str, name: str) -> Any:
    """A parsed YAML resource."""
    try:
        return yaml.safe_load(_read_text(stage, name))
    except yaml.YAMLError as err:
        raise ResourceError(f"rasd/{stage}/data/{name}: invalid YAML: {err}", value=name) from err


@functools.cache
def lines(stage: str, name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a plain list file."""
    text = _read_text(stage, name)
    return tuple(
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    )
