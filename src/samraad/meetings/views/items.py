"""An agenda item's page: the agenda part and the minutes part, statements, actions and
attachments; the secretary edits, the members read."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad.clock import today
from samraad.committees.models import Member
from samraad.meetings.access import CommitteeAccess, require_committee
from samraad.meetings.agenda import minutes_editable, move_item, remove_item
from samraad.meetings.approval import ApprovalError, reopen
from samraad.meetings.attachments import AttachmentError, add_attachment, attach_note
from samraad.meetings.forms import (
    ActionForm,
    AgendaItemForm,
    AttachmentForm,
    MinutesForm,
    NoteAttachForm,
    StatementForm,
)
from samraad.meetings.models import AgendaItem, Attachment, Note, Statement
from samraad.meetings.recording import (
    add_action,
    add_statement,
    members_on,
    remove_statement,
    save_minutes,
)
from samraad.meetings.views.common import audit_closed, item_for, secretary_only, signed_in
from samraad.meetings.views.meeting import ItemView, item_views
from samraad.vocabulary import SICKNESS_ABSENCE_REPORT

# Types served as themselves; anything else (HTML, SVG …) as bytes to save, never to run.
SAFE_TYPES = frozenset(
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "text/plain",
        "text/csv",
        "image/png",
        "image/jpeg",
    }
)


@dataclass(frozen=True)
class ItemPage:
    view: ItemView
    access: CommitteeAccess
    versions: list[Attachment]  # every version of every attachment, newest first
    editable: bool  # the minutes may be changed now
    agenda_form: AgendaItemForm | None
    minutes_form: MinutesForm | None
    statement_form: StatementForm | None
    action_form: ActionForm | None
    attachment_form: AttachmentForm | None
    note_form: NoteAttachForm | None
    sickness_report: bool = False  # the yearly sickness item: attachments from live figures


def _speakers(item: AgendaItem) -> list[tuple[str, str]]:
    return [(str(m.pk), m.name) for m in members_on(item.meeting.committee_id, item.meeting.date)]


@login_required
def item_page(request: HttpRequest, pk: int) -> HttpResponse:
    item, access = item_for(request, pk)
    if item.closed:
        audit_closed(request, "meetings:item", access)
    view = next(v for v in item_views(item.meeting, True) if v.item.pk == item.pk)
    prepares = access.prepares
    page = ItemPage(
        view=view,
        access=access,
        versions=list(item.attachments.defer("content").order_by("name", "-version")),
        editable=minutes_editable(item.meeting),
        agenda_form=AgendaItemForm(
            auto_id="agenda_%s",
            initial={
                f: getattr(item, f)
                for f in ("title", "purpose", "text", "recommendation", "presenters", "closed")
            },
        )
        if prepares
        else None,
        minutes_form=MinutesForm(
            initial={"minutes_text": item.minutes_text, "decision": item.decision}
        )
        if prepares
        else None,
        statement_form=StatementForm(auto_id="statement_%s", members=_speakers(item))
        if prepares
        else None,
        action_form=ActionForm(auto_id="action_%s") if prepares else None,
        attachment_form=AttachmentForm() if prepares else None,
        note_form=NoteAttachForm(committee_id=access.committee.code)
        if prepares and Note.objects.filter(committee=access.committee).exists()
        else None,
        sickness_report=prepares
        and item.recurring is not None
        and item.recurring.report == SICKNESS_ABSENCE_REPORT,
    )
    return render(request, "meetings/item.html", {"page": page})


def _secretary_item(request: HttpRequest, pk: int) -> tuple[AgendaItem, CommitteeAccess]:
    item, access = item_for(request, pk)
    secretary_only(access)
    return item, access


@login_required
@require_POST
def save_agenda_part(request: HttpRequest, pk: int) -> HttpResponse:
    item, _access = _secretary_item(request, pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        for field, value in form.cleaned_data.items():
            setattr(item, field, value)
        item.save()
        messages.success(request, _("The item is saved."))
    else:
        messages.error(request, _("The item was not saved: a title is needed."))
    return redirect("meetings:item", pk=pk)


def _minutes_change(request: HttpRequest, item: AgendaItem) -> bool:
    """May the minutes change now? Says why not on the page when not."""
    try:
        reopen(item.meeting)
    except ApprovalError as exc:
        messages.error(request, str(exc))
        return False
    return True


@login_required
@require_POST
def save_minutes_part(request: HttpRequest, pk: int) -> HttpResponse:
    item, _access = _secretary_item(request, pk)
    form = MinutesForm(request.POST)
    if form.is_valid() and _minutes_change(request, item):
        save_minutes(item, form.cleaned_data["minutes_text"], form.cleaned_data["decision"])
        messages.success(request, _("The minutes of the item are saved."))
    return redirect("meetings:item", pk=pk)


@login_required
@require_POST
def new_statement(request: HttpRequest, pk: int) -> HttpResponse:
    item, _access = _secretary_item(request, pk)
    speakers = _speakers(item)
    form = StatementForm(request.POST, members=speakers)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.values()))
    elif _minutes_change(request, item):
        chosen = form.cleaned_data["member"]
        member = members_on_item(item, chosen)
        add_statement(item, form.cleaned_data["speaker"], form.cleaned_data["text"], member)
        messages.success(request, _("The statement is added."))
    return redirect("meetings:item", pk=pk)


def members_on_item(item: AgendaItem, chosen: str) -> Member | None:
    """The chosen speaker among the members seated on the meeting's day."""
    seated = members_on(item.meeting.committee_id, item.meeting.date)
    return next((m for m in seated if str(m.pk) == chosen), None) if chosen else None


