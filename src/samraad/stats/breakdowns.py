"""Figures broken down beyond units: by job group, and the persons behind each spell-length
group. The same table of the core answers both (spec/statistics.md); nothing here
counts anew what `figures_table` counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence

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


class FiguresByKey(Mapping[Key, UnitFigures]):
    """The core's table as a mapping (unit, first day, last day) → UnitFigures, each turned
    into figures only when it is looked up: a page looks up a few of tens of thousands."""

    def __init__(self, frame: pl.DataFrame, structure: Structure, causes: frozenset[str]):
        self.frame, self.structure, self.causes = frame, structure, causes
        keys = zip(
            frame["unit_id"].to_list(),
            frame["period_from"].to_list(),
            frame["period_to"].to_list(),
            strict=True,
        )
        self._rows = {key: i for i, key in enumerate(keys)}
        self._made: dict[Key, UnitFigures] = {}

    def __getitem__(self, key: Key) -> UnitFigures:
        if key not in self._made:
            row = self.frame.row(self._rows[key], named=True)
            self._made[key] = UnitFigures.from_row(row, self.structure, self.causes)
        return self._made[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def figures_by_key(
    data: Dataset,
    units: Sequence[str] | None,
    periods: Sequence[Period],
    structure: Structure,
    as_of: dt.date,
) -> FiguresByKey:
    """Figures of the units (None: every unit) for the periods, by one call of the core."""
    request = TableRequest(periods=periods, units=units, structure=structure, as_of=as_of)
    return FiguresByKey(figures_table(data, request), structure, request.causes)


def empty_figures(unit: str, period: Period, structure: Structure) -> UnitFigures:
    """The figures of a unit without any row in the structure: zeros."""
    return figures_by_key(Dataset.empty(), [unit], [period], structure, period[1])[(unit, *period)]


def job_group_table(
    data: Dataset,
    job_groups: pl.DataFrame,
    period: Period,
    structure: Structure,
    as_of: dt.date,
) -> pl.DataFrame:
    """The core's table of every unit per job group (`job_groups`: employment_id,
    job_group); `unit_id` is the unit and the job group joined by SEPARATOR.

    The tree is copied once per job group and each employment hangs in its job group's
    copy, so one call of the core answers all."""
    employments = data.employments.join(job_groups, on="employment_id", how="left").with_columns(
        pl.col("job_group").fill_null("")
    )
    groups = sorted(set(employments["job_group"].to_list()))
    keyed = pl.DataFrame({"job_group": groups}, schema={"job_group": pl.String})
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
    request = TableRequest(periods=[period], structure=structure, as_of=as_of)
    return figures_table(Dataset(units, placed, data.absences), request).filter(
        (pl.col("headcount") > 0) | (pl.col("spells") > 0)
    )


class ByJobGroup(Mapping[str, dict[str, UnitFigures]]):
    """unit → job group → figures, from `job_group_table`, each unit made when asked."""

    def __init__(self, frame: pl.DataFrame, structure: Structure):
        split = frame["unit_id"].str.split_exact(SEPARATOR, 1)
        self.figures = FiguresByKey(frame, structure, OWN_SICKNESS)
        self._groups: dict[str, list[tuple[str, Key]]] = {}
        for key, unit, group in zip(
            self.figures,
            split.struct.field("field_0").to_list(),
            split.struct.field("field_1").to_list(),
            strict=True,
        ):
            self._groups.setdefault(unit, []).append((group, key))

    def __getitem__(self, unit: str) -> dict[str, UnitFigures]:
        return {group: self.figures[key] for group, key in self._groups[unit]}

    def __iter__(self) -> Iterator[str]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)


def by_job_group(
    data: Dataset,
    job_groups: pl.DataFrame,
    period: Period,
    structure: Structure,
    as_of: dt.date,
) -> ByJobGroup:
    """Every unit's figures per job group."""
    return ByJobGroup(job_group_table(data, job_groups, period, structure, as_of), structure)


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
