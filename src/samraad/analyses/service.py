"""The analyses' figures for a unit, computed once per day and kept (frames.cache), with
what the reader may see of them: everything for HR, the disclosure policy's decisions
for committee members. Every analysis reads the current structure (the tree of today)
over the last twelve months — the notice periods over the last three years — ending
today for HR and at the last complete month for committee members."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from samraad.absence import service
from samraad.absence.periods import Period
from samraad.analyses.tables import Row, band_rows, grid_rows, pair_rows
from samraad.disclosure import JOB_GROUPS
from samraad.frames import cache
from samraad.frames.store import shared_frame
from samraad.org.tree import tree_on
from samraad.stats import (
    BEFORE_NOTICE,
    NOTICE,
    SENIOR_AGE,
    Structure,
    UnitFigures,
    age_labels,
    grouped_figures_of,
    grouped_table,
    senior_pieces,
    split_group,
)

STRUCTURE = Structure.CURRENT  # breakdowns for committees are decided in it
NOTICE_YEARS = 3
UNDER_30 = age_labels()[0]
SENIORS = f"{SENIOR_AGE}+"


@dataclass(frozen=True)
class Table:
    period: Period
    covers: int | None  # employees in the analysis (None where not shown)
    rows: list[Row]
    columns: list[str]  # the table's columns (units, or the groups compared)


def last_12_months(today: dt.date, person_level: bool) -> Period:
    return service.periods_for(today, person_level).last_12_months


def last_years(today: dt.date, person_level: bool, years: int = NOTICE_YEARS) -> Period:
    """The last `years` years up to the last day shown (whole months for committees)."""
    periods = service.periods_for(today, person_level)
    end = periods.today
    if periods.whole_months:
        start = dt.date(end.year - years, end.month, 1) + dt.timedelta(days=31)
        return start.replace(day=1), end
    return dt.date(end.year - years, end.month, end.day) + dt.timedelta(days=1), end


GroupFigures = dict[tuple[str, str, dt.date, dt.date], UnitFigures]


def _grouped(
    family: str, pieces: Callable[[], pl.DataFrame], period: Period, today: dt.date
) -> GroupFigures:
    """Every unit's figures per group of a family for the period: the core's table
    computed once for every process (seconds at Copenhagen scale, frames.store), then
    kept for the day."""
    key = ("analysis", family, period, today)

    def compute() -> pl.DataFrame:
        return grouped_table(cache.dataset(), pieces(), [period], STRUCTURE, today)

    return cache.remember(key, lambda: grouped_figures_of(shared_frame(key, compute), STRUCTURE))


def _unit_total(
    unit: str, period: Period, today: dt.date, person_level: bool
) -> UnitFigures | None:
    return service.tables(today, STRUCTURE, person_level).figures.get((unit, *period))


def _covers(total: UnitFigures | None, shown: bool) -> int | None:
    if not shown:
        return None
    return total.headcount if total is not None else 0


def short_term(unit: str, today: dt.date, person_level: bool) -> Table:
    """Short-term absence by age band, the under-30s apart."""
    period = last_12_months(today, person_level)
    found = _grouped(service.AGE_BANDS, lambda: service.pieces(service.AGE_BANDS), period, today)
    bands = {g: f for (u, g, *_), f in found.items() if u == unit}
    shown = service.disclosure_for(today, person_level)
    unit_shown = shown.unit(STRUCTURE, unit, *period)
    parts = shown.parts(service.AGE_BANDS, STRUCTURE, unit, *period)
    total = _unit_total(unit, period, today, person_level)
    rows = band_rows(total, bands, age_labels(), unit_shown, parts, UNDER_30)
    return Table(period, _covers(total, unit_shown), rows, [])


def _senior_pieces() -> pl.DataFrame:
    data = cache.dataset()
    return cache.remember(
        "senior_pieces",
        lambda: senior_pieces(data.employments, service.birth_dates(), service.job_groups()),
    )


def seniors(unit: str, today: dt.date, person_level: bool) -> tuple[Table, Table]:
    """The 60+ against the whole unit (from the age bands), and per job group the 60+
    against the under-60s of the same job group (person-level readers only: the policy
    decides no cells of job group and age together)."""
    period = last_12_months(today, person_level)
    bands = short_term(unit, today, person_level)
    overall = [r for r in bands.rows if r.key in (SENIORS, "")]
    by_job: dict[str, tuple[UnitFigures | None, UnitFigures | None]] = {}
    if person_level:
        found = _grouped("seniors", _senior_pieces, period, today)
        for (u, group, *_), figures in found.items():
            band, job = split_group(group)
            if u == unit and band in (SENIORS, f"0-{SENIOR_AGE - 1}"):
                older, younger = by_job.get(job, (None, None))
                by_job[job] = (figures, younger) if band == SENIORS else (older, figures)
    rows = pair_rows(by_job, person_level)
    return Table(period, bands.covers, overall, []), Table(period, bands.covers, rows, [])


def notice(unit: str, today: dt.date, person_level: bool) -> Table:
    """Absence in notice periods against the same employments' year before notice."""
    period = last_years(today, person_level)
    found = _grouped(service.NOTICES, lambda: service.pieces(service.NOTICES), period, today)
    groups = {g: f for (u, g, *_), f in found.items() if u == unit}
    shown = service.disclosure_for(today, person_level)
    unit_shown = shown.unit(STRUCTURE, unit, *period)
    parts = shown.parts(service.NOTICES, STRUCTURE, unit, *period)
    rows = band_rows(None, groups, [BEFORE_NOTICE, NOTICE], unit_shown, parts, NOTICE)
    rows = sorted((r for r in rows if r.key != ""), key=lambda r: r.key != BEFORE_NOTICE)
    dismissed = groups.get(NOTICE)
    covers = None if not unit_shown else (dismissed.headcount if dismissed else 0)
    return Table(period, covers, rows, [])


def job_groups(unit: str, today: dt.date, person_level: bool) -> Table:
    """Job groups (rows) across the unit and the units directly below it (columns)."""
    tables = service.tables(today, STRUCTURE, person_level)
    period = tables.periods.last_12_months
    columns = [unit, *tree_on(today).children_of(unit)]
    shown = service.disclosure_for(today, person_level)
    parts = {
        u: shown.parts(JOB_GROUPS, STRUCTURE, u, *period)
        if shown.unit(STRUCTURE, u, *period)
        else set()
        for u in columns
    }
    rows = grid_rows(columns, tables.job_groups, parts)
    total = tables.figures.get((unit, *period))
    return Table(period, _covers(total, shown.unit(STRUCTURE, unit, *period)), rows, columns)


def warm(today: dt.date) -> None:
    """What HR's first analyses need: the municipality's and the administrations' group
    tables (shared by every process)."""
    for unit in tree_on(today).tops():
        short_term(unit, today, True)
        seniors(unit, today, True)
        notice(unit, today, True)
