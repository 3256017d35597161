"""The worked example of spec/example: the exact alerts of expected.json."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl

from samraad.rules import RuleHistory, alerts_between
from samraad.stats import Dataset
from tests.spec import EXAMPLE

FIELDS = ("employee_id", "rule_id", "raised_on", "due_by", "reason")


def expected_alerts() -> list[dict[str, str]]:
    entries = json.loads((EXAMPLE / "expected.json").read_text())
    entry = next(e for e in entries if e["command"].startswith("samraad alerts"))
    return list(entry["expected"])


def example_dataset() -> Dataset:
    def read(name: str, **types: type[pl.DataType]) -> pl.DataFrame:
        return pl.read_csv(EXAMPLE / name, infer_schema=False).with_columns(
            pl.col(c).cast(t) if t != pl.Date else pl.col(c).str.to_date() for c, t in types.items()
        )

    return Dataset(
        read("units.csv", valid_from=pl.Date, valid_to=pl.Date),
        read("employments.csv", weekly_hours=pl.Float64, start_date=pl.Date, end_date=pl.Date),
        read("absences.csv", start_date=pl.Date, end_date=pl.Date, degree=pl.Float64),
    )


def test_example_alerts_for_2024_are_exactly_the_expected_ones() -> None:
    alerts = alerts_between(
        example_dataset(), RuleHistory.default(), dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    )
    rows = [{k: str(a[k]) for k in FIELDS} for a in alerts.iter_rows(named=True)]
    assert rows == expected_alerts()
