"""Per-employee measures over a window (spec/statistics.md, "Other measures").

For a manager's list of their people and for analyses: absent working days, absence
hours, spells touching the window and the Bradford factor S² × D.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from samraad.stats.dataset import Dataset
from samraad.stats.figures import ABSENT_DIVISOR
from samraad.stats.spells import form_spells, with_workdays
from samraad.stats.table import OWN_SICKNESS
from samraad.stats.workdays import day_number, work_calendar

SCHEMA = {
    "employee_id": pl.String,
    "absent_days": pl.Int64,
    "absence_hours": pl.Float64,
    "spells": pl.Int64,
    "bradford": pl.Int64,
}


def employee_absence(
    data: Dataset,
    start: dt.date,
    end: dt.date,
    *,
    employees: Sequence[str] | None = None,
    causes: frozenset[str] = OWN_SICKNESS,
) -> pl.DataFrame:
    """One row per employee with absence in [start, end]: employee_id, absent_days
    (working days with any absence, any degree), absence_hours (over all their
    employments), spells (with an absent working day in the window), bradford (S² × D)."""
    cal = work_calendar()
    first, last = day_number(start), day_number(end)
    records = data.absence_rows(causes)
    if employees is not None:
        records = records.filter(pl.col("employee").is_in(list(employees)))
    records = form_spells(records, cal).with_columns(
        pl.max_horizontal("first", pl.lit(first)).alias("lo"),
        pl.min_horizontal("last", pl.lit(last)).alias("hi"),
    )
    records = with_workdays(records, "lo", "hi", "wd", cal).filter(pl.col("wd") > 0)
    days = records.group_by("employee").agg(
        pl.col("wd").sum().alias("absent_days"), pl.col("spell").n_unique().alias("spells")
    )
    pieces = (
        records.select("employee", "lo", "hi", "degree")
        .join(data.employment_rows.select("employee", "hours", "first", "last"), on="employee")
        .with_columns(
            pl.max_horizontal("lo", "first").alias("a"), pl.min_horizontal("hi", "last").alias("b")
        )
    )
    pieces = with_workdays(pieces, "a", "b", "wd", cal)
    hours = pieces.group_by("employee").agg(
        ((pl.col("hours") * pl.col("degree") * pl.col("wd")).sum() / ABSENT_DIVISOR).alias(
            "absence_hours"
        )
    )
    return (
        days.join(hours, on="employee", how="left")
        .with_columns(
            pl.col("absence_hours").fill_null(0.0),
            (pl.col("spells") ** 2 * pl.col("absent_days")).cast(pl.Int64).alias("bradford"),
        )
        .rename({"employee": "employee_id"})
        .select(list(SCHEMA))
        .cast(SCHEMA)  # type: ignore[arg-type]
        .sort("employee_id")
    )
