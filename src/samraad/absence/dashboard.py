"""What a unit page shows, computed from the statistics core (no Django, no requests).

Every figure comes from `figures_table`; breakdowns the core does not know (job groups,
persons) reshape the Dataset first and ask the core the same question. Cells for a
reader without person-level access are suppressed below MIN_CELL employees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import polars as pl

from samraad.absence.periods import PagePeriods, Period
from samraad.stats import Dataset, Structure, TableRequest, UnitFigures, figures_table
from samraad.stats.figures import rounded
from samraad.stats.people import employee_absence
from samraad.stats.spells import (
    DEFAULT_LENGTH_GROUPS,
    form_spells,
    length_group_index,
    spells_of,
)
from samraad.stats.structure import closure
from samraad.stats.table import OWN_SICKNESS
from samraad.stats.workdays import END, day_number, work_calendar

# Spec statistics.md, "Small groups".
MIN_CELL = 5
# Joins a unit and a job group into one key of the reshaped tree; never in an id.
SEPARATOR = "\x1f"


@dataclass(frozen=True)
class Cell:
    """One unit's figures for one period, as shown: None where suppressed."""

    start: dt.date
    end: dt.date
    headcount: int | None
    fte: float | None
    absence_rate: float | None
    absence_days_per_fte: float | None
    spells: int | None
    suppressed: bool

    def hidden(self) -> Cell:
        return Cell(self.start, self.end, None, None, None, None, None, True)

    @classmethod
    def of(cls, figures: UnitFigures, suppress_small: bool) -> Cell:
        if suppress_small and figures.headcount < MIN_CELL:
            return cls(figures.start, figures.end, None, None, None, None, None, True)
        data = figures.to_json()
        return cls(
            figures.start,
            figures.end,
            figures.headcount,
            data["fte"],
            data["absence_rate"],
            data["absence_days_per_fte"],
            figures.spells,
            False,
        )


@dataclass(frozen=True)
class LengthRow:
    label: str
    spells: int | None
    absence_hours: float | None
    share: float | None  # percent of the period's absence hours
    suppressed: bool


@dataclass(frozen=True)
class Breakdown:
    key: str
    cell: Cell


@dataclass(frozen=True)
class UnitStatistics:
    unit_id: str
    structure: Structure
    headline: list[Cell]  # last 12 months, year to date, the same last year, last year
    months_this_year: list[Cell]
    months_last_year: list[Cell]
    by_length: list[LengthRow]
    job_groups: list[Breakdown]
    sub_units: list[Breakdown]  # ranked: highest absence rate first, suppressed last


Key = tuple[str, dt.date, dt.date]  # unit, first day, last day


