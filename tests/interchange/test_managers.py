"""managers.csv, the project's own file: who manages a unit, from when."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import xlsxwriter

from samraad.org.models import Manager

from .conftest import WORLD, ImportFiles, RejectedBy, import_folder_via_cli

pytestmark = pytest.mark.django_db

MANAGERS = "unit_id,employee_id,email,language,valid_from,valid_to\n"
UNITS = "unit_id,name,kind,parent_id,valid_from,valid_to\n"
# Alice (A1) manages ADM from 2024-01-01; Bo (B2) is a second employee.
ALICE = "ADM,A1,alice@kk.example.dk,,2024-01-01,\n"
WITH_BO = {**WORLD, "employees.csv": "employee_id\nA1\nB2\n"}


def managers(rows: str) -> dict[str, str]:
    return {"managers.csv": MANAGERS + rows}


def stored() -> list[tuple[str, str, str, str, dt.date, dt.date | None]]:
    return list(
        Manager.objects.order_by("unit_id", "employee_id", "valid_from").values_list(
            "unit_id", "employee_id", "email", "language", "valid_from", "valid_to"
        )
    )


def test_import_reimport_and_update(import_files: ImportFiles) -> None:
    files = {**WITH_BO, **managers(ALICE + "KK,B2,bo@kk.example.dk,en,2024-01-01,2025-06-30\n")}
    outcome = import_files(files)
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out.splitlines()[-1] == "managers.csv: added 2, updated 0, unchanged 0"
    assert stored() == [
        ("ADM", "A1", "alice@kk.example.dk", "da", dt.date(2024, 1, 1), None),
        ("KK", "B2", "bo@kk.example.dk", "en", dt.date(2024, 1, 1), dt.date(2025, 6, 30)),
    ]
    again = import_files(files)
    assert again.out.splitlines()[-1] == "managers.csv: added 0, updated 0, unchanged 2"
    changed = "ADM,A1,alice@kk.example.dk,da,2024-01-01,2026-03-31\nKK,B2,bo@kk.dk,da,2024-01-01,\n"
    update = import_files(managers(changed))
    assert update.out == "managers.csv: added 0, updated 2, unchanged 0\n"
    assert stored() == [
        ("ADM", "A1", "alice@kk.example.dk", "da", dt.date(2024, 1, 1), dt.date(2026, 3, 31)),
        ("KK", "B2", "bo@kk.dk", "da", dt.date(2024, 1, 1), None),
    ]


def test_a_new_period_is_a_new_row(world: None, import_files: ImportFiles) -> None:
    first = "ADM,A1,alice@kk.example.dk,,2024-01-01,2024-12-31\n"
    assert import_files(managers(first)).code == 0
    outcome = import_files(managers("ADM,A1,alice@kk.example.dk,,2025-01-01,\n"))
    assert outcome.out == "managers.csv: added 1, updated 0, unchanged 0\n"
    assert Manager.objects.filter(unit_id="ADM", employee_id="A1").count() == 2


def test_left_out_language_keeps_the_stored_one_and_new_rows_get_danish(
    world: None, import_files: ImportFiles
) -> None:
    assert import_files(managers("ADM,A1,alice@kk.example.dk,en,2024-01-01,\n")).code == 0
    header = "unit_id,employee_id,email,valid_from\n"
    rows = "ADM,A1,alice@kk.example.dk,2024-01-01\nKK,A1,alice@kk.example.dk,2024-01-01\n"
    outcome = import_files({"managers.csv": header + rows})
    assert outcome.out == "managers.csv: added 1, updated 0, unchanged 1\n"
    languages = dict(Manager.objects.values_list("unit_id", "language"))
    assert languages == {"ADM": "en", "KK": "da"}


def test_co_managers_and_one_manager_of_two_units(import_files: ImportFiles) -> None:
    rows = ALICE + "ADM,B2,bo@kk.example.dk,,2024-06-01,\nKK,A1,alice@kk.example.dk,,2024-01-01,\n"
    outcome = import_files({**WITH_BO, **managers(rows)})
    assert (outcome.code, outcome.err) == (0, "")
    assert len(stored()) == 3


def test_excel_workbook(world: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "excel"
    folder.mkdir()
    workbook = xlsxwriter.Workbook(folder / "managers.xlsx")
    sheet = workbook.add_worksheet("Ledere")
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["unit_id", "employee_id", "email", "valid_from"])
    sheet.write_row(1, 0, ["ADM", "A1", "alice@kk.example.dk"])
    sheet.write_datetime(1, 3, dt.datetime(2024, 2, 1), day)
    workbook.close()
    outcome = import_folder_via_cli(folder, capsys)
    assert (outcome.code, outcome.out) == (0, "managers.xlsx: added 1, updated 0, unchanged 0\n")
    assert stored() == [("ADM", "A1", "alice@kk.example.dk", "da", dt.date(2024, 2, 1), None)]


def test_required_columns(rejected: RejectedBy) -> None:
    errors = rejected({"managers.csv": "unit_id,employee_id,valid_from\nADM,A1,2024-01-01\n"})
    assert errors == ["managers.csv:1: email: required column is missing"]


def test_required_values(rejected: RejectedBy) -> None:
    errors = rejected({**WORLD, **managers(",,,da,,\n" + "ADM,A1,alice@kk.example.dk,,,\n")})
    assert errors == [
        "managers.csv:2: unit_id: required value is empty",
        "managers.csv:2: employee_id: required value is empty",
        "managers.csv:2: email: required value is empty",
        "managers.csv:2: valid_from: required value is empty",
        "managers.csv:3: valid_from: required value is empty",
    ]


@pytest.mark.parametrize(
    "email",
    ["alice.kk.example.dk", "alice@kk@example.dk", "alice smith@kk.dk", "alice@kkdk", "@kk.dk"],
)
def test_implausible_email(rejected: RejectedBy, email: str) -> None:
    errors = rejected({**WORLD, **managers(f"ADM,A1,{email},,2024-01-01,\n")})
    assert errors == [
        f'managers.csv:2: email: "{email}" is not an e-mail address'
        " (one @, no spaces, a dot after the @)"
    ]


def test_email_of_254_characters_fits_and_255_do_not(
    world: None, import_files: ImportFiles, rejected: RejectedBy
) -> None:
    email = "a" * 64 + "@" + "b" * 186 + ".dk"
    assert len(email) == 254
    outcome = import_files(managers(f"ADM,A1,{email},,2024-01-01,\n"))
    assert (outcome.code, outcome.err) == (0, "")
    errors = rejected(managers(f"KK,A1,b{email},,2024-01-01,\n"))
    assert errors == ["managers.csv:2: email: longer than 254 characters"]


def test_unknown_language(rejected: RejectedBy) -> None:
    errors = rejected({**WORLD, **managers("ADM,A1,alice@kk.example.dk,de,2024-01-01,\n")})
    assert errors == [
        'managers.csv:2: language: unknown value "de"; expected one of da, en, or empty'
    ]


def test_period_ending_before_it_starts(rejected: RejectedBy) -> None:
    row = "ADM,A1,alice@kk.example.dk,,2024-05-01,2024-04-30\n"
    errors = rejected({**WORLD, **managers(row)})
    assert errors == ["managers.csv:2: valid_to: 2024-04-30 is before valid_from 2024-05-01"]


def test_duplicate_key(rejected: RejectedBy) -> None:
    rows = ALICE + "ADM,A1,a1@kk.example.dk,en,2024-01-01,2024-12-31\n"
    errors = rejected({**WORLD, **managers(rows)})
    assert errors == [
        "managers.csv:3: unit_id: the same unit_id and employee_id and valid_from as line 2"
    ]


@pytest.mark.parametrize("cpr", ["0101801234", "010180-1234"])
def test_cpr_number_as_employee_id(rejected: RejectedBy, cpr: str) -> None:
    errors = rejected(managers(f"ADM,{cpr},x@kk.example.dk,,2024-01-01,\n"))
    assert errors == [
        "managers.csv:2: employee_id: looks like a CPR number; use the pseudonymous key "
        "(the value is not shown)"
    ]


def test_unknown_unit_and_employee(world: None, rejected: RejectedBy) -> None:
    errors = rejected(
        managers("XX,A1,alice@kk.example.dk,,2024-01-01,\n" + "ADM,B2,b@kk.dk,,2024-01-01,\n")
    )
    assert errors == [
        "managers.csv:2: unit_id: unit XX exists neither in this import nor in the database",
        "managers.csv:3: employee_id: employee B2 exists neither in this import"
        " nor in the database",
    ]


def test_period_starting_before_its_unit(rejected: RejectedBy) -> None:
    errors = rejected({**WORLD, **managers("ADM,A1,alice@kk.example.dk,,2023-12-01,\n")})
    assert errors == [
        "managers.csv:2: unit_id: unit ADM does not exist on 2023-12-01, a day of this period"
    ]


def test_period_outlasting_its_unit(rejected: RejectedBy) -> None:
    units = (
        UNITS
        + "KK,Kommunen,municipality,,2024-01-01,\n"
        + "ADM,Forvaltningen,administration,KK,2024-01-01,2024-06-30\n"
        + "ADM,Forvaltningen,administration,KK,2024-08-01,\n"
    )
    files = {"units.csv": units, "employees.csv": "employee_id\nA1\n"}
    errors = rejected({**files, **managers(ALICE)})
    assert errors == [
        "managers.csv:2: unit_id: unit ADM does not exist on 2024-07-01, a day of this period"
    ]


def test_period_covered_by_two_periods_of_its_unit(import_files: ImportFiles) -> None:
    units = (
        UNITS
        + "KK,Kommunen,municipality,,2024-01-01,\n"
        + "ADM2,Forvaltning 2,administration,KK,2024-01-01,\n"
        + "ADM,Forvaltningen,administration,KK,2024-01-01,2025-12-31\n"
        + "ADM,Forvaltningen,administration,ADM2,2026-01-01,\n"
    )
    outcome = import_files({**WORLD, "units.csv": units, **managers(ALICE)})
    assert (outcome.code, outcome.err) == (0, "")


def test_shortening_a_stored_unit_strands_its_manager(
    world: None, import_files: ImportFiles, rejected: RejectedBy
) -> None:
    team = UNITS + "TEAM,Teamet,unit,ADM,2024-01-01,\n"
    manager = managers("TEAM,A1,alice@kk.example.dk,,2024-01-01,\n")
    assert import_files({"units.csv": team, **manager}).code == 0
    errors = rejected({"units.csv": UNITS + "TEAM,Teamet,unit,ADM,2024-01-01,2025-12-31\n"})
    assert errors == [
        "units.csv:2: unit_id: the stored period of A1 as manager from 2024-01-01 would be"
        " without its unit TEAM on 2026-01-01"
    ]


def test_overlapping_periods_within_the_import(rejected: RejectedBy) -> None:
    rows = (
        "ADM,A1,alice@kk.example.dk,,2024-01-01,2024-12-31\n"
        "ADM,A1,alice@kk.example.dk,,2025-01-01,\n"
        "ADM,A1,alice@kk.example.dk,,2024-12-31,2024-12-31\n"
    )
    errors = rejected({**WORLD, **managers(rows)})
    assert errors == [
        "managers.csv:4: valid_from: overlaps the period of A1 as manager of ADM"
        " from 2024-01-01 (line 2)"
    ]


def test_period_overlapping_a_stored_one(
    world: None, import_files: ImportFiles, rejected: RejectedBy
) -> None:
    assert import_files(managers(ALICE)).code == 0
    errors = rejected(managers("ADM,A1,alice@kk.example.dk,,2025-01-01,\n"))
    assert errors == [
        "managers.csv:2: valid_from: overlaps the period of A1 as manager of ADM"
        " from 2024-01-01 (stored in the database)"
    ]


def test_managers_are_checked_against_clean_units_only(rejected: RejectedBy) -> None:
    # A mistake in units.csv is reported once, not again as every manager's missing unit.
    units = UNITS + "KK,Kommunen,municipality,,2024-01-01,\nADM,Forvaltningen,,KK,2024-01-01,\n"
    errors = rejected({**WORLD, "units.csv": units, **managers(ALICE)})
    assert errors == ["units.csv:3: kind: required value is empty"]
