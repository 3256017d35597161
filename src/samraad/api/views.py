"""The read API: the same figures, permissions and audit as the pages (api/openapi.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from samraad import disclosure
from samraad.absence import service
from samraad.absence.periods import PagePeriods
from samraad.accounts.permissions import (
    require_person_level_unit,
    require_unit,
    scope_for,
)
from samraad.api.auth import BadRequest, api_view
from samraad.api.openapi import document
from samraad.audit.log import record
from samraad.audit.models import Action
from samraad.clock import today
from samraad.followup.inbox import alerts_for_scope
from samraad.stats import Structure, UnitFigures

MAX_DAYS = 366 * 10


def _date(request: HttpRequest, name: str, default: dt.date) -> dt.date:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"{name}: not a date (YYYY-MM-DD): {raw!r}") from None


def _query(request: HttpRequest) -> tuple[dt.date, dt.date, Structure, dt.date | None]:
    default_start, default_end = PagePeriods(today()).last_12_months
    start = _date(request, "from", default_start)
    end = _date(request, "to", default_end)
    if start > end:
        raise BadRequest(f"from {start} is after to {end}")
    if (end - start).days > MAX_DAYS:
        raise BadRequest("a period may span at most 10 years")
    raw = request.GET.get("structure", "historic")
    if raw not in ("historic", "current"):
        raise BadRequest(f"structure: expected historic or current, not {raw!r}")
    as_of = _date(request, "as_of", end) if request.GET.get("as_of") else None
    return start, end, Structure(raw), as_of


def _figures_json(figures: UnitFigures, suppress_small: bool, hide: bool = False) -> dict[str, Any]:
    data = figures.to_json()
    if suppress_small and (hide or disclosure.too_small(figures.headcount)):
        kept = ("unit", "from", "to", "structure", "causes", "working_days")
        return {**{k: data[k] for k in kept}, "suppressed": True}
    return {**data, "suppressed": False}


@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        document(request.build_absolute_uri("/")), json_dumps_params={"ensure_ascii": False}
    )


@api_view
def unit_statistics(request: HttpRequest, unit_id: str) -> JsonResponse:
    grant = require_unit(request.user, unit_id, today())
    start, end, structure, as_of = _query(request)
    figures = service.unit_period_figures(unit_id, start, end, structure, as_of)
    body = _figures_json(figures, grant.suppress_small)
    body["name"] = grant.tree.name(unit_id)
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@api_view
def sub_units(request: HttpRequest, unit_id: str) -> JsonResponse:
    grant = require_unit(request.user, unit_id, today())
    start, end, structure, as_of = _query(request)
    children = grant.tree.children_of(unit_id)
    found = [service.unit_period_figures(c, start, end, structure, as_of) for c in children]
    small = [disclosure.too_small(f.headcount) for f in found]
    hidden = disclosure.complement(small, [f.headcount for f in found])
    rows = [
        {**_figures_json(f, grant.suppress_small, h), "name": grant.tree.name(c)}
        for c, f, h in zip(children, found, hidden, strict=True)
    ]
    return JsonResponse(
        {"unit": unit_id, "sub_units": rows}, json_dumps_params={"ensure_ascii": False}
    )


@api_view
def employees(request: HttpRequest, unit_id: str) -> JsonResponse:
    day = today()
    grant = require_person_level_unit(request.user, unit_id, day)
    rows = service.employees_with_alerts(unit_id, day, grant.scope)
    record(
        request,
        grant.scope,
        "api:employees",
        action=Action.API,
        unit_id=unit_id,
        subjects=[r.employee_id for r in rows],
    )
    start, end = PagePeriods(day).last_12_months
    return JsonResponse(
        {
            "unit": unit_id,
            "from": start.isoformat(),
            "to": end.isoformat(),
            "employees": [
                {
                    "employee_id": r.employee_id,
                    "unit": r.unit_id,
                    "job_group": r.job_group,
                    "weekly_hours": r.weekly_hours,
                    "sick_days": r.sick_days,
                    "spells": r.spells,
                    "open_alerts": r.open_alerts,
                    "overdue_alerts": r.overdue_alerts,
                }
                for r in rows
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@api_view
def alerts(request: HttpRequest) -> JsonResponse:
    day = today()
    scope = scope_for(request.user, day)
    if not scope.person_level:
        raise PermissionDenied("alerts are person-level data")
    status = request.GET.get("status") or None
    if status not in (None, "open", "overdue", "closed"):
        raise BadRequest(f"status: expected open, overdue or closed, not {status!r}")
    found, _total = alerts_for_scope(scope, day, status)
    record(request, scope, "api:alerts", action=Action.API, subjects=[a.employee_id for a in found])
    return JsonResponse(
        {"alerts": [a.to_json() for a in found]}, json_dumps_params={"ensure_ascii": False}
    )
