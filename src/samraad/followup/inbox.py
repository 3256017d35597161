"""Alerts as the pages and the API show them: the inbox as a worklist.

The followup app owns alerts, their derived status and what answers them; this module
selects the alerts inside a scope, filters, counts, sorts and pages them (central HR has
tens of thousands: over a frame of the window, kept per version), and shapes one page of
them. Callers have asked the
permission layer first; a unit filter must be a unit the reader has person-level access to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from django.db.models import F, Max, QuerySet

from samraad.accounts.permissions import PERSON_WINDOW_DAYS, Scope
from samraad.followup.models import Alert
from samraad.followup.status import Status, status, status_q, with_closed_on
from samraad.frames import cache
from samraad.frames.store import shared_frame
from samraad.labels import label
from samraad.org.tree import OrgTree, tree_on
from samraad.vocabulary import ALERT_STATUS, FOLLOW_UP_ACTION, action_for

PENDING = "pending"  # open or overdue: what the inbox shows first
ALL = "all"
STATUS_CHOICES = (PENDING, *Status, ALL)
# The inbox looks as far back as a person stays visible (accounts.permissions): every
# alert listed leads to a person page the reader may open.
INBOX_DAYS = PERSON_WINDOW_DAYS


@dataclass(frozen=True)
class AlertRow:
    alert_id: int
    employee_id: str
    name: str
    unit_id: str
    unit_name: str
    rule_id: str
    title: str
    raised_on: dt.date
    due_by: dt.date
    reason: str
    status: str  # open, overdue, closed or lapsed
    closed_on: dt.date | None
    lapsed_on: dt.date | None = None

    @property
    def status_label(self) -> str:
        return label(ALERT_STATUS, self.status)

    @property
    def action(self) -> str:
        return action_for(self.rule_id)

    @property
    def action_label(self) -> str:
        return label(FOLLOW_UP_ACTION, self.action)

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse("followup:alert", args=[self.alert_id])

    conversation_url = url  # the mails' and older pages' name for it

    @property
    def waiting(self) -> bool:
        return self.status in (Status.OPEN, Status.OVERDUE)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.alert_id,
            "employee_id": self.employee_id,
            "unit": self.unit_id,
            "rule_id": self.rule_id,
            "title": self.title,
            "raised_on": self.raised_on.isoformat(),
            "due_by": self.due_by.isoformat(),
            "reason": self.reason,
            "status": self.status,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "lapsed_on": self.lapsed_on.isoformat() if self.lapsed_on else None,
        }


@dataclass(frozen=True)
class Filters:
    """What the inbox asks for; every field narrows the list, none widens the scope."""

    status: str = PENDING  # one of STATUS_CHOICES
    unit: str | None = None  # this unit and the units below it (today's tree)
    rule: str | None = None
    due_before: dt.date | None = None  # due by this day at the latest
    descending: bool = False  # the latest due first

    def __post_init__(self) -> None:
        if self.status not in STATUS_CHOICES:
            raise ValueError(f"status: expected one of {', '.join(STATUS_CHOICES)}")


@dataclass(frozen=True)
class Worklist:
    rows: list[AlertRow]
    total: int  # alerts matching the filters, every page
    counts: dict[str, int] = field(default_factory=dict)  # per status, other filters applied
    page: int = 1
    pages: int = 1


def rows_of(alerts: QuerySet[Alert], today: dt.date) -> list[AlertRow]:
    """The alerts (annotated with `closed_on` and the employee's `name`) as rows."""
    tree = tree_on(today)
    rows = []
    for alert in alerts.values(*WINDOW_SCHEMA):
        found = status(alert["closed_on"], alert["due_by"], today, alert["lapsed_on"])
        rows.append(_row(alert, str(found), tree))
    return rows


def _row(alert: dict[str, Any], found: str, tree: OrgTree) -> AlertRow:
    """One alert's row from its WINDOW_SCHEMA columns and its status."""
    return AlertRow(
        alert_id=alert["id"],
        employee_id=alert["employee_id"],
        name=alert["name"] or "",
        unit_id=alert["unit_id"] or "",
        unit_name=tree.name(alert["unit_id"]) if alert["unit_id"] else "",
        rule_id=alert["rule_id"],
        title=alert["title"],
        raised_on=alert["raised_on"],
        due_by=alert["due_by"],
        reason=alert["reason"],
        status=found,
        closed_on=alert["closed_on"] if found == Status.CLOSED else None,
        lapsed_on=alert["lapsed_on"] if found == Status.LAPSED else None,
    )


def _scoped(scope: Scope, today: dt.date, unit: str | None = None) -> QuerySet[Alert]:
    """The alerts of the scope's persons raised in the inbox's window, in `unit` and below
    when asked (the caller has checked the reader's access to it)."""
    alerts = Alert.objects.filter(
        raised_on__lte=today, raised_on__gte=today - dt.timedelta(days=INBOX_DAYS)
    )
    units = _scope_units(scope, today, unit)
    return alerts if units is None else alerts.filter(unit_id__in=units)


def _filtered(scope: Scope, today: dt.date, filters: Filters) -> QuerySet[Alert]:
    """Every filter but the status, annotated with closed_on."""
    alerts = _scoped(scope, today, filters.unit)
    if filters.rule:
        alerts = alerts.filter(rule_id=filters.rule)
    if filters.due_before:
        alerts = alerts.filter(due_by__lte=filters.due_before)
    return with_closed_on(alerts)


def _with_status(alerts: QuerySet[Alert], today: dt.date, wanted: str) -> QuerySet[Alert]:
    if wanted == PENDING:
        return alerts.filter(status_q(Status.OPEN, today) | status_q(Status.OVERDUE, today))
    if wanted == ALL:
        return alerts
    return alerts.filter(status_q(wanted, today))


def _ordered(alerts: QuerySet[Alert], descending: bool) -> QuerySet[Alert]:
    due = "-due_by" if descending else "due_by"
    return alerts.annotate(name=F("employee__name")).order_by(due, "employee_id", "id")


def selected(scope: Scope, today: dt.date, filters: Filters) -> QuerySet[Alert]:
    """The alerts matching the filters, the most urgent (earliest due) first."""
    if not scope.person_level:
        return Alert.objects.none()
    alerts = _with_status(_filtered(scope, today, filters), today, filters.status)
    return _ordered(alerts, filters.descending)


def _wanted(status: str) -> tuple[str, ...]:
    if status == PENDING:
        return (Status.OPEN, Status.OVERDUE)
    return tuple(Status) if status == ALL else (status,)


# The inbox window's alerts with what decides their status, as a frame per version of
# the data and follow-up (frames.store): central HR's window holds some 60,000 alerts,
# whose closing days take the database a fifth of a second to derive (correlated
# subqueries, followup.status); filtering, counting, sorting and paging the frame take
# milliseconds.
WINDOW_SCHEMA = {
    "id": pl.Int64,
    "employee_id": pl.String,
    "name": pl.String,
    "unit_id": pl.String,
    "rule_id": pl.String,
    "title": pl.String,
    "raised_on": pl.Date,
    "due_by": pl.Date,
    "reason": pl.String,
    "lapsed_on": pl.Date,
    "closed_on": pl.Date,
}


def _window(today: dt.date) -> pl.DataFrame:
    def compute() -> pl.DataFrame:
        everyone = Scope(None, frozenset(), True, frozenset(), frozenset())
        alerts = with_closed_on(_scoped(everyone, today)).annotate(name=F("employee__name"))
        values = alerts.order_by().values_list(*WINDOW_SCHEMA)
        return pl.DataFrame(list(values), schema=WINDOW_SCHEMA, orient="row")

    return shared_frame(("inbox-window", today), compute, ("data", "follow_up"))


def _scope_units(scope: Scope, today: dt.date, unit: str | None) -> list[str] | None:
    """The units whose alerts the scope sees (`unit` and below when asked), or None for
    all of them."""
    if scope.everything and unit is None:
        return None
    tree = tree_on(today)
    roots = [unit] if unit is not None else sorted(scope.person_roots)
    return sorted({u for root in roots if root in tree.units for u in tree.below(root)})


def _in_scope(
    found: pl.DataFrame, scope: Scope, today: dt.date, unit: str | None = None
) -> pl.DataFrame:
    units = _scope_units(scope, today, unit)
    return found if units is None else found.filter(pl.col("unit_id").is_in(units))


def _status_column(today: dt.date) -> pl.Expr:
    """`status.status` over the frame's columns."""
    closed_on, lapsed_on = pl.col("closed_on"), pl.col("lapsed_on")
    lapsed = lapsed_on.is_not_null() & (lapsed_on <= today)
    closed = (
        closed_on.is_not_null()
        & (closed_on <= today)
        & (lapsed_on.is_null() | (closed_on < lapsed_on))
    )
    return (
        pl.when(closed)
        .then(pl.lit(str(Status.CLOSED)))
        .when(lapsed)
        .then(pl.lit(str(Status.LAPSED)))
        .when(pl.col("due_by") < today)
        .then(pl.lit(str(Status.OVERDUE)))
        .otherwise(pl.lit(str(Status.OPEN)))
        .alias("status")
    )


def _classified(
    scope: Scope, today: dt.date, filters: Filters, limit: int | None, offset: int = 0
) -> tuple[dict[str, int], list[AlertRow]]:
    """The counts per status (the status filter aside) and the alerts of the status asked
    for, in the inbox's order (due, employee, id), `limit` of them from `offset`."""
    found = _in_scope(_window(today), scope, today, filters.unit)
    if filters.rule:
        found = found.filter(pl.col("rule_id") == filters.rule)
    if filters.due_before:
        found = found.filter(pl.col("due_by") <= filters.due_before)
    found = found.with_columns(_status_column(today))
    counts = {str(s): 0 for s in Status}
    for status_code, count in found.group_by("status").len().iter_rows():
        counts[status_code] = int(count)
    counts[PENDING] = counts[Status.OPEN] + counts[Status.OVERDUE]
    counts[ALL] = sum(counts[s] for s in Status)
    chosen = found.filter(pl.col("status").is_in(list(_wanted(filters.status)))).sort(
        ["due_by", "employee_id", "id"], descending=[filters.descending, False, False]
    )
    tree = tree_on(today)
    rows = [
        _row(alert, alert["status"], tree)
        for alert in chosen.slice(offset, limit).iter_rows(named=True)
    ]
    return counts, rows


def status_counts(scope: Scope, today: dt.date, filters: Filters) -> dict[str, int]:
    """How many alerts of each status match the other filters."""
    if not scope.person_level:
        return {str(s): 0 for s in (*Status, PENDING, ALL)}
    return _classified(scope, today, filters, 0)[0]


def worklist(
    scope: Scope, today: dt.date, filters: Filters, page: int = 1, size: int = 50
) -> Worklist:
    """One page of the filtered inbox with the counts per status. A page past the end
    asks once more for the last one."""
    if not scope.person_level:
        return Worklist([], 0, status_counts(scope, today, filters))
    page = max(1, page)
    counts, rows = _classified(scope, today, filters, size, (page - 1) * size)
    total = counts[filters.status]
    pages = max(1, -(-total // size))
    if page > pages:
        page = pages
        counts, rows = _classified(scope, today, filters, size, (page - 1) * size)
    return Worklist(rows, total, counts, page, pages)


def every_row(scope: Scope, today: dt.date, filters: Filters) -> list[AlertRow]:
    """Every alert matching the filters, in the inbox's order (the exports)."""
    if not scope.person_level:
        return []
    return _classified(scope, today, filters, None)[1]


def rules_in_scope(scope: Scope, today: dt.date) -> list[tuple[str, str]]:
    """(rule id, latest title) of the rules with alerts in the scope's window; kept
    until the alerts change."""
    if not scope.person_level:
        return []

    def find() -> list[tuple[str, str]]:
        found = (
            _scoped(scope, today)
            .values("rule_id")
            .annotate(title=Max("title"))
            .order_by("rule_id")
            .values_list("rule_id", "title")
        )
        return list(found)

    key = ("alert-rules", today, scope.everything, scope.person_roots)
    return cache.remember(key, find, ("data", "follow_up"))


def alerts_for_scope(
    scope: Scope, today: dt.date, wanted: str | None = None, limit: int | None = None
) -> tuple[list[AlertRow], int]:
    """The alerts of the persons in the scope, the most urgent first, and how many there
    are in all; `wanted`: open, overdue, closed, lapsed, pending (open or overdue) or
    None (all)."""
    if not scope.person_level:
        return [], 0
    chosen = selected(scope, today, Filters(status=wanted or ALL))
    total = chosen.count()
    return rows_of(chosen[:limit] if limit else chosen, today), total


def alerts_of_person(scope: Scope, employee_id: str, today: dt.date) -> list[AlertRow]:
    alerts = with_closed_on(_scoped(scope, today).filter(employee_id=employee_id))
    return rows_of(_ordered(alerts, False), today)


def alert_in_scope(scope: Scope, alert_id: int, today: dt.date) -> AlertRow | None:
    alerts = with_closed_on(_scoped(scope, today).filter(pk=alert_id))
    rows = rows_of(_ordered(alerts, False), today)
    return rows[0] if rows else None


def alert_counts(
    scope: Scope, employee_ids: list[str], today: dt.date
) -> dict[str, tuple[int, int]]:
    """(open, overdue) per person; open counts overdue ones too. Read off the inbox's
    frame of the window: central HR's list of the municipality asks of every alert."""
    if not scope.person_level:
        return {}
    waiting = (
        _in_scope(_window(today), scope, today)
        .filter(pl.col("employee_id").is_in(employee_ids))
        .with_columns(_status_column(today))
        .filter(pl.col("status").is_in([str(Status.OPEN), str(Status.OVERDUE)]))
        .group_by("employee_id")
        .agg(pl.len().alias("open"), (pl.col("status") == str(Status.OVERDUE)).sum())
    )
    return {
        employee: (int(opened), int(overdue))
        for employee, opened, overdue in waiting.select("employee_id", "open", "status").iter_rows()
    }
