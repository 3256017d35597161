"""spec/example/: every command of expected.json, run through the command, gives exactly
the expected fields."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest

from samraad.cli import main
from tests.spec import EXAMPLE

CASES = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))


def _subset(actual: object, expected: object) -> bool:
    """The command may add fields; every expected field must be there, equal."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and _subset(actual[key], value) for key, value in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_subset(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return actual == expected


@pytest.fixture
def example_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "example"
    folder.mkdir()
    for name in ("units.csv", "employees.csv", "employments.csv", "absences.csv"):
        shutil.copy(EXAMPLE / name, folder / name)
    assert main(["import", str(folder)]) == 0
    capsys.readouterr()


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[c["command"].split("(")[0].strip() for c in CASES])
def test_worked_example_command_gives_expected_output(
    case: dict[str, object], example_imported: None, capsys: pytest.CaptureFixture[str]
) -> None:
    command = str(case["command"]).split("(")[0]
    argv = shlex.split(command)[1:]
    assert main(argv) == 0
    output = json.loads(capsys.readouterr().out)
    assert _subset(output, case["expected"]), json.dumps(output, indent=1, ensure_ascii=False)
