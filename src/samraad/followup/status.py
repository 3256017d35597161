"""An alert's status, derived from the conversations recorded (spec/rules.md, "After an alert").

An alert is closed by the first conversation of a fitting kind held on or after the day
it was raised; overdue while not closed after due_by; open otherwise. Which kinds fit is
`followup.closing`'s table.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import polars as pl
from django.db.models import Case, DateField, OuterRef, QuerySet, Subquery, When

from samraad.followup.closing import CLOSING_KINDS, fits
from samraad.followup.compliance import ALERT_COLUMNS, FollowUp, follow_up
from samraad.followup.models import Alert, Conversation
from samraad.frames.loading import load_units
from samraad.stats import Dataset, Structure


class Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    OVERDUE = "overdue"


def status(closed_on: dt.date | None, due_by: dt.date, today: dt.date) -> Status:
    if closed_on is not None and closed_on <= today:
        return Status.CLOSED
    return Status.OVERDUE if today > due_by else Status.OPEN


def _first_fitting(kinds: tuple[str, ...] | None) -> Subquery:
    conversations = Conversation.objects.filter(
        employee=OuterRef("employee"), held_on__gte=OuterRef("raised_on")
    )
    if kinds is not None:
        conversations = conversations.filter(kind__in=kinds)
    return Subquery(conversations.order_by("held_on").values("held_on")[:1])


def with_closed_on(alerts: QuerySet[Alert]) -> QuerySet[Alert]:
    """Annotate `closed_on`: the day of the first fitting conversation, or None."""
    by_kinds: dict[tuple[str, ...], list[str]] = {}
    for rule_id, kinds in CLOSING_KINDS.items():
        by_kinds.setdefault(kinds, []).append(rule_id)
    return alerts.annotate(
        closed_on=Case(
            *(When(rule_id__in=ids, then=_first_fitting(k)) for k, ids in by_kinds.items()),
            default=_first_fitting(None),
            output_field=DateField(),
        )
    )


def closed_by(conversation: Conversation) -> list[Alert]:
    """The alerts this conversation closes: of a fitting kind, and not closed before it."""
    alerts = with_closed_on(
        Alert.objects.filter(
            employee_id=conversation.employee_id, raised_on__lte=conversation.held_on
        )
    )
    return [
        alert
        for alert in alerts
        if fits(alert.rule_id, conversation.kind) and alert.closed_on == conversation.held_on  # type: ignore[attr-defined]
    ]


def load_follow_up(
    unit: str,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    structure: Structure = Structure.HISTORIC,
    as_of: dt.date | None = None,
) -> FollowUp:
    """Compliance of one unit for [start, end] from the stored alerts (for `samraad stats`
    and the web): alerts raised, closed on time, closed late, open, overdue."""
    rows = with_closed_on(Alert.objects.filter(raised_on__gte=start, raised_on__lte=end))
    alerts = pl.DataFrame(
        list(rows.values_list("unit_id", "raised_on", "due_by", "closed_on")),  # type: ignore[misc]
        schema=ALERT_COLUMNS,
        orient="row",
    )
    empty = Dataset.empty()
    units = Dataset(load_units(), empty.employments, empty.absences).unit_rows
    return follow_up(alerts, units, unit, start, end, today, structure, as_of)
