"""A committee's home (the year's meetings), its annual cycle and its actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad.clock import today
from samraad.committees.models import Committee
from samraad.labels import label
from samraad.meetings import cycle
from samraad.meetings.access import CommitteeAccess, require_committee
from samraad.meetings.agenda import cycle_rules, meetings_of, series_of
from samraad.meetings.forms import ActionStatusForm, MeetingForm, RecurringForm
from samraad.meetings.models import Action, Meeting, MeetingSeries, RecurringItem
from samraad.meetings.recording import set_action_status
from samraad.meetings.views.common import secretary_only
from samraad.vocabulary import (
    ACTION_STATUS,
    AGENDA_PURPOSE,
    CYCLE_POSITION,
    FINISHED_ACTION_STATUSES,
    MINUTES_STATUS,
)


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    items: int
    status: str


@dataclass(frozen=True)
class CommitteePage:
    access: CommitteeAccess
    year: int
    years: list[int]
    series: MeetingSeries | None
    meetings: list[MeetingRow]
    groups: list[Committee]
    form: MeetingForm | None


def _year(request: HttpRequest, day: dt.date) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1990 <= int(text) <= 2200 else day.year


@login_required
def committee(request: HttpRequest, code: str) -> HttpResponse:
    day = today()
    access = require_committee(request.user, code, day)
    year = _year(request, day)
    series = MeetingSeries.objects.filter(committee=access.committee, year=year).first()
    rows = Meeting.objects.filter(series__committee=access.committee, series__year=year).annotate(
        n=Count("items")
    )
    years = set(
        MeetingSeries.objects.filter(committee=access.committee).values_list("year", flat=True)
    )
    page = CommitteePage(
        access=access,
        year=year,
        years=sorted(years | {day.year, day.year + 1}),
        series=series,
        meetings=[MeetingRow(m, m.n, label(MINUTES_STATUS, m.minutes_status)) for m in rows],
        groups=list(access.committee.children.all()),
        form=MeetingForm() if access.prepares else None,
    )
    return render(request, "meetings/committee.html", {"page": page})


@login_required
@require_POST
def add_meeting(request: HttpRequest, code: str) -> HttpResponse:
    access = require_committee(request.user, code, today())
    secretary_only(access)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        problems = " ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(request, _("The meeting was not added: %(errors)s") % {"errors": problems})
        return redirect("meetings:committee", code=code)
    meeting = form.save(commit=False)
    meeting.series = series_of(access.committee, meeting.date.year)
    if Meeting.objects.filter(series=meeting.series, date=meeting.date).exists():
        messages.error(request, _("The committee already has a meeting that day."))
        return redirect("meetings:committee", code=code)
    meeting.save()
    messages.success(request, _("The meeting is added."))
    return redirect(f"{_url(code)}?year={meeting.date.year}")


def _url(code: str) -> str:
    return reverse("meetings:committee", args=[code])


@login_required
@require_POST
def approve_series(request: HttpRequest, code: str, year: int) -> HttpResponse:
    day = today()
    access = require_committee(request.user, code, day)
    secretary_only(access)
    series = get_object_or_404(MeetingSeries, committee=access.committee, year=year)
    series.approved_on = day
    series.save(update_fields=["approved_on"])
    messages.success(request, _("The meeting series is recorded as approved."))
    return redirect(f"{_url(code)}?year={year}")


@dataclass(frozen=True)
class RuleRow:
    rule: RecurringItem
    when: str
    purpose: str
    lands_on: dt.date | None


@login_required
def annual_cycle(request: HttpRequest, code: str) -> HttpResponse:
    """The recurring items, and on which of the year's meetings each lands."""
    day = today()
    access = require_committee(request.user, code, day)
    year = _year(request, day)
    form = RecurringForm(committee_id=code)
    if request.method == "POST":
        secretary_only(access)
        form = RecurringForm(request.POST, committee_id=code)
        if form.is_valid():
            rule = form.save(commit=False)
            rule.committee = access.committee
            rule.save()
            messages.success(request, _("The recurring item is added to the annual cycle."))
            return redirect("meetings:cycle", code=code)
    dates = [m.date for m in meetings_of(access.committee, year)]
    by_key = {r.key: r for r in cycle_rules(code, day)}
    rows = []
    for rule in RecurringItem.objects.filter(committee=access.committee):
        when = (
            str(_month_name(rule.month))
            if rule.month
            else label(CYCLE_POSITION, rule.position or "")
        )
        rows.append(
            RuleRow(
                rule,
                when,
                label(AGENDA_PURPOSE, rule.purpose) if rule.purpose else "",
                cycle.lands_on(by_key[str(rule.pk)], dates),
            )
        )
    context = {
        "access": access,
        "rows": rows,
        "year": year,
        "form": form if access.prepares else None,
    }
    return render(request, "meetings/cycle.html", context, status=400 if form.errors else 200)


def _month_name(month: int) -> str:
    return str(MONTHS[month])


@login_required
@require_POST
def delete_rule(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    access = require_committee(request.user, code, today())
    secretary_only(access)
    get_object_or_404(RecurringItem, committee=access.committee, pk=pk).delete()
    messages.success(request, _("The recurring item is removed from the annual cycle."))
    return redirect("meetings:cycle", code=code)


@dataclass(frozen=True)
class ActionRow:
    action: Action
    status: str
    late: bool
    form: ActionStatusForm | None


@login_required
def actions(request: HttpRequest, code: str) -> HttpResponse:
    """The actions agreed at the committee's meetings: open first, then finished."""
    day = today()
    access = require_committee(request.user, code, day)
    finished = [str(s) for s in FINISHED_ACTION_STATUSES]
    found = Action.objects.filter(item__meeting__series__committee=access.committee)
    if not access.sees_closed:
        found = found.filter(item__closed=False)
    found = found.select_related("item__meeting").order_by("item__meeting__date", "id")
    rows = [
        ActionRow(
            a,
            label(ACTION_STATUS, a.status),
            a.due is not None and a.due < day and a.status not in finished,
            ActionStatusForm(initial={"status": a.status}, prefix=f"a{a.pk}")
            if access.prepares
            else None,
        )
        for a in found
    ]
    open_rows = [r for r in rows if r.action.status not in finished]
    done_rows = [r for r in rows if r.action.status in finished]
    context = {"access": access, "open_rows": open_rows, "done_rows": done_rows}
    return render(request, "meetings/actions.html", context)


@login_required
@require_POST
def action_status(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    day = today()
    access = require_committee(request.user, code, day)
    secretary_only(access)
    action = get_object_or_404(
        Action.objects.filter(Q(item__meeting__series__committee=access.committee)), pk=pk
    )
    form = ActionStatusForm(request.POST, prefix=f"a{pk}")
    if form.is_valid():
        set_action_status(action, form.cleaned_data["status"], day)
        messages.success(request, _("The action's status is saved."))
    return redirect("meetings:actions", code=code)
