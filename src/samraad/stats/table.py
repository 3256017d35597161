"""Every unit's figures for every period, by interval arithmetic (spec/statistics.md).

Nothing here expands employee-days. The periods are cut into segments wherever the
structure changes inside one (a transfer), so that within a segment every leaf unit
has a fixed set of ancestors. Employments and absence records are cut by segments,
each piece's working days come from one subtraction in the calendar's prefix count,
sums are taken per leaf unit and segment, and only those small sums are rolled up to
the ancestors. Headcount and spells are not additive: a person or spell that sits in
one leaf unit in a period rolls up as a count; the few that sit in several (a move,
two jobs) are deduplicated per ancestor.

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
from samraad.stats.spells import (
    DEFAULT_LENGTH_GROUPS,
    LengthGroup,
    form_spells,
    length_group_index,
    spells_of,
    with_workdays,
)
from samraad.stats.structure import Structure, closure
from samraad.stats.workdays import END, WorkCalendar, day_number, work_calendar

OWN_SICKNESS = frozenset({"own_sickness"})
# Absence records per slice of employees (see figures_table): bounds the peak memory.
SLICE_RECORDS = 3_000_000
KEYS = ["ancestor", "period"]


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


def _layers(periods: pl.DataFrame) -> list[pl.DataFrame]:
    """Split the periods into layers of sorted, pairwise disjoint periods."""
    layers: list[list[dict[str, int]]] = []
    for row in periods.sort("p_first", "p_last").iter_rows(named=True):
        for layer in layers:
            if layer[-1]["p_last"] < row["p_first"]:
                layer.append(row)
                break
        else:
            layers.append([row])
    return [pl.DataFrame(layer, schema=periods.schema) for layer in layers]


def _segments(layer: pl.DataFrame, change_days: np.ndarray) -> pl.DataFrame:
    """Cut each period where the structure changes: segment, period, s_first, s_last, p_last."""
    rows = []
    for period, first, last in layer.select("period", "p_first", "p_last").iter_rows():
        inside = change_days[(change_days > first) & (change_days <= last)]
        starts = [first, *sorted(set(inside.tolist()))]
        ends = [s - 1 for s in starts[1:]] + [last]
        rows += [(period, s, e, last) for s, e in zip(starts, ends, strict=True)]
    frame = pl.DataFrame(rows, schema=["period", "s_first", "s_last", "p_last"], orient="row").cast(
        pl.Int64
    )
    return frame.with_row_index("segment").with_columns(pl.col("segment").cast(pl.Int64))


def _cut(frame: pl.DataFrame, segments: pl.DataFrame, cal: WorkCalendar) -> pl.DataFrame:
    """Pair rows (first, last) with the segments they overlap, adding segment, period,
    s_first, p_last and `wd`, the working days in both. Rows without any are dropped."""
    seg_first = segments["s_first"].to_numpy()
    seg_last = segments["s_last"].to_numpy()
    lo = np.searchsorted(seg_last, frame["first"].to_numpy(), side="left")
    hi = np.searchsorted(seg_first, frame["last"].to_numpy(), side="right")
    pieces = (
        frame.with_columns(pl.int_ranges(pl.Series(lo), pl.Series(hi)).alias("segment"))
        .explode("segment")
        .drop_nulls("segment")
    )
    index = pieces["segment"].to_numpy()
    lo_day = np.maximum(pieces["first"].to_numpy(), seg_first[index])
    hi_day = np.minimum(pieces["last"].to_numpy(), seg_last[index])
    gathered = {
        name: pl.Series(name, segments[name].to_numpy()[index], dtype=pl.Int64)
        for name in ("period", "s_first", "p_last")
    }
    return pieces.with_columns(
        *gathered.values(), pl.Series("wd", cal.count(lo_day, hi_day), dtype=pl.Int64)
    ).filter(pl.col("wd") > 0)


def _covering(frame: pl.DataFrame, tree: pl.DataFrame) -> pl.DataFrame:
    """Join rows (unit, s_first, …) with the closure rows that hold on their segment."""
    return frame.join(tree, on="unit").filter(
        (pl.col("first") <= pl.col("s_first")) & (pl.col("last") >= pl.col("s_first"))
    )


def _roll_up(
    leaf: pl.DataFrame, tree: pl.DataFrame, values: list[str], by: Sequence[str] = ()
) -> pl.DataFrame:
    """Sum leaf rows (unit, segment, period, s_first, *by, values…) into their ancestors."""
    return _covering(leaf, tree).group_by(*KEYS, *by).agg(pl.col(values).sum())


def _distinct(
    rows: pl.DataFrame,
    who: str,
    tree: pl.DataFrame,
    segments: pl.DataFrame,
    by: Sequence[str] = (),
    weight: str | None = None,
) -> pl.DataFrame:
    """Count distinct `who` (and sum their `weight` once each) per ancestor, period and `by`.

    `rows` hold (who, unit, segment, period, *by[, weight]). Those with one row in their
    period roll up as counts; the rest are deduplicated per ancestor.
    """
    weights = [] if weight is None else [weight]
    rows = rows.with_columns(pl.len().over(who, "period").alias("_n")).join(
        segments.select("segment", "s_first"), on="segment"
    )
    single = (
        rows.filter(pl.col("_n") == 1)
        .group_by("unit", "segment", "period", "s_first", *by)
        .agg(pl.len().cast(pl.Int64).alias("count"), *(pl.col(w).sum() for w in weights))
    )
    several = _covering(rows.filter(pl.col("_n") > 1), tree)
    if weight is None:
        several = several.group_by(*KEYS, *by).agg(
            pl.col(who).n_unique().cast(pl.Int64).alias("count")
        )
    else:
        several = (
            several.unique([who, *KEYS, *by])
            .group_by(*KEYS, *by)
            .agg(pl.len().cast(pl.Int64).alias("count"), pl.col(weight).sum())
        )
    counted = _roll_up(single, tree, ["count", *weights], by)
    return pl.concat([counted, several]).group_by(*KEYS, *by).agg(pl.col(["count", *weights]).sum())


def _layer_sums(
    layer: pl.DataFrame,
    tree: pl.DataFrame,
    employments: pl.DataFrame,
    records: pl.DataFrame,
    ended: pl.DataFrame,
    groups: tuple[LengthGroup, ...],
    cal: WorkCalendar,
) -> list[pl.DataFrame]:
    """Planned/headcount, absent by group and spells by group per (ancestor, period)."""
    change_days = np.unique(np.concatenate([tree["first"].to_numpy(), tree["last"].to_numpy() + 1]))
    segments = _segments(layer, change_days)

    worked = _cut(employments, segments, cal)
    planned = _roll_up(
        worked.group_by("unit", "segment", "period", "s_first").agg(
            (pl.col("hours") * pl.col("wd")).sum().alias("planned")
        ),
        tree,
        ["planned"],
    )
    headcount = _distinct(
        worked.select("employee", "unit", "segment", "period").unique(), "employee", tree, segments
    ).rename({"count": "headcount"})

    absent_pieces = (
        records.join(employments, on="employee", suffix="_e")
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
    # An hour's spell length is the length as known at the period's end.
    known_length = pl.min_horizontal("spell_last", "p_last") - pl.col("spell_first") + 1
    absent = (
        _cut(absent_pieces, segments, cal)
        .with_columns(length_group_index(known_length, groups).alias("group"))
        .group_by("unit", "segment", "period", "s_first", "group")
        .agg((pl.col("weight") * pl.col("wd")).sum().alias("absent"))
    )
    absent = _roll_up(absent, tree, ["absent"], ["group"])

    # A spell counts in the period holding its last day, for the units its employee
    # belongs to on that day.
    seg_first = segments["s_first"].to_numpy()
    seg_last = segments["s_last"].to_numpy()
    members = (
        ended.join(employments, on="employee", suffix="_e")
        .filter((pl.col("first_e") <= pl.col("last")) & (pl.col("last") <= pl.col("last_e")))
        .select("spell", "employee", "unit", "first", "last")
    )
    index = np.searchsorted(seg_first, members["last"].to_numpy(), side="right") - 1
    inside = (index >= 0) & (members["last"].to_numpy() <= seg_last[np.maximum(index, 0)])
    members = (
        members.with_columns(pl.Series("segment", index, dtype=pl.Int64))
        .filter(pl.Series(inside))
        .join(segments.select("segment", "period"), on="segment")
        .with_columns(
            length_group_index(pl.col("last") - pl.col("first") + 1, groups).alias("group")
        )
    )
    members = members.with_columns((pl.col("last") - pl.col("first") + 1).alias("length"))
    spells = _distinct(
        members.select("spell", "unit", "segment", "period", "group", "length"),
        "spell",
        tree,
        segments,
        ["group"],
        weight="length",
    ).rename({"count": "spells", "length": "spell_days"})
    # Individual frequency: employees with at least one spell ended in the period.
    spell_employees = _distinct(
        members.select("employee", "unit", "segment", "period").unique(),
        "employee",
        tree,
        segments,
    ).rename({"count": "spell_employees"})
    return [planned, headcount, absent, spells, spell_employees]


def _sum_parts(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """Add up the parts' figures per key (ancestor, period and, where present, group)."""
    keys = [c for c in (*KEYS, "group") if c in parts[0].columns]
    return pl.concat(parts).group_by(keys).agg(pl.all().sum())


