"""The alerts inbox (a worklist: filters, counts, pages, exports) and an alert's page,
where the action its rule asks for is registered once."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samraad import spreadsheet
from samraad.accounts.permissions import Scope, require_person_level, require_person_level_unit
from samraad.audit.log import record
from samraad.audit.models import Action
from samraad.clock import today
from samraad.followup.answers import AlreadyAnswered, Answer, answer_of, register
from samraad.followup.forms import ConversationForm, RegistrationForm
from samraad.followup.inbox import (
    ALL,
    PENDING,
    AlertRow,
    Filters,
    Worklist,
    alert_in_scope,
    every_row,
    rules_in_scope,
    worklist,
)
from samraad.followup.status import Status
from samraad.fragments import rows_html
from samraad.frames import cache
from samraad.labels import label
from samraad.org.tree import tree_on
from samraad.vocabulary import ALERT_STATUS, FollowUpAction

PAGE_SIZE = 50  # alerts per page of the inbox; the exports hold every one that matches


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool
    count: int | None = None


@dataclass(frozen=True)
class AlertsPage:
    work: Worklist
    filters: Filters
    statuses: list[Link]
    unit_options: SafeString  # the unit filter's <option>s
    rules: list[tuple[str, str]]
    previous: str | None
    next: str | None
    csv_url: str
    xlsx_url: str

    @property
    def rows(self) -> list[AlertRow]:
        return self.work.rows

    @property
    def rows_html(self) -> SafeString:
        return rows_html("followup/_alert_rows.html", self.work.rows)

    @property
    def total(self) -> int:
        return self.work.total


def _filters(request: HttpRequest, scope: Scope, day: dt.date) -> Filters:
    """The filters asked for; a unit must be one the reader has person-level access to
    (403 outside the scope, 404 unknown), a bad date is refused."""
    status = request.GET.get("status") or PENDING
    if status not in (PENDING, *Status, ALL):
        status = PENDING
    unit = request.GET.get("unit") or None
    if unit is not None:
        require_person_level_unit(request.user, unit, day)
    due_before = None
    if text := request.GET.get("due_before"):
        try:
            due_before = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise BadRequest(f"due_before: expected a date (YYYY-MM-DD), not {text!r}") from exc
    return Filters(
        status=status,
        unit=unit,
        rule=request.GET.get("rule") or None,
        due_before=due_before,
        descending=request.GET.get("sort") == "-due",
    )


def _query(filters: Filters, **changes: object) -> str:
    values = {
        "status": filters.status,
        "unit": filters.unit or "",
        "rule": filters.rule or "",
        "due_before": filters.due_before.isoformat() if filters.due_before else "",
        "sort": "-due" if filters.descending else "",
    }
    values |= {k: str(v) for k, v in changes.items()}
    return urlencode({k: v for k, v in values.items() if v and not (k == "page" and v == "1")})


def _status_links(filters: Filters, counts: dict[str, int]) -> list[Link]:
    names = {PENDING: _("Open and overdue"), ALL: _("All")}
    order = [PENDING, Status.OVERDUE, Status.OPEN, Status.CLOSED, Status.LAPSED, ALL]
    return [
        Link(
            names.get(s) or label(ALERT_STATUS, s),
            "?" + _query(filters, status=s, page=1),
            filters.status == s,
            counts.get(s, 0),
        )
        for s in order
    ]


def _unit_options(scope: Scope, day: dt.date, chosen: str | None) -> SafeString:
    """The unit filter's options: the units whose alerts the reader sees, in the tree's
    order, indented by depth. Central HR sees every unit of the municipality, so the
    options are built once per day and scope and kept while the data holds."""

    def build() -> str:
        tree = tree_on(day)
        roots = tree.roots() if scope.everything else sorted(scope.person_roots & set(tree.units))
        found: list[tuple[str, str]] = []

        def walk(unit: str, depth: int) -> None:
            found.append((unit, "· " * depth + tree.name(unit)))
            for child in sorted(tree.children_of(unit), key=tree.name):
                walk(child, depth + 1)

        for root in roots:
            walk(root, 0)
        return format_html_join("", '<option value="{}">{}</option>', found)

    key = ("alert-unit-options", day, scope.everything, scope.person_roots)
    options = cache.remember(key, build)
    if chosen:
        mark = format_html('<option value="{}">', chosen)
        options = options.replace(mark, mark[:-1] + " selected>", 1)
    return mark_safe(options)  # built from escaped parts above


@login_required
def alerts(request: HttpRequest) -> HttpResponse:
    day = today()
    scope = require_person_level(request.user, day)
    filters = _filters(request, scope, day)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    found = worklist(scope, day, filters, number, PAGE_SIZE)
    record(
        request,
        scope,
        "followup:alerts",
        unit_id=filters.unit or "",
        subjects=[r.employee_id for r in found.rows],
    )
    page = AlertsPage(
        work=found,
        filters=filters,
        statuses=_status_links(filters, found.counts),
        unit_options=_unit_options(scope, day, filters.unit),
        rules=rules_in_scope(scope, day),
        previous="?" + _query(filters, page=found.page - 1) if found.page > 1 else None,
        next="?" + _query(filters, page=found.page + 1) if found.page < found.pages else None,
        csv_url="/alerts.csv?" + _query(filters),
        xlsx_url="/alerts.xlsx?" + _query(filters),
    )
    return render(request, "followup/alerts.html", {"page": page})


def _export_header() -> list[str]:
    return [
        _("Employee"),
        _("Name"),
        _("Unit"),
        _("Rule"),
        _("Raised"),
        _("Due by"),
        _("Status"),
        _("Closed"),
        _("Lapsed"),
        _("Action"),
    ]


def _export_row(row: AlertRow) -> list[spreadsheet.Value]:
    return [
        row.employee_id,
        row.name,
        row.unit_name,
        row.title,
        row.raised_on,
        row.due_by,
        row.status_label,
        row.closed_on,
        row.lapsed_on,
        row.action_label,
    ]


def _export_rows(request: HttpRequest, page_name: str) -> tuple[list[AlertRow], str]:
    """Every alert matching the inbox's filters, audited as an export."""
    day = today()
    scope = require_person_level(request.user, day)
    filters = _filters(request, scope, day)
    rows = every_row(scope, day, filters)
    record(
        request,
        scope,
        page_name,
        action=Action.EXPORT,
        unit_id=filters.unit or "",
        subjects=[r.employee_id for r in rows],
    )
    return rows, f"{_('alerts')}-{filters.unit or _('all')}-{day}"


