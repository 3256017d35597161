"""The backtest on a small synthetic municipality: every unit of 20+ FTE at every
month-end, the forecasts being exactly those a user would get on that day."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from samraad.forecast import forecast, forecast_units
from samraad.forecast.backtest import backtest_rows, month_end, render, summary
from samraad.stats import Dataset, unit_figures
from samraad.synth import generate_frames


@pytest.fixture(scope="module")
def town() -> Dataset:
    frames = generate_frames(employees=1_500, years=3, seed=3, today=dt.date(2025, 12, 31))
    return Dataset(frames["units"], frames["employments"], frames["absences"])


@pytest.fixture(scope="module")
def rows(town: Dataset) -> pl.DataFrame:
    return backtest_rows(town, [2025])


def test_every_unit_of_20_fte_is_tried_at_every_month_end(rows: pl.DataFrame) -> None:
    assert sorted(set(rows["month"])) == list(range(1, 12))
    assert rows["fte"].min() >= 20
    assert rows.group_by("month").len()["len"].min() >= 40
    assert rows.null_count().row(0) == (0,) * rows.width


def test_the_summary_has_a_row_per_month_and_one_for_all(rows: pl.DataFrame) -> None:
    table = summary(rows)
    assert table["month"].to_list() == [*range(1, 12), None]
    overall = table.row(11, named=True)
    assert overall["unit_months"] == rows.height
    assert overall["mae_method"] == pytest.approx((rows["forecast"] - rows["actual"]).abs().mean())
    assert 0 <= overall["coverage"] <= 1
    text = render(table)
    assert text.splitlines()[0].split() == [
        "as", "of", "unit-months", "MAE", "method", "MAE", "YTD", "MAE", "last", "yr",
        "80", "%", "interval", "holds",
    ]  # fmt: skip
    assert text.splitlines()[-1].startswith("all")


def test_backtest_rows_are_the_forecasts_a_user_gets(town: Dataset, rows: pl.DataFrame) -> None:
    for unit, month in [("KK", 3), ("BUF", 6), (rows["unit_id"][-1], 10)]:
        row = rows.filter((pl.col("unit_id") == unit) & (pl.col("month") == month)).row(
            0, named=True
        )
        made = forecast(town, unit, 2025, month_end(2025, month))
        assert made.outlook.days_per_fte == pytest.approx(row["forecast"], rel=1e-12)
        assert (made.outlook.low, made.outlook.high) == pytest.approx((row["low"], row["high"]))
        actual = unit_figures(town, unit, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        assert row["actual"] == pytest.approx(float(actual.absence_days_per_fte))


def test_many_units_at_once_equal_one_at_a_time(town: Dataset) -> None:
    day = dt.date(2025, 8, 31)
    together = {o.unit: o for o in forecast_units(town, 2025, day)}
    for unit in ["KK", "SUF", sorted(together)[len(together) // 2], sorted(together)[-1]]:
        alone = forecast(town, unit, 2025, day).outlook
        assert alone == together[unit]
