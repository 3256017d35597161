"""Distinct counts per ancestor and period: headcount, spells, employees with a spell.

These do not add up from leaf units: a person in two units below an ancestor counts
once there. Neither function expands person × ancestor × period.

- Headcount: each employment, laid on the closure, gives the days an employee belongs
  to an ancestor's population; each such interval covers a contiguous range of periods.
  The union of one person's ranges per ancestor is counted with a difference array,
  so the cost is one row per employment × ancestor, whatever the number of periods.
- Spells and employees with a spell sit on one day each: those that sit in one leaf
  unit in a period are counted there and rolled up; the few in several (two jobs, two
  units in one month) are deduplicated per ancestor.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from samraad.stats.grid import Grid, add_at
from samraad.stats.workdays import IntArray

BoolArray = npt.NDArray[np.bool_]


def headcount(grid: Grid, members: pl.DataFrame) -> IntArray:
    """Distinct employees with a working day in each (ancestor, period): [ancestors, periods].

    `members`: (employee, ancestor, first, last), the days an employee belongs to an
    ancestor's population (an employment cut by one closure row)."""
    k_lo, k_hi = grid.period_ranges(members["first"].to_numpy(), members["last"].to_numpy())
    some = k_lo <= k_hi
    employee = members["employee"].to_numpy()[some]
    ancestor = members["ancestor"].to_numpy()[some]
    k_lo, k_hi = k_lo[some], k_hi[some]
    # Sorted by (employee, ancestor, k_lo), as one integer key: faster than a lexsort.
    group = employee * grid.ancestors + ancestor
    order = np.argsort(group * (grid.periods + 1) + k_lo)
    group, ancestor, k_lo, k_hi = group[order], ancestor[order], k_lo[order], k_hi[order]
    # Per (employee, ancestor), in order of k_lo, a range counts only the periods past
    # the furthest its predecessors reached: the union of the ranges, counted once.
    result = np.zeros((grid.ancestors, grid.periods), dtype=np.int64)
    if not len(group):
        return result
    new = np.ones(len(group), dtype=bool)
    new[1:] = group[1:] != group[:-1]
    stride = grid.periods + 2
    base = (np.cumsum(new) - 1) * stride  # group number, so a running max stays in it
    reach = np.maximum.accumulate(base + k_hi + 1)
    before = np.empty_like(reach)
    before[0] = 0
    before[1:] = reach[:-1] - base[1:]
    first_new = np.where(new, k_lo, np.maximum(k_lo, before))
    counts = first_new <= k_hi
    diff = np.zeros((grid.ancestors, grid.periods + 1), dtype=np.int64)
    add_at(diff, ancestor[counts] * (grid.periods + 1) + first_new[counts], 1)
    add_at(diff, ancestor[counts] * (grid.periods + 1) + k_hi[counts] + 1, -1)
    result += np.cumsum(diff[:, :-1], axis=1)
    result[:, grid.p_workdays == 0] = 0  # nobody has a working day in such a period
    return result


def unique_keys(keys: IntArray) -> BoolArray:
    """For each element, whether no other has its key. Sorted keys (as the callers
    mostly give them) need only a look at their neighbours; others are hashed."""
    if len(keys) and bool(np.all(keys[1:] >= keys[:-1])):
        alone = np.ones(len(keys), dtype=bool)
        same = keys[1:] == keys[:-1]
        alone[1:] &= ~same
        alone[:-1] &= ~same
        return alone
    return ~pl.Series(keys).is_duplicated().to_numpy()


def distinct(
    grid: Grid,
    tree: pl.DataFrame,
    items: pl.DataFrame,
    who: str,
    leaf: IntArray,
    direct: IntArray,
    weight: tuple[str, int] | None = None,
) -> None:
    """Count distinct `who` once per (ancestor, period) into figure column `column`, and
    add their `weight` (a column name and its figure column) once each.

    `items`: (who, unit, segment, column[, weight]). Those alone in their period add to
    `leaf` [units, segments, figures] (rolled up later); the rest are deduplicated per
    ancestor into `direct` [ancestors, periods, figures]."""
    figures = leaf.shape[2]

    def add_alone(rows: pl.DataFrame) -> pl.DataFrame:
        """Add the items alone in their period to `leaf`; return the others."""
        segment = rows["segment"].to_numpy()
        alone = unique_keys(rows[who].to_numpy() * grid.periods + grid.s_period[segment])
        cell = rows["unit"].to_numpy()[alone] * grid.segments + segment[alone]
        add_at(leaf, cell * figures + rows["column"].to_numpy()[alone], 1)
        if weight is not None:
            add_at(leaf, cell * figures + weight[1], rows[weight[0]].to_numpy()[alone])
        return rows.filter(pl.Series(~alone))

    # Most are alone at once; of the rest, many are so once repeats in one unit and
    # segment (two spells ended in one month) are taken once.
    several = add_alone(add_alone(items).unique([who, "unit", "segment"], maintain_order=True))
    segment = several["segment"].to_numpy()
    once = (
        several.with_columns(
            pl.Series("period", grid.s_period[segment], dtype=pl.Int64),
            pl.Series("day", grid.s_first[segment], dtype=pl.Int64),
        )
        .join(tree, on="unit")
        .filter((pl.col("first") <= pl.col("day")) & (pl.col("day") <= pl.col("last")))
        .unique([who, "ancestor", "period"])
    )
    cell = once["ancestor"].to_numpy() * grid.periods + once["period"].to_numpy()
    add_at(direct, cell * figures + once["column"].to_numpy(), 1)
    if weight is not None:
        add_at(direct, cell * figures + weight[1], once[weight[0]].to_numpy())
