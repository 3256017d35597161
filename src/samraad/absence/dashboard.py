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

from samraad.absence.loading import units_below
from samraad.absence.periods import PagePeriods, Period
from samraad.stats import Dataset, Structure, TableRequest, UnitFigures, figures_table
from samraad.stats.figures import rounded
from samraad.stats.people import employee_absence
from samraad.stats.spells import DEFAULT_LENGTH_GROUPS, form_spells, spells_of
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


def subset(data: Dataset, unit: str, start: dt.date, end: dt.date, as_of: dt.date) -> Dataset:
    """Only what the unit's figures for [start, end] need, in either structure."""
    below = units_below(data.units, unit, start, end, as_of)
    employments = data.employments.filter(pl.col("unit_id").is_in(below))
    employees = employments["employee_id"].unique()
    absences = data.absences.filter(pl.col("employee_id").is_in(employees.implode()))
    units = data.units.filter(pl.col("unit_id").is_in(below))
    return Dataset(units, employments, absences)


def table(
    data: Dataset,
    units: Sequence[str],
    periods: Sequence[Period],
    structure: Structure,
    as_of: dt.date,
) -> dict[tuple[str, dt.date, dt.date], UnitFigures]:
    request = TableRequest(periods=periods, units=units, structure=structure, as_of=as_of)
    frame = figures_table(data, request)
    return {
        (row["unit_id"], row["period_from"], row["period_to"]): UnitFigures.from_row(
            row, structure, request.causes
        )
        for row in frame.iter_rows(named=True)
    }


def by_job_group(
    data: Dataset,
    job_groups: pl.DataFrame,
    unit: str,
    period: Period,
    structure: Structure,
    as_of: dt.date,
) -> dict[str, UnitFigures]:
    """The unit's figures per job group: the tree is copied once per job group and each
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
    reshaped = Dataset(units, placed, data.absences)
    figures = table(reshaped, [unit + SEPARATOR + g for g in groups], [period], structure, as_of)
    return {key[0].split(SEPARATOR, 1)[1]: value for key, value in figures.items()}


def length_contributors(
    data: Dataset, unit: str, period: Period, structure: Structure, as_of: dt.date
) -> dict[str, int]:
    """Distinct employees behind each length group's spells (as the core counts spells:
    ended in the period, the employee in the unit on the spell's last day)."""
    cal = work_calendar()
    first, last = day_number(period[0]), day_number(period[1])
    spells = spells_of(form_spells(data.absence_rows(OWN_SICKNESS), cal)).filter(
        (pl.col("last") < END) & (pl.col("last") >= first) & (pl.col("last") <= last)
    )
    tree = closure(data.unit_rows, structure, day_number(as_of)).filter(pl.col("ancestor") == unit)
    members = (
        spells.join(data.employment_rows, on="employee", suffix="_e")
        .filter((pl.col("first_e") <= pl.col("last")) & (pl.col("last") <= pl.col("last_e")))
        .join(tree, on="unit", suffix="_t")
        .filter((pl.col("first_t") <= pl.col("last")) & (pl.col("last") <= pl.col("last_t")))
        .unique("spell")
        .with_columns((pl.col("last") - pl.col("first") + 1).alias("length"))
    )
    counts: dict[str, int] = {}
    for group in DEFAULT_LENGTH_GROUPS:
        longest = group.longest if group.longest is not None else END
        inside = members.filter(pl.col("length").is_between(group.shortest, longest))
        counts[group.label] = inside["employee"].n_unique()
    return counts


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


def ranked(breakdowns: list[Breakdown]) -> list[Breakdown]:
    def key(b: Breakdown) -> tuple[bool, float, str]:
        rate = b.cell.absence_rate
        return (rate is None, -(rate or 0.0), b.key)

    return sorted(breakdowns, key=key)


def unit_statistics(
    data: Dataset,
    job_groups: pl.DataFrame,
    unit: str,
    children: Sequence[str],
    today: dt.date,
    structure: Structure,
    suppress_small: bool,
) -> UnitStatistics:
    periods = PagePeriods(today)
    months_this, months_last = periods.months_this_year(), periods.months_last_year()
    earliest = min(periods.last_year[0], periods.last_12_months[0])
    part = subset(data, unit, earliest, today, today)
    wanted = [*periods.headline(), *months_this, *months_last]
    figures = table(part, [unit], wanted, structure, today)

    def cell(period: Period) -> Cell:
        return Cell.of(figures[(unit, *period)], suppress_small)

    last_12 = periods.last_12_months
    year = figures[(unit, *last_12)]
    contributors = (
        length_contributors(part, unit, last_12, structure, today) if suppress_small else None
    )
    subs = table(part, list(children), [last_12], structure, today) if children else {}
    jobs = by_job_group(part, job_groups, unit, last_12, structure, today)
    return UnitStatistics(
        unit_id=unit,
        structure=structure,
        headline=[cell(p) for p in periods.headline()],
        months_this_year=[cell(p) for p in months_this],
        months_last_year=[cell(p) for p in months_last],
        by_length=length_rows(year, contributors, suppress_small),
        job_groups=ranked(
            [Breakdown(g, Cell.of(f, suppress_small)) for g, f in jobs.items() if f.headcount]
        ),
        sub_units=ranked([Breakdown(k[0], Cell.of(f, suppress_small)) for k, f in subs.items()]),
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
