"""What a unit page shows, shaped from the statistics core's figures (no Django, no
requests). Every figure comes from the core; what a reader may see of it is decided by
a `Disclosure`: everything for person-level readers, the policy of `samraad.disclosure`
for everyone else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from samraad.absence.periods import PagePeriods, Period
from samraad.disclosure import JOB_GROUPS, LENGTH_GROUPS, Disclosure
from samraad.disclosure.lengths import LengthRow, length_rows
from samraad.stats import (
    ByJobGroup,
    Dataset,
    FiguresByKey,
    Structure,
    TableRequest,
    UnitFigures,
    by_job_group,
    compare,
    employee_absence,
    empty_figures,
    figures_by_key,
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
        rate = figures.absence_rate
        return cls(  # rounded as to_json rounds them (the page shows the API's figures)
            figures.start,
            figures.end,
            figures.headcount,
            rounded(figures.fte),
            None if rate is None else rounded(rate),
            rounded(figures.absence_days_per_fte),
            figures.spells,
            False,
        )


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


@dataclass(frozen=True)
class Focus:
    """A period chosen on the page instead of the last twelve months: its figures and
    the same period's a year earlier for every unit, and its job groups (one call of
    the core each, beside the page's Tables)."""

    periods: tuple[Period, Period]  # the chosen period, the same a year earlier
    figures: Mapping[Key, UnitFigures]
    job_groups: Mapping[str, dict[str, UnitFigures]]  # the chosen period


def compute_focus(
    data: Dataset,
    job_groups: pl.DataFrame,
    periods: tuple[Period, Period],
    structure: Structure,
    as_of: dt.date,
) -> Focus:
    return Focus(
        periods,
        figures_by_key(data, None, list(periods), structure, as_of),
        by_job_group(data, job_groups, periods[0], structure, as_of),
    )


class _Lookup:
    """A unit's figures for a period from the page's tables (and a chosen period's)."""

    def __init__(self, tables: Tables, disclosure: Disclosure, focus: Focus | None) -> None:
        self.tables, self.disclosure, self.focus = tables, disclosure, focus
        self.structure = tables.structure
        periods = tables.periods
        self.main = focus.periods[0] if focus else periods.last_12_months
        self.headline = list(focus.periods) if focus else periods.headline()

    def figures(self, u: str, period: Period) -> UnitFigures:
        got = self.focus.figures.get((u, *period)) if self.focus else None
        if got is None:
            got = self.tables.figures.get((u, *period))
        return got if got is not None else empty_figures(u, period, self.structure)

    def shown(self, u: str, period: Period) -> bool:
        return self.disclosure.unit(self.structure, u, *period)

    def cell(self, u: str, period: Period) -> Cell:
        return Cell.of(self.figures(u, period), self.shown(u, period))


def unit_statistics(
    tables: Tables,
    unit: str,
    children: Sequence[str],
    disclosure: Disclosure,
    focus: Focus | None = None,
) -> UnitStatistics:
    """The unit's page figures: for the last twelve months, or for a chosen period
    (`focus`: its headline is the period and the same a year earlier, and the breakdowns
    and the units below are for it)."""
    periods = tables.periods
    structure = tables.structure
    look = _Lookup(tables, disclosure, focus)
    main = look.main
    by_job = focus.job_groups if focus else tables.job_groups
    lengths = disclosure.parts(LENGTH_GROUPS, structure, unit, *main)
    jobs = disclosure.parts(JOB_GROUPS, structure, unit, *main)
    job_cells = [
        Breakdown(g, Cell.of(f, jobs is None or g in jobs)) for g, f in by_job.get(unit, {}).items()
    ]
    return UnitStatistics(
        unit_id=unit,
        structure=structure,
        headline=[look.cell(unit, p) for p in look.headline],
        months_this_year=[look.cell(unit, p) for p in periods.months_this_year()],
        months_last_year=[look.cell(unit, p) for p in periods.months_last_year()],
        by_length=length_rows(look.figures(unit, main), lengths, places=1),
        job_groups=ranked(job_cells),
        sub_units=ranked([Breakdown(c, look.cell(c, main)) for c in children]),
    )


@dataclass(frozen=True)
class Compared:
    """The compared unit's figures for one period, and the unit's difference from them
    (None where either is not shown)."""

    cell: Cell
    absence_rate_points: float | None  # the unit's rate minus the other's, in points
    absence_days_per_fte: float | None  # the unit's minus the other's


@dataclass(frozen=True)
class Comparison:
    """The unit page's comparison line: another unit (the parent, the municipality)."""

    unit_id: str
    other: str
    headline: list[Compared]  # the page's headline periods
    months_this_year: list[Cell]


def comparison(
    tables: Tables, unit: str, other: str, disclosure: Disclosure, focus: Focus | None = None
) -> Comparison:
    """`unit` against `other` for the page's periods: the differences are the core's
    (stats.compare), exact, rounded only here; where the reader may not see either
    unit's figure, no difference is shown."""
    look = _Lookup(tables, disclosure, focus)
    headline = []
    for period in look.headline:
        theirs = look.cell(other, period)
        if theirs.suppressed or not look.shown(unit, period):
            headline.append(Compared(theirs, None, None))
            continue
        found = compare(look.figures(unit, period), look.figures(other, period))
        points = found.absence_rate_points
        headline.append(
            Compared(
                theirs,
                None if points is None else rounded(points),
                rounded(found.absence_days_per_fte),
            )
        )
    months = [look.cell(other, p) for p in tables.periods.months_this_year()]
    return Comparison(unit, other, headline, months)


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