@login_required
@require_POST
def delete_statement(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement.objects.select_related("item"), pk=pk)
    item, _access = _secretary_item(request, statement.item.pk)
    if _minutes_change(request, item):
        remove_statement(statement)
        messages.success(request, _("The statement is removed."))
    return redirect("meetings:item", pk=item.pk)


@login_required
@require_POST
def new_action(request: HttpRequest, pk: int) -> HttpResponse:
    item, _access = _secretary_item(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The action was not added: describe it."))
    elif _minutes_change(request, item):
        data = form.cleaned_data
        add_action(item, data["title"], data["owner"], data["due"])
        messages.success(request, _("The action is added."))
    return redirect("meetings:item", pk=pk)


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    item, _access = _secretary_item(request, pk)
    move_item(item, -1 if request.POST.get("direction") == "up" else 1)
    return redirect("meetings:meeting", pk=item.meeting_id)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    item, _access = _secretary_item(request, pk)
    meeting_id = item.meeting_id
    remove_item(item)
    messages.success(request, _("The item is removed."))
    return redirect("meetings:meeting", pk=meeting_id)


@login_required
@require_POST
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    item, _access = _secretary_item(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file."))
        return redirect("meetings:item", pk=pk)
    upload = form.cleaned_data["file"]
    try:
        saved = add_attachment(
            item, upload.name or "", upload.read(), upload.content_type or "", signed_in(request)
        )
        messages.success(
            request,
            _("%(name)s is attached (version %(version)d).")
            % {"name": saved.name, "version": saved.version},
        )
    except AttachmentError as exc:
        messages.error(request, str(exc))
    return redirect("meetings:item", pk=pk)


@login_required
@require_POST
def attach(request: HttpRequest, pk: int) -> HttpResponse:
    item, access = _secretary_item(request, pk)
    form = NoteAttachForm(request.POST, committee_id=access.committee.code)
    if form.is_valid():
        saved = attach_note(item, form.cleaned_data["note"], signed_in(request))
        messages.success(
            request,
            _("%(name)s is attached (version %(version)d).")
            % {"name": saved.name, "version": saved.version},
        )
    return redirect("meetings:item", pk=pk)


@login_required
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """An attachment's file, for those who may read its item."""
    found = get_object_or_404(Attachment.objects.select_related("item__meeting__series"), pk=pk)
    access = require_committee(request.user, found.item.meeting.committee_id, today())
    if found.item.closed:
        if not access.sees_closed:
            raise Http404("no such attachment")
        audit_closed(request, "meetings:attachment", access, export=True)
    kind = found.content_type if found.content_type in SAFE_TYPES else "application/octet-stream"
    response = HttpResponse(bytes(found.content), content_type=kind)
    response["Content-Disposition"] = content_disposition_header(True, found.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
