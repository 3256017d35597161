"""What answers an alert, recorded once: a conversation, or the record of the rule's own
action (vocabulary.RULE_ACTIONS). Registering an alert that is no longer waiting (closed,
lapsed, or answered a moment ago by a double POST) is refused here, in the database:
the alert's row is locked while its status is read again, and each record is unique per
alert (a one-to-one, or Conversation's `conversation_once_per_alert`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from samraad.accounts.permissions import Scope
from samraad.followup.closing import fits
from samraad.followup.inbox import AlertRow, alert_in_scope
from samraad.followup.models import REGISTRATIONS, Alert, Conversation
from samraad.followup.recording import record_conversation
from samraad.frames import versions
from samraad.labels import label
from samraad.vocabulary import CONVERSATION_KIND, FOLLOW_UP_ACTION, FollowUpAction


class AlreadyAnswered(Exception):
    """The alert is closed or lapsed: nothing is registered."""


@dataclass(frozen=True)
class Answer:
    """What closed an alert, for its page."""

    action: str
    done_on: dt.date
    kind: str  # the conversation's kind, or the action's label
    note: str
    review_on: dt.date | None = None
    reference: str = ""
    conversation: bool = False

    @property
    def action_label(self) -> str:
        return label(FOLLOW_UP_ACTION, self.action)


def answer_of(alert: AlertRow) -> Answer | None:
    """The record that closed the alert (its own, or the first fitting conversation)."""
    if alert.closed_on is None:
        return None
    model = REGISTRATIONS.get(alert.action)
    if model is not None:
        record: Any = model._default_manager.filter(alert_id=alert.alert_id).first()
        if record is not None:
            return Answer(
                alert.action,
                record.done_on,
                alert.action_label,
                record.note,
                review_on=getattr(record, "review_on", None),
                reference=getattr(record, "reference", ""),
            )
    held = Conversation.objects.filter(employee_id=alert.employee_id, held_on=alert.closed_on)
    for conversation in held.order_by("conversation_id"):
        if fits(alert.rule_id, conversation.kind):
            return Answer(
                FollowUpAction.CONVERSATION,
                conversation.held_on,
                label(CONVERSATION_KIND, conversation.kind),
                conversation.note,
                review_on=conversation.follow_up_on,
                conversation=True,
            )
    return None


def register(scope: Scope, alert_id: int, day: dt.date, data: dict[str, Any]) -> list[Alert]:
    """Record the answer the alert's rule asks for, from a form's cleaned data; return
    the alerts it closes. Raises AlreadyAnswered when the alert is not waiting."""
    with transaction.atomic():
        # Lock the row (PostgreSQL), then read the status again: a second POST waits
        # here for the first and finds the alert answered.
        list(Alert.objects.select_for_update().filter(pk=alert_id).values_list("id"))
        alert = alert_in_scope(scope, alert_id, day)
        if alert is None or not alert.waiting:
            raise AlreadyAnswered(alert_id)
        try:
            with transaction.atomic():
                closed = _store(alert, data)
        except IntegrityError as exc:  # a record already there (SQLite's double POST)
            raise AlreadyAnswered(alert_id) from exc
        versions.changed("follow_up")
    return closed


def _store(alert: AlertRow, data: dict[str, Any]) -> list[Alert]:
    model = REGISTRATIONS.get(alert.action)
    if model is None:
        _conversation, closed = record_conversation(
            alert.employee_id,
            data["held_on"],
            data["kind"],
            note=data["note"].strip(),
            companion=data["companion"],
            follow_up_on=data["follow_up_on"],
            alert_id=alert.alert_id,
        )
        return closed
    fields = {"alert_id": alert.alert_id, "done_on": data["done_on"], "note": data["note"].strip()}
    for extra in ("review_on", "reference"):
        if extra in data:
            fields[extra] = data[extra]
    model._default_manager.create(**fields)
    return [Alert.objects.get(pk=alert.alert_id)]
