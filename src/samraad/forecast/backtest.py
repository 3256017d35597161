"""The backtest: the forecast against what the year turned out to be, and against two
naive forecasts (spec/management-information.md, "Forecast (prognose)").

For each year asked and each month-end from January to November (a forecast made on
31 December has nothing left to forecast), every unit with at least `min_fte` FTE in
the year to date — a choice known on the day — is forecast from the data as known on
that month-end, and compared with the year's actual days per FTE from all the data:
- the method's absolute error and whether its 80 % interval held the actual figure;
- naive 1: the year-to-date rate carried to the year's end;
- naive 2: last year's figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import polars as pl

from samraad.forecast.forecasting import forecast_units
from samraad.stats import Dataset, Structure, TableRequest, figures_table, with_hours

MONTHS = range(1, 12)  # month-ends January to November
MIN_FTE = 20.0

ROW_SCHEMA = {
    "year": pl.Int64,
    "month": pl.Int64,
    "unit_id": pl.String,
    "fte": pl.Float64,
    "actual": pl.Float64,
    "forecast": pl.Float64,
    "low": pl.Float64,
    "high": pl.Float64,
    "naive_year_to_date": pl.Float64,
    "naive_last_year": pl.Float64,
}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def actual_figures(
    data: Dataset, year: int, structure: Structure, as_of: dt.date | None = None
) -> pl.DataFrame:
    """unit_id, actual: every unit's days per FTE for the whole year, from all the data."""
    request = TableRequest(
        periods=[(dt.date(year, 1, 1), dt.date(year, 12, 31))], structure=structure, as_of=as_of
    )
    table = with_hours(figures_table(data, request))
    return table.filter(pl.col("planned_hours") > 0).select(
        "unit_id",
        (pl.col("absence_hours") / pl.col("planned_hours") * pl.col("working_days")).alias(
            "actual"
        ),
    )


def backtest_rows(
    data: Dataset,
    years: Sequence[int],
    *,
    structure: Structure = Structure.HISTORIC,
    min_fte: float = MIN_FTE,
    progress: Callable[[str], None] | None = None,
) -> pl.DataFrame:
    """One row per unit and month-end (ROW_SCHEMA)."""
    parts = []
    for year in years:
        actual = actual_figures(data, year, structure)
        for month in MONTHS:
            day = month_end(year, month)
            if structure is Structure.CURRENT:  # the tree the forecast used
                actual = actual_figures(data, year, structure, day)
            outlooks = forecast_units(data, year, day, structure=structure)
            rows = pl.DataFrame(
                [
                    (
                        year,
                        month,
                        o.unit,
                        o.observed_fte,
                        o.days_per_fte,
                        o.low,
                        o.high,
                        o.naive_year_to_date,
                        o.naive_last_year,
                    )
                    for o in outlooks
                    if o.observed_fte >= min_fte
                ],
                schema={k: v for k, v in ROW_SCHEMA.items() if k != "actual"},
                orient="row",
            )
            parts.append(rows.join(actual, on="unit_id").select(list(ROW_SCHEMA)))
            if progress is not None:
                progress(f"{day}: {rows.height} units")
    return pl.concat(parts) if parts else pl.DataFrame(schema=ROW_SCHEMA)


def summary(rows: pl.DataFrame) -> pl.DataFrame:
    """By month of the forecast's day, then all together: unit-months, the mean absolute
    error (days per FTE) of the method and of both naive forecasts, and the share of
    actual figures inside the 80 % interval."""
    measures = [
        pl.len().alias("unit_months"),
        (pl.col("forecast") - pl.col("actual")).abs().mean().alias("mae_method"),
        (pl.col("naive_year_to_date") - pl.col("actual")).abs().mean().alias("mae_year_to_date"),
        (pl.col("naive_last_year") - pl.col("actual")).abs().mean().alias("mae_last_year"),
        pl.col("actual").is_between(pl.col("low"), pl.col("high")).mean().alias("coverage"),
    ]
    by_month = rows.group_by("month").agg(measures).sort("month")
    overall = rows.select(pl.lit(None, pl.Int64).alias("month"), *measures)
    return pl.concat([by_month, overall]).with_columns(pl.col("unit_months").cast(pl.Int64))


def render(table: pl.DataFrame) -> str:
    """The summary as a text table (the one docs/forecast.md shows)."""
    lines = [
        f"{'as of':<8}{'unit-months':>12}{'MAE method':>12}{'MAE YTD':>10}"
        f"{'MAE last yr':>13}{'80 % interval holds':>21}"
    ]
    for row in table.iter_rows(named=True):
        label = "all" if row["month"] is None else f"{row['month']:02d}-end"
        lines.append(
            f"{label:<8}{row['unit_months']:>12,}{row['mae_method']:>12.3f}"
            f"{row['mae_year_to_date']:>10.3f}{row['mae_last_year']:>13.3f}"
            f"{100 * row['coverage']:>20.1f}%"
        )
    return "\n".join(lines)
