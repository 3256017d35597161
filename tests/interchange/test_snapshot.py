"""`samraad import DIR --snapshot`: the files are the whole truth for their scope
(docs/interchange.md, "Snapshot imports")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from samraad.absence.models import Absence
from samraad.audit.models import Action, AuditEntry
from samraad.cli import main
from samraad.followup.models import Alert
from samraad.frames.models import Version
from samraad.org.models import Manager, Target, Unit, UnitPeriod
from samraad.people.models import Employee, Employment

from .conftest import Outcome, row_counts, write_folder

pytestmark = pytest.mark.django_db

# KK above two administrations: ADM (with SUB and EMPTY below it) and OTHER.
# A1 and C1 work in SUB, B1 in OTHER.
UNITS = """
    unit_id,name,kind,parent_id,valid_from,valid_to
    KK,Kommunen,municipality,,2024-01-01,
    ADM,Forvaltningen,administration,KK,2024-01-01,
    SUB,Afdelingen,unit,ADM,2024-01-01,
    EMPTY,Tom enhed,unit,ADM,2024-01-01,
    OTHER,Anden forvaltning,administration,KK,2024-01-01,
"""
EMPLOYEES = """
    employee_id,birth_date,gender
    A1,1980-05-01,F
    B1,1975-01-01,M
    C1,1990-09-09,F
"""
EMPLOYMENTS_HEADER = "employment_id,employee_id,unit_id,job_group,weekly_hours,start_date,end_date"
F1 = "F1,A1,SUB,hk,37,2024-01-01,"
F2 = "F2,B1,OTHER,hk,37,2024-01-01,"
F3 = "F3,C1,SUB,hk,37,2024-01-01,2024-06-30"
ABSENCES_HEADER = "absence_id,employee_id,cause,start_date,end_date,degree"
S1 = "S1,A1,own_sickness,2024-03-04,2024-03-08,"
S2 = "S2,A1,own_sickness,2025-02-03,2025-02-04,"
S3 = "S3,B1,own_sickness,2025-02-03,2025-02-05,"
S4 = "S4,A1,child_sickness,2025-05-05,2025-05-06,"
TARGETS = """
    unit_id,year,absence_days_per_fte
    ADM,2024,10
    ADM,2025,9
    OTHER,2025,11
"""
MANAGERS = """
    unit_id,employee_id,email,valid_from,valid_to
    SUB,A1,a1@kk.dk,2024-01-01,
    OTHER,B1,b1@kk.dk,2024-01-01,
"""


def rows(header: str, *lines: str) -> str:
    return "\n".join([header, *lines]) + "\n"


WORLD = {
    "units.csv": UNITS,
    "employees.csv": EMPLOYEES,
    "employments.csv": rows(EMPLOYMENTS_HEADER, F1, F2, F3),
    "absences.csv": rows(ABSENCES_HEADER, S1, S2, S3, S4),
    "targets.csv": TARGETS,
    "managers.csv": MANAGERS,
}

Run = Callable[..., Outcome]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`samraad import FOLDER [options]` on a fresh folder of the files given."""
    runs = iter(range(1000))

    def call(files: dict[str, str], *options: str) -> Outcome:
        folder = write_folder(tmp_path / f"snapshot{next(runs)}", files)
        capsys.readouterr()
        code = main(["import", str(folder), *options])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return call


@pytest.fixture
def world(run: Run) -> None:
    outcome = run(WORLD)
    assert outcome.code == 0, outcome.err


def absence_ids() -> list[str]:
    return sorted(Absence.objects.values_list("absence_id", flat=True))


def employment_ids() -> list[str]:
    return sorted(Employment.objects.values_list("employment_id", flat=True))


def data_counter() -> int:
    return Version.objects.get(name="data").number


def snapshot_entries() -> list[str]:
    return list(
        AuditEntry.objects.filter(page="interchange:snapshot").values_list("detail", flat=True)
    )


