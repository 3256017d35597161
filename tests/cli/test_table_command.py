"""`samraad table`: the same figures as `samraad stats --json`, cell by cell, in every
format; periods cut at --from and --to; bad arguments exit 2 with one line."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from samraad.cli import main
from samraad.cli.table import periods
from samraad.synth import generate_frames, write_folder

TODAY = dt.date(2025, 11, 15)


@pytest.fixture
def municipality(db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A small synthetic municipality (with a transfer), imported through the command."""
    frames = generate_frames(employees=120, years=2, seed=3, today=TODAY)
    write_folder(frames, tmp_path / "files")
    assert main(["import", str(tmp_path / "files")]) == 0
    capsys.readouterr()


def read_back(path: Path, kind: str) -> list[dict[str, object]]:
    """The rows of a written table, as Python values."""
    if kind == "csv":
        frame = pl.read_csv(path, try_parse_dates=True)
    elif kind == "parquet":
        frame = pl.read_parquet(path)
    else:
        book = openpyxl.load_workbook(path, read_only=True)
        sheet = book.active
        assert sheet is not None
        header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        book.close()
        return [
            {
                name: value.date() if isinstance(value, dt.datetime) else value
                for name, value in zip(header, row, strict=True)
            }
            for row in rows
        ]
    return frame.to_dicts()


def stats_json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict[str, object]:
    assert main(["stats", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def flattened(figures: dict[str, object]) -> dict[str, object]:
    """stats --json's fields as a table row has them (spec/cli.md)."""
    row: dict[str, object] = {}
    for name, value in figures.items():
        if name == "by_length":
            assert isinstance(value, dict)
            for label, group in value.items():
                prefix = "length_" + label.replace("-", "_").replace("+", "_plus")
                row[f"{prefix}_spells"] = group["spells"]
                row[f"{prefix}_absence_hours"] = group["absence_hours"]
        elif name == "causes":
            assert isinstance(value, list)
            row[name] = ",".join(value)
        elif name not in ("from", "to", "follow_up"):
            row[name] = value
    return row


@pytest.mark.parametrize(
    ("kind", "by", "structure"),
    [
        ("csv", "month", "historic"),
        ("parquet", "quarter", "current"),
        ("xlsx", "month", "current"),
        ("parquet", "year", "historic"),
    ],
)
def test_table_equals_stats_cell_by_cell(
    municipality: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    by: str,
    structure: str,
) -> None:
    out = tmp_path / f"table.{kind}"
    span = ["--from", "2024-02-10", "--to", "2025-10-20", "--structure", structure]
    common = [*span[4:], "--as-of", "2025-06-30", "--causes", "own_sickness,work_injury"]
    argv = ["table", "--from", "2024-02-10", "--to", "2025-10-20", "--by", by, *common]
    assert main([*argv, "--format", kind, "--out", str(out)]) == 0
    rows = read_back(out, kind)
    units = {row["unit"] for row in rows}
    assert len(rows) == len(units) * len(
        periods(
            dt.date(2024, 2, 10), dt.date(2025, 10, 20), {"month": 1, "quarter": 3, "year": 12}[by]
        )
    )
    rng = random.Random(42)
    for row in rng.sample(rows, 12):
        start, end = row["period_start"], row["period_end"]
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        single = flattened(
            stats_json(
                capsys,
                ["--unit", str(row["unit"]), "--from", str(start), "--to", str(end), *common],
            )
        )
        assert {k: v for k, v in row.items() if k not in ("period_start", "period_end")} == single


def test_sampled_rows_have_absence(
    municipality: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The world behind the comparison is not empty: most months have absence."""
    out = tmp_path / "table.parquet"
    argv = ["table", "--from", "2024-01-01", "--to", "2025-10-31", "--by", "month"]
    assert main([*argv, "--format", "parquet", "--out", str(out)]) == 0
    rows = pl.read_parquet(out)
    assert rows.filter(pl.col("spells") > 0).height > rows.height / 4
    assert rows["unit"].n_unique() > 20


def test_periods_are_cut_at_from_and_to() -> None:
    assert periods(dt.date(2024, 2, 10), dt.date(2024, 8, 5), 3) == [
        (dt.date(2024, 2, 10), dt.date(2024, 3, 31)),
        (dt.date(2024, 4, 1), dt.date(2024, 6, 30)),
        (dt.date(2024, 7, 1), dt.date(2024, 8, 5)),
    ]
    assert periods(dt.date(2024, 12, 31), dt.date(2025, 1, 1), 1) == [
        (dt.date(2024, 12, 31), dt.date(2024, 12, 31)),
        (dt.date(2025, 1, 1), dt.date(2025, 1, 1)),
    ]
    assert periods(dt.date(2023, 5, 1), dt.date(2024, 2, 29), 12) == [
        (dt.date(2023, 5, 1), dt.date(2023, 12, 31)),
        (dt.date(2024, 1, 1), dt.date(2024, 2, 29)),
    ]


def test_units_gives_them_and_everything_below(db: None, tmp_path: Path) -> None:
    from tests.spec import EXAMPLE

    assert main(["import", str(EXAMPLE)]) == 0
    out = tmp_path / "adm1.csv"
    argv = ["table", "--from", "2024-01-01", "--to", "2024-12-31", "--by", "year"]
    assert main([*argv, "--units", "ADM1", "--format", "csv", "--out", str(out)]) == 0
    # DRIFT moved from ADM1 to ADM2 on 1 July 2024: in ADM1's table for 2024 (historic).
    assert pl.read_csv(out)["unit"].to_list() == ["ADM1", "DRIFT", "SKOLE"]
    current = [*argv, "--structure", "current", "--units", "ADM1"]
    assert main([*current, "--format", "csv", "--out", str(out)]) == 0
    assert pl.read_csv(out)["unit"].to_list() == ["ADM1", "SKOLE"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--units", "KK,NOPE"], "unknown unit: NOPE"),
        (["--from", "2025-02-30"], "not a date"),
        (["--from", "2026-01-01"], "is after --to"),
        (["--by", "week"], "invalid choice: 'week'"),
        (["--format", "json"], "invalid choice: 'json'"),
        (["--causes", "flu"], "unknown cause flu"),
        (["--out", "/no/such/folder/t.csv"], "no such folder"),
    ],
)
def test_bad_table_arguments_exit_2_with_one_line(
    db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    from tests.spec import EXAMPLE

    assert main(["import", str(EXAMPLE)]) == 0
    capsys.readouterr()
    defaults = {
        "--from": "2025-01-01",
        "--to": "2025-12-31",
        "--by": "month",
        "--format": "csv",
        "--out": str(tmp_path / "t.csv"),
    }
    options = {**defaults, **dict(zip(argv[::2], argv[1::2], strict=True))}
    assert main(["table", *(part for pair in options.items() for part in pair)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
