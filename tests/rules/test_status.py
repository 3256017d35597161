"""An alert's status from the conversations recorded (docs/rules.md, the kind mapping)."""

from __future__ import annotations

import datetime as dt

import pytest

from samraad.followup.models import Alert, Conversation
from samraad.followup.status import Status, status, with_closed_on
from samraad.people.models import Employee

pytestmark = pytest.mark.django_db


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def alert(rule_id: str, raised_on: str = "2025-03-10", due_by: str = "2025-03-24") -> Alert:
    employee, _ = Employee.objects.get_or_create(employee_id="A")
    return Alert.objects.create(
        employee=employee,
        rule_id=rule_id,
        ruleset_version="v1",
        title=rule_id,
        raised_on=day(raised_on),
        due_by=day(due_by),
        reason="spell_length",
    )


def held(kind: str, on: str) -> None:
    Conversation.objects.create(
        conversation_id=f"{kind}-{on}", employee_id="A", held_on=day(on), kind=kind
    )


def closed_on(rule_id: str) -> dt.date | None:
    found = with_closed_on(Alert.objects.filter(rule_id=rule_id)).get()
    return found.closed_on  # type: ignore[attr-defined,no-any-return]


def test_absence_conversation_closes_the_conversation_and_7a_alerts() -> None:
    for rule in ("conversation", "statutory-7a", "retention-plan", "refund-claim"):
        alert(rule)
    held("absence_conversation", "2025-03-12")
    assert closed_on("conversation") == day("2025-03-12")
    assert closed_on("statutory-7a") == day("2025-03-12")
    assert closed_on("retention-plan") is None
    assert closed_on("refund-claim") == day("2025-03-12")  # any kind


def test_retention_plan_is_closed_by_a_plan_or_a_retention_conversation() -> None:
    alert("retention-plan")
    held("other", "2025-03-11")
    held("retention_conversation", "2025-03-20")
    assert closed_on("retention-plan") == day("2025-03-20")


def test_a_conversation_before_the_alert_does_not_close_it() -> None:
    alert("conversation")
    held("absence_conversation", "2025-03-09")
    assert closed_on("conversation") is None


def test_status_is_open_then_overdue_or_closed() -> None:
    due = day("2025-03-24")
    assert status(None, due, day("2025-03-24")) is Status.OPEN
    assert status(None, due, day("2025-03-25")) is Status.OVERDUE
    assert status(day("2025-03-30"), due, day("2025-04-01")) is Status.CLOSED
    assert status(day("2025-03-20"), due, day("2025-03-19")) is Status.OPEN  # not yet held
