"""What a unit page shows, shaped from the statistics core's figures (no Django, no
requests). Every figure comes from the core; what a reader without person-level access
sees is decided by `samraad.disclosure`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import polars as pl

from samraad import disclosure
from samraad.absence.periods import PagePeriods, Period
from samraad.stats import (
    Dataset,
    Structure,
    UnitFigures,
    by_job_group,
    employee_absence,
    empty_figures,
    figures_by_key,
    length_contributors,
    rounded,
)


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
        if suppress_small and disclosure.too_small(figures.headcount):
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


def page_periods(today: dt.date) -> list[Period]:
    periods = PagePeriods(today)
    return [*periods.headline(), *periods.months_this_year(), *periods.months_last_year()]


def length_rows(
    figures: UnitFigures, contributors: dict[str, int] | None, suppress_small: bool
) -> list[LengthRow]:
    hidden = suppress_small and disclosure.too_small(figures.headcount)
    rows = []
    for label, group in figures.by_length.items():
        few = contributors is not None and disclosure.few(contributors.get(label, 0))
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
    beside them (the months of a year, the job groups or units below a unit)."""
    hide = disclosure.complement([c.suppressed for c in cells], [c.headcount or 0 for c in cells])
    return [c.hidden() if h and not c.suppressed else c for c, h in zip(cells, hide, strict=True)]


def complemented_breakdowns(breakdowns: list[Breakdown]) -> list[Breakdown]:
    cells = complemented([b.cell for b in breakdowns])
    return [Breakdown(b.key, c) for b, c in zip(breakdowns, cells, strict=True)]


def complemented_lengths(rows: list[LengthRow]) -> list[LengthRow]:
    hide = disclosure.complement([r.suppressed for r in rows], [r.spells or 0 for r in rows])
    return [
        LengthRow(r.label, None, None, None, True) if h else r
        for r, h in zip(rows, hide, strict=True)
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
        figures_by_key(data, None, page_periods(today), structure, today),
        by_job_group(data, job_groups, last_12, structure, today),
        length_contributors(data, last_12, structure, today),
    )


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
