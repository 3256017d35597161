"""The forms of the committees' work. Labels are English msgids, Danish by the catalogue."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from samraad.labels import choices
from samraad.meetings.models import ActionPlan, Meeting, Note, RecurringItem
from samraad.vocabulary import (
    ACTION_STATUS,
    AGENDA_PURPOSE,
    CYCLE_POSITION,
    CYCLE_REPORT,
    MEETING_KIND,
    PROCEDURE_ANSWER,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _text(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def purpose_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Purpose"), choices=[("", "–"), *choices(AGENDA_PURPOSE)], required=False
    )


class MeetingForm(forms.ModelForm):
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=choices(MEETING_KIND))

    class Meta:
        model = Meeting
        fields = ["date", "start", "end", "place", "online", "kind"]
        labels = {
            "date": _("Date"),
            "start": _("Starts"),
            "end": _("Ends"),
            "place": _("Place"),
            "online": _("Online"),
        }
        widgets = {"date": DATE, "start": TIME, "end": TIME}


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500)
    purpose = purpose_field()
    text = forms.CharField(label=_("Text sent out"), widget=_text(6), required=False)
    recommendation = forms.CharField(label=_("Recommendation"), widget=_text(3), required=False)
    presenters = forms.CharField(label=_("Presented by"), max_length=300, required=False)
    closed = forms.BooleanField(
        label=_("Closed item (the committee's members only; never published)"), required=False
    )

    def clean_purpose(self) -> str:
        return str(self.cleaned_data["purpose"] or "")


class MinutesForm(forms.Form):
    minutes_text = forms.CharField(label=_("Minutes"), widget=_text(5), required=False)
    decision = forms.CharField(label=_("Decision or conclusion"), widget=_text(2), required=False)


class StatementForm(forms.Form):
    member = forms.ChoiceField(label=_("Speaker"), required=False)
    speaker = forms.CharField(label=_("Or another speaker's name"), max_length=200, required=False)
    text = forms.CharField(label=_("Statement"), widget=_text(3))

    def __init__(self, *args: Any, members: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [("", "–"), *members]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("member") and not (data.get("speaker") or "").strip():
            raise forms.ValidationError(_("Choose a member or write the speaker's name."))
        return data


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=500)
    owner = forms.CharField(label=_("Owner"), max_length=200, required=False)
    due = forms.DateField(label=_("Due date"), widget=DATE, required=False)


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=choices(ACTION_STATUS))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))


class NoteAttachForm(forms.Form):
    note = forms.ModelChoiceField(label=_("Note"), queryset=Note.objects.none())

    def __init__(self, *args: Any, committee_id: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].queryset = Note.objects.filter(committee_id=committee_id)  # type: ignore[attr-defined]


class ProcedureForm(forms.Form):
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"), choices=choices(PROCEDURE_ANSWER), widget=forms.RadioSelect
    )
    comment = forms.CharField(label=_("Comment"), widget=_text(3), required=False)


class RecurringForm(forms.ModelForm):
    purpose = purpose_field()
    month = forms.TypedChoiceField(
        label=_("Month"),
        choices=[("", "–"), *((str(m), MONTHS[m]) for m in range(1, 13))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    position = forms.ChoiceField(
        label=_("Or the meeting"), choices=[("", "–"), *choices(CYCLE_POSITION)], required=False
    )
    report = forms.ChoiceField(
        label=_("Attachments from the statistics"),
        choices=[("", "–"), *choices(CYCLE_REPORT)],
        required=False,
    )

    class Meta:
        model = RecurringItem
        fields = [
            "title",
            "purpose",
            "text",
            "month",
            "position",
            "order",
            "action_plan",
            "report",
        ]
        labels = {
            "title": _("Title"),
            "text": _("Text"),
            "order": _("Order on the agenda"),
            "action_plan": _("Status of the action plan"),
        }
        help_texts = {
            "title": _("{year}, {next_year} and {last_year} are filled in with the meeting's year.")
        }

    def __init__(self, *args: Any, committee_id: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action_plan"].queryset = ActionPlan.objects.filter(committee_id=committee_id)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["purpose"] = data.get("purpose") or ""
        data["position"] = data.get("position") or ""
        if (data.get("month") is None) == (data["position"] == ""):
            raise forms.ValidationError(_("Choose a month or the first or last meeting."))
        return data


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = [
            "title",
            "recipient",
            "date",
            "case_number_f2",
            "document_number_f2",
            "case_number_edoc",
            "summary",
            "recommendation",
            "presentation",
            "finances",
            "next_steps",
            "attachments",
            "sender",
        ]
        labels = {
            "title": _("Title"),
            "recipient": _("To"),
            "date": _("Date"),
            "case_number_f2": "Sagsnummer i F2",
            "document_number_f2": "Dokumentnummer i F2",
            "case_number_edoc": "Sagsnummer eDoc",
            "summary": "Resumé",
            "recommendation": "Indstilling",
            "presentation": "Sagsfremstilling",
            "finances": "Økonomi",
            "next_steps": "Videre proces",
            "attachments": "Bilag",
            "sender": _("Sender (administration, then unit; one a line)"),
        }
        help_texts = {
            "presentation": _(
                'A blank line starts a new paragraph; a paragraph starting "## " is a '
                'sub-heading; lines starting "- " are a list.'
            )
        }
        widgets = {
            "date": DATE,
            **{
                name: _text(3)
                for name in ("summary", "recommendation", "finances", "next_steps", "attachments")
            },
            "presentation": _text(12),
            "sender": _text(2),
        }


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", "description", "adopted_on", "note"]
        labels = {
            "title": _("Title"),
            "description": _("Description"),
            "adopted_on": _("Adopted on"),
            "note": _("Note"),
        }
        widgets = {"adopted_on": DATE, "description": _text(3)}

    def __init__(self, *args: Any, committee_id: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].queryset = Note.objects.filter(committee_id=committee_id)  # type: ignore[attr-defined]


class ElementForm(forms.Form):
    title = forms.CharField(label=_("Element"), max_length=500)
    owner = forms.CharField(label=_("Owner"), max_length=200, required=False)
    due = forms.DateField(label=_("Due date"), widget=DATE, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=choices(ACTION_STATUS))
    status_note = forms.CharField(label=_("Status note"), widget=_text(2), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Agenda or minutes"), help_text=_("Plain text, PDF (with text) or Word (.docx)")
    )
    date = forms.DateField(
        label=_("Meeting date"),
        widget=DATE,
        required=False,
        help_text=_("Needed when the document does not give its date."),
    )
