"""Alerts as the pages and the API show them, from the rules app's stored alerts.

The rules app owns alerts, their derived status and the recording of conversations;
this module only selects the alerts inside a scope and shapes them for a page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from samraad.accounts.permissions import PERSON_WINDOW_DAYS, Access, Scope, unit_access
from samraad.followup.models import Alert
from samraad.followup.status import Status, status, with_closed_on
from samraad.labels import label
from samraad.org.tree import OrgTree, tree_on
from samraad.vocabulary import ALERT_STATUS

PENDING = "pending"  # open or overdue: what the inbox shows first
# The inbox looks as far back as a person stays visible (accounts.permissions): every
# alert listed leads to a person page the reader may open.
INBOX_DAYS = PERSON_WINDOW_DAYS
CHUNK = 500  # persons per query: SQLite allows a limited number of parameters


@dataclass(frozen=True)
class AlertRow:
    alert_id: int
    employee_id: str
    unit_id: str
    unit_name: str
    rule_id: str
    title: str
    raised_on: dt.date
    due_by: dt.date
    reason: str
    status: str  # open, overdue or closed
    closed_on: dt.date | None

    @property
    def status_label(self) -> str:
        return label(ALERT_STATUS, self.status)

    @property
    def conversation_url(self) -> str:
        from django.urls import reverse

        return reverse("followup:conversation", args=[self.alert_id])

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
        }


def _in_scope(scope: Scope, tree: OrgTree, unit_id: str | None) -> bool:
    if unit_id is None:
        return scope.everything
    return unit_access(scope, unit_id, tree) is Access.PERSON


def _rows(alerts: QuerySet[Alert], scope: Scope, today: dt.date) -> list[AlertRow]:
    tree = tree_on(today)
    rows = []
    if "closed_on" not in alerts.query.annotations:
        alerts = with_closed_on(alerts).order_by("due_by", "employee_id", "id")
    for alert in alerts:
        if not _in_scope(scope, tree, alert.unit_id):
            continue
        closed_on: dt.date | None = alert.closed_on  # type: ignore[attr-defined]
        rows.append(
            AlertRow(
                alert_id=alert.pk,
                employee_id=alert.employee_id,
                unit_id=alert.unit_id or "",
                unit_name=tree.name(alert.unit_id) if alert.unit_id else "",
                rule_id=alert.rule_id,
                title=alert.title,
                raised_on=alert.raised_on,
                due_by=alert.due_by,
                reason=alert.reason,
                status=str(status(closed_on, alert.due_by, today)),
                closed_on=closed_on if closed_on and closed_on <= today else None,
            )
        )
    return rows


def _scoped(scope: Scope, today: dt.date) -> QuerySet[Alert]:
    alerts = Alert.objects.filter(
        raised_on__lte=today, raised_on__gte=today - dt.timedelta(days=INBOX_DAYS)
    )
    if scope.everything:
        return alerts
    tree = tree_on(today)
    units = {u for root in scope.person_roots if root in tree.units for u in tree.below(root)}
    return alerts.filter(unit_id__in=sorted(units))


def _with_status(alerts: QuerySet[Alert], today: dt.date, wanted: str | None) -> QuerySet[Alert]:
    """Filter by the derived status in the database (rules.status.status, as SQL)."""
    annotated = with_closed_on(alerts)
    closed = Q(closed_on__isnull=False, closed_on__lte=today)
    if wanted == Status.CLOSED:
        return annotated.filter(closed).order_by("-raised_on", "employee_id", "id")
    if wanted == Status.OPEN:
        annotated = annotated.exclude(closed).filter(due_by__gte=today)
    elif wanted == Status.OVERDUE:
        annotated = annotated.exclude(closed).filter(due_by__lt=today)
    elif wanted == PENDING:
        annotated = annotated.exclude(closed)
    return annotated.order_by("due_by", "employee_id", "id")


def alerts_for_scope(
    scope: Scope, today: dt.date, wanted: str | None = None, limit: int | None = None
) -> tuple[list[AlertRow], int]:
    """The alerts of the persons in the scope, the most urgent first, and how many there
    are in all; `wanted`: open, overdue, closed, pending (open or overdue) or None (all)."""
    if not scope.person_level:
        return [], 0
    selected = _with_status(_scoped(scope, today), today, wanted)
    total = selected.count()
    return _rows(selected[:limit] if limit else selected, scope, today), total


def alerts_of_person(scope: Scope, employee_id: str, today: dt.date) -> list[AlertRow]:
    return _rows(_scoped(scope, today).filter(employee_id=employee_id), scope, today)


def alert_in_scope(scope: Scope, alert_id: int, today: dt.date) -> AlertRow | None:
    rows = _rows(_scoped(scope, today).filter(pk=alert_id), scope, today)
    return rows[0] if rows else None


def alert_counts(
    scope: Scope, employee_ids: list[str], today: dt.date
) -> dict[str, tuple[int, int]]:
    """(open, overdue) per person; open counts overdue ones too."""
    counts: dict[str, tuple[int, int]] = {}
    if not scope.person_level:
        return counts
    for i in range(0, len(employee_ids), CHUNK):
        chunk = employee_ids[i : i + CHUNK]
        for row in _rows(_scoped(scope, today).filter(employee_id__in=chunk), scope, today):
            if row.status == Status.CLOSED:
                continue
            opened, overdue = counts.get(row.employee_id, (0, 0))
            counts[row.employee_id] = (opened + 1, overdue + (row.status == Status.OVERDUE))
    return counts
