"""The organisation tree over time: coverage of employments and children, overlaps, root, cycles."""

from __future__ import annotations

import pytest

from .conftest import WORLD, ImportFiles, RejectedBy

pytestmark = pytest.mark.django_db

UNITS = "unit_id,name,kind,parent_id,valid_from,valid_to\n"
ROOT = "KK,Kommunen,municipality,,2024-01-01,\n"
EMPLOYMENTS = (
    "employment_id,employee_id,unit_id,job_group,weekly_hours,"
    "start_date,end_date,end_reason,notice_date\n"
)
ALICE = {"employees.csv": "employee_id\nA1\n"}


def test_employment_covered_by_two_periods_of_its_unit(import_files: ImportFiles) -> None:
    # DRIFT moves from ADM1 to ADM2 on 2024-07-01; Alice's employment spans the move.
    units = (
        UNITS
        + ROOT
        + "ADM1,Forvaltning 1,administration,KK,2024-01-01,\n"
        + "ADM2,Forvaltning 2,administration,KK,2024-01-01,\n"
        + "DRIFT,Driften,centre,ADM1,2024-01-01,2024-06-30\n"
        + "DRIFT,Driften,centre,ADM2,2024-07-01,\n"
    )
    employments = EMPLOYMENTS + "F1,A1,DRIFT,hk,37,2024-02-01,,,\n"
    outcome = import_files({**ALICE, "units.csv": units, "employments.csv": employments})
    assert outcome.code == 0, outcome.err


def test_employment_outlasting_its_unit(rejected: RejectedBy) -> None:
    units = UNITS + ROOT + "DRIFT,Driften,centre,KK,2024-01-01,2024-06-30\n"
    employments = EMPLOYMENTS + "F1,A1,DRIFT,hk,37,2024-02-01,,,\n"
    errors = rejected({**ALICE, "units.csv": units, "employments.csv": employments})
    assert errors == [
        "employments.csv:2: unit_id: unit DRIFT does not exist on 2024-07-01,"
        " a day of this employment"
    ]


def test_employment_in_a_gap_between_periods(rejected: RejectedBy) -> None:
    units = (
        UNITS
        + ROOT
        + "DRIFT,Driften,centre,KK,2024-01-01,2024-03-31\n"
        + "DRIFT,Driften,centre,KK,2024-05-01,\n"
    )
    employments = EMPLOYMENTS + "F1,A1,DRIFT,hk,37,2024-02-01,2024-12-31,,\n"
    errors = rejected({**ALICE, "units.csv": units, "employments.csv": employments})
    assert errors == [
        "employments.csv:2: unit_id: unit DRIFT does not exist on 2024-04-01,"
        " a day of this employment"
    ]


def test_employment_starting_before_its_unit(rejected: RejectedBy) -> None:
    units = UNITS + ROOT + "DRIFT,Driften,centre,KK,2024-03-01,\n"
    employments = EMPLOYMENTS + "F1,A1,DRIFT,hk,37,2024-02-01,,,\n"
    errors = rejected({**ALICE, "units.csv": units, "employments.csv": employments})
    assert errors == [
        "employments.csv:2: unit_id: unit DRIFT does not exist on 2024-02-01,"
        " a day of this employment"
    ]


def test_shortening_a_stored_unit_strands_its_employment(world: None, rejected: RejectedBy) -> None:
    units = UNITS + "ADM,Forvaltningen,administration,KK,2024-01-01,2024-12-31\n"
    errors = rejected({"units.csv": units})
    assert errors == [
        "units.csv:2: unit_id: stored employment F1 would be without its unit ADM on 2025-01-01"
    ]


def test_parent_missing_on_some_days_of_a_period(rejected: RejectedBy) -> None:
    units = (
        UNITS
        + ROOT
        + "ADM1,Forvaltning 1,administration,KK,2024-01-01,2024-06-30\n"
        + "DRIFT,Driften,centre,ADM1,2024-01-01,\n"
    )
    errors = rejected({"units.csv": units})
    assert errors == [
        "units.csv:4: parent_id: parent ADM1 does not exist on 2024-07-01, a day of this period"
    ]


