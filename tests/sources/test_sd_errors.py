"""A wrong SD extract is refused whole, each error at its SD file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from tests.interchange.conftest import row_counts

from .conftest import Run, copy_of

pytestmark = pytest.mark.django_db


def edited(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = copy_of("sd", tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def refused(run_import: Run, folder: Path) -> list[str]:
    before = row_counts()
    outcome = run_import("--format", "sd", str(folder))
    assert (outcome.code, outcome.out) == (1, "")
    assert row_counts() == before
    return outcome.errors


def test_bad_date_is_named_at_its_line(run_import: Run, tmp_path: Path) -> None:
    folder = edited(tmp_path, "SD_PERSON.csv", "01.03.2021", "31.02.2021")
    assert refused(run_import, folder) == [
        'SD_PERSON.csv:4: START: "31.02.2021" is not a date in the form DD.MM.YYYY'
    ]


def test_unit_missing_from_units_is_named_at_the_sd_field(run_import: Run, tmp_path: Path) -> None:
    folder = edited(tmp_path, "SD_PERSON.csv", "0.8108,PLEJE", "0.8108,PLEJEN")
    assert refused(run_import, folder) == [
        "SD_PERSON.csv:4: AFD: unit PLEJEN exists neither in this import nor in the database"
    ]


def test_too_many_hours_are_named_at_beskdec(run_import: Run, tmp_path: Path) -> None:
    folder = edited(tmp_path, "SD_PERSON.csv", "0.8108,PLEJE", "1.5,PLEJE")
    assert refused(run_import, folder) == [
        "SD_PERSON.csv:4: BESKDEC: 55.5 is outside 0 < weekly_hours ≤ 48"
    ]


def test_malformed_cpr_number_is_refused_without_repeating_it(
    run_import: Run, tmp_path: Path
) -> None:
    folder = edited(tmp_path, "SD_PERSON.csv", "010772-1011", "01077-21011")
    errors = refused(run_import, folder)
    assert errors == [
        "SD_PERSON.csv:4: CPR: not a CPR number (10 digits, or 6 digits, dash, 4 digits);"
        " the value is not shown"
    ]


def test_one_employment_number_for_two_people_is_refused(run_import: Run, tmp_path: Path) -> None:
    folder = edited(tmp_path, "SD_PERSON.csv", "TB,10002,", "TB,10001,")
    assert refused(run_import, folder) == [
        "SD_PERSON.csv:4: CPR: INST TB TJNR 10001 is another person's on line 2"
    ]


def test_missing_column_is_named_on_line_1(run_import: Run, tmp_path: Path) -> None:
    folder = edited(tmp_path, "SD_PERSON.csv", ",AFD,", ",AFDELING,")
    assert refused(run_import, folder) == ["SD_PERSON.csv:1: AFD: required column is missing"]


def test_bad_hours_in_sd_fravdag(run_import: Run, tmp_path: Path) -> None:
    folder = edited(tmp_path, "SD_FRAVDAG.csv", "2025-09-10;790;12;12", "2025-09-10;790;12t;12")
    assert refused(run_import, folder) == ['SD_FRAVDAG.csv:5: FRVTIM: "12t" is not a number']


def test_interchange_file_beside_the_extract_it_contradicts(
    run_import: Run, tmp_path: Path
) -> None:
    folder = copy_of("sd", tmp_path)
    (folder / "employees.csv").write_text("employee_id\nX1\n", encoding="utf-8")
    assert refused(run_import, folder) == [
        "employees.csv:0: (file): SD_PERSON.csv gives the employees here; remove one of them"
    ]


def test_without_a_secret_nothing_is_read(
    run_import: Run, settings: SettingsWrapper, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.SAMRAAD_CPR_KEY = ""
    from samraad.cli import main

    assert main(["import", "--format", "sd", str(copy_of("sd", tmp_path))]) == 2
    assert capsys.readouterr().err == (
        "samraad: error: set SAMRAAD_CPR_KEY (a long random secret, kept for good) before"
        " importing CPR numbers\n"
    )
