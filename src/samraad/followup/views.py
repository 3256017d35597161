"""The self-service absence conversation (Sygefraværssamtale): record it, close the alert.

The form asks what the municipality's form asks: when, which kind, whether a companion
(bisidder) took part, when to follow up, and a short note that must hold no health
details; a note with words that suggest health details asks for a confirmation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samraad.accounts.permissions import require_person_level
from samraad.audit.log import record
from samraad.audit.models import Action
from samraad.clock import today
from samraad.followup.closing import closing_kinds
from samraad.followup.inbox import PENDING, AlertRow, alert_in_scope, alerts_for_scope
from samraad.followup.recording import record_conversation
from samraad.frames import cache
from samraad.labels import choices
from samraad.vocabulary import CONVERSATION_KIND

# Words that suggest a diagnosis or treatment (Danish and English). A hint, not a
# filter: the manager confirms, since "stress" may also describe the workload.
HEALTH_WORDS = re.compile(
    r"\b(diagnos\w*|sygdom\w*|kræft|cancer|depressi\w*|angst|stress\w*|medicin\w*|"
    r"operation\w*|operere\w*|hospital\w*|indlagt|indlæggelse|psykiat\w*|psykisk\w*|"
    r"graviditet\w*|gravid|smerte\w*|migræne|diabetes|hjerte\w*|brud|brækket|"
    r"illness|disease|medication|surgery|pregnan\w*|pain)\b",
    re.IGNORECASE,
)


class ConversationForm(forms.Form):
    held_on = forms.DateField(
        label=gettext_lazy("Date of the conversation"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind of conversation"), choices=())
    companion = forms.BooleanField(
        label=gettext_lazy("A companion (bisidder) took part"), required=False
    )
    follow_up_on = forms.DateField(
        label=gettext_lazy("Follow-up date"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=gettext_lazy("When you will follow up with the employee (optional)."),
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "aria-describedby": "note-warning"}),
    )
    no_health_details = forms.BooleanField(
        label=gettext_lazy("I confirm that the note holds no health details"), required=False
    )

    def __init__(self, *args: object, alert: AlertRow, day: dt.date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.alert, self.day = alert, day
        fitting = closing_kinds(alert.rule_id)
        kinds = tuple(k for k in CONVERSATION_KIND.codes if fitting is None or k in fitting)
        self.fields["kind"].choices = choices(CONVERSATION_KIND, kinds)  # type: ignore[attr-defined]
        self.fields["kind"].initial = kinds[0]
        self.fields["held_on"].initial = day

    def clean_held_on(self) -> dt.date:
        held_on: dt.date = self.cleaned_data["held_on"]
        if held_on > self.day:
            raise forms.ValidationError(_("The date cannot be in the future."))
        if held_on < self.alert.raised_on:
            raise forms.ValidationError(
                _("The conversation must be held on or after the alert was raised (%(day)s).")
                % {"day": self.alert.raised_on.strftime("%d.%m.%Y")}
            )
        return held_on

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        follow_up, held_on = data.get("follow_up_on"), data.get("held_on")
        if isinstance(follow_up, dt.date) and isinstance(held_on, dt.date) and follow_up < held_on:
            self.add_error("follow_up_on", _("The follow-up date is before the conversation."))
        note = str(data.get("note") or "")
        if HEALTH_WORDS.search(note) and not data.get("no_health_details"):
            self.add_error(
                "note",
                _(
                    "The note seems to mention health. Write what was agreed, not why the "
                    "employee is ill; then tick the confirmation below."
                ),
            )
        return data


@dataclass(frozen=True)
class ConversationPage:
    alert: AlertRow
    form: ConversationForm


@login_required
def conversation(request: HttpRequest, alert_id: int) -> HttpResponse:
    day = today()
    scope = require_person_level(request.user, day)
    alert = alert_in_scope(scope, alert_id, day)
    if alert is None:
        raise Http404("no such alert in your scope")
    form = ConversationForm(request.POST or None, alert=alert, day=day)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _conversation, closed = record_conversation(
            alert.employee_id,
            data["held_on"],
            data["kind"],
            note=data["note"].strip(),
            companion=data["companion"],
            follow_up_on=data["follow_up_on"],
        )
        cache.invalidate("follow_up")
        record(
            request,
            scope,
            "followup:conversation",
            action=Action.RECORD,
            employee_id=alert.employee_id,
            unit_id=alert.unit_id,
        )
        if any(a.pk == alert.alert_id for a in closed):
            messages.success(request, _("The conversation is recorded and the alert is closed."))
        else:
            messages.info(request, _("The conversation is recorded; the alert stays open."))
        return redirect("followup:alerts")
    record(
        request,
        scope,
        "followup:conversation",
        employee_id=alert.employee_id,
        unit_id=alert.unit_id,
    )
    status = 400 if request.method == "POST" else 200
    page = ConversationPage(alert, form)
    return render(request, "followup/conversation.html", {"page": page}, status=status)


# The inbox shows this many alerts, overdue first; the API gives them all.
INBOX_ROWS = 200


@dataclass(frozen=True)
class AlertsPage:
    rows: list[AlertRow]
    status: str
    total: int


@login_required
def alerts(request: HttpRequest) -> HttpResponse:
    day = today()
    scope = require_person_level(request.user, day)
    status = request.GET.get("status", PENDING)
    wanted = None if status == "all" else status
    if wanted not in (None, PENDING, "open", "overdue", "closed"):
        wanted, status = PENDING, PENDING
    rows, total = alerts_for_scope(scope, day, wanted, INBOX_ROWS)
    record(request, scope, "followup:alerts", subjects=[r.employee_id for r in rows])
    return render(request, "followup/alerts.html", {"page": AlertsPage(rows, status, total)})