def test_unknown_parent(rejected: RejectedBy) -> None:
    errors = rejected({"units.csv": UNITS + ROOT + "DRIFT,Driften,centre,ADM9,2024-01-01,\n"})
    assert errors == [
        "units.csv:3: parent_id: unit ADM9 exists neither in this import nor in the database"
    ]


def test_overlapping_periods_of_one_unit(rejected: RejectedBy) -> None:
    units = (
        UNITS
        + ROOT
        + "DRIFT,Driften,centre,KK,2024-01-01,2024-06-30\n"
        + "DRIFT,Driften,centre,KK,2024-06-01,\n"
    )
    errors = rejected({"units.csv": units})
    assert errors == [
        "units.csv:4: valid_from: overlaps the period of DRIFT from 2024-01-01 (line 3)"
    ]


def test_new_period_overlapping_a_stored_one(world: None, rejected: RejectedBy) -> None:
    errors = rejected({"units.csv": UNITS + "ADM,Forvaltningen,centre,KK,2025-01-01,\n"})
    assert errors == [
        "units.csv:2: valid_from: overlaps the period of ADM from 2024-01-01"
        " (stored in the database)"
    ]


def test_a_transfer_closes_the_old_period_and_opens_a_new_one(
    world: None, import_files: ImportFiles
) -> None:
    units = (
        UNITS
        + "ADM2,Forvaltning 2,administration,KK,2024-01-01,\n"
        + "ADM,Forvaltningen,administration,KK,2024-01-01,2025-12-31\n"
        + "ADM,Forvaltningen,administration,ADM2,2026-01-01,\n"
    )
    outcome = import_files({"units.csv": units})
    assert (outcome.code, outcome.out) == (0, "units.csv: added 2, updated 1, unchanged 0\n")


def test_more_than_one_root(rejected: RejectedBy) -> None:
    units = UNITS + ROOT + "ADM,Forvaltningen,administration,KK,2024-01-01,\n"
    errors = rejected({"units.csv": units + "KK2,Nabokommunen,municipality,,2024-01-01,\n"})
    assert errors == [
        "units.csv:4: parent_id: empty, but KK is the root already; only one unit may have"
        " no parent"
    ]


def test_second_root_beside_a_stored_one(world: None, rejected: RejectedBy) -> None:
    errors = rejected({"units.csv": UNITS + "NEW,Ny,municipality,,2024-01-01,\n"})
    assert errors == [
        "units.csv:2: parent_id: empty, but KK is the root already; only one unit may have"
        " no parent"
    ]


def test_cycle_in_the_tree(rejected: RejectedBy) -> None:
    units = (
        UNITS
        + ROOT
        + "A,A,centre,KK,2024-01-01,2024-06-30\n"
        + "A,A,centre,B,2024-07-01,\n"
        + "B,B,centre,A,2024-01-01,\n"
    )
    errors = rejected({"units.csv": units})
    assert errors == ["units.csv:4: parent_id: the tree has a cycle on 2024-07-01: A → B → A"]


def test_parents_swapping_on_different_days_is_no_cycle(import_files: ImportFiles) -> None:
    # A is under B in the first half of 2024 and B under A in the second: never both.
    units = (
        UNITS
        + ROOT
        + "A,A,centre,B,2024-01-01,2024-06-30\n"
        + "A,A,centre,KK,2024-07-01,\n"
        + "B,B,centre,KK,2024-01-01,2024-06-30\n"
        + "B,B,centre,A,2024-07-01,\n"
    )
    outcome = import_files({"units.csv": units})
    assert outcome.code == 0, outcome.err


def test_world_imports(import_files: ImportFiles) -> None:
    assert import_files(WORLD).code == 0


def test_unit_as_its_own_parent(rejected: RejectedBy) -> None:
    errors = rejected({"units.csv": UNITS + ROOT + "A,A,centre,A,2024-01-01,\n"})
    assert errors == ["units.csv:3: parent_id: the tree has a cycle on 2024-01-01: A → A"]
