"""Approving the minutes on the page: the secretary sends them in written procedure (or
withdraws it), a member approves or objects, the chair or vice-chair signs off."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad.clock import today
from samraad.meetings import approval
from samraad.meetings.forms import AnswerForm, ProcedureForm
from samraad.meetings.mail import send_pending
from samraad.meetings.views.common import meeting_for, secretary_only, signed_in


@login_required
@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, access = meeting_for(request, pk)
    secretary_only(access)
    form = ProcedureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the deadline as a date."))
        return redirect("meetings:meeting", pk=pk)
    try:
        approval.start_procedure(
            meeting, form.cleaned_data["deadline"], signed_in(request), today()
        )
    except approval.ApprovalError as exc:
        messages.error(request, str(exc))
        return redirect("meetings:meeting", pk=pk)
    # The mails go out once the procedure is stored; what fails, run-daily sends later.
    transaction.on_commit(send_pending)
    messages.success(request, _("The minutes are sent in written procedure."))
    return redirect("meetings:meeting", pk=pk)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, access = meeting_for(request, pk)
    secretary_only(access)
    try:
        approval.withdraw(meeting, today())
        messages.success(request, _("The written procedure is withdrawn; the minutes are a draft."))
    except approval.ApprovalError as exc:
        messages.error(request, str(exc))
    return redirect("meetings:meeting", pk=pk)


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    day = today()
    meeting, access = meeting_for(request, pk)
    started = approval.open_procedure(meeting)
    member = next(
        (
            m
            for m in approval.voters(meeting, started.started_on if started else day)
            if m.user_id == request.user.pk
        ),
        None,
    )
    if member is None or not access.votes:
        raise PermissionDenied("only the committee's members answer in written procedure")
    form = AnswerForm(request.POST)
    if started is None or not form.is_valid():
        messages.error(request, _("Choose approve or object."))
        return redirect("meetings:meeting", pk=pk)
    try:
        done = approval.answer(
            started,
            member,
            signed_in(request),
            form.cleaned_data["answer"],
            form.cleaned_data["comment"],
            day,
        )
    except approval.ApprovalError as exc:
        messages.error(request, str(exc))
        return redirect("meetings:meeting", pk=pk)
    if done.state == "approved":
        messages.success(
            request, _("Thank you. Every member has approved: the minutes are approved.")
        )
    else:
        messages.success(request, _("Thank you: your answer is recorded."))
    return redirect("meetings:meeting", pk=pk)


@login_required
@require_POST
def sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    day = today()
    user = signed_in(request)
    meeting, access = meeting_for(request, pk)
    if not access.signs:
        raise PermissionDenied("only the chair or vice-chair signs off the minutes")
    name = (
        access.committee.members.filter(user_id=user.pk, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .values_list("name", flat=True)
        .first()
    ) or user.get_username()
    try:
        approval.sign_off(meeting, user, name, day)
        messages.success(request, _("The minutes are approved and frozen."))
    except approval.ApprovalError as exc:
        messages.error(request, str(exc))
    return redirect("meetings:meeting", pk=pk)
