"""Central HR searches the audit log: who saw whom, when, on which page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from samraad.accounts.models import Role
from samraad.accounts.permissions import require_role
from samraad.audit.log import record
from samraad.audit.models import AuditEntry
from samraad.clock import today

PAGE_SIZE = 200


class SearchForm(forms.Form):
    username = forms.CharField(label=_("User"), required=False)
    employee = forms.CharField(label=_("Person (employee id)"), required=False)
    unit = forms.CharField(label=_("Unit id"), required=False)
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


@dataclass(frozen=True)
class SearchPage:
    form: SearchForm
    entries: list[AuditEntry]
    more: bool


def search_entries(form: SearchForm) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.all()
    if not form.is_valid():
        return entries.none()
    data = form.cleaned_data
    if data["username"]:
        # who acted, or whose roles were changed
        entries = entries.filter(Q(username=data["username"]) | Q(target=data["username"]))
    if data["employee"]:
        person = data["employee"]
        entries = entries.filter(Q(employee_id=person) | listing(person))
    if data["unit"]:
        entries = entries.filter(unit_id=data["unit"])
    if data["start"]:
        entries = entries.filter(at__date__gte=data["start"])
    if data["end"]:
        entries = entries.filter(at__date__lte=data["end"] or dt.date.max)
    return entries


def listing(person: str) -> Q:
    """Entries whose list of persons (space-separated keys) holds the person's whole key:
    a search for SOL-1 finds neither SOL-10 nor OL-1. (A key with a space in it also
    matches its parts: "A 1" is found by a search for "1" as well.)"""
    return (
        Q(subjects=person)
        | Q(subjects__startswith=f"{person} ")
        | Q(subjects__endswith=f" {person}")
        | Q(subjects__contains=f" {person} ")
    )


@login_required
def search(request: HttpRequest) -> HttpResponse:
    scope = require_role(request.user, today(), Role.CENTRAL_HR)
    form = SearchForm(request.GET or None)
    found = list(search_entries(form)[: PAGE_SIZE + 1]) if request.GET else []
    # The log shows who saw which persons: looking at it is itself recorded.
    record(
        request,
        scope,
        "audit:search",
        unit_id=request.GET.get("unit", "")[:64],
        employee_id=request.GET.get("employee", "")[:64],
    )
    page = SearchPage(
        form if request.GET else SearchForm(), found[:PAGE_SIZE], len(found) > PAGE_SIZE
    )
    return render(request, "audit/search.html", {"page": page})
