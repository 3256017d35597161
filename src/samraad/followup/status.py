"""An alert's status, derived from the conversations recorded (spec/rules.md, "After an alert").

An alert is closed by the record of its rule's action (a retention plan, a refund claim,
the employer period's end noted: vocabulary.RULE_ACTIONS) or by the first conversation of
a fitting kind held on or after the day it was raised (`followup.closing`'s table), when
that is before the alert lapsed; lapsed from the day the employee left or moved outside
the manager's units unanswered (Alert.lapsed_on); overdue while neither after due_by;
open otherwise.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

import polars as pl
from django.db.models import Case, DateField, F, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce

from samraad.followup.closing import CLOSING_KINDS, closing_kinds, fits
from samraad.followup.compliance import ALERT_COLUMNS, FollowUp, follow_up
from samraad.followup.models import REGISTRATIONS, Alert, Conversation, Registration
from samraad.frames.loading import load_units
from samraad.stats import Dataset, Structure
from samraad.vocabulary import RULE_ACTIONS, action_for


class Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    OVERDUE = "overdue"
    LAPSED = "lapsed"


def is_closed(closed_on: dt.date | None, today: dt.date, lapsed_on: dt.date | None) -> bool:
    """Answered by today, and before the alert lapsed."""
    return (
        closed_on is not None
        and closed_on <= today
        and (lapsed_on is None or closed_on < lapsed_on)
    )


def status(
    closed_on: dt.date | None, due_by: dt.date, today: dt.date, lapsed_on: dt.date | None = None
) -> Status:
    if is_closed(closed_on, today, lapsed_on):
        return Status.CLOSED
    if lapsed_on is not None and lapsed_on <= today:
        return Status.LAPSED
    return Status.OVERDUE if today > due_by else Status.OPEN


def _first_fitting(kinds: tuple[str, ...] | None) -> Subquery:
    conversations = Conversation.objects.filter(
        employee=OuterRef("employee"), held_on__gte=OuterRef("raised_on")
    )
    if kinds is not None:
        conversations = conversations.filter(kind__in=kinds)
    return Subquery(conversations.order_by("held_on").values("held_on")[:1])


def _registered(model: type[Registration]) -> Subquery:
    return Subquery(model._default_manager.filter(alert=OuterRef("pk")).values("done_on")[:1])


def with_closed_on(alerts: QuerySet[Alert]) -> QuerySet[Alert]:
    """Annotate `closed_on`: the day of the rule's own record (a retention plan, a refund
    claim …) or else of the first fitting conversation, or None."""
    groups: dict[tuple[tuple[str, ...] | None, str], list[str]] = {}
    for rule_id in sorted(set(CLOSING_KINDS) | set(RULE_ACTIONS)):
        key = (closing_kinds(rule_id), action_for(rule_id))
        groups.setdefault(key, []).append(rule_id)
    cases = []
    for (kinds, action), ids in groups.items():
        answer: Any = _first_fitting(kinds)
        if action in REGISTRATIONS:
            answer = Coalesce(_registered(REGISTRATIONS[action]), answer)
        cases.append(When(rule_id__in=ids, then=answer))
    return alerts.annotate(
        closed_on=Case(*cases, default=_first_fitting(None), output_field=DateField())
    )


def closed_q(today: dt.date) -> Q:
    """`is_closed` in SQL, over alerts annotated by `with_closed_on`."""
    return Q(closed_on__isnull=False, closed_on__lte=today) & (
        Q(lapsed_on__isnull=True) | Q(closed_on__lt=F("lapsed_on"))
    )


def status_q(wanted: str, today: dt.date) -> Q:
    """`status` in SQL, over alerts annotated by `with_closed_on`."""
    closed = closed_q(today)
    lapsed = ~closed & Q(lapsed_on__isnull=False, lapsed_on__lte=today)
    waiting = ~closed & ~Q(lapsed_on__isnull=False, lapsed_on__lte=today)
    return {
        Status.CLOSED: closed,
        Status.LAPSED: lapsed,
        Status.OPEN: waiting & Q(due_by__gte=today),
        Status.OVERDUE: waiting & Q(due_by__lt=today),
    }[Status(wanted)]


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
        if fits(alert.rule_id, conversation.kind)
        and alert.closed_on == conversation.held_on  # type: ignore[attr-defined]
        and (alert.lapsed_on is None or conversation.held_on < alert.lapsed_on)
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
        list(rows.values_list("unit_id", "raised_on", "due_by", "closed_on", "lapsed_on")),  # type: ignore[misc]
        schema=ALERT_COLUMNS,
        orient="row",
    )
    empty = Dataset.empty()
    units = Dataset(load_units(), empty.employments, empty.absences).unit_rows
    return follow_up(alerts, units, unit, start, end, today, structure, as_of)
