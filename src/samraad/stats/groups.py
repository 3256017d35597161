"""Figures of groups of employees that are not units: age bands, seniors by job group,
the weeks of a notice period (docs/management-information.md, "Analyses").

A group is given by *pieces*: an employment belongs to a group over a stretch of days
(an employment may be cut into several groups over time, as a person's age band
changes on a birthday). The tree is copied once per group and each piece hangs, as an
employment of those days only, in its group's copy, so one call of the table answers
every unit × group × period, with the spec's definitions unchanged: planned and absence
hours over the days a person was in the group; headcount of those in it on some working
day; spells counted where the person was in the group on the spell's last day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import polars as pl

from samraad.stats.breakdowns import SEPARATOR, FiguresByKey
from samraad.stats.dataset import Dataset
from samraad.stats.figures import UnitFigures
from samraad.stats.structure import Structure
from samraad.stats.table import OWN_SICKNESS, TableRequest, figures_table

Period = tuple[dt.date, dt.date]
SOMEONE = (pl.col("headcount") > 0) | (pl.col("spells") > 0)
GroupKey = tuple[str, str, dt.date, dt.date]  # unit, group, first day, last day
PIECE_COLUMNS = {
    "employment_id": pl.String,
    "group": pl.String,
    "start_date": pl.Date,
    "end_date": pl.Date,  # null: to the employment's end
}


def placed_pieces(data: Dataset, pieces: pl.DataFrame) -> pl.DataFrame:
    """The pieces as employments of their days, in their groups' copies of the tree."""
    return (
        data.employments.join(pieces, on="employment_id", suffix="_piece")
        .with_columns(
            pl.max_horizontal("start_date", "start_date_piece").alias("start_date"),
            pl.min_horizontal("end_date", "end_date_piece").alias("end_date"),
            (pl.col("unit_id") + SEPARATOR + pl.col("group")).alias("unit_id"),
            (pl.col("employment_id") + SEPARATOR + pl.int_range(pl.len()).cast(pl.String)).alias(
                "employment_id"
            ),
        )
        .filter(pl.col("end_date").is_null() | (pl.col("start_date") <= pl.col("end_date")))
        .select(data.employments.columns)
    )


def grouped_table(
    data: Dataset,
    pieces: pl.DataFrame,
    periods: Sequence[Period],
    structure: Structure,
    as_of: dt.date,
    units: Sequence[str] | None = None,
) -> pl.DataFrame:
    """The core's table (`figures_table`) of every unit's (or the `units`') groups of
    `pieces` (PIECE_COLUMNS) and periods: `unit_id` is the unit and the group joined by
    SEPARATOR; only rows with someone in them or a spell ending in them (a period of
    weekend days only has no headcount but may end a spell)."""
    groups = sorted(set(pieces["group"].to_list()))
    if not groups:
        nothing = TableRequest(periods=periods, units=[SEPARATOR], structure=structure)
        return figures_table(Dataset.empty(), nothing).filter(SOMEONE)
    keyed = pl.DataFrame({"group": groups})
    tree = (
        data.units.select("unit_id", "parent_id", "valid_from", "valid_to")
        .join(keyed, how="cross")
        .with_columns(
            (pl.col("unit_id") + SEPARATOR + pl.col("group")).alias("unit_id"),
            (pl.col("parent_id") + SEPARATOR + pl.col("group")).alias("parent_id"),
        )
        .drop("group")
    )
    asked = None if units is None else [f"{u}{SEPARATOR}{g}" for u in units for g in groups]
    copied = Dataset(tree, placed_pieces(data, pieces), data.absences)
    request = TableRequest(periods=periods, units=asked, structure=structure, as_of=as_of)
    return figures_table(copied, request).filter(SOMEONE)


def grouped_figures_of(table: pl.DataFrame, structure: Structure) -> dict[GroupKey, UnitFigures]:
    """`grouped_table`'s rows as figures by (unit, group, first day, last day)."""
    result: dict[GroupKey, UnitFigures] = {}
    for (key, first, last), figures in FiguresByKey(table, structure, OWN_SICKNESS).items():
        unit, group = key.split(SEPARATOR, 1)
        result[(unit, group, first, last)] = dataclasses.replace(figures, unit=unit)
    return result


def grouped_figures(
    data: Dataset,
    pieces: pl.DataFrame,
    periods: Sequence[Period],
    structure: Structure,
    as_of: dt.date,
    units: Sequence[str] | None = None,
) -> dict[GroupKey, UnitFigures]:
    """Every unit's (or the `units`') figures per group and period, for the groups of
    `pieces` (PIECE_COLUMNS); only cells with someone or a spell in them."""
    table = grouped_table(data, pieces, periods, structure, as_of, units)
    return grouped_figures_of(table, structure)