def table(
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


def page_periods(today: dt.date) -> list[Period]:
    periods = PagePeriods(today)
    return [*periods.headline(), *periods.months_this_year(), *periods.months_last_year()]


def by_job_group(
    data: Dataset,
    job_groups: pl.DataFrame,
    period: Period,
    structure: Structure,
    as_of: dt.date,
) -> dict[str, dict[str, UnitFigures]]:
    """Every unit's figures per job group: the tree is copied once per job group and each
    employment hangs in its job group's copy, so one call of the core answers all."""
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
    figures = table(Dataset(units, placed, data.absences), None, [period], structure, as_of)
    result: dict[str, dict[str, UnitFigures]] = {}
    for (key, _, _), value in figures.items():
        unit, group = key.split(SEPARATOR, 1)
        if value.headcount:
            result.setdefault(unit, {})[group] = value
    return result


def length_contributors(
    data: Dataset, period: Period, structure: Structure, as_of: dt.date
) -> dict[str, dict[str, int]]:
    """Per unit, the distinct employees behind each length group's spells (as the core
    counts spells: ended in the period, the employee in the unit on the last day)."""
    cal = work_calendar()
    first, last = day_number(period[0]), day_number(period[1])
    spells = spells_of(form_spells(data.absence_rows(OWN_SICKNESS), cal)).filter(
        (pl.col("last") < END) & (pl.col("last") >= first) & (pl.col("last") <= last)
    )
    tree = closure(data.unit_rows, structure, day_number(as_of))
    groups = DEFAULT_LENGTH_GROUPS
    members = (
        spells.join(data.employment_rows, on="employee", suffix="_e")
        .filter((pl.col("first_e") <= pl.col("last")) & (pl.col("last") <= pl.col("last_e")))
        .join(tree, on="unit", suffix="_t")
        .filter((pl.col("first_t") <= pl.col("last")) & (pl.col("last") <= pl.col("last_t")))
        .unique(["spell", "ancestor"])
        .with_columns(
            length_group_index(pl.col("last") - pl.col("first") + 1, groups).alias("group")
        )
        .group_by("ancestor", "group")
        .agg(pl.col("employee").n_unique().alias("employees"))
    )
    result: dict[str, dict[str, int]] = {}
    for row in members.iter_rows(named=True):
        result.setdefault(row["ancestor"], {})[groups[row["group"]].label] = row["employees"]
    return result


def length_rows(
    figures: UnitFigures, contributors: dict[str, int] | None, suppress_small: bool
) -> list[LengthRow]:
    hidden = suppress_small and figures.headcount < MIN_CELL
    rows = []
    for label, group in figures.by_length.items():
        few = contributors is not None and 0 < contributors.get(label, 0) < MIN_CELL
        if hidden or (suppress_small and few):
            rows.append(LengthRow(label, None, None, None, True))
            continue
        share = (
            100 * group.absence_hours / figures.absence_hours
            if figures.absence_hours
            else Fraction(0)
        )
        rows.append(
            LengthRow(label, group.spells, rounded(group.absence_hours), rounded(share, 1), False)
        )
    return rows


def complemented(cells: list[Cell]) -> list[Cell]:
    """Complementary suppression within one table whose cells add up to a figure shown
    beside them (the months of a year, the job groups or units below a unit): with
    exactly one cell hidden, it could be had by subtraction, so the smallest other cell
    is hidden too."""
    hidden = [c for c in cells if c.suppressed]
    shown = [i for i, c in enumerate(cells) if not c.suppressed]
    if len(hidden) != 1 or not shown:
        return cells
    smallest = min(shown, key=lambda i: (cells[i].headcount or 0, i))
    return [c.hidden() if i == smallest else c for i, c in enumerate(cells)]


def complemented_breakdowns(breakdowns: list[Breakdown]) -> list[Breakdown]:
    cells = complemented([b.cell for b in breakdowns])
    return [Breakdown(b.key, c) for b, c in zip(breakdowns, cells, strict=True)]


def complemented_lengths(rows: list[LengthRow]) -> list[LengthRow]:
    hidden = [r for r in rows if r.suppressed]
    shown = [i for i, r in enumerate(rows) if not r.suppressed]
    if len(hidden) != 1 or not shown:
        return rows
    smallest = min(shown, key=lambda i: (rows[i].spells or 0, i))
    return [
        LengthRow(r.label, None, None, None, True) if i == smallest else r
        for i, r in enumerate(rows)
    ]


def ranked(breakdowns: list[Breakdown]) -> list[Breakdown]:
    def key(b: Breakdown) -> tuple[bool, float, str]:
        rate = b.cell.absence_rate
        return (rate is None, -(rate or 0.0), b.key)

    return sorted(breakdowns, key=key)


@dataclass(frozen=True)
class Tables:
    """Every unit's figures for one day and structure, computed once and looked up."""

    today: dt.date
    structure: Structure
    figures: dict[Key, UnitFigures]  # the page's periods (page_periods)
    job_groups: dict[str, dict[str, UnitFigures]]  # last 12 months
    contributors: dict[str, dict[str, int]]  # last 12 months, per length group


def compute_tables(
    data: Dataset, job_groups: pl.DataFrame, today: dt.date, structure: Structure
) -> Tables:
    last_12 = PagePeriods(today).last_12_months
    return Tables(
        today,
        structure,
        table(data, None, page_periods(today), structure, today),
        by_job_group(data, job_groups, last_12, structure, today),
        length_contributors(data, last_12, structure, today),
    )


def empty_figures(unit: str, period: Period, structure: Structure) -> UnitFigures:
    """A unit the table has no row for (no rows in the structure): zeros."""
    empty = Dataset.empty()
    return table(empty, [unit], [period], structure, period[1])[(unit, *period)]


def unit_statistics(
    tables: Tables, unit: str, children: Sequence[str], suppress_small: bool
) -> UnitStatistics:
    periods = PagePeriods(tables.today)
    structure = tables.structure

    def figures(u: str, period: Period) -> UnitFigures:
        found = tables.figures.get((u, *period))
        return found if found is not None else empty_figures(u, period, structure)

    def cell(period: Period) -> Cell:
        return Cell.of(figures(unit, period), suppress_small)

    last_12 = periods.last_12_months
    contributors = tables.contributors.get(unit, {}) if suppress_small else None
    jobs = tables.job_groups.get(unit, {})
    months_this = [cell(p) for p in periods.months_this_year()]
    months_last = [cell(p) for p in periods.months_last_year()]
    lengths = length_rows(figures(unit, last_12), contributors, suppress_small)
    job_cells = [Breakdown(g, Cell.of(f, suppress_small)) for g, f in jobs.items()]
    sub_cells = [Breakdown(c, Cell.of(figures(c, last_12), suppress_small)) for c in children]
    if suppress_small:
        months_this, months_last = complemented(months_this), complemented(months_last)
        lengths = complemented_lengths(lengths)
        job_cells = complemented_breakdowns(job_cells)
        sub_cells = complemented_breakdowns(sub_cells)
    return UnitStatistics(
        unit_id=unit,
        structure=structure,
        headline=[cell(p) for p in periods.headline()],
        months_this_year=months_this,
        months_last_year=months_last,
        by_length=lengths,
        job_groups=ranked(job_cells),
        sub_units=ranked(sub_cells),
    )


@dataclass(frozen=True)
class PersonFigures:
    employee_id: str
    sick_days: int  # working days with own sickness in the window (any degree)
    spells: int  # spells with an absent working day in the window


def person_figures(
    data: Dataset, employees: Sequence[str], window: Period
) -> dict[str, PersonFigures]:
    """Sick days and spells per person in the window (stats.people: a day of partial
    absence is a day, as the follow-up rules count it)."""
    found = employee_absence(data, window[0], window[1], employees=employees)
    result = {e: PersonFigures(e, 0, 0) for e in employees}
    for row in found.iter_rows(named=True):
        result[row["employee_id"]] = PersonFigures(
            row["employee_id"], row["absent_days"], row["spells"]
        )
    return result
