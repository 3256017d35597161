"""`samraad longest`: the spec's JSON from the stored data (the pure list over the
stored conversations), a readable text, and one-line errors (exit 2)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from samraad.cli import main
from samraad.followup.longest import longest
from samraad.rules import default_ruleset
from tests.followup.test_longest import JOBS, SICK, UNITS, conversations
from tests.interchange.conftest import write_folder
from tests.stats.small_worlds import dataset

# tests/followup/test_longest.py's world as interchange files
FILES = {
    "units.csv": "unit_id,name,kind,parent_id,valid_from,valid_to\n"
    + "\n".join(f"{u},{u},unit,{p or ''},{a}," for u, p, a, _ in UNITS),
    "employees.csv": "employee_id,birth_date,gender\n"
    + "\n".join(f"{e},1980-01-01,F" for e in dict.fromkeys(j[0] for j in JOBS)),
    "employments.csv": "employment_id,employee_id,unit_id,job_group,weekly_hours,start_date,"
    "end_date,end_reason,notice_date\n"
    + "\n".join(f"J{i},{e},{u},hk,{h},{a},,," for i, (e, u, h, a, _) in enumerate(JOBS)),
    "absences.csv": "absence_id,employee_id,cause,start_date,end_date,degree\n"
    + "\n".join(
        f"A{i},{e},{c},{a},{b or ''},{'' if g == 1 else g}"
        for i, (e, c, a, b, g) in enumerate(SICK)
    ),
    "conversations.csv": """
        conversation_id,employee_id,held_on,kind
        C1,L1,2026-01-20,absence_conversation
        C2,L1,2026-01-28,other
        C3,L1,2026-03-05,other
    """,
}
ARGS = ["longest", "--unit", "C", "--as-of", "2026-03-02"]


@pytest.fixture
def stored(db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(write_folder(tmp_path / "w", FILES))]) == 0
    capsys.readouterr()


def test_the_json_is_the_pure_list(stored: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = longest(
        dataset(UNITS, JOBS, SICK), "C", dt.date(2026, 3, 2), conversations, default_ruleset()
    )
    assert printed == [r.to_json() for r in expected]
    assert [r["employee_id"] for r in printed] == ["L1", "L2"]


def test_the_text_shows_the_next_step_and_whether_it_is_overdue(
    stored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*ARGS, "--top", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "C: own sickness going on on 2026-03-02, at least 29 days (1)"
    assert lines[3].split() == [
        "L1",
        "U1",
        "2026-01-02",
        "60",
        "1.00",
        "2026-01-28",
        "other",
        "refund-claim",
        "by",
        "2026-02-06",
        "(overdue)",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--unit", "NOPE", "--as-of", "2026-03-02"], "unknown unit: NOPE"),
        (["--unit", "C", "--as-of", "2026-02-30"], "not a date"),
        (["--unit", "C"], "required: --as-of"),
        (["--unit", "C", "--as-of", "2026-03-02", "--top", "0"], "at least 1"),
        (["--unit", "C", "--as-of", "2026-03-02", "--rules", "nope.toml"], "cannot read"),
    ],
)
def test_bad_longest_arguments_exit_2_with_one_line(
    stored: None, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["longest", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
