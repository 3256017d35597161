"""Figures broken down beyond units: by job group, and the persons behind each spell-length
group. The same table of the core answers both (spec/statistics.md); nothing here
counts anew what `figures_table` counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from samraad.stats.dataset import Dataset
from samraad.stats.figures import UnitFigures
from samraad.stats.spells import (
    DEFAULT_LENGTH_GROUPS,
    LengthGroup,
    form_spells,
    length_group_index,
    spells_of,
)
from samraad.stats.structure import Structure
from samraad.stats.table import OWN_SICKNESS, TableRequest, figures_table
from samraad.stats.workdays import END, work_calendar

Period = tuple[dt.date, dt.date]
Key = tuple[str, dt.date, dt.date]  # unit, first day, last day
# Joins a unit and a job group into one key of the reshaped tree; never in an id.
SEPARATOR = "\x1f"


def figures_by_key(
    data: Dataset,
    units: Sequence[str] | None,
    periods: Sequence[Period],
    structure: Structure,
    as_of: dt.date,
) -> dict[Key, UnitFigures]:
    """Figures of the units (None: every unit) for the periods, by one call of the core."""
    request = TableRequest(periods=periods, units=units, structure=structure, as_of=as_of)
    frame = figures_table(data, request)
    return {
        (row["unit_id"], row["period_from"], row["period_to"]): UnitFigures.from_row(
            row, structure, request.causes
        )
        for row in frame.iter_rows(named=True)
    }


def empty_figures(unit: str, period: Period, structure: Structure) -> UnitFigures:
    """The figures of a unit without any row in the structure: zeros."""
    return figures_by_key(Dataset.empty(), [unit], [period], structure, period[1])[(unit, *period)]


def by_job_group(
    data: Dataset,
    job_groups: pl.DataFrame,
    period: Period,
    structure: Structure,
    as_of: dt.date,
) -> dict[str, dict[str, UnitFigures]]:
    """Every unit's figures per job group (`job_groups`: employment_id, job_group).

    The tree is copied once per job group and each employment hangs in its job group's
    copy, so one call of the core answers all."""
    employments = data.employments.join(job_groups, on="employment_id", how="left").with_columns(
        pl.col("job_group").fill_null("")
    )
    groups = sorted(set(employments["job_group"].to_list()))
    if not groups:
        return {}
    keyed = pl.DataFrame({"job_group": groups})
    units = (
        data.units.join(keyed, how="cross")
        .with_columns(
            (pl.col("unit_id") + SEPARATOR + pl.col("job_group")).alias("unit_id"),
            (pl.col("parent_id") + SEPARATOR + pl.col("job_group")).alias("parent_id"),
        )
        .drop("job_group")
    )
    placed = employments.with_columns(
        (pl.col("unit_id") + SEPARATOR + pl.col("job_group")).alias("unit_id")
    ).drop("job_group")
    figures = figures_by_key(
        Dataset(units, placed, data.absences), None, [period], structure, as_of
    )
    result: dict[str, dict[str, UnitFigures]] = {}
    for (key, _, _), value in figures.items():
        unit, group = key.split(SEPARATOR, 1)
        if value.headcount:
            result.setdefault(unit, {})[group] = value
    return result


def ended_spells(
    data: Dataset, groups: tuple[LengthGroup, ...] = DEFAULT_LENGTH_GROUPS
) -> pl.DataFrame:
    """Every ended own-sickness spell with the unit its employee belonged to on its last
    day, as the core counts spells: employee, unit, first, last (day numbers) and
    `group`, the label of its length group. A spell of an employee with two jobs that
    day is in both units."""
    cal = work_calendar()
    spells = spells_of(form_spells(data.absence_rows(OWN_SICKNESS), cal)).filter(
        pl.col("last") < END
    )
    return (
        spells.join(data.employment_rows, on="employee", suffix="_e")
        .filter((pl.col("first_e") <= pl.col("last")) & (pl.col("last") <= pl.col("last_e")))
        .select(
            "employee",
            "unit",
            "first",
            "last",
            length_group_index(pl.col("last") - pl.col("first") + 1, groups)
            .replace_strict({i: g.label for i, g in enumerate(groups)}, return_dtype=pl.String)
            .alias("group"),
        )
        .unique()
    )
