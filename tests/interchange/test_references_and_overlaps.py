"""Checks over what the database would hold: references and overlapping absences."""

from __future__ import annotations

import pytest

from .conftest import WORLD, ImportFiles, RejectedBy, row_counts

pytestmark = pytest.mark.django_db

ABSENCES = "absence_id,employee_id,cause,start_date,end_date,degree\n"


def test_employee_in_neither_import_nor_database(rejected: RejectedBy) -> None:
    errors = rejected({**WORLD, "absences.csv": ABSENCES + "S1,B2,own_sickness,2024-03-04,,\n"})
    assert errors == [
        "absences.csv:2: employee_id: employee B2 exists neither in this import nor in the database"
    ]


def test_employee_already_in_the_database_is_found(world: None, import_files: ImportFiles) -> None:
    outcome = import_files({"absences.csv": ABSENCES + "S2,A1,own_sickness,2024-05-06,,\n"})
    assert (outcome.code, outcome.out) == (0, "absences.csv: added 1, updated 0, unchanged 0\n")


def test_unit_in_neither_import_nor_database(world: None, rejected: RejectedBy) -> None:
    errors = rejected({"targets.csv": "unit_id,year,absence_days_per_fte\nKK,2026,10\nXX,2026,9\n"})
    assert errors == [
        "targets.csv:3: unit_id: unit XX exists neither in this import nor in the database"
    ]


def test_identifiers_are_strings(world: None, rejected: RejectedBy) -> None:
    errors = rejected({"absences.csv": ABSENCES + "S2,a1,own_sickness,2024-05-06,,\n"})
    assert errors == [
        "absences.csv:2: employee_id: employee a1 exists neither in this import nor in the database"
    ]


def test_overlapping_absences_within_the_import(rejected: RejectedBy) -> None:
    rows = (
        "S1,A1,own_sickness,2024-03-04,2024-03-08,\n"
        "S2,A1,child_sickness,2024-03-08,2024-03-08,\n"
        "S3,A1,own_sickness,2024-03-09,,\n"
    )
    errors = rejected({**WORLD, "absences.csv": ABSENCES + rows})
    assert errors == [
        "absences.csv:3: start_date: overlaps absence S1 of the same employee (line 2)"
    ]


def test_open_ended_absence_overlaps_every_later_one(rejected: RejectedBy) -> None:
    rows = "S1,A1,own_sickness,2024-03-04,,\nS2,A1,own_sickness,2024-09-02,2024-09-03,\n"
    errors = rejected({**WORLD, "absences.csv": ABSENCES + rows})
    assert errors == [
        "absences.csv:3: start_date: overlaps absence S1 of the same employee (line 2)"
    ]


def test_absence_overlapping_a_stored_one(world: None, rejected: RejectedBy) -> None:
    errors = rejected({"absences.csv": ABSENCES + "S2,A1,own_sickness,2024-03-01,2024-03-04,\n"})
    assert errors == [
        "absences.csv:2: start_date: overlaps absence S1 of the same employee"
        " (stored in the database)"
    ]


def test_replacing_a_stored_absence_is_not_an_overlap(
    world: None, import_files: ImportFiles
) -> None:
    # S1 (stored 2024-03-04..08) is moved a day earlier; S2 takes its old last day.
    rows = "S1,A1,own_sickness,2024-03-03,2024-03-07,\nS2,A1,other,2024-03-08,2024-03-08,\n"
    outcome = import_files({"absences.csv": ABSENCES + rows})
    assert (outcome.code, outcome.out) == (0, "absences.csv: added 1, updated 1, unchanged 0\n")


def test_other_employees_may_be_absent_at_the_same_time(
    world: None, import_files: ImportFiles
) -> None:
    before = row_counts()
    outcome = import_files(
        {
            "employees.csv": "employee_id\nB2\n",
            "absences.csv": ABSENCES + "S2,B2,own_sickness,2024-03-04,2024-03-08,\n",
        }
    )
    assert outcome.code == 0, outcome.err
    assert row_counts()["absence_absence"] == before["absence_absence"] + 1
