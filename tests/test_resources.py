"""Packaged resources load through one cached place, with clear errors."""

import pytest

from rasd import resources
from rasd.errors import ResourceError


def test_tsv_rows_are_dicts_and_cached():
    rows = resources.tsv("text", "chars.tsv")
    assert rows and {"from", "to", "why"} <= set(rows[0])
    assert resources.tsv("text", "chars.tsv") is rows


def test_missing_resource_names_the_file():
    with pytest.raises(ResourceError, match="no_such_file.tsv"):
        resources.tsv("text", "no_such_file.tsv")
