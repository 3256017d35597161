"""The monthly report on the unit page: download it (PDF or Excel) and subscribe to it.

Everyone who may open the unit page may download its report: person-level readers
(managers, HR) get the management report, with the longest absences; committee members
the committee report (aggregates, groups under 5 suppressed). Every download is
recorded in the audit log, with the persons a management report lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad.accounts.permissions import UnitGrant, require_unit
from samraad.audit.log import record
from samraad.audit.models import Action
from samraad.clock import today
from samraad.documents.model import Language
from samraad.reports.content import Audience
from samraad.reports.document import report_pdf
from samraad.reports.gather import ReportUnavailable, latest_month, report
from samraad.reports.models import Subscription
from samraad.reports.periods import Month
from samraad.reports.words import month_name
from samraad.reports.workbook import report_xlsx

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The unit page offers the last complete months back to this many.
MONTHS_OFFERED = 13


def audience_of(grant: UnitGrant) -> Audience:
    return Audience.MANAGEMENT if grant.person_level else Audience.COMMITTEE


def language() -> Language:
    return "en" if (get_language() or "da").startswith("en") else "da"


@login_required
def download(request: HttpRequest, unit_id: str) -> HttpResponse:
    day = today()
    grant = require_unit(request.user, unit_id, day)
    kind = request.GET.get("format", "pdf")
    if kind not in CONTENT_TYPES:
        raise BadRequest("format: pdf or xlsx")
    try:
        month = Month.parse(request.GET.get("month") or str(latest_month(day)))
    except ValueError as exc:
        raise BadRequest(str(exc)) from None
    audience = audience_of(grant)
    try:
        found = report(unit_id, month, audience, day)
    except ReportUnavailable as exc:
        raise Http404(str(exc)) from None
    record(
        request,
        grant.scope,
        "reports:download",
        action=Action.EXPORT,
        unit_id=unit_id,
        subjects=[r.employee_id for r in found.longest or []],
        detail=f"{month} {audience} {kind}",
    )
    render = report_pdf if kind == "pdf" else report_xlsx
    response = HttpResponse(render(found, language()), content_type=CONTENT_TYPES[kind])
    name = f"{_('report')}-{unit_id}-{month}.{kind}"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@require_POST
@login_required
def subscribe(request: HttpRequest, unit_id: str) -> HttpResponse:
    day = today()
    require_unit(request.user, unit_id, day)
    Subscription.objects.get_or_create(
        user_id=int(request.user.pk or 0),
        unit_id=unit_id,
        defaults={"language": language(), "created_on": day},
    )
    messages.success(
        request, _("You will get the unit's monthly report by mail on the first working day.")
    )
    return redirect(reverse("absence:unit", args=[unit_id]))


@require_POST
@login_required
def unsubscribe(request: HttpRequest, unit_id: str) -> HttpResponse:
    require_unit(request.user, unit_id, today())
    Subscription.objects.filter(user_id=int(request.user.pk or 0), unit_id=unit_id).delete()
    messages.success(request, _("You will no longer get the unit's monthly report by mail."))
    return redirect(reverse("absence:unit", args=[unit_id]))


@dataclass(frozen=True)
class MonthChoice:
    value: str
    label: str


@dataclass(frozen=True)
class Panel:
    unit_id: str
    months: tuple[MonthChoice, ...]
    subscribed: bool
    management: bool
    has_email: bool


def panel(grant: UnitGrant, user_id: int, email: str, day: dt.date) -> Panel:
    latest = latest_month(day)
    months = [latest.shifted(-n) for n in range(MONTHS_OFFERED)]
    lang = language()
    return Panel(
        grant.unit_id,
        tuple(MonthChoice(str(m), month_name(m, lang)) for m in months),
        Subscription.objects.filter(user_id=user_id, unit_id=grant.unit_id).exists(),
        grant.person_level,
        bool(email),
    )
