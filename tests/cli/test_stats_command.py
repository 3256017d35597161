"""`samraad stats`: usage errors exit 2 with one line; the table is readable."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from samraad.cli import main
from samraad.org.models import Unit, UnitPeriod
from samraad.people.models import Employee, Employment


@pytest.fixture
def school(db: None) -> None:
    kk = Unit.objects.create(unit_id="KK")
    skole = Unit.objects.create(unit_id="SKOLE")
    UnitPeriod.objects.create(
        unit=kk, name="Kommunen", kind="municipality", valid_from=dt.date(2020, 1, 1)
    )
    UnitPeriod.objects.create(
        unit=skole, name="Skolen", kind="unit", parent=kk, valid_from=dt.date(2020, 1, 1)
    )
    alice = Employee.objects.create(employee_id="ALICE")
    Employment.objects.create(
        employment_id="F1",
        employee=alice,
        unit=skole,
        job_group="lærer",
        weekly_hours=37,
        start_date=dt.date(2020, 1, 1),
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--unit", "NOPE", "--from", "2025-01-01", "--to", "2025-12-31"], "unknown unit: NOPE"),
        (["--unit", "KK", "--from", "2025-02-30", "--to", "2025-12-31"], "not a date"),
        (["--unit", "KK", "--from", "2025-12-31", "--to", "2025-01-01"], "is after --to"),
        (["--unit", "KK", "--from", "2025-01-01", "--to", "2025-12-31", "--causes", "flu"], "flu"),
    ],
)
def test_bad_stats_arguments_exit_2_with_one_line(
    school: None, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["stats", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


def test_stats_table_shows_the_figures(school: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--unit", "KK", "--from", "2025-01-01", "--to", "2025-12-31"]) == 0
    out = capsys.readouterr().out
    assert "working days                     250" in out
    assert "planned hours             1,850.0000" in out
    assert "absence rate                0.0000 %" in out
    assert "compliance                   –" in out


def test_length_groups_are_configurable(school: None, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["stats", "--unit", "KK", "--from", "2025-01-01", "--to", "2025-12-31", "--json"]
    assert main([*argv, "--length-groups", "1,6,43"]) == 0
    by_length = json.loads(capsys.readouterr().out)["by_length"]
    assert list(by_length) == ["1-5", "6-42", "43+"]
    assert main([*argv, "--length-groups", "2,5"]) == 2
    assert "must start at 1" in capsys.readouterr().err
