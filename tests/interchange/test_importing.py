"""Importing good folders: the worked example, re-imports, updates, Excel, BOMs, exact values."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter

from samraad.absence.models import Absence
from samraad.org.models import Target, UnitPeriod
from samraad.people.models import Employee, Employment
from tests.spec import EXAMPLE

from .conftest import (
    WORLD,
    ImportFiles,
    RejectedBy,
    import_folder_via_cli,
    row_counts,
)

pytestmark = pytest.mark.django_db

EXAMPLE_FILES = ("units.csv", "employees.csv", "employments.csv", "absences.csv")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    folder.mkdir()
    for name in EXAMPLE_FILES:
        shutil.copy(EXAMPLE / name, folder / name)
    return folder


def test_worked_example_imports(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = import_folder_via_cli(example, capsys)
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out == (
        "units.csv: added 6, updated 0, unchanged 0\n"
        "employees.csv: added 3, updated 0, unchanged 0\n"
        "employments.csv: added 4, updated 0, unchanged 0\n"
        "absences.csv: added 7, updated 0, unchanged 0\n"
    )
    counts = row_counts()
    assert (counts["org_unit"], counts["org_unitperiod"]) == (5, 6)
    drift = UnitPeriod.objects.get(unit_id="DRIFT", valid_from=dt.date(2024, 7, 1))
    assert (drift.parent_id, drift.valid_to) == ("ADM2", None)
    assert Absence.objects.get(absence_id="S5").degree == Decimal("0.5")
    assert Absence.objects.get(absence_id="S1").degree == Decimal(1)
    assert Employment.objects.get(employment_id="F4").weekly_hours == Decimal("18.5")
    assert Employment.objects.get(employment_id="F1").end_reason == ""


def test_reimporting_changes_nothing(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_folder_via_cli(example, capsys)
    before = row_counts()
    outcome = import_folder_via_cli(example, capsys)
    assert outcome.code == 0
    assert outcome.out == (
        "units.csv: added 0, updated 0, unchanged 6\n"
        "employees.csv: added 0, updated 0, unchanged 3\n"
        "employments.csv: added 0, updated 0, unchanged 4\n"
        "absences.csv: added 0, updated 0, unchanged 7\n"
    )
    assert row_counts() == before


def test_edited_row_is_updated(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_folder_via_cli(example, capsys)
    absences = example / "absences.csv"
    absences.write_text(
        absences.read_text(encoding="utf-8").replace(
            "S7,X3,own_sickness,2024-11-18,,", "S7,X3,own_sickness,2024-11-18,2024-12-20,0.25"
        ),
        encoding="utf-8",
    )
    outcome = import_folder_via_cli(example, capsys)
    assert outcome.out.splitlines()[-1] == "absences.csv: added 0, updated 1, unchanged 6"
    s7 = Absence.objects.get(absence_id="S7")
    assert (s7.end_date, s7.degree) == (dt.date(2024, 12, 20), Decimal("0.25"))


def test_empty_cell_clears_and_left_out_column_keeps(
    world: None, import_files: ImportFiles
) -> None:
    outcome = import_files({"employees.csv": "employee_id,gender\nA1,\nB2,M\n"})
    assert outcome.out == "employees.csv: added 1, updated 1, unchanged 0\n"
    alice = Employee.objects.get(employee_id="A1")
    assert (alice.birth_date, alice.gender) == (dt.date(1980, 5, 1), "")
    assert Employee.objects.get(employee_id="B2").birth_date is None


def test_left_out_column_counts_in_the_checks(world: None, rejected: RejectedBy) -> None:
    # F1 has no end date stored; a file without end_date cannot make it end.
    header = "employment_id,employee_id,unit_id,job_group,weekly_hours,start_date,notice_date\n"
    errors = rejected({"employments.csv": header + "F1,A1,ADM,hk,37,2024-01-01,2024-05-31\n"})
    assert errors == ["employments.csv:2: notice_date: needs end_reason dismissal"]


def test_byte_order_mark_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "bom"
    folder.mkdir()
    for name, text in WORLD.items():
        lines = [line.strip() for line in text.strip().splitlines()]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    outcome = import_folder_via_cli(folder, capsys)
    assert (outcome.code, outcome.err) == (0, "")
    assert Employee.objects.filter(employee_id="A1").exists()


def test_excel_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "excel"
    folder.mkdir()
    for name in ("units.csv", "employees.csv"):
        shutil.copy(EXAMPLE / name, folder / name)
    workbook = xlsxwriter.Workbook(folder / "employments.xlsx")
    sheet = workbook.add_worksheet("Ansættelser")
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    header = ["employment_id", "employee_id", "unit_id", "job_group", "weekly_hours"]
    sheet.write_row(0, 0, [*header, "start_date", "end_date"])
    sheet.write_row(1, 0, ["F1", "X1", "SKOLE", "lærer", 37])
    sheet.write_datetime(1, 5, dt.datetime(2024, 1, 1), day)
    sheet.write_row(2, 0, ["F4", "X3", "DRIFT", "hk", 18.5, "2024-01-01"])
    sheet.write_datetime(2, 6, dt.datetime(2024, 12, 31), day)
    workbook.close()
    outcome = import_folder_via_cli(folder, capsys)
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out.splitlines()[-1] == "employments.xlsx: added 2, updated 0, unchanged 0"
    f4 = Employment.objects.get(employment_id="F4")
    assert (f4.weekly_hours, f4.end_date) == (Decimal("18.5"), dt.date(2024, 12, 31))


def test_excel_errors_name_the_sheet_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "excel"
    folder.mkdir()
    workbook = xlsxwriter.Workbook(folder / "employees.xlsx")
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["employee_id", "gender"])
    sheet.write_row(1, 0, ["A1", "F"])
    sheet.write_row(3, 0, ["A2", "X"])  # row 3 of the sheet is left empty
    workbook.close()
    outcome = import_folder_via_cli(folder, capsys)
    assert outcome.errors == [
        'employees.xlsx:4: gender: unknown value "X"; expected one of F, M, or empty'
    ]


def test_leading_zeros_make_another_identifier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "zeros"
    folder.mkdir()
    (folder / "employees.csv").write_text("employee_id\n007\n7\n", encoding="utf-8")
    outcome = import_folder_via_cli(folder, capsys)
    assert outcome.out == "employees.csv: added 2, updated 0, unchanged 0\n"
    assert sorted(Employee.objects.values_list("employee_id", flat=True)) == ["007", "7"]


def test_decimals_are_stored_exactly(world: None, import_files: ImportFiles) -> None:
    outcome = import_files({"targets.csv": "unit_id,year,absence_days_per_fte\nKK,2026,9.1234\n"})
    assert outcome.code == 0
    assert Target.objects.get(unit_id="KK", year=2026).absence_days_per_fte == Decimal("9.1234")
    again = import_files({"targets.csv": "unit_id,year,absence_days_per_fte\nKK,2026,9.12340\n"})
    assert again.out == "targets.csv: added 0, updated 0, unchanged 1\n"


def test_spaces_around_values_are_ignored(world: None, import_files: ImportFiles) -> None:
    outcome = import_files({"employees.csv": "employee_id , gender\n A1 , F \n"})
    assert outcome.out == "employees.csv: added 0, updated 0, unchanged 1\n"


def test_conversations_and_targets(world: None, import_files: ImportFiles) -> None:
    files = {
        "conversations.csv": "conversation_id,employee_id,held_on,kind\n"
        "C1,A1,2024-03-20,absence_conversation\n",
        "targets.csv": "unit_id,year,absence_days_per_fte\nKK,2025,11\nADM,2025,10.5\n",
    }
    outcome = import_files(files)
    assert outcome.out == (
        "conversations.csv: added 1, updated 0, unchanged 0\n"
        "targets.csv: added 2, updated 0, unchanged 0\n"
    )
    files["targets.csv"] = "unit_id,year,absence_days_per_fte\nKK,2025,11.0\nADM,2025,9\n"
    again = import_files(files)
    assert again.out == (
        "conversations.csv: added 0, updated 0, unchanged 1\n"
        "targets.csv: added 0, updated 1, unchanged 1\n"
    )
    assert Target.objects.get(unit_id="ADM", year=2025).absence_days_per_fte == Decimal(9)
