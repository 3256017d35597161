"""Absence measures computed straight from the frames, independently of the generator.

spec/statistics.md's definitions, vectorised with polars and numpy's business-day
counting (its own holiday list, not the generator's calendar): days per FTE is
(absent hours / 7.4) / FTE, i.e. working days × Σ absent (hours/37 × degree) over
Σ planned hours/37.
"""

from __future__ import annotations

import datetime as dt

import holidays
import numpy as np
import numpy.typing as npt
import polars as pl

FAR = dt.date(2100, 12, 31)


def days_off(first_year: int, last_year: int) -> npt.NDArray[np.datetime64]:
    years = range(first_year, last_year + 1)
    off = list(holidays.country_holidays("DK", categories=("public",), years=years))
    off += [dt.date(y, m, d) for y in years for m, d in ((6, 5), (12, 24), (12, 31))]
    return np.array(sorted(off), dtype="datetime64[D]")


OFF = days_off(2015, 2040)


def working_days(first: pl.Series, last: pl.Series) -> npt.NDArray[np.int64]:
    """Working days in [first, last] per row (0 if last < first)."""
    a = first.to_numpy().astype("datetime64[D]")
    b = last.to_numpy().astype("datetime64[D]") + np.timedelta64(1, "D")
    return np.busday_count(a, np.maximum(a, b), holidays=OFF).astype(np.int64)


def _clip(frame: pl.DataFrame, first: dt.date, last: dt.date, start: str, end: str) -> pl.DataFrame:
    return frame.with_columns(
        pl.max_horizontal(pl.col(start), pl.lit(first)).alias("_a"),
        pl.min_horizontal(pl.col(end).fill_null(FAR), pl.lit(last)).alias("_b"),
    )


def planned(employments: pl.DataFrame, first: dt.date, last: dt.date) -> pl.DataFrame:
    """Employments with `fte_days`: hours/37 × working days within [first, last]."""
    e = _clip(employments, first, last, "start_date", "end_date")
    days = working_days(e["_a"], e["_b"])
    return e.with_columns(fte_days=pl.Series(days) * pl.col("weekly_hours") / 37)


def absent(
    frames: dict[str, pl.DataFrame],
    first: dt.date,
    last: dt.date,
    causes: tuple[str, ...] = ("own_sickness",),
) -> pl.DataFrame:
    """Absence records × employments of the same person, with `fte_days` absent in the
    intersection within [first, last], and the employment's job group and unit."""
    a = frames["absences"].filter(pl.col("cause").is_in(causes))
    e = frames["employments"].select(
        "employee_id",
        "job_group",
        "unit_id",
        "weekly_hours",
        pl.col("start_date").alias("e_start"),
        pl.col("end_date").alias("e_end"),
    )
    j = a.join(e, on="employee_id").with_columns(
        pl.max_horizontal("start_date", "e_start", pl.lit(first)).alias("_a"),
        pl.min_horizontal(
            pl.col("end_date").fill_null(FAR), pl.col("e_end").fill_null(FAR), pl.lit(last)
        ).alias("_b"),
    )
    days = working_days(j["_a"], j["_b"])
    return j.with_columns(fte_days=pl.Series(days) * pl.col("weekly_hours") / 37 * pl.col("degree"))


def days_per_fte(
    frames: dict[str, pl.DataFrame], first: dt.date, last: dt.date, by: str | None = None
) -> dict[str, float]:
    """Own-sickness days per FTE over [first, last], for everyone or by a column."""
    w = int(working_days(pl.Series([first]), pl.Series([last]))[0])
    p = planned(frames["employments"], first, last)
    x = absent(frames, first, last)
    key = by or "_all"
    if by is None:
        p, x = p.with_columns(_all=pl.lit("all")), x.with_columns(_all=pl.lit("all"))
    num = x.group_by(key).agg(pl.col("fte_days").sum())
    den = p.group_by(key).agg(pl.col("fte_days").sum().alias("planned"))
    both = den.join(num, on=key, how="left").fill_null(0)
    return {row[key]: w * row["fte_days"] / row["planned"] for row in both.iter_rows(named=True)}


def spells(frames: dict[str, pl.DataFrame], today: dt.date) -> pl.DataFrame:
    """Own-sickness spells: records that follow each other (no working day between) merge.

    Columns: employee_id, first, last (null while going on), length (as known at today).
    """
    a = (
        frames["absences"]
        .filter(pl.col("cause") == "own_sickness")
        .sort("employee_id", "start_date")
    )
    prev_end = a["end_date"].shift(1)
    same = a["employee_id"] == a["employee_id"].shift(1)
    gap = np.zeros(len(a), dtype=np.int64)
    ok = same.fill_null(False).to_numpy() & prev_end.is_not_null().to_numpy()
    gap[ok] = working_days(
        (prev_end.filter(pl.Series(ok)) + dt.timedelta(days=1)),
        a["start_date"].filter(pl.Series(ok)) - dt.timedelta(days=1),
    )
    new = ~ok | (gap > 0)
    a = a.with_columns(spell=pl.Series(np.cumsum(new)))
    s = a.group_by("spell").agg(
        pl.col("employee_id").first(),
        pl.col("start_date").min().alias("first"),
        pl.col("end_date").last().alias("last"),
    )
    return s.with_columns(
        length=(
            pl.col("last").fill_null(today).clip(upper_bound=today) - pl.col("first")
        ).dt.total_days()
        + 1
    )


def length_class(length: pl.Expr) -> pl.Expr:
    return (
        pl.when(length <= 3)
        .then(pl.lit("1-3"))
        .when(length <= 14)
        .then(pl.lit("4-14"))
        .when(length <= 30)
        .then(pl.lit("15-30"))
        .otherwise(pl.lit("31+"))
    )
