"""Problems with the folder, its files and their headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from samraad.cli import main

from .conftest import WORLD, ImportFiles, RejectedBy, import_folder_via_cli, row_counts

pytestmark = pytest.mark.django_db


def test_unknown_column_is_named_on_line_1(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id,colour\nA1,red\n"})
    assert errors == [
        "employees.csv:1: colour: unknown column; expected employee_id, birth_date, gender, name"
    ]


def test_missing_required_column(rejected: RejectedBy) -> None:
    errors = rejected({"units.csv": "unit_id,name,kind,parent_id\nKK,Kommunen,municipality,\n"})
    assert errors == ["units.csv:1: valid_from: required column is missing"]


def test_same_column_twice(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id,gender,gender\nA1,F,F\n"})
    assert errors == ["employees.csv:1: gender: the column appears twice in the header"]


def test_csv_and_xlsx_of_one_table(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id\nA1\n", "employees.xlsx": "not a workbook"})
    assert errors == [
        "employees.xlsx:0: (file): employees.csv and employees.xlsx are both here; keep one"
    ]


def test_misspelt_file_name_is_an_error(rejected: RejectedBy) -> None:
    errors = rejected({**WORLD, "absence.csv": "absence_id\n"})
    assert errors == [
        "absence.csv:0: (file): unknown file name; expected one of units, employees, "
        "employments, absences, conversations, targets, managers (.csv or .xlsx)"
    ]


def test_other_files_are_ignored(import_files: ImportFiles) -> None:
    outcome = import_files({**WORLD, "README.md": "# notes", ".~lock.units.csv#": "x"})
    assert outcome.code == 0


def test_empty_file(rejected: RejectedBy) -> None:
    errors = rejected({"units.csv": ""})
    assert errors == ["units.csv:0: (file): the file is empty; it needs a header row"]


def test_not_utf8_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tmp_path.joinpath("units.csv").write_bytes(
        "unit_id,name,kind,parent_id,valid_from,valid_to\n"
        "KK,Københavns Kommune,municipality,,2024-01-01,\n".encode("latin-1")
    )
    outcome = import_folder_via_cli(tmp_path, capsys)
    assert (outcome.code, outcome.errors) == (1, ["units.csv:2: (file): not UTF-8 text"])


def test_row_with_more_values_than_the_header(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id,gender\nA1,F\nA2,M,extra\n"})
    assert errors == ["employees.csv:3: (file): 3 values, but the header has 2 columns"]


@pytest.mark.parametrize("make", ["missing", "file"])
def test_dir_missing_or_not_a_folder_is_a_usage_error(
    make: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "exports"
    if make == "file":
        path.write_text("units", encoding="utf-8")
    before = row_counts()
    assert main(["import", str(path)]) == 2
    what = "no such folder" if make == "missing" else "not a folder"
    assert capsys.readouterr().err == f"samraad: error: {what}: {path}\n"
    assert row_counts() == before


def test_empty_folder_imports_nothing(import_files: ImportFiles) -> None:
    outcome = import_files({})
    assert outcome.code == 0
    assert outcome.out.endswith("; nothing imported\n")


def test_semicolons_are_named(rejected: RejectedBy) -> None:
    errors = rejected({"employees.csv": "employee_id;gender\nA1;F\n"})
    assert errors == [
        "employees.csv:1: (file): the header is separated by semicolons; the format uses commas"
    ]


def test_windows_line_ends(import_files: ImportFiles) -> None:
    files = {
        name: "".join(line.strip() + "\r\n" for line in text.strip().splitlines())
        for name, text in WORLD.items()
    }
    outcome = import_files(files)
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out.startswith("units.csv: added 2,")
