"""A unit's absence: figures, trend, breakdowns; for managers and HR its persons too."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samraad import spreadsheet
from samraad.absence import service
from samraad.absence.charts import TrendChart, trend_chart
from samraad.absence.dashboard import Cell, UnitStatistics
from samraad.absence.outlook import UnitOutlook, outlook
from samraad.absence.periods import PagePeriods
from samraad.absence.person import PersonTimeline, person_timeline
from samraad.accounts.permissions import (
    UnitGrant,
    committee_access,
    hr_access,
    require_person,
    require_person_level_unit,
    require_unit,
    unit_access,
)
from samraad.audit.log import record
from samraad.audit.models import Action
from samraad.clock import today
from samraad.followup.inbox import AlertRow, alerts_of_person
from samraad.frames import cache
from samraad.labels import label
from samraad.stats import Structure
from samraad.targets.store import TARGETS
from samraad.targets.views import panel
from samraad.vocabulary import STRUCTURE, UNIT_KIND


@dataclass(frozen=True)
class Crumb:
    unit_id: str
    name: str


@dataclass(frozen=True)
class Choice:
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cell: Cell


@dataclass(frozen=True)
class MonthRow:
    label: str
    this_year: Cell | None
    last_year: Cell


@dataclass(frozen=True)
class UnitPage:
    unit_id: str
    name: str
    kind: str
    structures: list[Choice]
    structure: Structure
    year: int
    headline: list[Row]
    chart: TrendChart
    months: list[MonthRow]
    statistics: UnitStatistics
    sub_units: list[Row]
    outlook: UnitOutlook
    target_set_for_name: str
    follow_up: service.FollowUpCell
    person_level: bool
    suppress_small: bool


def _structure(request: HttpRequest, person_level: bool) -> Structure:
    """The structure asked for; by default the historic one for person-level readers and
    the current one for committees (their breakdowns are in the current structure)."""
    default = Structure.HISTORIC if person_level else Structure.CURRENT
    value = request.GET.get("structure", default.value)
    return Structure(value) if value in Structure._value2member_map_ else default


def _headline_labels() -> list[str]:
    return [_("Last 12 months"), _("Year to date"), _("Same period last year"), _("Last year")]


def unit_page(grant: UnitGrant, day: dt.date, structure: Structure) -> UnitPage:
    unit_id, tree = grant.unit_id, grant.tree
    stats = service.statistics(unit_id, day, structure, grant.person_level)
    shown_until = service.periods_for(day, grant.person_level).today
    url = reverse("absence:unit", args=[unit_id])
    year = outlook(unit_id, day, structure, grant.person_level)
    return UnitPage(
        unit_id=unit_id,
        name=tree.name(unit_id),
        kind=label(UNIT_KIND, tree.units[unit_id].kind),
        structures=[
            Choice(label(STRUCTURE, s), f"{url}?structure={s}", structure is s) for s in Structure
        ],
        structure=structure,
        year=shown_until.year,
        headline=[
            Row(str(i), label, cell)
            for i, (label, cell) in enumerate(zip(_headline_labels(), stats.headline, strict=True))
        ],
        chart=trend_chart(stats.months_this_year, stats.months_last_year, shown_until.year),
        months=[
            MonthRow(
                str(MONTHS[m + 1]).capitalize(),
                stats.months_this_year[m] if m < len(stats.months_this_year) else None,
                stats.months_last_year[m],
            )
            for m in range(12)
        ],
        statistics=stats,
        sub_units=[Row(b.key, tree.name(b.key), b.cell) for b in stats.sub_units],
        outlook=year,
        target_set_for_name=tree.name(year.target_set_for or ""),
        follow_up=service.follow_up_cell(unit_id, day, structure, grant.person_level),
        person_level=grant.person_level,
        suppress_small=grant.suppress_small,
    )


@login_required
def unit(request: HttpRequest, unit_id: str) -> HttpResponse:
    day = today()
    grant = require_unit(request.user, unit_id, day)
    structure = _structure(request, grant.person_level)

    # The page is the same for everyone with the same access to the unit: it is built
    # and rendered once per language, day, structure and version of the data.
    def build() -> tuple[UnitPage, str]:
        page = unit_page(grant, day, structure)
        return page, render_to_string("absence/_unit_content.html", {"page": page})

    key = ("unit-page", unit_id, day, structure, grant.access, get_language())
    page, content = cache.remember(key, build, depends=("data", "follow_up", TARGETS))
    # The units above that this reader may open, and HR's tools: they depend on who
    # asks, not only on the access, so they are chosen per request (the page is shared).
    crumbs = [
        Crumb(u, grant.tree.name(u))
        for u in grant.tree.path(unit_id)[:-1]
        if unit_access(grant.scope, u, grant.tree) is not None
    ]
    hr = hr_access(grant.scope, unit_id, grant.tree)
    context = {
        "page": page,
        "content": mark_safe(content),
        "crumbs": crumbs,
        "targets": panel(unit_id, day) if hr else None,
        "analyses": hr or committee_access(grant.scope, unit_id, grant.tree),
    }
    return render(request, "absence/unit.html", context)


@dataclass(frozen=True)
class EmployeesPage:
    unit_id: str
    name: str
    start: dt.date
    end: dt.date
    rows: list[service.EmployeeRow]
    total: int


PAGE_ROWS = service.PAGE_ROWS  # the most sick days first; the CSV holds them all


def _employees_page(
    request: HttpRequest, unit_id: str, page_name: str, action: Action, limit: int | None
) -> EmployeesPage:
    day = today()
    grant = require_person_level_unit(request.user, unit_id, day)
    everyone = service.employees(unit_id, day)
    rows = service.employees_with_alerts(unit_id, day, grant.scope, limit)
    record(
        request,
        grant.scope,
        page_name,
        action=action,
        unit_id=unit_id,
        subjects=[r.employee_id for r in rows],
    )
    start, end = PagePeriods(day).last_12_months
    return EmployeesPage(unit_id, grant.tree.name(unit_id), start, end, rows, len(everyone))


@login_required
def employees(request: HttpRequest, unit_id: str) -> HttpResponse:
    page = _employees_page(request, unit_id, "absence:employees", Action.VIEW, PAGE_ROWS)
    template = (
        "absence/_employees.html" if request.headers.get("HX-Request") else "absence/employees.html"
    )
    return render(request, template, {"page": page})


@login_required
def employees_csv(request: HttpRequest, unit_id: str) -> StreamingHttpResponse:
    page = _employees_page(request, unit_id, "absence:employees_csv", Action.EXPORT, None)
    # Excel reads a byte-order mark as "this file is UTF-8" (Danish letters intact).
    lines = spreadsheet.csv_lines(
        _export_header(), (_export_row(r) for r in page.rows), get_language() or "da"
    )
    response = StreamingHttpResponse(
        itertools.chain(["\ufeff"], lines), content_type="text/csv; charset=utf-8"
    )
    name = f"{_('employees')}-{unit_id}-{page.end}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
def employees_xlsx(request: HttpRequest, unit_id: str) -> HttpResponse:
    page = _employees_page(request, unit_id, "absence:employees_xlsx", Action.EXPORT, None)
    response = HttpResponse(content_type=XLSX)
    name = f"{_('employees')}-{unit_id}-{page.end}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, name)
    rows = [_export_row(r) for r in page.rows]
    workbook = io.BytesIO()
    spreadsheet.write_xlsx(workbook, str(_("Employees")), _export_header(), rows)
    response.write(workbook.getvalue())
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _export_header() -> list[str]:
    return [
        _("Employee"),
        _("Name"),
        _("Unit"),
        _("Job group"),
        _("Hours per week"),
        _("Sick days"),
        _("Spells"),
        _("Open alerts"),
        _("Overdue alerts"),
    ]


def _export_row(r: service.EmployeeRow) -> list[spreadsheet.Value]:
    return [
        r.employee_id,
        r.name,
        r.unit_id,
        r.job_group,
        r.weekly_hours,
        r.sick_days,
        r.spells,
        r.open_alerts,
        r.overdue_alerts,
    ]


@login_required
def person(request: HttpRequest, employee_id: str) -> HttpResponse:
    day = today()
    scope = require_person(request.user, employee_id, day)
    page = PersonPage(person_timeline(employee_id, day), alerts_of_person(scope, employee_id, day))
    record(request, scope, "absence:person", employee_id=employee_id)
    return render(request, "absence/person.html", {"page": page.timeline, "alerts": page.alerts})


@dataclass(frozen=True)
class PersonPage:
    timeline: PersonTimeline
    alerts: list[AlertRow]
