"""`samraad targets breakdown`: the spec's JSON, the inherited target, --write only with
leave to replace, and one-line errors (exit 2)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from samraad.cli import main
from samraad.org.models import Target
from tests.interchange.conftest import write_folder

# P (with one of its own) has children A and B. 2025: A's two full-timers had 10 sick
# days, B's one 2, P's own none: 5, 2 and 0 days per FTE; P's rows 12 / 4 = 3.
FILES = {
    "units.csv": """
        unit_id,name,kind,parent_id,valid_from,valid_to
        KK,Kommunen,municipality,,2020-01-01,
        P,Forvaltningen,administration,KK,2020-01-01,
        A,Center A,centre,P,2020-01-01,
        B,Center B,centre,P,2020-01-01,
    """,
    "employees.csv": """
        employee_id,birth_date,gender
        A1,1980-05-01,F
        A2,1981-05-01,F
        B1,1982-05-01,M
        D1,1983-05-01,M
    """,
    "employments.csv": """
        employment_id,employee_id,unit_id,job_group,weekly_hours,start_date,end_date,end_reason,notice_date
        F1,A1,A,hk,37,2020-01-01,,,
        F2,A2,A,hk,37,2020-01-01,,,
        F3,B1,B,hk,37,2020-01-01,,,
        F4,D1,P,ac,37,2020-01-01,,,
    """,
    "absences.csv": """
        absence_id,employee_id,cause,start_date,end_date,degree
        S1,A1,own_sickness,2025-01-06,2025-01-17,
        S2,B1,own_sickness,2025-03-03,2025-03-04,
    """,
    "targets.csv": """
        unit_id,year,absence_days_per_fte
        KK,2026,9
    """,
}
BREAKDOWN = ["targets", "breakdown", "--unit", "P", "--year", "2026"]


@pytest.fixture
def stored(db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(write_folder(tmp_path / "p", FILES))]) == 0
    capsys.readouterr()


def test_the_json_breaks_the_inherited_target_down(
    stored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*BREAKDOWN, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == {
        "unit": "P",
        "year": 2026,
        "method": "proportional",
        "target": 9.0,
        "target_set_for": "KK",
        "baseline_years": 1,
        "structure": "current",
        "baseline": {
            "from": "2025-01-01",
            "to": "2025-12-31",
            "absence_days_per_fte": 3.0,
            "fte": 4.0,
        },
        "children": [
            {"unit": "A", "baseline_days_per_fte": 5.0, "baseline_fte": 2.0, "target": 15.0},
            {"unit": "B", "baseline_days_per_fte": 2.0, "baseline_fte": 1.0, "target": 6.0},
            {"unit": "(direct)", "baseline_days_per_fte": 0.0, "baseline_fte": 1.0, "target": 0.0},
        ],
    }
    assert not Target.objects.filter(unit_id__in=["A", "B"]).exists()


def test_the_text_shows_each_row_and_the_weighted_mean(
    stored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*BREAKDOWN, "--method", "same"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "P  target 2026: 9.00 days per FTE (set for KK)"
    assert out[4].split() == ["A", "5.00", "2.0", "9.00"]
    assert out[-1].strip() == "FTE-weighted mean of the targets: 9.00"


def test_write_stores_the_childrens_targets_and_refuses_to_replace_unasked(
    stored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*BREAKDOWN, "--write"]) == 0
    stored_targets = dict(
        Target.objects.filter(year=2026).values_list("unit_id", "absence_days_per_fte")
    )
    assert stored_targets == {"KK": Decimal(9), "A": Decimal(15), "B": Decimal(6)}
    capsys.readouterr()
    assert main([*BREAKDOWN, "--method", "same", "--write"]) == 2
    assert "A, B already have a target for 2026; nothing written" in capsys.readouterr().err
    assert Target.objects.get(unit_id="A", year=2026).absence_days_per_fte == 15
    assert main([*BREAKDOWN, "--method", "same", "--write", "--replace"]) == 0
    assert Target.objects.get(unit_id="A", year=2026).absence_days_per_fte == 9


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--unit", "NOPE", "--year", "2026"], "unknown unit: NOPE"),
        (["--unit", "P", "--year", "2027"], "no target for 2027 for P or any unit above it"),
        (["--unit", "P", "--year", "2026", "--replace"], "--replace goes with --write"),
        (["--unit", "P", "--year", "2026", "--baseline-years", "0"], "at least 1"),
        (["--unit", "P", "--year", "2026", "--method", "even"], "invalid choice"),
    ],
)
def test_bad_breakdown_arguments_exit_2_with_one_line(
    stored: None, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["targets", "breakdown", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
