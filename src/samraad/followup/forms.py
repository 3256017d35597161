"""The forms that answer an alert: the self-service absence conversation
(Sygefraværssamtale), and the record of the rule's own action (a retention plan, a refund
claimed, the employer period's end noted).

The conversation form asks what the municipality's form asks: when, which kind, whether a companion
(bisidder) took part, when to follow up, and a short note that must hold no health
details; a note with words that suggest health details asks for a confirmation.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samraad.followup.closing import closing_kinds
from samraad.followup.inbox import AlertRow
from samraad.labels import choices
from samraad.vocabulary import CONVERSATION_KIND, FollowUpAction

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
        _check_note(self, data)
        return data


def _check_note(form: forms.Form, data: dict[str, object]) -> None:
    note = str(data.get("note") or "")
    if HEALTH_WORDS.search(note) and not data.get("no_health_details"):
        form.add_error(
            "note",
            _(
                "The note seems to mention health. Write what was agreed, not why the "
                "employee is ill; then tick the confirmation below."
            ),
        )


def _date_input() -> forms.DateInput:
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


# The date each record asks for, and its label.
DONE_ON_LABELS: dict[str, Any] = {
    FollowUpAction.RETENTION_PLAN: gettext_lazy("Date the retention plan was made"),
    FollowUpAction.REFUND_CLAIMED: gettext_lazy("Date the refund was claimed"),
    FollowUpAction.EMPLOYER_PERIOD_NOTED: gettext_lazy("Date noted"),
}


class RegistrationForm(forms.Form):
    """The record of an action that is not a conversation; the fields its model has."""

    done_on = forms.DateField(widget=_date_input())
    review_on = forms.DateField(
        label=gettext_lazy("Review date"),
        required=False,
        widget=_date_input(),
        help_text=gettext_lazy("When the plan is looked at again with the employee (optional)."),
    )
    reference = forms.CharField(
        label=gettext_lazy("Case number (optional)"), required=False, max_length=100
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
        action = alert.action
        self.fields["done_on"].label = DONE_ON_LABELS[action]
        self.fields["done_on"].initial = day
        if action != FollowUpAction.RETENTION_PLAN:
            del self.fields["review_on"]
        if action != FollowUpAction.REFUND_CLAIMED:
            del self.fields["reference"]

    def clean_done_on(self) -> dt.date:
        done_on: dt.date = self.cleaned_data["done_on"]
        if done_on > self.day:
            raise forms.ValidationError(_("The date cannot be in the future."))
        if done_on < self.alert.raised_on:
            raise forms.ValidationError(
                _("The date must be on or after the alert was raised (%(day)s).")
                % {"day": self.alert.raised_on.strftime("%d.%m.%Y")}
            )
        return done_on

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        review, done = data.get("review_on"), data.get("done_on")
        if isinstance(review, dt.date) and isinstance(done, dt.date) and review < done:
            self.add_error("review_on", _("The review date is before the plan was made."))
        _check_note(self, data)
        return data