@login_required
def alerts_csv(request: HttpRequest) -> StreamingHttpResponse:
    rows, name = _export_rows(request, "followup:alerts_csv")
    lines: Iterator[str] = spreadsheet.csv_lines(
        _export_header(), (_export_row(r) for r in rows), get_language() or "da"
    )
    # Excel reads a byte-order mark as "this file is UTF-8" (Danish letters intact).
    response = StreamingHttpResponse(
        itertools.chain(["\ufeff"], lines), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.csv")
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def alerts_xlsx(request: HttpRequest) -> HttpResponse:
    rows, name = _export_rows(request, "followup:alerts_xlsx")
    workbook = io.BytesIO()
    table: Sequence[Sequence[spreadsheet.Value]] = [_export_row(r) for r in rows]
    spreadsheet.write_xlsx(workbook, str(_("Alerts")), _export_header(), table)
    response = HttpResponse(workbook.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.xlsx")
    return response


@dataclass(frozen=True)
class AlertPage:
    alert: AlertRow
    form: ConversationForm | RegistrationForm | None
    answer: Answer | None
    refused: bool = False

    @property
    def conversation(self) -> bool:
        return self.alert.action == FollowUpAction.CONVERSATION


def _form(
    request: HttpRequest, alert: AlertRow, day: dt.date
) -> ConversationForm | RegistrationForm:
    data = request.POST if request.method == "POST" else None
    if alert.action == FollowUpAction.CONVERSATION:
        return ConversationForm(data, alert=alert, day=day)
    return RegistrationForm(data, alert=alert, day=day)


@login_required
def alert(request: HttpRequest, alert_id: int) -> HttpResponse:
    """The alert and the form its rule asks for while it waits; once closed, what was
    registered (and no form); once lapsed, when. A registration is refused (409) when
    the alert no longer waits: a second submit, or the back button, records nothing."""
    day = today()
    scope = require_person_level(request.user, day)
    found = alert_in_scope(scope, alert_id, day)
    if found is None:
        raise Http404("no such alert in your scope")
    if request.method == "POST" and not found.waiting:
        return _refused(request, scope, found, day)
    form = _form(request, found, day) if found.waiting else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            closed = register(scope, found.alert_id, day, form.cleaned_data)
        except AlreadyAnswered:
            return _refused(request, scope, found, day)
        cache.invalidate("follow_up")
        record(
            request,
            scope,
            "followup:alert",
            action=Action.RECORD,
            employee_id=found.employee_id,
            unit_id=found.unit_id,
        )
        if any(a.pk == found.alert_id for a in closed):
            done = (
                _("The conversation is recorded and the alert is closed.")
                if found.action == FollowUpAction.CONVERSATION
                else _("The registration is recorded and the alert is closed.")
            )
            messages.success(request, done)
        else:
            messages.info(request, _("The conversation is recorded; the alert stays open."))
        return redirect("followup:alerts")
    record(request, scope, "followup:alert", employee_id=found.employee_id, unit_id=found.unit_id)
    status = 400 if request.method == "POST" else 200
    page = AlertPage(found, form, answer_of(found))
    return render(request, "followup/alert.html", {"page": page}, status=status)


def _refused(request: HttpRequest, scope: Scope, found: AlertRow, day: dt.date) -> HttpResponse:
    current = alert_in_scope(scope, found.alert_id, day) or found
    record(
        request,
        scope,
        "followup:alert",
        employee_id=found.employee_id,
        unit_id=found.unit_id,
        detail="registration refused: the alert is not waiting",
    )
    page = AlertPage(current, None, answer_of(current), refused=True)
    return render(request, "followup/alert.html", {"page": page}, status=409)
