"""The read API: the same figures, permissions and audit as the pages (api/openapi.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from samraad.absence import service
from samraad.absence.outlook import outlook
from samraad.absence.periods import PagePeriods, PeriodRefused
from samraad.absence.picker import MUNICIPALITY, PARENT, compare_targets
from samraad.accounts.permissions import (
    UnitGrant,
    require_person_level_unit,
    require_unit,
    scope_for,
)
from samraad.api.auth import BadRequest, api_view
from samraad.api.openapi import document
from samraad.audit.log import record
from samraad.audit.models import Action
from samraad.clock import today
from samraad.disclosure import LENGTH_GROUPS, Disclosure
from samraad.followup.inbox import alerts_for_scope
from samraad.followup.long_absences import longest_below
from samraad.followup.longest import MIN_DAYS
from samraad.stats import Structure, UnitFigures, compare, rounded

MAX_DAYS = 366 * 10


def _date(request: HttpRequest, name: str, default: dt.date) -> dt.date:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"{name}: not a date (YYYY-MM-DD): {raw!r}") from None


@dataclass(frozen=True)
class Query:
    start: dt.date
    end: dt.date
    structure: Structure
    as_of: dt.date | None


def _query(request: HttpRequest, grant: UnitGrant) -> Query:
    """The period and structure asked for. A reader without person-level access asks for
    whole months up to the last complete one, in the tree of today (the disclosure
    policy decides those periods, samraad.disclosure); the default is the last twelve."""
    day = today()
    default_start, default_end = service.periods_for(day, grant.person_level).last_12_months
    if request.GET.get("kind") or request.GET.get("period"):
        # the unit page's picker: a month, quarter, year or rolling 12 months, only those
        # the reader may choose (absence/periods.py)
        if request.GET.get("from") or request.GET.get("to"):
            raise BadRequest("give either kind and period, or from and to")
        try:
            chosen = service.period_choices(day, grant.person_level).choose(
                request.GET.get("kind"), request.GET.get("period")
            )
        except PeriodRefused as exc:
            raise BadRequest(str(exc)) from None
        default_start, default_end = chosen.period
    start = _date(request, "from", default_start)
    end = _date(request, "to", default_end)
    if start > end:
        raise BadRequest(f"from {start} is after to {end}")
    if (end - start).days > MAX_DAYS:
        raise BadRequest("a period may span at most 10 years")
    default = Structure.HISTORIC if grant.person_level else Structure.CURRENT
    raw = request.GET.get("structure", default.value)
    if raw not in ("historic", "current"):
        raise BadRequest(f"structure: expected historic or current, not {raw!r}")
    as_of = _date(request, "as_of", end) if request.GET.get("as_of") else None
    if not grant.person_level:
        if as_of is not None:
            raise BadRequest("as_of: not available to your role (the tree is today's)")
        if not service.policy(day).allows(start, end):
            raise BadRequest(
                "from/to: your role sees whole months (from the 1st to a month's last day) "
                f"up to {service.periods_for(day, False).today}"
            )
    return Query(start, end, Structure(raw), as_of)


def _figures_json(figures: UnitFigures, shown: Disclosure, structure: Structure) -> dict[str, Any]:
    """The figures as `samraad stats --json` gives them, less what the reader may not see:
    a hidden unit keeps only its period; a hidden length group keeps only its name."""
    data = figures.to_json()
    period = (figures.start, figures.end)
    if not shown.unit(structure, figures.unit, *period):
        kept = ("unit", "from", "to", "structure", "causes", "working_days")
        return {**{k: data[k] for k in kept}, "suppressed": True}
    groups = shown.parts(LENGTH_GROUPS, structure, figures.unit, *period)
    if groups is not None:
        data["by_length"] = {
            label: (values if label in groups else {"suppressed": True})
            for label, values in data["by_length"].items()
        }
    return {**data, "suppressed": False}


@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        document(request.build_absolute_uri("/")), json_dumps_params={"ensure_ascii": False}
    )


@api_view
def unit_statistics(request: HttpRequest, unit_id: str) -> JsonResponse:
    grant = require_unit(request.user, unit_id, today())
    q = _query(request, grant)
    other = _compared(request, grant)
    figures = service.unit_period_figures(unit_id, q.start, q.end, q.structure, q.as_of)
    shown = service.disclosure_for(today(), grant.person_level)
    body = _figures_json(figures, shown, q.structure)
    body["name"] = grant.tree.name(unit_id)
    body["outlook"] = outlook(unit_id, today(), q.structure, grant.person_level).to_json()
    if other is not None:
        theirs = service.unit_period_figures(other, q.start, q.end, q.structure, q.as_of)
        body["compared"] = {
            **_figures_json(theirs, shown, q.structure),
            "name": grant.tree.name(other),
            **_differences(figures, theirs, shown, q.structure),
        }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _compared(request: HttpRequest, grant: UnitGrant) -> str | None:
    """The unit of `compare` (parent, municipality): one the reader sees with the same
    access as this one (absence/picker.py); 400 for another value, 403 for a unit outside
    the reader's access."""
    value = request.GET.get("compare") or ""
    if not value:
        return None
    targets = compare_targets(grant)
    if value not in (PARENT, MUNICIPALITY):
        raise BadRequest(f"compare: expected parent or municipality, not {value!r}")
    if value not in targets:
        raise PermissionDenied(f"compare: you may not see the {value} of {grant.unit_id}")
    return targets[value]


