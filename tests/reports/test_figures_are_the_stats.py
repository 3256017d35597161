"""A report's figures are `samraad stats`'s for the same unit, periods, structure and
as-of day: read back from the Excel cells (every decimal) and from the PDF's text (as
printed, 2 decimals); the forecast is `samraad forecast`'s and the follow-up the
stats' `follow_up`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from samraad.cli import main
from samraad.documents.formatting import format_integer, format_number, format_percent
from tests.reports.reading import number_formats, pdf_text, sheets
from tests.web.world import World

MONTH = "2026-05"
AS_OF = "2026-05-31"
# (label in the Excel file, first day, last day), in the report's order
PERIODS = [
    ("Måneden", "2026-05-01", "2026-05-31"),
    ("Måneden, året før", "2025-05-01", "2025-05-31"),
    ("År til dato", "2026-01-01", "2026-05-31"),
    ("År til dato, året før", "2025-01-01", "2025-05-31"),
    ("Seneste 12 måneder", "2025-06-01", "2026-05-31"),
    ("Seneste 12 måneder, året før", "2024-06-01", "2025-05-31"),
]
PDF_NAMES = [
    "Maj 2026",
    "Maj 2025",
    "Januar–maj 2026",
    "Januar–maj 2025",
    "Juni 2025–maj 2026",
    "Juni 2024–maj 2025",
]
FIELDS = [
    "working_days",
    "fte",
    "headcount",
    "planned_hours",
    "absence_hours",
    "absence_rate",
    "absence_days_per_fte",
    "spells",
]


def stats(
    capsys: pytest.CaptureFixture[str], unit: str, start: str, end: str, structure: str
) -> dict[str, Any]:
    args = ["stats", "--unit", unit, "--from", start, "--to", end, "--structure", structure]
    assert main([*args, "--as-of", AS_OF, "--json"]) == 0
    found: dict[str, Any] = json.loads(capsys.readouterr().out)
    return found


def report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, unit: str, kind: str, *extra: str
) -> bytes:
    out = tmp_path / f"{unit}.{kind}"
    assert main(["report", "--unit", unit, "--month", MONTH, "--out", str(out), *extra]) == 0
    capsys.readouterr()
    return out.read_bytes()


@pytest.mark.parametrize(
    ("unit", "audience", "structure"),
    [
        ("BUF", "management", "historic"),
        ("SOL", "management", "historic"),
        ("DAG", "management", "current"),
        ("KK", "committee", "current"),
    ],
)
def test_the_excel_cells_are_the_stats_figures(
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    unit: str,
    audience: str,
    structure: str,
) -> None:
    options = ["--audience", audience, "--structure", structure]
    book = sheets(report(capsys, tmp_path, unit, "xlsx", *options))
    header, *rows = book["Nøgletal"]
    assert header[:3] == ["Periode", "Fra", "Til"]
    assert [r[0] for r in rows] == [label for label, _, _ in PERIODS]
    for row, (_, start, end) in zip(rows, PERIODS, strict=True):
        expected = stats(capsys, unit, start, end, structure)
        assert row[1:3] == [dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end)]
        assert row[3:] == [expected[f] for f in FIELDS], (unit, start, end)


def test_the_excel_figures_are_numbers_with_number_formats(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx = report(capsys, tmp_path, "BUF", "xlsx")
    first = sheets(xlsx)["Nøgletal"][1]
    # numbers, never text (openpyxl reads a whole float such as 8.0 back as an int)
    assert all(isinstance(v, int | float) for v in first[3:]), first
    formats = number_formats(xlsx, "Nøgletal")[0]
    assert formats[3:] == [
        "#,##0",
        "#,##0.00",
        "#,##0",
        "#,##0.00",
        "#,##0.00",
        '0.00" %"',
        "#,##0.00",
        "#,##0",
    ]


def pdf_row(name: str, figures: dict[str, Any]) -> str:
    rate = figures["absence_rate"]
    return " ".join(
        [
            name,
            format_number(figures["fte"], 2, "da"),
            format_integer(figures["headcount"], "da"),
            format_number(figures["absence_days_per_fte"], 2, "da"),
            "–" if rate is None else format_percent(rate, 2, "da"),
            format_integer(figures["spells"], "da"),
        ]
    )


def squeezed(text: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", text)


@pytest.mark.parametrize("unit", ["BUF", "DAG", "SOL"])
def test_the_pdf_prints_the_stats_figures(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], unit: str
) -> None:
    text = squeezed(pdf_text(report(capsys, tmp_path, unit, "pdf")))
    for name, (_, start, end) in zip(PDF_NAMES, PERIODS, strict=True):
        expected = pdf_row(name, stats(capsys, unit, start, end, "historic"))
        assert expected in text, (expected, text[:1500])


def test_the_sub_units_are_the_stats_figures_ranked(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = sheets(report(capsys, tmp_path, "DAG", "xlsx"))
    _, *rows = book["Hvor er sygefraværet højest"]
    assert [r[0] for r in rows] == ["SOL", "MAE"]
    for row in rows:
        expected = stats(capsys, row[0], "2025-06-01", "2026-05-31", "historic")
        assert row[2:10] == [expected[f] for f in FIELDS]
        month = stats(capsys, row[0], "2026-05-01", "2026-05-31", "historic")
        assert row[10] == month["absence_rate"]
    days = [r[8] for r in rows]
    assert days == sorted(days, reverse=True)


def test_the_length_groups_and_follow_up_are_the_stats(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = sheets(report(capsys, tmp_path, "BUF", "xlsx"))
    last_12 = stats(capsys, "BUF", "2025-06-01", "2026-05-31", "historic")
    _, *lengths = book["Fraværets længde"]
    assert [(r[0], r[1], r[2]) for r in lengths] == [
        (label, g["spells"], g["absence_hours"]) for label, g in last_12["by_length"].items()
    ]
    _, *follow_up = book["Er samtalerne blevet afholdt"]
    for row, (start, end) in zip(
        follow_up,
        [("2026-05-01", "2026-05-31"), ("2026-01-01", "2026-05-31"), ("2025-06-01", "2026-05-31")],
        strict=True,
    ):
        expected = stats(capsys, "BUF", start, end, "historic")["follow_up"]
        assert row[3:] == [
            expected[k]
            for k in (
                "alerts_raised",
                "closed_on_time",
                "closed_late",
                "open",
                "overdue",
                "compliance",
            )
        ]
    # SOE-1's § 7a alert, raised 1 May and not closed, is overdue on 15 June
    assert follow_up[0][3:8] == [1, 0, 0, 0, 1]


def test_the_target_and_forecast_are_the_forecast_commands(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = sheets(report(capsys, tmp_path, "DAG", "xlsx"))
    values = [row[1] for row in book["Måltal og prognose"][1:]]
    assert main(["forecast", "--unit", "DAG", "--year", "2026", "--as-of", AS_OF, "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    ahead = expected["forecast"]
    assert values[0] == expected["target"] == 10.5  # BUF's, inherited
    assert values[1] == "BUF"
    assert values[2] == expected["observed"]["absence_days_per_fte"]
    assert values[3:6] == [
        round(ahead["absence_days_per_fte"], 2),
        round(ahead["low"], 2),
        round(ahead["high"], 2),
    ]
    assert values[6] == ("ja" if values[3] <= 10.5 else "nej")
