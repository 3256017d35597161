"""A meeting's page (agenda and minutes, with the approval) and its preparation by the
secretary: the draft from the annual cycle, items, publishing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad.clock import today
from samraad.labels import label
from samraad.meetings.access import CommitteeAccess
from samraad.meetings.agenda import AgendaError, add_item, build_agenda, draft_for, publish_agenda
from samraad.meetings.approval import open_procedure, state_of, voters
from samraad.meetings.content import latest_attachments
from samraad.meetings.cycle import DraftItem
from samraad.meetings.forms import AgendaItemForm, AnswerForm, MeetingForm, ProcedureForm
from samraad.meetings.models import (
    Action,
    AgendaItem,
    Attachment,
    Meeting,
    ProcedureAnswer,
    Statement,
    WrittenProcedure,
)
from samraad.meetings.procedure import Outcome
from samraad.meetings.views.common import audit_closed, meeting_for, secretary_only, signed_in
from samraad.vocabulary import (
    ACTION_STATUS,
    AGENDA_PURPOSE,
    APPROVAL_METHOD,
    MEETING_KIND,
    MINUTES_STATUS,
    PROCEDURE_ANSWER,
    MinutesStatus,
)


@dataclass(frozen=True)
class ActionView:
    action: Action
    status: str


@dataclass(frozen=True)
class ItemView:
    item: AgendaItem
    purpose: str
    statements: list[Statement]
    actions: list[ActionView]
    attachments: list[Attachment]


@dataclass(frozen=True)
class VersionRow:
    number: int
    approved_on: dt.date
    method: str
    by: str


@dataclass(frozen=True)
class AnswerRow:
    member: str
    answer: str
    comment: str
    on: dt.date


@dataclass(frozen=True)
class ProcedureView:
    procedure: WrittenProcedure
    outcome: Outcome
    answers: list[AnswerRow]
    waiting: list[str]
    my_answer: str  # the user's latest answer's label, or ""
    form: AnswerForm | None  # for a member who answers, while it is open


@dataclass(frozen=True)
class MeetingPage:
    meeting: Meeting
    access: CommitteeAccess
    kind: str
    items: list[ItemView]
    draft: tuple[DraftItem, ...]
    minutes_status: str
    versions: list[VersionRow]
    procedure: ProcedureView | None
    changed_since_approval: bool
    meeting_form: MeetingForm | None
    item_form: AgendaItemForm | None
    procedure_form: ProcedureForm | None
    can_sign_off: bool


def item_views(meeting: Meeting, closed: bool) -> list[ItemView]:
    items = meeting.items.prefetch_related(
        "statements",
        "actions",
        Prefetch("attachments", queryset=Attachment.objects.defer("content")),
    )
    return [
        ItemView(
            item,
            label(AGENDA_PURPOSE, item.purpose) if item.purpose else "",
            list(item.statements.all()),
            [ActionView(a, label(ACTION_STATUS, a.status)) for a in item.actions.all()],
            latest_attachments(item),
        )
        for item in items
        if closed or not item.closed
    ]


def _procedure_view(meeting: Meeting, user_id: int, day: dt.date) -> ProcedureView | None:
    """The open procedure, else the last one: its answers, who has not answered, and the
    answer form for a voting member while it is open."""
    started = open_procedure(meeting) or meeting.procedures.order_by("-id").first()
    if started is None:
        return None
    members = {m.pk: m for m in voters(meeting, started.started_on)}
    answers = list(ProcedureAnswer.objects.filter(procedure=started).select_related("member"))
    outcome = state_of(started, day)
    mine = [a for a in answers if a.user_id == user_id]
    me = next((m for m in members.values() if m.user_id == user_id), None)
    return ProcedureView(
        procedure=started,
        outcome=outcome,
        answers=[
            AnswerRow(a.member.name, label(PROCEDURE_ANSWER, a.answer), a.comment, a.answered_on)
            for a in answers
        ],
        waiting=[members[int(key)].name for key in outcome.waiting_for],
        my_answer=label(PROCEDURE_ANSWER, mine[-1].answer) if mine else "",
        form=AnswerForm()
        if me is not None and started.state == "open" and day <= started.deadline
        else None,
    )


@login_required
def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    day = today()
    meeting, access = meeting_for(request, pk)
    items = item_views(meeting, access.sees_closed)
    if any(view.item.closed for view in items):
        audit_closed(request, "meetings:meeting", access)
    versions = [
        VersionRow(
            v.number,
            v.approved_on,
            label(APPROVAL_METHOD, v.method),
            v.approved_by_name,
        )
        for v in meeting.versions.all()
    ]
    status = meeting.minutes_status
    page = MeetingPage(
        meeting=meeting,
        access=access,
        kind=label(MEETING_KIND, meeting.kind),
        items=items,
        draft=draft_for(meeting, day) if access.prepares and not items else (),
        minutes_status=label(MINUTES_STATUS, status),
        versions=versions,
        procedure=_procedure_view(meeting, signed_in(request).pk, day),
        changed_since_approval=bool(versions) and status != MinutesStatus.APPROVED,
        meeting_form=MeetingForm(instance=meeting) if access.prepares else None,
        item_form=AgendaItemForm() if access.prepares else None,
        procedure_form=ProcedureForm(initial={"deadline": day + dt.timedelta(days=7)})
        if access.prepares and status in (MinutesStatus.DRAFT, MinutesStatus.OBJECTED) and items
        else None,
        can_sign_off=access.signs
        and status in (MinutesStatus.DRAFT, MinutesStatus.OBJECTED)
        and bool(items)
        and meeting.date <= day,
    )
    return render(request, "meetings/meeting.html", {"page": page})


@login_required
@require_POST
def edit_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, access = meeting_for(request, pk)
    secretary_only(access)
    form = MeetingForm(request.POST, instance=meeting)
    if form.is_valid() and form.cleaned_data["date"].year == meeting.series.year:
        form.save()
        messages.success(request, _("The meeting is saved."))
    else:
        messages.error(request, _("The meeting was not saved: the date must be in the same year."))
    return redirect("meetings:meeting", pk=pk)


@login_required
@require_POST
def build(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, access = meeting_for(request, pk)
    secretary_only(access)
    try:
        build_agenda(meeting, today())
        messages.success(request, _("The agenda is built from the annual cycle."))
    except AgendaError as exc:
        messages.error(request, str(exc))
    return redirect("meetings:meeting", pk=pk)


@login_required
@require_POST
def new_item(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, access = meeting_for(request, pk)
    secretary_only(access)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The item was not added: a title is needed."))
        return redirect("meetings:meeting", pk=pk)
    item = add_item(meeting, **form.cleaned_data)
    messages.success(request, _("Item %(number)d is added.") % {"number": item.number})
    return redirect("meetings:item", pk=item.pk)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, access = meeting_for(request, pk)
    secretary_only(access)
    try:
        publish_agenda(meeting, today())
        messages.success(request, _("The agenda is sent out to the members."))
    except AgendaError as exc:
        messages.error(request, str(exc))
    return redirect("meetings:meeting", pk=pk)
