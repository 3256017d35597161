"""Every unit's figures for every period, by interval arithmetic (spec/statistics.md).

Nothing here expands employee-days. Employments are cut by the structure's closure
rows and by the periods; each piece's working days come from one subtraction in the
calendar's prefix count. All sums are integers:

- planned: Σ weekly hours × SCALE × working days      (planned hours = planned / (5 × SCALE))
- absent:  Σ weekly hours × SCALE × degree × SCALE × working days
                                                       (absent hours = absent / (5 × SCALE²))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from samraad.stats.dataset import Dataset
from samraad.stats.spells import (
    DEFAULT_LENGTH_GROUPS,
    LengthGroup,
    form_spells,
    length_group_index,
    spells_of,
    with_workdays,
)
from samraad.stats.structure import Structure, closure
from samraad.stats.workdays import END, day_number, work_calendar

OWN_SICKNESS = frozenset({"own_sickness"})


@dataclass(frozen=True)
class TableRequest:
    """Which figures to compute: periods (inclusive), units (None: all), structure, causes."""

    periods: Sequence[tuple[dt.date, dt.date]]
    units: Sequence[str] | None = None
    structure: Structure = Structure.HISTORIC
    as_of: dt.date | None = None  # current structure only; default: the last period's end
    causes: frozenset[str] = OWN_SICKNESS
    length_groups: tuple[LengthGroup, ...] = DEFAULT_LENGTH_GROUPS

    def as_of_day(self) -> int:
        return day_number(self.as_of or max(last for _, last in self.periods))


def _overlapping(frame: pl.DataFrame, periods: pl.DataFrame) -> pl.DataFrame:
    """Pair each row (first, last) with every period it overlaps, cut to the period as lo/hi."""
    return frame.join_where(
        periods, pl.col("first") <= pl.col("p_last"), pl.col("last") >= pl.col("p_first")
    ).with_columns(
        pl.max_horizontal("first", "p_first").alias("lo"),
        pl.min_horizontal("last", "p_last").alias("hi"),
    )


def _within(frame: pl.DataFrame, first: str, last: str, day: str) -> pl.DataFrame:
    return frame.filter((pl.col(first) <= pl.col(day)) & (pl.col(day) <= pl.col(last)))


def figures_table(data: Dataset, request: TableRequest) -> pl.DataFrame:
    """Integer sums per (unit_id, period): see `UnitFigures.from_row` for the figures."""
    cal = work_calendar()
    groups = request.length_groups
    periods = pl.DataFrame(
        {
            "period": np.arange(len(request.periods), dtype=np.int64),
            "p_first": [day_number(a) for a, _ in request.periods],
            "p_last": [day_number(b) for _, b in request.periods],
        }
    )
    periods = with_workdays(periods, "p_first", "p_last", "working_days", cal)
    tree = closure(data.unit_rows, request.structure, request.as_of_day())
    if request.units is not None:
        tree = tree.filter(pl.col("ancestor").is_in(list(request.units)))

    # Employments cut by closure rows: (employee, hours, ancestor, first, last).
    placed = (
        data.employment_rows.join(tree, on="unit", suffix="_t")
        .with_columns(
            pl.max_horizontal("first", "first_t").alias("first"),
            pl.min_horizontal("last", "last_t").alias("last"),
        )
        .filter(pl.col("first") <= pl.col("last"))
        .select("employee", "hours", "ancestor", "first", "last")
    )

    worked = with_workdays(_overlapping(placed, periods), "lo", "hi", "wd", cal)
    planned = worked.group_by("ancestor", "period").agg(
        (pl.col("hours") * pl.col("wd")).sum().alias("planned"),
        pl.col("employee").filter(pl.col("wd") > 0).n_unique().alias("headcount"),
    )

    records = form_spells(data.absence_rows(request.causes), cal)
    absent_pieces = (
        records.join(placed, on="employee", suffix="_e")
        .with_columns(
            pl.max_horizontal("first", "first_e").alias("first"),
            pl.min_horizontal("last", "last_e").alias("last"),
        )
        .filter(pl.col("first") <= pl.col("last"))
    )
    absent_pieces = with_workdays(_overlapping(absent_pieces, periods), "lo", "hi", "wd", cal)
    # An hour's spell length is the length as known at the period's end.
    known_length = pl.min_horizontal("spell_last", "p_last") - pl.col("spell_first") + 1
    absent = (
        absent_pieces.with_columns(length_group_index(known_length, groups).alias("group"))
        .group_by("ancestor", "period", "group")
        .agg((pl.col("hours") * pl.col("degree") * pl.col("wd")).sum().alias("absent"))
    )

    # A spell counts in the period holding its last day, for the units its employee
    # belongs to on that day.
    ended = spells_of(records).filter(pl.col("last") < END)
    members = _within(
        ended.join(data.employment_rows, on="employee", suffix="_e"), "first_e", "last_e", "last"
    ).select("spell", "first", "last", "unit")
    members = (
        _within(members.join(tree, on="unit", suffix="_t"), "first_t", "last_t", "last")
        .unique(["spell", "ancestor"])
        .join_where(
            periods, pl.col("last") >= pl.col("p_first"), pl.col("last") <= pl.col("p_last")
        )
    )
    spells = (
        members.with_columns(
            length_group_index(pl.col("last") - pl.col("first") + 1, groups).alias("group")
        )
        .group_by("ancestor", "period", "group")
        .agg(pl.len().cast(pl.Int64).alias("spells"))
    )

    units = (
        pl.DataFrame({"ancestor": list(request.units)}, schema={"ancestor": pl.String})
        if request.units is not None
        else tree.select("ancestor").unique()
    )
    result = units.join(periods, how="cross").join(planned, on=["ancestor", "period"], how="left")
    for index in range(len(groups)):
        part = absent.filter(pl.col("group") == index).drop("group")
        count = spells.filter(pl.col("group") == index).drop("group")
        result = result.join(
            part.rename({"absent": f"absent_{index}"}), on=["ancestor", "period"], how="left"
        ).join(count.rename({"spells": f"spells_{index}"}), on=["ancestor", "period"], how="left")
    group_absent = [f"absent_{i}" for i in range(len(groups))]
    group_spells = [f"spells_{i}" for i in range(len(groups))]
    return (
        result.with_columns(
            pl.col(["planned", "headcount", *group_absent, *group_spells]).fill_null(0)
        )
        .with_columns(
            pl.sum_horizontal(group_absent).alias("absent"),
            pl.sum_horizontal(group_spells).alias("spells"),
            pl.from_epoch("p_first", time_unit="d").alias("period_from"),
            pl.from_epoch("p_last", time_unit="d").alias("period_to"),
        )
        .rename({"ancestor": "unit_id"})
        .select(
            "unit_id",
            "period_from",
            "period_to",
            "working_days",
            "planned",
            "absent",
            "headcount",
            "spells",
            *group_absent,
            *group_spells,
        )
        .sort("unit_id", "period_from", "period_to")
    )
