"""The unit pages' data: the pure dashboard over the cached Dataset, results cached too.

Views and the API call these; each call is already permitted by accounts.permissions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

import polars as pl
from django.db import connection

from samraad.absence import cache
from samraad.absence.alerts import alert_counts
from samraad.absence.dashboard import (
    MIN_CELL,
    Cell,
    PersonFigures,
    UnitStatistics,
    person_figures,
    subset,
    table,
    unit_statistics,
)
from samraad.absence.periods import PagePeriods, year_before
from samraad.accounts.permissions import Scope
from samraad.rules.compliance import ALERT_COLUMNS, follow_up
from samraad.rules.models import Alert
from samraad.rules.status import with_closed_on
from samraad.stats import Structure


def job_groups() -> pl.DataFrame:
    def load() -> pl.DataFrame:
        with connection.cursor() as cursor:
            cursor.execute("SELECT employment_id, job_group FROM people_employment")
            rows = cursor.fetchall()
        return pl.DataFrame(
            rows, schema={"employment_id": pl.String, "job_group": pl.String}, orient="row"
        )

    return cache.remember("job_groups", load)


def statistics(
    unit: str, today: dt.date, structure: Structure, suppress_small: bool
) -> UnitStatistics:
    tree = cache.org_tree(today)
    children = tuple(tree.children_of(unit))

    def compute() -> UnitStatistics:
        return unit_statistics(
            cache.dataset(), job_groups(), unit, children, today, structure, suppress_small
        )

    return cache.remember(("unit", unit, today, structure, suppress_small), compute)


def headlines(
    units: Sequence[str], today: dt.date, structure: Structure, suppress_small: bool
) -> dict[str, Cell]:
    """Each unit's last 12 months, for lists of units."""
    period = PagePeriods(today).last_12_months

    def compute() -> dict[str, Cell]:
        figures = table(cache.dataset(), list(units), [period], structure, today)
        return {key[0]: Cell.of(value, suppress_small) for key, value in figures.items()}

    key = ("headlines", tuple(units), today, structure, suppress_small)
    return cache.remember(key, compute)


@dataclass(frozen=True)
class EmployeeRow:
    employee_id: str
    unit_id: str
    unit_name: str
    job_group: str
    weekly_hours: float
    sick_days: int
    spells: int
    open_alerts: int = 0
    overdue_alerts: int = 0


def employees(unit: str, today: dt.date) -> list[EmployeeRow]:
    """Everyone employed below the unit (today's tree) in the last 12 months, with
    their own-sickness days and spells in that window; the most days first."""
    tree = cache.org_tree(today)
    below = list(tree.below(unit))
    start = year_before(today) + dt.timedelta(days=1)

    def compute() -> list[EmployeeRow]:
        data = cache.dataset()
        jobs = (
            data.employments.filter(pl.col("unit_id").is_in(below))
            .filter(pl.col("start_date") <= today)
            .filter(pl.col("end_date").is_null() | (pl.col("end_date") >= start))
            .join(job_groups(), on="employment_id", how="left")
            .sort("start_date", descending=True)
            .unique("employee_id", keep="first")
        )
        people = jobs["employee_id"].to_list()
        part = subset(data, unit, start, today, today)
        figures = person_figures(part, people, (start, today))
        rows = [
            _row(job, figures[job["employee_id"]], tree.name(job["unit_id"]))
            for job in jobs.iter_rows(named=True)
        ]
        return sorted(rows, key=lambda r: (-r.sick_days, -r.spells, r.employee_id))

    return cache.remember(("employees", unit, today), compute)


def employees_with_alerts(unit: str, today: dt.date, scope: Scope) -> list[EmployeeRow]:
    """The employees, with their open and overdue alerts (not cached: alerts close)."""
    rows = employees(unit, today)
    counts = alert_counts(scope, [r.employee_id for r in rows], today)
    return [
        replace(r, open_alerts=counts[r.employee_id][0], overdue_alerts=counts[r.employee_id][1])
        if r.employee_id in counts
        else r
        for r in rows
    ]


def _row(job: dict[str, object], figures: PersonFigures, unit_name: str) -> EmployeeRow:
    return EmployeeRow(
        employee_id=str(job["employee_id"]),
        unit_id=str(job["unit_id"]),
        unit_name=unit_name,
        job_group=str(job["job_group"] or ""),
        weekly_hours=float(job["weekly_hours"]),  # type: ignore[arg-type]
        sick_days=figures.sick_days,
        spells=figures.spells,
    )


@dataclass(frozen=True)
class FollowUpCell:
    """Follow-up on the alerts raised in the last 12 months (spec/rules.md, "After an alert")."""

    raised: int | None
    closed_on_time: int | None
    closed_late: int | None
    open: int | None
    overdue: int | None
    compliance: float | None  # percent closed by their due date
    suppressed: bool


def _follow_up_version() -> tuple[object, ...]:
    """Alerts and conversations change without the absence data changing."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT COUNT(*) FROM rules_alert), (SELECT MAX(id) FROM rules_alert),"
            " (SELECT COUNT(*) FROM absence_conversation)"
        )
        return tuple(cursor.fetchone() or ())


def _alert_frame(start: dt.date, end: dt.date, version: tuple[object, ...]) -> pl.DataFrame:
    def load() -> pl.DataFrame:
        rows = with_closed_on(Alert.objects.filter(raised_on__gte=start, raised_on__lte=end))
        values = list(rows.values_list("unit_id", "raised_on", "due_by", "closed_on"))  # type: ignore[misc]
        return pl.DataFrame(values, schema=ALERT_COLUMNS, orient="row")

    return cache.remember(("alerts", start, end, version), load)


def follow_up_cell(
    unit: str, today: dt.date, structure: Structure, suppress_small: bool, headcount: int | None
) -> FollowUpCell:
    start, end = PagePeriods(today).last_12_months
    alerts = _alert_frame(start, end, _follow_up_version())
    found = follow_up(alerts, cache.dataset().unit_rows, unit, start, end, today, structure, today)
    # An aggregate for a reader without person-level access covers at least 5 employees;
    # alerts are about persons, so fewer than 5 of them are not shown either.
    if suppress_small and (found.raised < MIN_CELL or (headcount or 0) < MIN_CELL):
        return FollowUpCell(None, None, None, None, None, None, True)
    share = found.compliance
    return FollowUpCell(
        found.raised,
        found.closed_on_time,
        found.closed_late,
        found.open,
        found.overdue,
        None if share is None else round(float(share * 100), 1),
        False,
    )
