"""Who belongs to which unit, and which unit lies above which, on given days.

The same closure as the figures (spec/statistics.md, "A unit's figures"): a unit's
population is every employment whose unit is the unit or lies below it, under the
structure asked for. For analyses that need people rather than sums (a forecast
follows each open spell of a unit's staff).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from samraad.stats.dataset import SCALE, Dataset
from samraad.stats.hours import exact_ratio
from samraad.stats.structure import Structure, closure, rows_as_of
from samraad.stats.workdays import day_number

MEMBER_COLUMNS = {
    "unit_id": pl.String,
    "employee_id": pl.String,
    "weekly_hours": pl.Float64,
    "start_date": pl.Date,
    "end_date": pl.Date,
}


def _date(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.Int32).cast(pl.Date)


def unit_members(
    data: Dataset,
    first: dt.date,
    last: dt.date,
    *,
    units: Sequence[str] | None = None,
    structure: Structure = Structure.HISTORIC,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """The employments in each unit (or below it) on some day of [first, last].

    One row per unit, employment and stretch of days: unit_id (the unit asked about),
    employee_id, weekly_hours, start_date and end_date (the stretch, within [first,
    last]). `as_of` is the current structure's day (default `last`). An employment
    whose place in the tree changes inside the window (a transfer) gives one row per
    stretch. Sorted by unit, employee and start.
    """
    lo, hi = day_number(first), day_number(last)
    tree = closure(data.unit_rows, structure, day_number(as_of or last))
    if units is not None:
        tree = tree.filter(pl.col("ancestor").is_in(list(units)))
    jobs = data.employment_rows.filter((pl.col("first") <= hi) & (pl.col("last") >= lo))
    jobs = jobs.with_columns(exact_ratio(jobs["hours"], SCALE, "weekly_hours"))
    return (
        jobs.join(tree, on="unit", suffix="_tree")
        .with_columns(
            pl.max_horizontal("first", "first_tree", pl.lit(lo)).alias("from"),
            pl.min_horizontal("last", "last_tree", pl.lit(hi)).alias("to"),
        )
        .filter(pl.col("from") <= pl.col("to"))
        .select(
            pl.col("ancestor").alias("unit_id"),
            pl.col("employee").alias("employee_id"),
            "weekly_hours",
            _date("from").alias("start_date"),
            _date("to").alias("end_date"),
        )
        .cast(MEMBER_COLUMNS)  # type: ignore[arg-type]
        .sort("unit_id", "employee_id", "start_date")
    )


def parents_on(data: Dataset, day: dt.date) -> dict[str, str | None]:
    """Each unit's parent on `day`; a unit closed by then keeps the parent it last had,
    one not yet open the parent it will first have (as the current structure reads
    the tree, spec/statistics.md)."""
    rows = rows_as_of(data.unit_rows, day_number(day))
    return dict(zip(rows["unit"].to_list(), rows["parent"].to_list(), strict=True))
