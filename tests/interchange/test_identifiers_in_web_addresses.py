"""Identifiers stand in the pages' addresses: "/", "." and "..", and control characters are
refused in every key and reference column; everything else is accepted."""

from __future__ import annotations

import pytest

from samraad.interchange.schema import TABLES, Identifier

from .conftest import WORLD, ImportFiles, RejectedBy

pytestmark = pytest.mark.django_db

SLASH = 'contains "/", which cannot be part of a web address; use another character'
CONTROL = "contains a control character (a line break, a tab …)"
DOTS = 'is "." or "..", which a browser drops from a web address'


def test_slash_in_a_unit_id_is_refused_with_file_and_line(rejected: RejectedBy) -> None:
    units = "unit_id,name,kind,parent_id,valid_from,valid_to\nKK,K,municipality,,2024-01-01,\n"
    errors = rejected({"units.csv": units + "A/B,Afdeling,unit,KK,2024-01-01,\n"})
    assert errors == [f"units.csv:3: unit_id: {SLASH}"]


def test_slash_in_a_reference_is_refused(rejected: RejectedBy) -> None:
    rows = "employment_id,employee_id,unit_id,job_group,weekly_hours,start_date\n"
    errors = rejected({"employments.csv": rows + "F1,A1,ADM/X,hk,37,2024-01-01\n"})
    assert errors == [f"employments.csv:2: unit_id: {SLASH}"]


def test_slash_in_an_employee_id_is_refused_without_repeating_it(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id\n12/34\n"})
    assert errors == [f"employees.csv:2: employee_id: {SLASH}"]


def test_tab_inside_an_identifier_is_refused(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id\nA\t1\n"})
    assert errors == [f"employees.csv:2: employee_id: {CONTROL}"]


def test_line_break_inside_a_quoted_identifier_is_refused(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": 'employee_id,gender\n"A\n1",F\nB1,M\n'})
    assert errors == [f"employees.csv:2: employee_id: {CONTROL}"]


@pytest.mark.parametrize("dots", [".", ".."])
def test_dot_segments_are_refused(rejected: RejectedBy, dots: str) -> None:
    errors = rejected({"employees.csv": f"employee_id\n{dots}\n"})
    assert errors == [f"employees.csv:2: employee_id: {DOTS}"]


def test_every_id_and_reference_column_is_an_identifier() -> None:
    columns = {
        f"{t.name}.{c.name}"
        for t in TABLES
        for c in t.columns
        if c.refers_to or c.name.endswith("_id")
    }
    identifiers = {
        f"{t.name}.{c.name}" for t in TABLES for c in t.columns if isinstance(c.type, Identifier)
    }
    assert identifiers == columns


def test_the_worst_legal_identifiers_are_accepted(import_files: ImportFiles) -> None:
    odd = '?#%&+=@~:;,"<>\\ æ…'
    files = {
        **WORLD,
        "employees.csv": f'employee_id\nA1\n"{odd.replace(chr(34), chr(34) * 2)}"\n...\n',
    }
    outcome = import_files(files)
    assert outcome.code == 0, outcome.err
    assert "employees.csv: added 3" in outcome.out
