"""No CPR number reaches the database: after an import, every stored value is scanned."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from .conftest import FILES, Run, copy_of

pytestmark = pytest.mark.django_db

CPR_TOKEN = re.compile(r"(?<![0-9A-Za-z])\d{6}-?\d{4}(?![0-9A-Za-z])")


def stored_values() -> Iterator[str]:
    """Every non-null value of every table, as text."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                yield from (str(value) for value in row if value is not None)


def cprs_in(*paths: Path) -> set[str]:
    """The CPR numbers written in the test files, with and without the dash."""
    found = set()
    for path in paths:
        for dashed in re.findall(r"\b(\d{6})-(\d{4})\b", path.read_text(encoding="utf-8")):
            found |= {"".join(dashed), "-".join(dashed)}
    return found


def assert_no_cpr_stored(cprs: set[str]) -> None:
    values = list(stored_values())
    assert len(values) > 100  # the import did store something
    for value in values:
        assert not CPR_TOKEN.search(value), "a stored value is shaped like a CPR number"
        assert not any(cpr in value for cpr in cprs), "a CPR number of the input is stored"


def test_sd_import_stores_no_cpr_number(run_import: Run, tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    assert run_import("--format", "sd", str(folder)).code == 0
    cprs = cprs_in(FILES / "sd" / "SD_PERSON.csv")
    assert len(cprs) == 12  # six people, two spellings each
    assert_no_cpr_stored(cprs)