def test_a_full_snapshot_removes_the_absences_the_file_no_longer_holds(
    world: None, run: Run
) -> None:
    outcome = run({"absences.csv": rows(ABSENCES_HEADER, S1, S3)}, "--snapshot")
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [
        "snapshot of all units, all time",
        "absences.csv: added 0, updated 0, unchanged 2, removed 2",
    ]
    assert absence_ids() == ["S1", "S3"]
    # Only the files in the folder take part: everything else is as it was.
    assert employment_ids() == ["F1", "F2", "F3"]
    assert UnitPeriod.objects.count() == 5
    assert Target.objects.count() == 3
    assert Manager.objects.count() == 2


def test_a_period_scope_removes_only_within_the_period(world: None, run: Run) -> None:
    outcome = run(
        {"absences.csv": rows(ABSENCES_HEADER, S3)},
        "--snapshot",
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
    )
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [
        "snapshot of all units, 2025-01-01 to 2025-03-31",
        "absences.csv: added 0, updated 0, unchanged 1, removed 1",
    ]
    # S1 (2024) and S4 (May 2025) are outside the period and stay; S2 is gone.
    assert absence_ids() == ["S1", "S3", "S4"]


def test_an_absence_reaching_into_the_period_is_in_scope(world: None, run: Run) -> None:
    outcome = run({"absences.csv": rows(ABSENCES_HEADER)}, "--snapshot", "--from", "2025-02-04")
    assert outcome.code == 0, outcome.err
    # S2 ends on the period's first day, S3 spans it, S4 is after it: all three go.
    assert absence_ids() == ["S1"]


def test_a_unit_scope_takes_the_units_below_and_their_employees_absences(
    world: None, run: Run
) -> None:
    outcome = run(
        {
            "employments.csv": rows(EMPLOYMENTS_HEADER, F1),
            "absences.csv": rows(ABSENCES_HEADER, S2),
        },
        "--snapshot",
        "--units",
        "ADM",
        "--from",
        "2025-01-01",
    )
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [
        "snapshot of units ADM, 2025-01-01 to …",
        "employments.csv: added 0, updated 0, unchanged 1, removed 0",
        "absences.csv: added 0, updated 0, unchanged 1, removed 1",
    ]
    # S4 (A1, in SUB below ADM) goes; S3 is B1's in OTHER, S1 is before the period.
    assert absence_ids() == ["S1", "S2", "S3"]
    # F3 (SUB) ended before the period, F2 is in OTHER: both outside the scope.
    assert employment_ids() == ["F1", "F2", "F3"]


def test_a_unit_scope_without_a_period_covers_all_time(world: None, run: Run) -> None:
    outcome = run({"employments.csv": rows(EMPLOYMENTS_HEADER, F1)}, "--snapshot", "--units", "ADM")
    assert outcome.code == 0, outcome.err
    assert "employments.csv: added 0, updated 0, unchanged 1, removed 1" in outcome.out
    assert employment_ids() == ["F1", "F2"]
    # The absences of C1, whose employment went, are another file's: they stay.
    assert absence_ids() == ["S1", "S2", "S3", "S4"]


def test_a_unit_period_is_removed_and_the_unit_kept(world: None, run: Run) -> None:
    without_empty = "\n".join(line for line in UNITS.splitlines() if "EMPTY" not in line)
    outcome = run({"units.csv": without_empty}, "--snapshot")
    assert outcome.code == 0, outcome.err
    assert "units.csv: added 0, updated 0, unchanged 4, removed 1" in outcome.out
    assert not UnitPeriod.objects.filter(unit_id="EMPTY").exists()
    # The unit itself stays: alerts, committees and roles may name it.
    assert Unit.objects.filter(unit_id="EMPTY").exists()
    assert UnitPeriod.objects.count() == 4


def test_a_unit_period_that_stored_rows_need_cannot_go(world: None, run: Run) -> None:
    before = row_counts()
    without_other = "\n".join(line for line in UNITS.splitlines() if "OTHER" not in line)
    outcome = run({"units.csv": without_other}, "--snapshot")
    assert outcome.code == 1
    assert outcome.errors == [
        "units.csv:0: unit_id: stored employment F2 would be without its unit OTHER on 2024-01-01",
        "units.csv:0: unit_id: the stored period of B1 as manager from 2024-01-01 would be "
        "without its unit OTHER on 2024-01-01",
    ]
    assert row_counts() == before


