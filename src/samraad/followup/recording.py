"""Recording a conversation held, from the command or the web."""

from __future__ import annotations

import datetime as dt
import uuid

from samraad.followup.models import Alert, Conversation
from samraad.followup.status import closed_by


def record_conversation(
    employee: str,
    held_on: dt.date,
    kind: str,
    *,
    note: str = "",
    companion: bool = False,
    follow_up_on: dt.date | None = None,
    alert_id: int | None = None,
) -> tuple[Conversation, list[Alert]]:
    """Store the conversation; return the alerts it closes. `alert_id`: the alert it was
    recorded from (one conversation per alert: a second raises IntegrityError)."""
    conversation = Conversation.objects.create(
        alert_id=alert_id,
        conversation_id=f"manual-{uuid.uuid4().hex[:16]}",
        employee_id=employee,
        held_on=held_on,
        kind=kind,
        note=note,
        companion=companion,
        follow_up_on=follow_up_on,
    )
    return conversation, closed_by(conversation)
