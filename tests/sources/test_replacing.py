"""A payroll source is the truth for what it covers: on re-import, the stored rows it
speaks for and no longer holds are removed (payroll corrects after the fact)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from samraad.absence.models import Absence
from samraad.people.models import Employment

from . import os2mo_server as mo
from .conftest import FILES, Run, copy_of

pytestmark = pytest.mark.django_db


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def summary(outcome_out: str) -> list[str]:
    return [line for line in outcome_out.splitlines() if ": added " in line]


def test_corrected_sick_days_replace_the_stored_record(run_import: Run, tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    assert run_import("--format", "sd", str(folder)).code == 0
    # Payroll finds Anna was at work on 3 February after all.
    replace_line(folder / "SD_FRAVDAG.csv", "1502801002TB10001;2025-02-03;790;7,4;7,4\n", "")
    outcome = run_import("--format", "sd", str(folder))
    assert summary(outcome.out)[-1] == (
        "absences.csv (from SD_FRAVDAG.csv): added 1, updated 0, unchanged 10, removed 1"
    )
    starts = Absence.objects.filter(start_date__month=2).values_list("start_date", "end_date")
    assert [(s.isoformat(), e.isoformat()) for s, e in starts] == [("2025-02-04", "2025-02-05")]


def test_corrected_day_of_a_move_replaces_the_stored_rows(run_import: Run, tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    assert run_import("--format", "sd", str(folder)).code == 0
    replace_line(folder / "SD_PERSON.csv", "hk,01.01.2023,30.06.2025", "hk,01.01.2023,31.07.2025")
    replace_line(folder / "SD_PERSON.csv", "hk,01.07.2025,31.12.9999", "hk,01.08.2025,31.12.9999")
    outcome = run_import("--format", "sd", str(folder))
    assert summary(outcome.out)[2] == (
        "employments.csv (from SD_PERSON.csv): added 1, updated 1, unchanged 4, removed 1"
    )
    dennis = Employment.objects.filter(employment_id__startswith="TB-10004").order_by("start_date")
    assert [(e.employment_id, str(e.start_date), str(e.end_date)) for e in dennis] == [
        ("TB-10004", "2023-01-01", "2025-07-31"),
        ("TB-10004-20250801", "2025-08-01", "None"),
    ]


def test_absences_from_other_files_are_left_alone(run_import: Run, tmp_path: Path) -> None:
    folder = copy_of("sd", tmp_path)
    assert run_import("--format", "sd", str(folder)).code == 0
    anna = Absence.objects.filter(start_date__month=2).get().employee_id
    own = tmp_path / "own"
    own.mkdir()
    (own / "absences.csv").write_text(
        f"absence_id,employee_id,cause,start_date,end_date\nK1,{anna},other,2025-06-02,2025-06-02\n"
    )
    assert run_import(str(own)).code == 0
    outcome = run_import("--format", "sd", str(folder))
    assert summary(outcome.out)[-1] == (
        "absences.csv (from SD_FRAVDAG.csv): added 0, updated 0, unchanged 11"
    )
    assert Absence.objects.filter(absence_id="K1").exists()


def test_opus_employment_cancelled_after_it_was_imported_goes(
    run_import: Run, tmp_path: Path
) -> None:
    dumps = [shutil.copy(d, tmp_path / d.name) for d in sorted((FILES / "opus").glob("*.xml"))]
    assert run_import("--format", "opus", str(dumps[0])).code == 0
    assert Employment.objects.filter(employment_id="5003").exists()
    outcome = run_import("--format", "opus", *map(str, dumps))
    assert summary(outcome.out)[2] == (
        "employments.csv (from 2 Opus dumps): added 2, updated 1, unchanged 2, removed 1"
    )
    assert not Employment.objects.filter(employment_id="5003").exists()


def test_os2mo_history_replaces_the_stored_one(run_import: Run, settings: object) -> None:
    world = copy.deepcopy(mo.TESTBY)
    with mo.serving(world) as server:
        settings.SAMRAAD_OS2MO_TOKEN_URL = server.token_url  # type: ignore[attr-defined]
        settings.SAMRAAD_OS2MO_CLIENT_ID = mo.CLIENT_ID  # type: ignore[attr-defined]
        settings.SAMRAAD_OS2MO_CLIENT_SECRET = mo.CLIENT_SECRET  # type: ignore[attr-defined]
        assert run_import("--format", "os2mo", server.url).code == 0
        # Bo's move is corrected in OS2mo: 1 May, not 1 April.
        bo = world["engagements"][1]["validities"]
        bo[0]["validity"]["to"] = bo[1]["validity"]["from"] = "2025-05-01T00:00:00+02:00"
        outcome = run_import("--format", "os2mo", server.url)
    assert summary(outcome.out)[2] == (
        f"employments.csv (from OS2mo at {server.url}): added 1, updated 1, unchanged 2, removed 1"
    )
    assert Employment.objects.filter(employment_id=f"{mo.E2}-20250501").exists()