def _codes(values: pl.Series, name: str) -> pl.DataFrame:
    """A frame (name, code) giving each distinct value a small integer."""
    return (
        values.unique()
        .to_frame(name)
        .with_row_index("code")
        .with_columns(pl.col("code").cast(pl.Int64))
    )


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

    # Joins and distinct counts run on integer codes, not on the identifiers' text.
    unit_codes = _codes(tree["unit"], "unit")
    employments = (
        data.employment_rows.join(unit_codes, on="unit").drop("unit").rename({"code": "unit"})
    )
    employee_codes = _codes(employments["employee"], "employee")
    employments = (
        employments.join(employee_codes, on="employee")
        .drop("employee")
        .rename({"code": "employee"})
    )
    records = (
        data.absence_rows(request.causes)
        .join(employee_codes, on="employee")
        .drop("employee")
        .rename({"code": "employee"})
    )
    tree = tree.join(unit_codes, on="unit").drop("unit").rename({"code": "unit"})
    # Every figure adds up over disjoint sets of employees, so a large dataset is taken
    # a slice of employees at a time: the same result in a fraction of the memory.
    slices = max(1, records.height // SLICE_RECORDS)
    parts: list[list[pl.DataFrame]] = []
    for index in range(slices):
        mine = (pl.col("employee") % slices) == index
        slice_records = form_spells(records.filter(mine), cal)
        ended = spells_of(slice_records).filter(pl.col("last") < END)
        slice_employments = employments.filter(mine)
        parts += [
            _layer_sums(layer, tree, slice_employments, slice_records, ended, groups, cal)
            for layer in _layers(periods)
        ]
    planned, headcount, absent, spells, spell_employees = (
        _sum_parts([p[i] for p in parts]) for i in range(5)
    )

    units = (
        pl.DataFrame({"ancestor": list(request.units)}, schema={"ancestor": pl.String})
        if request.units is not None
        else tree.select("ancestor").unique()
    )
    result = (
        units.join(periods, how="cross")
        .join(planned, on=KEYS, how="left")
        .join(headcount, on=KEYS, how="left")
        .join(spell_employees, on=KEYS, how="left")
        .join(spells.group_by(KEYS).agg(pl.col("spell_days").sum()), on=KEYS, how="left")
    )
    for i in range(len(groups)):
        result = result.join(
            absent.filter(pl.col("group") == i).select(
                *KEYS, pl.col("absent").alias(f"absent_{i}")
            ),
            on=KEYS,
            how="left",
        ).join(
            spells.filter(pl.col("group") == i).select(
                *KEYS, pl.col("spells").alias(f"spells_{i}")
            ),
            on=KEYS,
            how="left",
        )
    group_absent = [f"absent_{i}" for i in range(len(groups))]
    group_spells = [f"spells_{i}" for i in range(len(groups))]
    return (
        result.with_columns(
            pl.col(
                [
                    "planned",
                    "headcount",
                    "spell_employees",
                    "spell_days",
                    *group_absent,
                    *group_spells,
                ]
            )
            .fill_null(0)
            .cast(pl.Int64)
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
            "spell_days",
            "spell_employees",
            *group_absent,
            *group_spells,
        )
        .sort("unit_id", "period_from", "period_to")
    )
