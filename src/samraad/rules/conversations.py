"""Recording a conversation held, from the command or the web, with an optional note."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction

from samraad.absence.models import Conversation
from samraad.rules.models import Alert, ConversationNote
from samraad.rules.status import closed_by


def record_conversation(
    employee: str, held_on: dt.date, kind: str, note: str | None = None
) -> tuple[Conversation, list[Alert]]:
    """Store the conversation (and its note); return the alerts it closes."""
    with transaction.atomic():
        conversation = Conversation.objects.create(
            conversation_id=f"manual-{uuid.uuid4().hex[:16]}",
            employee_id=employee,
            held_on=held_on,
            kind=kind,
        )
        if note:
            ConversationNote.objects.create(conversation=conversation, text=note)
    return conversation, closed_by(conversation)
