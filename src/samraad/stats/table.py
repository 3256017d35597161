"""Every unit's figures for every period, by interval arithmetic (spec/statistics.md).

Nothing here expands employee-days, nor employee × month. The periods are laid on a
grid of segments (grid.py: cut where the structure changes inside a period); additive
sums are taken per leaf unit and segment with difference arrays and rolled up through
the closure once; headcount, spells and employees with a spell are distinct counts,
taken where they cannot be rolled up (counts.py). docs/statistics.md tells the whole
algorithm and its measured cost.

All sums are integers:
- planned: Σ weekly hours × SCALE × working days   (planned hours = planned / (5 × SCALE))
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
from samraad.stats.grid import Grid
from samraad.stats.spells import DEFAULT_LENGTH_GROUPS, LengthGroup, form_spells, spells_of
from samraad.stats.structure import Structure, closure
from samraad.stats.sums import Columns, Slice, add_slice
from samraad.stats.workdays import END, IntArray, WorkCalendar, day_number, work_calendar

OWN_SICKNESS = frozenset({"own_sickness"})
# Absence records per slice of employees (see figures_table): bounds the peak memory.
SLICE_RECORDS = 3_000_000


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


def _layers(periods: Sequence[tuple[dt.date, dt.date]]) -> list[pl.DataFrame]:
    """Split the periods into layers of sorted, pairwise disjoint periods (p_first, p_last)."""
    layers: list[list[tuple[int, int]]] = []
    for first, last in sorted({(day_number(a), day_number(b)) for a, b in periods}):
        for layer in layers:
            if layer[-1][1] < first:
                layer.append((first, last))
                break
        else:
            layers.append([(first, last)])
    return [
        pl.DataFrame(layer, schema={"p_first": pl.Int64, "p_last": pl.Int64}, orient="row")
        for layer in layers
    ]


def _codes(values: pl.Series, name: str) -> pl.DataFrame:
    """A frame (name, code) giving each distinct value a small integer (in order of
    first appearance)."""
    return (
        values.unique(maintain_order=True)
        .to_frame(name)
        .with_row_index("code")
        .with_columns(pl.col("code").cast(pl.Int64))
    )


def _coded(frame: pl.DataFrame, codes: pl.DataFrame, column: str) -> pl.DataFrame:
    """Replace `column`'s identifiers by their codes, dropping rows without one."""
    return frame.join(codes, on=column).drop(column).rename({"code": column})


def _frame(grid: Grid, names: list[str], sums: IntArray, cols: Columns) -> pl.DataFrame:
    """One row per (unit, period) of the grid, from sums [ancestors, periods, figures]."""
    flat = sums.reshape(-1, cols.width)
    groups = range(cols.groups)
    return pl.DataFrame(
        {
            "unit_id": pl.Series(
                np.repeat(np.array(names, dtype=object), grid.periods), dtype=pl.String
            ),
            "period_from": np.tile(grid.p_first, len(names)),
            "period_to": np.tile(grid.p_last, len(names)),
            "working_days": np.tile(grid.p_workdays, len(names)),
            "planned": flat[:, cols.planned],
            "absent": flat[:, cols.absent(0) : cols.absent(0) + cols.groups].sum(axis=1),
            "headcount": flat[:, cols.headcount],
            "spells": flat[:, cols.spells(0) : cols.spells(0) + cols.groups].sum(axis=1),
            "spell_days": flat[:, cols.spell_days],
            "spell_employees": flat[:, cols.spell_employees],
            **{f"absent_{i}": flat[:, cols.absent(i)] for i in groups},
            **{f"spells_{i}": flat[:, cols.spells(i)] for i in groups},
        },
        schema_overrides={"period_from": pl.Int64, "period_to": pl.Int64},
    ).with_columns(
        pl.col("period_from", "period_to").cast(pl.Int32).cast(pl.Date),
        pl.exclude("unit_id", "period_from", "period_to").cast(pl.Int64),
    )


def figures_table(data: Dataset, request: TableRequest) -> pl.DataFrame:
    """Integer sums per (unit_id, period): see `UnitFigures.from_row` for the figures."""
    cal = work_calendar()
    groups = request.length_groups
    bounds = np.array([group.shortest for group in groups[1:]], dtype=np.int64)
    cols = Columns(len(groups))
    tree = closure(data.unit_rows, request.structure, request.as_of_day())
    if request.units is not None:
        tree = tree.filter(pl.col("ancestor").is_in(list(request.units)))
        names = sorted(set(request.units))
    else:
        names = sorted(set(tree["ancestor"].to_list()))

    # Joins and distinct counts run on integer codes, not on the identifiers' text.
    unit_codes = _codes(tree["unit"], "unit")
    tree = _coded(tree, unit_codes, "unit")
    tree = _coded(tree, _codes(pl.Series(names, dtype=pl.String), "ancestor"), "ancestor")
    employments = _coded(data.employment_rows, unit_codes, "unit")
    employee_codes = _codes(employments["employee"], "employee")
    employments = _coded(employments, employee_codes, "employee")
    records = _coded(data.absence_rows(request.causes), employee_codes, "employee")

    grids = [
        Grid.build(
            layer["p_first"].to_numpy(),
            layer["p_last"].to_numpy(),
            tree,
            unit_codes.height,
            len(names),
            cal,
        )
        for layer in _layers(request.periods)
    ]
    leaves = [np.zeros((g.units, g.segments, cols.width), dtype=np.int64) for g in grids]
    directs = [np.zeros((g.ancestors, g.periods, cols.width), dtype=np.int64) for g in grids]
    # Every figure adds up over disjoint sets of employees, so a large dataset is taken
    # a slice of employees at a time: the same result in a fraction of the memory.
    slices = max(1, records.height // SLICE_RECORDS)
    for index in range(slices):
        part = _slice(employments, records, tree, (pl.col("employee") % slices) == index, cal)
        for grid, leaf, direct in zip(grids, leaves, directs, strict=True):
            add_slice(grid, tree, part, bounds, leaf, direct)
    frames = [
        _frame(grid, names, grid.roll_up(leaf) + direct, cols)
        for grid, leaf, direct in zip(grids, leaves, directs, strict=True)
    ]
    return pl.concat(frames).sort("unit_id", "period_from", "period_to")


def _slice(
    employments: pl.DataFrame,
    records: pl.DataFrame,
    tree: pl.DataFrame,
    mine: pl.Expr,
    cal: WorkCalendar,
) -> Slice:
    """The rows of one slice of employees, with their spells."""
    tagged = form_spells(records.filter(mine), cal)
    jobs = employments.filter(mine)
    members = (
        jobs.join(tree, on="unit", suffix="_t")
        .select(
            "employee",
            "ancestor",
            pl.max_horizontal("first", "first_t").alias("first"),
            pl.min_horizontal("last", "last_t").alias("last"),
        )
        .filter(pl.col("first") <= pl.col("last"))
    )
    ended = spells_of(tagged).filter(pl.col("last") < END)
    return Slice(jobs, tagged, ended, members)
