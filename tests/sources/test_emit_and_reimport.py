"""`--emit DIR` writes what the import would read; importing it gives the same database.
Re-importing the same extract changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from samraad.absence.models import Absence
from samraad.people.models import Employee, Employment
from tests.interchange.conftest import row_counts

from .conftest import Run, copy_of

pytestmark = pytest.mark.django_db


def stored() -> tuple[list[tuple[object, ...]], ...]:
    return (
        sorted(Employee.objects.values_list("employee_id", "birth_date", "gender", "name")),
        sorted(Employment.objects.values_list()),
        sorted(Absence.objects.values_list()),
    )


def test_emitted_files_import_to_the_same_database(run_import: Run, tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    outcome = run_import("--format", "sd", str(folder), "--emit", str(tmp_path / "out"))
    assert outcome.code == 0
    assert outcome.out.splitlines()[:4] == [
        "units.csv: 4 rows (from units.csv)",
        "employees.csv: 5 rows (from SD_PERSON.csv)",
        "employments.csv: 6 rows (from SD_PERSON.csv)",
        "absences.csv: 11 rows (from SD_FRAVDAG.csv)",
    ]
    assert sum(row_counts().values()) == 0  # emitting imports nothing
    assert run_import(str(tmp_path / "out")).code == 0
    from_files = stored()
    assert run_import("--format", "sd", str(folder)).out.splitlines()[:4] == [
        "units.csv: added 0, updated 0, unchanged 4",
        "employees.csv (from SD_PERSON.csv): added 0, updated 0, unchanged 5",
        "employments.csv (from SD_PERSON.csv): added 0, updated 0, unchanged 6",
        "absences.csv (from SD_FRAVDAG.csv): added 0, updated 0, unchanged 11",
    ]
    assert stored() == from_files


def test_import_prints_what_was_left_out(run_import: Run, tmp_path: Path) -> None:
    outcome = run_import("--format", "sd", str(copy_of("sd", tmp_path)))
    assert outcome.out.splitlines()[4:] == [
        "SD_PERSON.csv: 1 hourly-paid employment of 1 person kept apart (DEL 2 or 6, or"
        " BESKDEC 0): no agreed hours, so not in the figures",
        "SD_FRAVDAG.csv: lønart 999 is not in the lønart table: 1 row left out (first on"
        " line 28); add it to the table as a cause or as ignore",
        "SD_FRAVDAG.csv: 2 rows on hourly-paid or ended employments: left out",
    ]


def test_only_absences(run_import: Run, tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    assert run_import("--format", "sd", str(folder), "--only", "units,employees").code == 0
    outcome = run_import("--format", "sd", str(folder), "--only", "absences")
    assert outcome.out.splitlines()[0] == (
        "absences.csv (from SD_FRAVDAG.csv): added 11, updated 0, unchanged 0"
    )
    assert Employment.objects.count() == 0


def test_the_command_knows_the_formats_the_readers_know() -> None:
    from samraad.cli.importing import FORMATS
    from samraad.interchange import sources

    assert FORMATS == sources.FORMATS


def test_only_an_unknown_table_is_a_usage_error(
    run_import: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_import("--format", "sd", str(tmp_path), "--only", "absense")
    assert outcome.code == 2
    assert outcome.err.startswith("samraad: error: argument --only: unknown table absense;")
