"""One slice of employees' figures on one grid (see table.py): integer sums only.

Additive sums (planned, absent by length group) go per (leaf unit, segment) into
`leaf`, rolled up through the closure once at the end; distinct counts go straight
per (ancestor, period) into `direct` where they cannot be rolled up (counts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from samraad.stats.counts import distinct, headcount
from samraad.stats.grid import Grid, add_at
from samraad.stats.workdays import IntArray


@dataclass(frozen=True)
class Columns:
    """Where each figure sits along the last axis of the sum matrices."""

    groups: int
    planned: int = 0
    spell_days: int = 1
    spell_employees: int = 2
    headcount: int = 3

    def absent(self, group: int = 0) -> int:
        return 4 + group

    def spells(self, group: int = 0) -> int:
        return 4 + self.groups + group

    @property
    def width(self) -> int:
        return 4 + 2 * self.groups


@dataclass(frozen=True)
class Slice:
    """A slice of employees, with integer codes for employee and unit (see table.py).

    employments: employee, unit, hours, first, last
    records: employee, first, last, degree, spell, spell_first, spell_last
    ended: spell, employee, first, last (spells that have ended)
    members: employee, ancestor, first, last (employments laid on the closure)
    """

    employments: pl.DataFrame
    records: pl.DataFrame
    ended: pl.DataFrame
    members: pl.DataFrame


def add_slice(
    grid: Grid,
    tree: pl.DataFrame,
    data: Slice,
    bounds: IntArray,
    leaf: IntArray,
    direct: IntArray,
) -> None:
    """Add the slice's sums into `leaf` [units, segments, figures] and `direct`
    [ancestors, periods, figures]. `bounds`: the lower bounds of length groups 2, 3, …"""
    cols = Columns(len(bounds) + 1)
    jobs = data.employments
    leaf[:, :, cols.planned] += grid.spread(
        *(jobs[c].to_numpy() for c in ("unit", "first", "last", "hours"))
    )
    _add_absent(grid, jobs, data.records, bounds, leaf, cols)
    _add_spells(grid, tree, jobs, data.ended, bounds, leaf, direct, cols)
    direct[:, :, cols.headcount] += headcount(grid, data.members)


def _add_absent(
    grid: Grid,
    jobs: pl.DataFrame,
    records: pl.DataFrame,
    bounds: IntArray,
    leaf: IntArray,
    cols: Columns,
) -> None:
    """Absent hours: each record on each of the employee's employments, cut by segment.
    An hour's length group is its spell's length as known at the period's end."""
    pieces = (
        records.join(jobs, on="employee", suffix="_e")
        .select(
            "unit",
            (pl.col("hours") * pl.col("degree")).alias("weight"),
            pl.max_horizontal("first", "first_e").alias("first"),
            pl.min_horizontal("last", "last_e").alias("last"),
            "spell_first",
            "spell_last",
        )
        .filter(pl.col("first") <= pl.col("last"))
    )
    row, segment, workdays = grid.cut(pieces["first"].to_numpy(), pieces["last"].to_numpy())
    period_last = grid.p_last[grid.s_period[segment]]
    known = (
        np.minimum(pieces["spell_last"].to_numpy()[row], period_last)
        - pieces["spell_first"].to_numpy()[row]
        + 1
    )
    group = np.searchsorted(bounds, known, side="right")
    cell = pieces["unit"].to_numpy()[row] * grid.segments + segment
    add_at(
        leaf,
        cell * cols.width + cols.absent(0) + group,
        pieces["weight"].to_numpy()[row] * workdays,
    )


def _add_spells(
    grid: Grid,
    tree: pl.DataFrame,
    jobs: pl.DataFrame,
    ended: pl.DataFrame,
    bounds: IntArray,
    leaf: IntArray,
    direct: IntArray,
    cols: Columns,
) -> None:
    """A spell counts in the period holding its last day, for the units its employee
    belongs to on that day; so does its employee, once, among those with a spell."""
    # In the order of `ended` (by employee and spell), which counts.distinct can use.
    members = (
        ended.join(jobs, on="employee", suffix="_e", maintain_order="left")
        .filter((pl.col("first_e") <= pl.col("last")) & (pl.col("last") <= pl.col("last_e")))
        .select("spell", "employee", "unit", "first", "last")
    )
    last = members["last"].to_numpy()
    segment = np.searchsorted(grid.s_first, last, side="right") - 1
    inside = (segment >= 0) & (last <= grid.s_last[np.maximum(segment, 0)])
    length = last - members["first"].to_numpy() + 1
    members = members.with_columns(
        pl.Series("segment", segment, dtype=pl.Int64),
        pl.Series("length", length, dtype=pl.Int64),
        pl.Series("column", cols.spells(0) + np.searchsorted(bounds, length, side="right")),
    ).filter(pl.Series(inside))
    distinct(
        grid,
        tree,
        members.select("spell", "unit", "segment", "column", "length"),
        "spell",
        leaf,
        direct,
        weight=("length", cols.spell_days),
    )
    distinct(
        grid,
        tree,
        members.select(
            "employee", "unit", "segment", pl.lit(cols.spell_employees, pl.Int64).alias("column")
        ),
        "employee",
        leaf,
        direct,
    )
