"""SD's extracts give the same figures as the interchange files they stand for, and the
worked example (spec/example) comes out of SD-format input exactly."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import shlex
import shutil
from pathlib import Path

import polars as pl
import pytest

from samraad.cli import main
from samraad.interchange.reading import Folder, read_folder
from samraad.interchange.validation import validate
from samraad.stats import Dataset, Structure, TableRequest, figures_table, unit_figures
from tests.cli.test_worked_example import CASES, _subset
from tests.spec import EXAMPLE

from .conftest import FILES, SECRET, Run, sd

CAUSES = [
    frozenset({"own_sickness"}),
    frozenset({"child_sickness"}),
    frozenset({"maternity"}),
    frozenset({"own_sickness", "child_sickness", "maternity", "work_injury"}),
]
PERIODS = [
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    (dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
    (dt.date(2025, 5, 1), dt.date(2025, 7, 31)),
    (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
]


def dataset(folder: Folder) -> Dataset:
    validated = validate(folder, {})
    assert validated.ok, validated.errors
    frames = validated.incoming

    def typed(name: str, dates: tuple[str, str], number: str | None = None) -> pl.DataFrame:
        frame = frames[name].with_columns(pl.col(dates).str.to_date())
        return frame.with_columns(pl.col(number).cast(pl.Float64)) if number else frame

    return Dataset(
        typed("units", ("valid_from", "valid_to")),
        typed("employments", ("start_date", "end_date"), "weekly_hours"),
        typed("absences", ("start_date", "end_date"), "degree"),
    )


def test_sd_extract_gives_the_figures_of_its_interchange_files() -> None:
    from_sd = dataset(sd(FILES / "sd").folder)
    from_files = dataset(read_folder(FILES / "sd-equivalent"))
    for causes in CAUSES:
        for structure in Structure:
            request = TableRequest(PERIODS, structure=structure, causes=causes)
            one = figures_table(from_sd, request).sort("unit_id", "period_from", "period_to")
            other = figures_table(from_files, request).sort("unit_id", "period_from", "period_to")
            assert one.height == 16  # 4 units × 4 periods
            assert one.equals(other), (causes, structure)
    year = unit_figures(from_sd, "TB", *PERIODS[0])
    assert (year.headcount, year.spells) == (5, 7)  # not a comparison of two empty worlds


def key(cpr: str) -> str:
    return hmac.new(SECRET.encode(), cpr.encode(), hashlib.sha256).hexdigest()[:32]


# The people of spec/example, as SD_PERSON.csv of tests/sources/files/sd-example has them.
EXAMPLE_KEYS = {"X1": key("0104751234"), "X2": key("0909014011"), "X3": key("1212592002")}


@pytest.fixture
def example_from_sd(run_import: Run, tmp_path: Path) -> None:
    folder = Path(shutil.copytree(FILES / "sd-example", tmp_path / "sd"))
    shutil.copy(EXAMPLE / "units.csv", folder)
    outcome = run_import("--format", "sd", str(folder))
    assert (outcome.code, outcome.err) == (0, "")


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[c["command"].split("(")[0].strip() for c in CASES])
def test_worked_example_from_sd_input_gives_the_expected_output(
    case: dict[str, object], example_from_sd: None, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = shlex.split(str(case["command"]).split("(")[0])[1:]
    assert main(argv) == 0
    output = json.loads(capsys.readouterr().out)
    expected = json.loads(
        json.dumps(case["expected"])
        .replace('"X1"', f'"{EXAMPLE_KEYS["X1"]}"')
        .replace('"X2"', f'"{EXAMPLE_KEYS["X2"]}"')
        .replace('"X3"', f'"{EXAMPLE_KEYS["X3"]}"')
    )
    if isinstance(expected, list):  # alerts: sorted by day, then employee key
        expected.sort(key=lambda a: (a["raised_on"], a["employee_id"], a["rule_id"]))
    assert _subset(output, expected), json.dumps(output, indent=1, ensure_ascii=False)
