"""`samraad forecast`: the spec's JSON from the stored data, a readable text, the
backtest table, and one-line errors (exit 2) for bad arguments."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from samraad.cli import main
from samraad.forecast import forecast
from tests.forecast.worlds import ALICE_SINCE_JUNE, BO_IN_JANUARY, school
from tests.interchange.conftest import write_folder

# The school of tests/forecast/worlds.py, as interchange files, with a target for the
# municipality only (the school inherits it).
FILES = {
    "units.csv": """
        unit_id,name,kind,parent_id,valid_from,valid_to
        KK,Kommunen,municipality,,2020-01-01,
        SKOLE,Skolen,unit,KK,2020-01-01,
    """,
    "employees.csv": """
        employee_id,birth_date,gender
        ALICE,1980-05-01,F
        BO,1975-02-11,M
    """,
    "employments.csv": """
        employment_id,employee_id,unit_id,job_group,weekly_hours,start_date,end_date,end_reason,notice_date
        F1,ALICE,SKOLE,lærer,37,2020-01-01,,,
        F2,BO,SKOLE,lærer,37,2020-01-01,,,
    """,
    "absences.csv": """
        absence_id,employee_id,cause,start_date,end_date,degree
        S1,BO,own_sickness,2024-01-08,2024-01-17,
        S2,ALICE,own_sickness,2025-06-01,,
    """,
    "targets.csv": """
        unit_id,year,absence_days_per_fte
        KK,2025,12.5
    """,
}
ARGS = ["forecast", "--unit", "SKOLE", "--year", "2025", "--as-of", "2025-06-30"]


@pytest.fixture
def stored(db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(write_folder(tmp_path / "school", FILES))]) == 0
    capsys.readouterr()


def test_the_json_is_the_pure_forecast_with_the_inherited_target(
    stored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*ARGS, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = forecast(
        school(BO_IN_JANUARY, ALICE_SINCE_JUNE), "SKOLE", 2025, dt.date(2025, 6, 30), target=12.5
    )
    assert printed == expected.to_json()


def test_the_text_names_the_forecast_its_interval_and_the_target(
    stored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(ARGS) == 0
    out = capsys.readouterr().out
    result = forecast(school(BO_IN_JANUARY, ALICE_SINCE_JUNE), "SKOLE", 2025, dt.date(2025, 6, 30))
    ahead = result.to_json()["forecast"]
    assert "observed    2025-01-01 – 2025-06-30: 9.50 days per FTE, absence rate 7.79 %" in out
    assert (
        f"forecast    {ahead['absence_days_per_fte']:.2f} days per FTE "
        f"(80 % interval {ahead['low']:.2f} – {ahead['high']:.2f})" in out
    )
    assert "target      12.50" in out


def test_the_backtest_prints_its_table(stored: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forecast", "--backtest", "--years", "2025", "--min-fte", "1"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == "Backtest 2025: month-ends January–November, units of 1+ FTE"
    assert [line.split()[0] for line in lines[2:]] == [
        *(f"{m:02d}-end" for m in range(1, 12)),
        "all",
    ]
    assert lines[-1].split()[1] == "22"  # 2 units × 11 month-ends
    assert "2025-11-30: 2 units" in captured.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--unit", "NOPE", "--year", "2025", "--as-of", "2025-06-30"], "unknown unit: NOPE"),
        (["--unit", "SKOLE", "--year", "2025", "--as-of", "2025-02-30"], "not a date"),
        (["--unit", "SKOLE", "--year", "2025", "--as-of", "2024-12-31"], "before the year"),
        (["--unit", "SKOLE", "--year", "2019", "--as-of", "2019-06-30"], "did not exist yet"),
        (["--unit", "SKOLE", "--year", "2025"], "needs --as-of"),
        (["--backtest"], "--backtest needs --years"),
        (["--backtest", "--years", "2024,x"], "expected years"),
    ],
)
def test_bad_forecast_arguments_exit_2_with_one_line(
    stored: None, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["forecast", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
