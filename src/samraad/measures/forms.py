"""The measures form: an opening paragraph, then one row per measure (sub-heading, lead
in bold, text), in order; an empty row is left out, a ticked one removed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samraad.measures.compilation import MeasureText


class IntroForm(forms.Form):
    intro = forms.CharField(
        label=_("Opening paragraph"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional; a blank line starts a new paragraph."),
    )


class MeasureForm(forms.Form):
    section = forms.CharField(
        label=_("Sub-heading"),
        required=False,
        max_length=300,
        help_text=_("E.g. “Særlige indsatser” or “Hvad gør vi fortsat”; may be empty."),
    )
    title = forms.CharField(label=_("Heading of the measure"), required=False, max_length=300)
    text = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("section") and not (data.get("title") or data.get("text")):
            raise forms.ValidationError(_("A measure needs a heading or a description."))
        return data


MeasureFormSet = forms.formset_factory(MeasureForm, extra=3, can_delete=True, can_order=True)


def measure_rows(formset: Any) -> list[MeasureText]:
    """The formset's measures in the order given (rows without text left out)."""
    rows = []
    for form in formset.ordered_forms if formset.can_order else formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        title, text = data.get("title", "").strip(), data.get("text", "").strip()
        if title or text:
            rows.append(MeasureText(title, text, data.get("section", "").strip()))
    return rows
