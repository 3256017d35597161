"""Preparing an agenda: the draft from the annual cycle, items added, moved and removed
with "Eventuelt" kept last, and publishing it to the members."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q

from samraad.committees.models import Committee
from samraad.meetings import cycle, plans, search
from samraad.meetings.models import (
    Action,
    ActionPlanElement,
    AgendaItem,
    Meeting,
    MeetingSeries,
    RecurringItem,
)
from samraad.vocabulary import FINISHED_ACTION_STATUSES, MinutesStatus


class AgendaError(Exception):
    """An agenda change that cannot be made; the message says why (Danish, for the page)."""


def series_of(committee: Committee, year: int) -> MeetingSeries:
    series, _ = MeetingSeries.objects.get_or_create(committee=committee, year=year)
    return series


def meetings_of(committee: Committee, year: int) -> list[Meeting]:
    return list(Meeting.objects.filter(series__committee=committee, series__year=year))


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(series__committee_id=meeting.committee_id, date__lt=meeting.date)
        .order_by("-date")
        .first()
    )


def open_actions(committee_id: str, before: dt.date) -> list[Action]:
    """Actions agreed at the committee's meetings before the day and not finished then."""
    finished = [str(s) for s in FINISHED_ACTION_STATUSES]
    return list(
        Action.objects.filter(
            item__meeting__series__committee_id=committee_id, item__meeting__date__lt=before
        )
        .filter(~Q(status__in=finished) | Q(finished_on__gte=before))
        .select_related("item__meeting")
    )


def cycle_rules(committee_id: str, today: dt.date) -> list[cycle.Recurring]:
    """The committee's recurring items; an action plan's status item says its status."""
    rules = []
    for rule in RecurringItem.objects.filter(committee_id=committee_id).select_related(
        "action_plan"
    ):
        text = rule.text
        if rule.action_plan is not None:
            elements = ActionPlanElement.objects.filter(plan=rule.action_plan)
            status = plans.status_text(
                rule.action_plan.title,
                [
                    plans.Element(e.number, e.title, e.owner, e.due, e.status, e.status_note)
                    for e in elements
                ],
                today,
            )
            text = f"{text}\n\n{status}" if text.strip() else status
        rules.append(
            cycle.Recurring(
                key=str(rule.pk),
                title=rule.title,
                purpose=rule.purpose or None,
                text=text,
                month=rule.month,
                position=rule.position or None,  # type: ignore[arg-type]
            )
        )
    return rules


def draft_for(meeting: Meeting, today: dt.date) -> tuple[cycle.DraftItem, ...]:
    """What the annual cycle puts on the meeting's agenda (meetings/cycle.py)."""
    committee_id = meeting.committee_id
    previous = previous_meeting(meeting)
    return cycle.draft_agenda(
        meeting=meeting.date,
        year_meetings=[m.date for m in meetings_of(meeting.series.committee, meeting.date.year)],
        rules=cycle_rules(committee_id, today),
        previous=None
        if previous is None
        else cycle.PreviousMeeting(previous.date, _approved_in_writing(previous, meeting.date)),
        actions=[
            cycle.OpenAction(a.title, a.owner, a.due, a.status, a.item.meeting.date)
            for a in open_actions(committee_id, meeting.date)
        ],
        committee=committee_id,
        today=today,
    )


def _approved_in_writing(previous: Meeting, before: dt.date) -> bool:
    return previous.versions.filter(method="written_procedure", approved_on__lt=before).exists()


@transaction.atomic
def build_agenda(meeting: Meeting, today: dt.date) -> list[AgendaItem]:
    """The draft from the annual cycle as the meeting's items; only on an empty agenda."""
    if meeting.items.exists():
        raise AgendaError("Dagsordenen har allerede punkter.")
    recurring = {
        str(r.pk): r for r in RecurringItem.objects.filter(committee_id=meeting.committee_id)
    }
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            number=draft.number,
            title=draft.title,
            purpose=draft.purpose or "",
            text=draft.text,
            origin=draft.origin,
            recurring=recurring.get(draft.rule),
        )
        for draft in draft_for(meeting, today)
    )
    search.meeting_changed(meeting)  # bulk_create sends no signal
    return items


def _renumber(meeting: Meeting, ordered: list[AgendaItem]) -> None:
    for number, item in enumerate(ordered, start=1):
        if item.number != number:
            item.number = number
            item.save(update_fields=["number"])


def _ordered(meeting: Meeting) -> list[AgendaItem]:
    """The items with "Eventuelt" last, whatever was added after it."""
    items = list(meeting.items.order_by("number", "id"))
    return [i for i in items if i.origin != "any_other_business"] + [
        i for i in items if i.origin == "any_other_business"
    ]


@transaction.atomic
def add_item(meeting: Meeting, **fields: object) -> AgendaItem:
    """A new item, before "Eventuelt" when the agenda has one."""
    item = AgendaItem.objects.create(meeting=meeting, number=meeting.items.count() + 1, **fields)
    _renumber(meeting, _ordered(meeting))
    item.refresh_from_db()
    return item


@transaction.atomic
def move_item(item: AgendaItem, step: int) -> None:
    """One place up (-1) or down (+1); "Eventuelt" stays last, "Godkendelse af referat"
    may be moved like any other item."""
    items = _ordered(item.meeting)
    at = next(n for n, i in enumerate(items) if i.pk == item.pk)
    to = at + step
    last = len(items) - (1 if items and items[-1].origin == "any_other_business" else 0)
    if item.origin == "any_other_business" or not 0 <= to < last:
        return
    items[at], items[to] = items[to], items[at]
    _renumber(item.meeting, items)


@transaction.atomic
def remove_item(item: AgendaItem) -> None:
    meeting = item.meeting
    item.delete()
    _renumber(meeting, _ordered(meeting))


def publish_agenda(meeting: Meeting, today: dt.date) -> None:
    if not meeting.items.exists():
        raise AgendaError("En tom dagsorden kan ikke udsendes.")
    meeting.agenda_published_on = today
    meeting.save(update_fields=["agenda_published_on"])


def minutes_editable(meeting: Meeting) -> bool:
    """Minutes are not changed while they are in written procedure (withdraw it first)."""
    return meeting.minutes_status != MinutesStatus.WRITTEN_PROCEDURE
