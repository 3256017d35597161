"""A unit's absence: figures, trend, breakdowns; for managers and HR its persons too."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Hashable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samraad import spreadsheet
from samraad.absence import service
from samraad.absence.charts import TrendChart, trend_chart
from samraad.absence.dashboard import Cell, Compared, UnitStatistics
from samraad.absence.outlook import UnitOutlook, outlook
from samraad.absence.periods import ChosenPeriod, PagePeriods, month_end
from samraad.absence.person import PersonTimeline, person_timeline
from samraad.absence.picker import (
    choose_compare,
    choose_period,
    current_month_note,
    period_label,
    picker,
)
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
from samraad.fragments import html, rows_html
from samraad.frames import cache
from samraad.frames.store import shared_html
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
    compared: Cell | None = None
    note: str = ""  # "current month, up to 15 June 2026" for the month so far


@dataclass(frozen=True)
class HeadlineRow:
    key: str
    label: str
    cell: Cell
    compared: Compared | None


@dataclass(frozen=True)
class UnitPage:
    unit_id: str
    name: str
    kind: str
    structures: list[Choice]
    structure: Structure
    year: int
    headline: list[HeadlineRow]
    chart: TrendChart
    months: list[MonthRow]
    statistics: UnitStatistics
    sub_units: list[Row]
    outlook: UnitOutlook
    target_set_for_name: str
    follow_up: service.FollowUpCell
    person_level: bool
    suppress_small: bool
    period: ChosenPeriod
    period_label: str  # what the breakdowns are for: "last 12 months", "Maj 2026"
    focused: bool  # a period other than the last 12 months is chosen
    compared_name: str  # the unit compared with ("" for none)
    incomplete: str  # the note on this year's last month when it is the month so far
    query: str  # the page's own query string (its exports)
    sub_unit_query: str  # the query string of the links to the units below


def _structure(request: HttpRequest, person_level: bool) -> Structure:
    """The structure asked for; by default the historic one for person-level readers and
    the current one for committees (their breakdowns are in the current structure)."""
    default = Structure.HISTORIC if person_level else Structure.CURRENT
    value = request.GET.get("structure", default.value)
    return Structure(value) if value in Structure._value2member_map_ else default


def _headline_labels() -> list[str]:
    return [_("Last 12 months"), _("Year to date"), _("Same period last year"), _("Last year")]


def unit_page(
    grant: UnitGrant,
    day: dt.date,
    structure: Structure,
    chosen: ChosenPeriod | None = None,
    other: str | None = None,
    compare: str = "",
) -> UnitPage:
    """The page of the unit; `chosen`: a period the reader may see instead of the last
    12 months; `other`: a unit to compare with (both checked by the caller, picker.py)."""
    unit_id, tree = grant.unit_id, grant.tree
    periods = service.periods_for(day, grant.person_level)
    chosen = chosen or service.period_choices(day, grant.person_level).default()
    focused = chosen.period != periods.last_12_months
    stats = service.statistics(unit_id, day, structure, grant.person_level, chosen)
    compared = (
        service.compared(unit_id, other, day, structure, grant.person_level, chosen)
        if other
        else None
    )
    shown_until = periods.today
    # The month so far (person-level readers, before a month's last day) is marked, never
    # drawn or listed as a whole month.
    incomplete = "" if shown_until == month_end(shown_until) else current_month_note(shown_until)
    year = outlook(unit_id, day, structure, grant.person_level)
    labels = (
        [period_label(chosen, shown_until), _("The same period a year earlier")]
        if focused
        else _headline_labels()
    )
    query = _links_keep(focused, chosen, compare)
    this_year = stats.months_this_year
    shell = _shell(grant, structure, query)
    return UnitPage(
        unit_id=unit_id,
        name=shell.name,
        kind=shell.kind,
        structures=shell.structures,
        structure=structure,
        year=shown_until.year,
        headline=[
            HeadlineRow(str(i), label, cell, compared.headline[i] if compared is not None else None)
            for i, (label, cell) in enumerate(zip(labels, stats.headline, strict=True))
        ],
        chart=trend_chart(
            this_year,
            stats.months_last_year,
            shown_until.year,
            (tree.name(other), compared.months_this_year) if other and compared else None,
            incomplete or None,
        ),
        months=[
            MonthRow(
                str(MONTHS[m + 1]).capitalize(),
                this_year[m] if m < len(this_year) else None,
                stats.months_last_year[m],
                compared.months_this_year[m]
                if compared is not None and m < len(this_year)
                else None,
                incomplete if m == len(this_year) - 1 else "",
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
        period=chosen,
        period_label=period_label(chosen, shown_until) if focused else _("last 12 months"),
        focused=focused,
        compared_name=tree.name(other) if other else "",
        incomplete=incomplete,
        query=_query(structure=structure, **query),
        sub_unit_query=_query(
            structure=structure, kind=query.get("kind", ""), period=query.get("period", "")
        ),
    )


@dataclass(frozen=True)
class Shell:
    """What the unit page shows around its content: the unit and the structure switch."""

    unit_id: str
    name: str
    kind: str
    structures: list[Choice]


def _shell(grant: UnitGrant, structure: Structure, query: dict[str, str]) -> Shell:
    unit_id, tree = grant.unit_id, grant.tree
    url = reverse("absence:unit", args=[unit_id])
    return Shell(
        unit_id,
        tree.name(unit_id),
        label(UNIT_KIND, tree.units[unit_id].kind),
        [
            Choice(label(STRUCTURE, s), f"{url}?{_query(structure=s, **query)}", structure is s)
            for s in Structure
        ],
    )


def _links_keep(focused: bool, chosen: ChosenPeriod, compare: str) -> dict[str, str]:
    """What the page's links keep of its URL: the period when one is chosen, and the
    comparison."""
    query = {"kind": chosen.kind.value, "period": chosen.key} if focused else {}
    query["compare"] = compare
    return query


def _query(**values: str) -> str:
    return urlencode({k: v for k, v in values.items() if v})


def _request_choices(
    request: HttpRequest, grant: UnitGrant, day: dt.date
) -> tuple[ChosenPeriod, str, str | None]:
    """The period and comparison the URL asks for, refused (400, 403) unless the reader
    may have them."""
    choices = service.period_choices(day, grant.person_level)
    chosen = choose_period(choices, request.GET)
    compare, other = choose_compare(grant, request.GET)
    return chosen, compare, other


# The page is the same for everyone with the same access to the unit: it is built once
# per process, and rendered once for every process (a shared file), per language, day,
# structure, period, comparison and version of these.
PAGE_DEPENDS = ("data", "follow_up", TARGETS)


@dataclass(frozen=True)
class _Asked:
    grant: UnitGrant
    day: dt.date
    structure: Structure
    chosen: ChosenPeriod
    compare: str
    other: str | None
    key: tuple[Hashable, ...]  # what the page and its content are kept under

    @property
    def page(self) -> UnitPage:
        def build() -> UnitPage:
            return unit_page(
                self.grant, self.day, self.structure, self.chosen, self.other, self.compare
            )

        return cache.remember(self.key, build, depends=PAGE_DEPENDS)

    @property
    def content(self) -> str:
        def render() -> str:
            return render_to_string("absence/_unit_content.html", {"page": self.page})

        return shared_html(self.key, render, PAGE_DEPENDS)

    @property
    def shell(self) -> Shell:
        periods = service.periods_for(self.day, self.grant.person_level)
        focused = self.chosen.period != periods.last_12_months
        return _shell(self.grant, self.structure, _links_keep(focused, self.chosen, self.compare))


def _asked(request: HttpRequest, unit_id: str) -> _Asked:
    """The page the URL asks for, after the permission layer and the checks of its
    period and comparison (picker.py)."""
    day = today()
    grant = require_unit(request.user, unit_id, day)
    structure = _structure(request, grant.person_level)
    chosen, compare, other = _request_choices(request, grant, day)
    key = (
        "unit-page",
        unit_id,
        day,
        structure,
        grant.access,
        get_language(),
        chosen.kind,
        chosen.key,
        compare,
        other,
    )
    return _Asked(grant, day, structure, chosen, compare, other, key)


@login_required
def unit(request: HttpRequest, unit_id: str) -> HttpResponse:
    asked = _asked(request, unit_id)
    grant, day, page = asked.grant, asked.day, asked.shell
    # The units above that this reader may open, and HR's tools: they depend on who
    # asks, not only on the access, so they are chosen per request (the page is shared).
    crumbs = [
        Crumb(u, grant.tree.name(u))
        for u in grant.tree.path(unit_id)[:-1]
        if unit_access(grant.scope, u, grant.tree) is not None
    ]
    hr = hr_access(grant.scope, unit_id, grant.tree)
    choices = service.period_choices(day, grant.person_level)
    shown_until = service.periods_for(day, grant.person_level).today
    structure = str(asked.structure)
    context = {
        "page": page,
        "content": mark_safe(asked.content),
        "crumbs": crumbs,
        # The picker and the forms are the same for many readers: rendered once each.
        "picker": html(
            "absence/_picker.html",
            "picker",
            picker(grant, choices, asked.chosen, asked.compare, structure, shown_until),
        ),
        "targets": html("targets/_panel.html", "targets", panel(unit_id, day), request)
        if hr
        else None,
        "analyses": hr or committee_access(grant.scope, unit_id, grant.tree),
    }
    return render(request, "absence/unit.html", context)


def _figures_header() -> list[str]:
    return [
        _("Part"),
        _("Row"),
        _("From"),
        _("To"),
        _("Employees"),
        _("FTE"),
        _("Absence rate (%)"),
        _("Days per FTE"),
        _("Spells"),
        _("Absence hours"),
        _("Share of hours (%)"),
    ]


def _cell_row(part: str, row: str, cell: Cell) -> list[spreadsheet.Value]:
    if cell.suppressed:
        return [part, row, cell.start, cell.end, _("not shown: fewer than 5 employees")]
    return [
        part,
        row,
        cell.start,
        cell.end,
        cell.headcount,
        cell.fte,
        cell.absence_rate,
        cell.absence_days_per_fte,
        cell.spells,
    ]


def _figures_rows(page: UnitPage) -> list[list[spreadsheet.Value]]:
    """The page's figures for its period as rows: the key figures (and the compared
    unit's), the units below, the spell lengths and the job groups; a hidden figure is
    a row that says so, never a number."""
    main = page.statistics.headline[0]
    rows = [_cell_row(_("Key figures"), r.label, r.cell) for r in page.headline]
    if page.compared_name:
        part = _("Compared with %(name)s") % {"name": page.compared_name}
        rows += [_cell_row(part, r.label, r.compared.cell) for r in page.headline if r.compared]
    rows += [_cell_row(_("Units below"), r.label, r.cell) for r in page.sub_units]
    for length in page.statistics.by_length:
        part = _("Spells by length (calendar days)")
        if length.suppressed:
            rows.append([part, length.label, main.start, main.end, _("not shown")])
            continue
        blank: list[spreadsheet.Value] = [None] * 4
        counts = [length.spells, length.absence_hours, length.share]
        rows.append([part, length.label, main.start, main.end, *blank, *counts])
    rows += [_cell_row(_("Job groups"), b.key or "–", b.cell) for b in page.statistics.job_groups]
    return rows


def _figures_name(asked: _Asked, extension: str) -> str:
    start, end = asked.page.statistics.headline[0].start, asked.page.statistics.headline[0].end
    return f"{_('absence')}-{asked.grant.unit_id}-{start}-{end}.{extension}"


@login_required
def figures_csv(request: HttpRequest, unit_id: str) -> StreamingHttpResponse:
    """The page's figures for the chosen period (and comparison) as CSV: aggregates
    only, through the same permission layer and disclosure as the page."""
    asked = _asked(request, unit_id)
    lines = spreadsheet.csv_lines(
        _figures_header(), _figures_rows(asked.page), get_language() or "da"
    )
    response = StreamingHttpResponse(
        itertools.chain(["\ufeff"], lines), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, _figures_name(asked, "csv"))
    return response


@login_required
def figures_xlsx(request: HttpRequest, unit_id: str) -> HttpResponse:
    asked = _asked(request, unit_id)
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, _figures_name(asked, "xlsx"))
    workbook = io.BytesIO()
    spreadsheet.write_xlsx(
        workbook, str(_("Absence")), _figures_header(), _figures_rows(asked.page)
    )
    response.write(workbook.getvalue())
    return response


@login_required
def unit_periods(request: HttpRequest, unit_id: str) -> HttpResponse:
    """The picker's list of periods for one kind (htmx swaps it in when the kind
    changes): only what the reader may choose."""
    day = today()
    grant = require_unit(request.user, unit_id, day)
    choices = service.period_choices(day, grant.person_level)
    chosen = choose_period(choices, request.GET)
    compare, _other = choose_compare(grant, request.GET)
    shown_until = service.periods_for(day, grant.person_level).today
    structure = str(_structure(request, grant.person_level))
    found = picker(grant, choices, chosen, compare, structure, shown_until)
    return render(request, "absence/_period_select.html", {"picker": found})


@dataclass(frozen=True)
class EmployeesPage:
    unit_id: str
    name: str
    start: dt.date
    end: dt.date
    rows: list[service.EmployeeRow]
    total: int
    kept_as: Hashable  # the rows' key in the cache (service.employees_key)

    @property
    def rows_html(self) -> SafeString:
        return rows_html("absence/_employee_rows.html", self.rows)


PAGE_ROWS = service.PAGE_ROWS  # the most sick days first; the CSV holds them all


def _employees_page(
    request: HttpRequest, unit_id: str, page_name: str, action: Action, limit: int | None
) -> EmployeesPage:
    day = today()
    grant = require_person_level_unit(request.user, unit_id, day)
    everyone = service.employees(unit_id, day)
    rows = service.employees_with_alerts(unit_id, day, grant.scope, limit)
    kept_as = service.employees_key(unit_id, day, grant.scope, limit)
    record(
        request,
        grant.scope,
        page_name,
        action=action,
        unit_id=unit_id,
        subjects=[r.employee_id for r in rows],
    )
    start, end = PagePeriods(day).last_12_months
    name = grant.tree.name(unit_id)
    return EmployeesPage(unit_id, name, start, end, rows, len(everyone), kept_as)


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
    language = get_language() or "da"

    def text() -> str:
        rows = (_export_row(r) for r in page.rows)
        return "".join(spreadsheet.csv_lines(_export_header(), rows, language))

    # Made once per list and language (central HR's file of the municipality: a quarter
    # of a second), streamed in pieces. Excel reads a byte-order mark as "this file is
    # UTF-8" (Danish letters intact).
    found = cache.remember((page.kept_as, "csv", language), text, service.EMPLOYEES_DEPEND_ON)
    pieces = (found[i : i + CSV_PIECE] for i in range(0, len(found), CSV_PIECE))
    response = StreamingHttpResponse(
        itertools.chain(["\ufeff"], pieces), content_type="text/csv; charset=utf-8"
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


CSV_PIECE = 1 << 16  # characters streamed at a time

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