def test_targets_are_in_scope_by_their_year(world: None, run: Run) -> None:
    outcome = run(
        {"targets.csv": "unit_id,year,absence_days_per_fte\nADM,2025,8\n"},
        "--snapshot",
        "--from",
        "2025-06-01",
        "--to",
        "2025-06-30",
    )
    assert outcome.code == 0, outcome.err
    assert "targets.csv: added 0, updated 1, unchanged 0, removed 1" in outcome.out
    found = sorted((t.unit_id, t.year, str(t.absence_days_per_fte)) for t in Target.objects.all())
    assert found == [("ADM", 2024, "10.0000"), ("ADM", 2025, "8.0000")]


def test_employees_and_conversations_are_never_removed(world: None, run: Run) -> None:
    outcome = run(
        {
            "employees.csv": "employee_id\nA1\n",
            "conversations.csv": "conversation_id,employee_id,held_on,kind\n",
        },
        "--snapshot",
    )
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [
        "snapshot of all units, all time",
        "employees.csv: added 0, updated 0, unchanged 1",
        "conversations.csv: added 0, updated 0, unchanged 0",
    ]
    assert Employee.objects.count() == 3


def test_a_managers_period_an_alert_names_is_refused(world: None, run: Run) -> None:
    manager = Manager.objects.get(unit_id="OTHER")
    Alert.objects.create(
        employee_id="B1",
        rule_id="R1",
        ruleset_version="1",
        title="Tre sygefravær",
        raised_on=dt.date(2025, 2, 5),
        due_by=dt.date(2025, 2, 19),
        reason="spells",
        unit_id="OTHER",
        manager=manager,
    )
    before = row_counts()
    outcome = run(
        {
            "managers.csv": rows(
                "unit_id,employee_id,email,valid_from", "SUB,A1,a1@kk.dk,2024-01-01"
            )
        },
        "--snapshot",
    )
    assert outcome.code == 1
    assert outcome.errors == [
        "managers.csv:0: (file): the stored period of B1 as manager of OTHER from 2024-01-01 is "
        "not in this snapshot, but 1 alert(s) name that manager; a snapshot does not remove it "
        "(keep the row; to end the period, give it a valid_to)"
    ]
    assert row_counts() == before
    assert Alert.objects.get().manager_id == manager.pk


def test_a_manager_period_no_alert_names_is_removed(world: None, run: Run) -> None:
    kept = rows("unit_id,employee_id,email,valid_from", "SUB,A1,a1@kk.dk,2024-01-01")
    outcome = run({"managers.csv": kept}, "--snapshot", "--units", "OTHER")
    assert outcome.code == 0, outcome.err
    assert "managers.csv: added 0, updated 0, unchanged 1, removed 1" in outcome.out
    assert list(Manager.objects.values_list("unit_id", flat=True)) == ["SUB"]


def test_a_bad_snapshot_changes_nothing(world: None, run: Run) -> None:
    before = row_counts()
    counter = data_counter()
    outcome = run(
        {
            "absences.csv": rows(ABSENCES_HEADER, S1),
            "employments.csv": rows(EMPLOYMENTS_HEADER, F1, "F2,B1,OTHER,hk,99,2024-01-01,"),
        },
        "--snapshot",
    )
    assert outcome.code == 1
    assert outcome.errors == [
        "employments.csv:3: weekly_hours: 99 is outside 0 < weekly_hours ≤ 48"
    ]
    assert outcome.out == ""
    assert row_counts() == before
    assert absence_ids() == ["S1", "S2", "S3", "S4"]
    assert data_counter() == counter
    assert snapshot_entries() == []


def test_a_dry_run_prints_the_same_counts_and_changes_nothing(world: None, run: Run) -> None:
    files = {
        "absences.csv": rows(ABSENCES_HEADER, S1, "S3,B1,own_sickness,2025-02-03,2025-02-06,"),
        "employments.csv": rows(EMPLOYMENTS_HEADER, F1, F2, "F4,C1,EMPTY,hk,20,2025-01-01,"),
    }
    before = row_counts()
    counter = data_counter()
    dry = run(files, "--snapshot", "--dry-run")
    assert dry.code == 0, dry.err
    assert row_counts() == before
    assert absence_ids() == ["S1", "S2", "S3", "S4"]
    assert data_counter() == counter
    assert snapshot_entries() == []

    real = run(files, "--snapshot")
    assert real.code == 0, real.err
    counts = [
        "snapshot of all units, all time",
        "employments.csv: added 1, updated 0, unchanged 2, removed 1",
        "absences.csv: added 0, updated 1, unchanged 1, removed 2",
    ]
    assert dry.out.splitlines() == [*counts, "dry run: nothing written"]
    assert real.out.splitlines() == counts
    assert absence_ids() == ["S1", "S3"]
    assert employment_ids() == ["F1", "F2", "F4"]
    assert data_counter() > counter


