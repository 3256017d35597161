"""A tiny municipality to import, and a way to run `samraad import` on a folder of it."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

from samraad.cli import main

# Kommunen (KK) with one administration (ADM); Alice (A1) works there and was ill once.
WORLD = {
    "units.csv": """
        unit_id,name,kind,parent_id,valid_from,valid_to
        KK,Kommunen,municipality,,2024-01-01,
        ADM,Forvaltningen,administration,KK,2024-01-01,
    """,
    "employees.csv": """
        employee_id,birth_date,gender
        A1,1980-05-01,F
    """,
    "employments.csv": """
        employment_id,employee_id,unit_id,job_group,weekly_hours,start_date,end_date,end_reason,notice_date
        F1,A1,ADM,hk,37,2024-01-01,,,
    """,
    "absences.csv": """
        absence_id,employee_id,cause,start_date,end_date,degree
        S1,A1,own_sickness,2024-03-04,2024-03-08,
    """,
}

TABLES = [
    "org_unit",
    "org_unitperiod",
    "org_target",
    "org_manager",
    "people_employee",
    "people_employment",
    "absence_absence",
    "followup_conversation",
]


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    @property
    def errors(self) -> list[str]:
        return self.err.splitlines()


def write_folder(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            counts[table] = cursor.fetchone()[0]
        return counts


ImportFiles = Callable[[dict[str, str]], Outcome]


@pytest.fixture
def import_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> ImportFiles:
    """Write the files to a fresh folder and run `samraad import` on it."""
    runs = iter(range(1000))

    def run(files: dict[str, str]) -> Outcome:
        folder = write_folder(tmp_path / f"import{next(runs)}", files)
        return import_folder_via_cli(folder, capsys)

    return run


def import_folder_via_cli(folder: Path, capsys: pytest.CaptureFixture[str]) -> Outcome:
    capsys.readouterr()
    code = main(["import", str(folder)])
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


RejectedBy = Callable[[dict[str, str]], list[str]]


@pytest.fixture
def rejected(import_files: ImportFiles) -> RejectedBy:
    """Import files that must be refused: exit 1, nothing written; return the error lines."""

    def run(files: dict[str, str]) -> list[str]:
        before = row_counts()
        outcome = import_files(files)
        assert outcome.code == 1, outcome.out
        assert outcome.out == ""
        assert row_counts() == before
        return outcome.errors

    return run


@pytest.fixture
def world(import_files: ImportFiles) -> None:
    """WORLD stored in the database."""
    assert import_files(WORLD).code == 0
