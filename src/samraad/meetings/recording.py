"""Writing the minutes of an item: its text and decision, statements (a member or a
name written freely), follow-up actions. A change to approved minutes makes a new draft
(approval.reopen); nothing changes while the minutes are in written procedure."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max, Q

from samraad.committees.models import Member
from samraad.meetings.approval import reopen
from samraad.meetings.models import Action, AgendaItem, Statement
from samraad.vocabulary import FINISHED_ACTION_STATUSES


def members_on(committee_id: str, day: dt.date) -> list[Member]:
    """The committee's members seated on the day: who may be named as speakers."""
    return list(
        Member.objects.filter(committee_id=committee_id, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("name")
    )


@transaction.atomic
def save_minutes(item: AgendaItem, minutes_text: str, decision: str) -> None:
    reopen(item.meeting)
    item.minutes_text, item.decision = minutes_text.strip(), decision.strip()
    item.save(update_fields=["minutes_text", "decision"])


@transaction.atomic
def add_statement(item: AgendaItem, speaker: str, text: str, member: Member | None) -> Statement:
    reopen(item.meeting)
    last = item.statements.aggregate(n=Max("order"))["n"] or 0
    return Statement.objects.create(
        item=item,
        order=last + 1,
        member=member,
        speaker=member.name if member is not None else speaker.strip(),
        text=text.strip(),
    )


@transaction.atomic
def remove_statement(statement: Statement) -> None:
    reopen(statement.item.meeting)
    statement.delete()


@transaction.atomic
def add_action(item: AgendaItem, title: str, owner: str, due: dt.date | None) -> Action:
    reopen(item.meeting)
    return Action.objects.create(item=item, title=title.strip(), owner=owner.strip(), due=due)


def set_action_status(action: Action, status: str, today: dt.date) -> None:
    """An action's progress is follow-up, not the minutes: it changes no approved version."""
    action.status = status
    action.finished_on = today if status in FINISHED_ACTION_STATUSES else None
    action.save(update_fields=["status", "finished_on"])
