"""The search page: the committees' agendas, minutes, attachments and notes that the
user's seats may read (meetings/search.py), best match first. htmx asks for the
results alone (`_search_results.html`) as the user types or pages on."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from samraad.accounts.permissions import scope_for
from samraad.audit.log import record
from samraad.clock import today
from samraad.committees.models import Committee
from samraad.meetings import search


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    committee = forms.ChoiceField(label=_("Committee"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Best match")), ("date", _("Newest first"))],
    )

    def __init__(self, data: object, committees: list[Committee], years: list[int]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        everything = [("", _("All my committees"))]
        self.fields["committee"].choices = everything + [  # type: ignore[attr-defined]
            (c.code, f"{c.code}: {c.name}") for c in committees
        ]
        self.fields["year"].choices = [("", _("All years"))] + [  # type: ignore[attr-defined]
            (str(y), str(y)) for y in years
        ]
        self.fields["q"].widget.attrs.update(type="search", autofocus=True)


@dataclass(frozen=True)
class SearchPage:
    form: SearchForm
    asked: bool
    results: list[search.Result]
    number: int  # the page's number, from 1
    more: bool
    capped: bool
    next_query: str

    @property
    def start(self) -> int:
        return (self.number - 1) * search.PAGE + 1


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user, today())
    found = search.audiences(scope)
    if not found:
        raise Http404("search needs a seat on a committee")
    committees = list(Committee.objects.filter(code__in=[a.committee for a in found]))
    form = SearchForm(request.GET, committees, search.years(found))
    results: list[search.Result] = []
    capped, asked = False, False
    number = _number(request.GET.get("page", "1"))
    if form.is_valid() and form.cleaned_data["q"].strip():
        asked = True
        text = form.cleaned_data["q"]
        hits = search.find(
            text,
            found,
            committee=form.cleaned_data["committee"] or None,
            year=form.cleaned_data["year"],
            by_date=form.cleaned_data["order"] == "date",
        )
        capped = hits.capped
        results = hits.results
    shown = results[(number - 1) * search.PAGE : number * search.PAGE]
    if shown:
        names = {c.code: c.name for c in committees}
        for result in shown:
            result.committee_name = names.get(result.committee_id, "")
        search.highlight(form.cleaned_data["q"], shown)
        _audit_closed(request, shown, committees)
    following = request.GET.copy()
    following["page"] = str(number + 1)
    page = SearchPage(
        form=form,
        asked=asked,
        results=shown,
        number=number,
        more=len(results) > number * search.PAGE,
        capped=capped,
        next_query=following.urlencode(),
    )
    partial = request.headers.get("HX-Request") == "true"
    template = "meetings/_search_results.html" if partial else "meetings/search.html"
    return render(request, template, {"page": page})


def _number(text: str) -> int:
    return max(1, min(int(text), 1000)) if text.isdigit() else 1


def _audit_closed(
    request: HttpRequest, shown: list[search.Result], committees: list[Committee]
) -> None:
    """Closed items are often about named employees: a search showing them is recorded
    per committee, as their pages are (views/common.audit_closed)."""
    scope = scope_for(request.user, today())
    by_code = {c.code: c for c in committees}
    for code in sorted({r.committee_id for r in shown if r.closed}):
        record(request, scope, "meetings:search", unit_id=by_code[code].scope_unit_id() or "")