def test_the_snapshot_is_written_to_the_audit_log(world: None, run: Run) -> None:
    outcome = run(
        {"absences.csv": rows(ABSENCES_HEADER, S1, S3)}, "--snapshot", "--to", "2025-12-31"
    )
    assert outcome.code == 0, outcome.err
    entry = AuditEntry.objects.get(page="interchange:snapshot")
    assert entry.action == Action.RECORD
    assert entry.username == "samraad import"
    assert entry.detail == (
        "snapshot of all units, … to 2025-12-31\n"
        "absences.csv: added 0, updated 0, unchanged 2, removed 2"
    )


def test_a_reimported_snapshot_changes_nothing(world: None, run: Run) -> None:
    counts = row_counts()
    outcome = run(WORLD, "--snapshot")
    assert outcome.code == 0, outcome.err
    assert "removed 1" not in outcome.out
    assert "absences.csv: added 0, updated 0, unchanged 4, removed 0" in outcome.out
    assert row_counts() == counts


def test_an_ordinary_import_still_never_removes(world: None, run: Run) -> None:
    outcome = run({"absences.csv": rows(ABSENCES_HEADER, S1)})
    assert outcome.code == 0, outcome.err
    assert outcome.out == "absences.csv: added 0, updated 0, unchanged 1\n"
    assert absence_ids() == ["S1", "S2", "S3", "S4"]
    assert snapshot_entries() == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--from", "2025-01-01"], "samraad: error: --from needs --snapshot"),
        (["--units", "ADM"], "samraad: error: --units needs --snapshot"),
        (["--snapshot", "--units", "NOPE"], "samraad: error: unknown unit NOPE"),
        (
            ["--snapshot", "--from", "2025-02-01", "--to", "2025-01-01"],
            "samraad: error: --from 2025-02-01 is after --to 2025-01-01",
        ),
        (
            ["--snapshot", "--from", "2025-02-30"],
            "samraad: error: argument --from: not a date (YYYY-MM-DD): '2025-02-30'",
        ),
    ],
)
def test_a_scope_that_makes_no_sense_is_a_usage_error(
    world: None, run: Run, options: list[str], message: str
) -> None:
    before = row_counts()
    outcome = run({"absences.csv": rows(ABSENCES_HEADER)}, *options)
    assert (outcome.code, outcome.errors) == (2, [message])
    assert row_counts() == before


def test_rows_keyed_by_several_columns_are_removed_twice_in_one_connection(
    world: None, run: Run
) -> None:
    """The set-based delete (unit_id + year), and its scratch table dropped again: a
    second snapshot on the same connection creates it anew."""
    first = run({"targets.csv": "unit_id,year,absence_days_per_fte\nADM,2024,10\n"}, "--snapshot")
    assert first.code == 0, first.err
    assert "targets.csv: added 0, updated 0, unchanged 1, removed 2" in first.out
    second = run({"targets.csv": "unit_id,year,absence_days_per_fte\n"}, "--snapshot")
    assert second.code == 0, second.err
    assert "targets.csv: added 0, updated 0, unchanged 0, removed 1" in second.out
    assert Target.objects.count() == 0
    assert UnitPeriod.objects.count() == 5


def test_a_dry_run_of_an_ordinary_import_writes_nothing(world: None, run: Run) -> None:
    before = row_counts()
    outcome = run(
        {
            "absences.csv": rows(
                ABSENCES_HEADER, S1, S2, S3, S4, S4.replace("S4", "S5").replace("05-0", "06-0")
            )
        },
        "--dry-run",
    )
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [
        "absences.csv: added 1, updated 0, unchanged 4",
        "dry run: nothing written",
    ]
    assert row_counts() == before
