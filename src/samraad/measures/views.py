"""The measures pages (HR: central HR every administration and the common measures, an
HR partner their own administration) and the sickness item's attachment buttons (the
committee's secretary)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad.accounts.permissions import Scope, hr_access, require_hr_unit, scope_for
from samraad.clock import today
from samraad.documents import to_docx, to_pdf
from samraad.measures.forms import IntroForm, MeasureFormSet, measure_rows
from samraad.measures.models import MeasureSet
from samraad.measures.statistics import NoScope
from samraad.measures.store import (
    DOCX,
    PDF,
    NothingToCopy,
    attach_measures,
    attach_statistics,
    compiled_document,
    copy_last_year,
    save_measures,
)
from samraad.meetings.models import AgendaItem, Attachment
from samraad.meetings.views.common import item_for, secretary_only, signed_in
from samraad.org.tree import OrgTree, tree_on
from samraad.vocabulary import SICKNESS_ABSENCE_REPORT


@dataclass(frozen=True)
class SetRow:
    unit_id: str
    name: str
    measures: int | None  # None: no set for the year yet
    updated_at: dt.datetime | None


@dataclass(frozen=True)
class IndexPage:
    year: int
    rows: list[SetRow]
    compiles: bool  # central HR: the compiled document of every administration


def _year(request: HttpRequest, day: dt.date) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else day.year


def measure_units(tree: OrgTree) -> list[str]:
    """Where measures are written: the municipality (the common measures) and its
    administrations."""
    root = tree.roots()[0]
    return [root, *tree.children_of(root)]


def _hr_scope(request: HttpRequest, day: dt.date) -> Scope:
    scope = scope_for(request.user, day)
    if not (scope.everything or scope.hr_roots):
        raise PermissionDenied("the measures are HR's")
    return scope


@login_required
def index(request: HttpRequest) -> HttpResponse:
    day = today()
    scope = _hr_scope(request, day)
    year, tree = _year(request, day), tree_on(day)
    sets = {s.unit_id: s for s in MeasureSet.objects.filter(year=year)}
    rows = [
        SetRow(
            unit,
            tree.name(unit),
            sets[unit].measures.count() if unit in sets else None,
            sets[unit].updated_at if unit in sets else None,
        )
        for unit in measure_units(tree)
        if hr_access(scope, unit, tree)
    ]
    page = IndexPage(year, rows, scope.everything)
    return render(request, "measures/index.html", {"page": page})


def _measure_unit(request: HttpRequest, unit_id: str, day: dt.date) -> OrgTree:
    """HR of the unit (403 otherwise); 404 for a unit where no measures are written."""
    grant = require_hr_unit(request.user, unit_id, day)
    if unit_id not in measure_units(grant.tree):
        raise Http404("measures are written per administration")
    return grant.tree


@login_required
def edit(request: HttpRequest, unit_id: str, year: int) -> HttpResponse:
    day = today()
    tree = _measure_unit(request, unit_id, day)
    found = MeasureSet.objects.filter(unit_id=unit_id, year=year).first()
    status = 200
    if request.method == "POST":
        intro, formset = IntroForm(request.POST), MeasureFormSet(request.POST, prefix="m")
        if intro.is_valid() and formset.is_valid():
            if found is None:
                found = MeasureSet.objects.create(unit_id=unit_id, year=year)
            save_measures(
                found, intro.cleaned_data["intro"], measure_rows(formset), signed_in(request)
            )
            messages.success(request, _("The measures are saved."))
            return redirect("measures:edit", unit_id=unit_id, year=year)
        status = 400
    else:
        initial = [
            {"section": m.section, "title": m.title, "text": m.text, "ORDER": m.order}
            for m in (found.measures.all() if found else [])
        ]
        intro = IntroForm(initial={"intro": found.intro if found else ""})
        formset = MeasureFormSet(initial=initial, prefix="m")
    context = {
        "unit_id": unit_id,
        "name": _("Common measures") if unit_id == tree.roots()[0] else tree.name(unit_id),
        "year": year,
        "found": found,
        "can_copy": found is None
        and MeasureSet.objects.filter(unit_id=unit_id, year=year - 1).exists(),
        "intro": intro,
        "formset": formset,
    }
    return render(request, "measures/edit.html", context, status=status)


@login_required
@require_POST
def copy(request: HttpRequest, unit_id: str, year: int) -> HttpResponse:
    _measure_unit(request, unit_id, today())
    if MeasureSet.objects.filter(unit_id=unit_id, year=year).exists():
        messages.error(request, _("This year's measures exist already."))
    else:
        try:
            copy_last_year(unit_id, year, signed_in(request))
            messages.success(
                request, _("Last year's measures are copied: edit them for this year.")
            )
        except NothingToCopy:
            messages.error(request, _("There are no measures from last year to copy."))
    return redirect("measures:edit", unit_id=unit_id, year=year)


@login_required
def compiled(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    """Every administration's measures in one document (central HR)."""
    day = today()
    if not scope_for(request.user, day).everything:
        raise PermissionDenied("the compiled measures are central HR's")
    document = compiled_document(year, day)
    content, mime = (to_pdf(document), PDF) if kind == "pdf" else (to_docx(document), DOCX)
    response = HttpResponse(content, content_type=mime)
    name = f"Bilag 2 - Forvaltningernes tiltag {year}.{kind}"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def _sickness_item(request: HttpRequest, pk: int) -> AgendaItem:
    """The yearly sickness item, for its committee's secretary."""
    item, access = item_for(request, pk)
    secretary_only(access)
    rule = item.recurring
    if rule is None or rule.report != SICKNESS_ABSENCE_REPORT:
        raise Http404("not the sickness absence item")
    return item


def _attached(request: HttpRequest, saved: list[Attachment]) -> None:
    names = ", ".join(f"{a.name} (version {a.version})" for a in saved)
    messages.success(request, _("Attached: %(names)s.") % {"names": names})


@login_required
@require_POST
def statistics_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    item = _sickness_item(request, pk)
    try:
        _attached(request, attach_statistics(item, today(), signed_in(request)))
    except NoScope:
        messages.error(request, _("The committee covers no part of the organisation."))
    return redirect("meetings:item", pk=pk)


@login_required
@require_POST
def measures_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    item = _sickness_item(request, pk)
    _attached(request, attach_measures(item, today(), signed_in(request)))
    return redirect("meetings:item", pk=pk)
