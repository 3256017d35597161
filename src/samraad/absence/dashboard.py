"""What a unit page shows, shaped from the statistics core's figures (no Django, no
requests). Every figure comes from the core; what a reader may see of it is decided by
a `Disclosure`: everything for person-level readers, the policy of `samraad.disclosure`
for everyone else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import polars as pl

from samraad.absence.periods import PagePeriods, Period
from samraad.disclosure import JOB_GROUPS, LENGTH_GROUPS, Disclosure
from samraad.stats import (
    ByJobGroup,
    Dataset,
    FiguresByKey,
    Structure,
    TableRequest,
    UnitFigures,
    employee_absence,
    empty_figures,
    figures_table,
    job_group_table,
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

    @classmethod
    def of(cls, figures: UnitFigures, shown: bool = True) -> Cell:
        if not shown:
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


def page_periods(periods: PagePeriods) -> list[Period]:
    return [*periods.headline(), *periods.months_this_year(), *periods.months_last_year()]


def length_rows(figures: UnitFigures, shown: set[str] | None) -> list[LengthRow]:
    """The spell-length groups; `shown`: the groups the reader may see (None: all)."""
    rows = []
    for label, group in figures.by_length.items():
        if shown is not None and label not in shown:
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


@dataclass(frozen=True)
class Tables:
    """Every unit's figures for one day, structure and set of page periods."""

    periods: PagePeriods
    structure: Structure
    figures: Mapping[Key, UnitFigures]  # the page's periods (page_periods)
    job_groups: Mapping[str, dict[str, UnitFigures]]  # last 12 months


# Where a computed frame is kept: given a name for it and how to compute it, the frame
# (the web app shares it between processes through frames.store; by default computed).
Share = Callable[[Hashable, Callable[[], pl.DataFrame]], pl.DataFrame]


def _computed(key: Hashable, compute: Callable[[], pl.DataFrame]) -> pl.DataFrame:
    return compute()


def compute_tables(
    data: Callable[[], Dataset],
    job_groups: Callable[[], pl.DataFrame],
    periods: PagePeriods,
    structure: Structure,
    as_of: dt.date,
    share: Share = _computed,
) -> Tables:
    """The tables from the core's two frames: every unit × page period, and every unit ×
    job group over the last 12 months. `share` keeps the frames (computed once for every
    process); the data and job groups are asked for only when a frame is computed."""
    last_12 = periods.last_12_months
    request = TableRequest(periods=page_periods(periods), structure=structure, as_of=as_of)
    figures = share("figures", lambda: figures_table(data(), request))
    jobs = share(
        "job_groups", lambda: job_group_table(data(), job_groups(), last_12, structure, as_of)
    )
    return Tables(
        periods,
        structure,
        FiguresByKey(figures, structure, request.causes),
        ByJobGroup(jobs, structure),
    )


def unit_statistics(
    tables: Tables, unit: str, children: Sequence[str], disclosure: Disclosure
) -> UnitStatistics:
    periods = tables.periods
    structure = tables.structure

    def figures(u: str, period: Period) -> UnitFigures:
        found = tables.figures.get((u, *period))
        return found if found is not None else empty_figures(u, period, structure)

    def cell(u: str, period: Period) -> Cell:
        return Cell.of(figures(u, period), disclosure.unit(structure, u, *period))

    last_12 = periods.last_12_months
    lengths = disclosure.parts(LENGTH_GROUPS, structure, unit, *last_12)
    jobs = disclosure.parts(JOB_GROUPS, structure, unit, *last_12)
    job_cells = [
        Breakdown(g, Cell.of(f, jobs is None or g in jobs))
        for g, f in tables.job_groups.get(unit, {}).items()
    ]
    return UnitStatistics(
        unit_id=unit,
        structure=structure,
        headline=[cell(unit, p) for p in periods.headline()],
        months_this_year=[cell(unit, p) for p in periods.months_this_year()],
        months_last_year=[cell(unit, p) for p in periods.months_last_year()],
        by_length=length_rows(figures(unit, last_12), lengths),
        job_groups=ranked(job_cells),
        sub_units=ranked([Breakdown(c, cell(c, last_12)) for c in children]),
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