def _differences(
    mine: UnitFigures, theirs: UnitFigures, shown: Disclosure, structure: Structure
) -> dict[str, float | None]:
    """The unit's figures minus the compared unit's (stats.compare), or null where the
    reader may not see either."""
    period = (mine.start, mine.end)
    if not (
        shown.unit(structure, mine.unit, *period) and shown.unit(structure, theirs.unit, *period)
    ):
        return {"absence_rate_points": None, "absence_days_per_fte_difference": None}
    found = compare(mine, theirs)
    points = found.absence_rate_points
    return {
        "absence_rate_points": None if points is None else rounded(points),
        "absence_days_per_fte_difference": rounded(found.absence_days_per_fte),
    }


@api_view
def sub_units(request: HttpRequest, unit_id: str) -> JsonResponse:
    grant = require_unit(request.user, unit_id, today())
    q = _query(request, grant)
    shown = service.disclosure_for(today(), grant.person_level)
    rows = [
        {
            **_figures_json(
                service.unit_period_figures(c, q.start, q.end, q.structure, q.as_of),
                shown,
                q.structure,
            ),
            "name": grant.tree.name(c),
            "outlook": outlook(c, today(), q.structure, grant.person_level).to_json(),
        }
        for c in grant.tree.children_of(unit_id)
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
                    "name": r.name,
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


def _whole(request: HttpRequest, name: str, default: int | None) -> int | None:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(f"{name}: a whole number, at least 1, not {raw!r}")
    return int(raw)


@api_view
def longest(request: HttpRequest, unit_id: str) -> JsonResponse:
    day = today()
    grant = require_person_level_unit(request.user, unit_id, day)
    top = _whole(request, "top", None)
    min_days = _whole(request, "min_days", MIN_DAYS) or MIN_DAYS
    rows = longest_below(unit_id, day, top=top, min_days=min_days)
    record(
        request,
        grant.scope,
        "api:longest",
        action=Action.API,
        unit_id=unit_id,
        subjects=[r.employee_id for r in rows],
    )
    return JsonResponse(
        {
            "unit": unit_id,
            "as_of": day.isoformat(),
            "min_days": min_days,
            "longest": [r.to_json() for r in rows],
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
    if status not in (None, "open", "overdue", "closed", "lapsed"):
        raise BadRequest(f"status: expected open, overdue, closed or lapsed, not {status!r}")
    found, _total = alerts_for_scope(scope, day, status)
    record(request, scope, "api:alerts", action=Action.API, subjects=[a.employee_id for a in found])
    return JsonResponse(
        {"alerts": [a.to_json() for a in found]}, json_dumps_params={"ensure_ascii": False}
    )
