"""Setting a unit's target and breaking it down to the units below, on the unit page:
HR for their administrations, central HR for all (accounts.permissions.require_hr_unit).
Every change is recorded in the audit log with what it was before and after."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samraad.accounts.permissions import UnitGrant, require_hr_unit
from samraad.audit.log import record
from samraad.audit.models import Action
from samraad.clock import today
from samraad.frames import cache
from samraad.org.tree import OrgTree, tree_on
from samraad.stats import Structure
from samraad.targets.breakdown import Breakdown, Method, breakdown
from samraad.targets.inheritance import Inherited
from samraad.targets.store import Change, TargetsExist, target_in_tree, targets_for, write_targets

# A year's own sickness cannot exceed its days; 365 days per FTE is the ceiling.
MOST_DAYS = Decimal(365)


@dataclass(frozen=True)
class YearTarget:
    year: int
    own: Decimal | None  # the unit's own target
    effective: Inherited | None  # its own, or the nearest ancestor's
    set_for_name: str = ""


@dataclass(frozen=True)
class TargetPanel:
    """The unit page's target form: this year's and next year's targets."""

    unit_id: str
    years: tuple[YearTarget, ...]
    has_children: bool


def panel(unit: str, day: dt.date) -> TargetPanel:
    tree = tree_on(day)
    years = []
    for year in (day.year, day.year + 1):
        found = target_in_tree(unit, year, tree)
        name = tree.name(found.set_for) if found else ""
        years.append(YearTarget(year, targets_for(year).get(unit), found, name))
    return TargetPanel(unit, tuple(years), bool(tree.children_of(unit)))


class TargetForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, label=gettext_lazy("Year"))
    value = forms.DecimalField(
        min_value=Decimal(0),
        max_value=MOST_DAYS,
        max_digits=6,
        decimal_places=2,
        label=gettext_lazy("Target (days per FTE)"),
        localize=True,
    )


def _audit(request: HttpRequest, grant: UnitGrant, page: str, changes: list[Change]) -> None:
    record(
        request,
        grant.scope,
        page,
        action=Action.RECORD,
        unit_id=grant.unit_id,
        detail="; ".join(c.describe() for c in changes),
    )


@require_POST
@login_required
def set_target(request: HttpRequest, unit_id: str) -> HttpResponse:
    grant = require_hr_unit(request.user, unit_id, today())
    form = TargetForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(
            f"{form.fields[f].label}: {' '.join(str(m) for m in e)}" for f, e in form.errors.items()
        )
        messages.error(request, _("The target was not saved: %(errors)s") % {"errors": errors})
        return redirect("absence:unit", unit_id=unit_id)
    year, value = form.cleaned_data["year"], form.cleaned_data["value"]
    changes = write_targets(year, {unit_id: value}, replace=True)
    _audit(request, grant, "targets:set", changes)
    messages.success(
        request,
        _("The target for %(year)s is %(value)s days per FTE.")
        % {"year": year, "value": f"{value:.2f}".replace(".", ",")},
    )
    return redirect("absence:unit", unit_id=unit_id)


@dataclass(frozen=True)
class BreakdownRow:
    unit_id: str
    name: str
    baseline_days_per_fte: float | None
    baseline_fte: float
    target: Decimal
    existing: Decimal | None  # the child's own target for the year now


@dataclass(frozen=True)
class BreakdownPage:
    unit_id: str
    name: str
    year: int
    method: Method
    baseline_years: int
    result: Breakdown | None  # None: no target to break down
    rows: list[BreakdownRow]
    weighted_mean: float | None
    set_for_name: str


def _choice(request: HttpRequest, day: dt.date) -> tuple[int, Method, int]:
    source = request.POST if request.method == "POST" else request.GET
    raw_year = source.get("year", "")
    year = int(raw_year) if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100 else day.year
    method = source.get("method", Method.PROPORTIONAL)
    chosen = Method(method) if method in Method._value2member_map_ else Method.PROPORTIONAL
    raw_years = source.get("baseline_years", "1")
    baseline = int(raw_years) if raw_years.isdigit() and 1 <= int(raw_years) <= 5 else 1
    return year, chosen, baseline


def _breakdown(
    unit: str, year: int, method: Method, baseline: int, tree: OrgTree
) -> Breakdown | None:
    found = target_in_tree(unit, year, tree)
    if found is None:
        return None
    return cache.remember(
        ("breakdown", unit, year, method, baseline, found),
        lambda: breakdown(
            cache.dataset(),
            unit,
            year,
            found.value,
            method=method,
            baseline_years=baseline,
            structure=Structure.CURRENT,
            target_set_for=found.set_for,
        ),
    )


def warm(today: dt.date) -> None:
    tree = tree_on(today)
    for unit in tree.tops():
        _breakdown(unit, today.year, Method.PROPORTIONAL, 1, tree)


def _page(grant: UnitGrant, year: int, method: Method, baseline: int) -> BreakdownPage:
    tree = grant.tree
    result = _breakdown(grant.unit_id, year, method, baseline, tree)
    own = targets_for(year)
    rows = []
    for share in result.shares if result else ():
        name = tree.name(share.unit) if share.unit in tree.units else _("Directly employed")
        days = share.baseline_days_per_fte
        rows.append(
            BreakdownRow(
                share.unit,
                name,
                None if days is None else float(days),
                float(share.baseline_fte),
                share.target,
                own.get(share.unit),
            )
        )
    mean = result.weighted_mean() if result else None
    return BreakdownPage(
        grant.unit_id,
        tree.name(grant.unit_id),
        year,
        method,
        baseline,
        result,
        rows,
        None if mean is None else float(mean),
        tree.name(result.target_set_for or "") if result else "",
    )


@login_required
def breakdown_page(request: HttpRequest, unit_id: str) -> HttpResponse:
    day = today()
    grant = require_hr_unit(request.user, unit_id, day)
    year, method, baseline = _choice(request, day)
    if request.method == "POST":
        return _apply(request, grant, year, method, baseline)
    page = _page(grant, year, method, baseline)
    return render(request, "targets/breakdown.html", {"page": page})


def _apply(
    request: HttpRequest, grant: UnitGrant, year: int, method: Method, baseline: int
) -> HttpResponse:
    result = _breakdown(grant.unit_id, year, method, baseline, grant.tree)
    url = f"{request.path}?year={year}&method={method}&baseline_years={baseline}"
    if result is None:
        messages.error(
            request, _("There is no target to break down for %(year)s.") % {"year": year}
        )
        return redirect(url)
    values = {s.unit: s.target for s in result.children}
    try:
        changes = write_targets(year, values, replace=request.POST.get("replace") == "on")
    except TargetsExist as exc:
        names = ", ".join(grant.tree.name(u) for u in exc.units)
        messages.error(
            request,
            _(
                "Nothing was saved: %(units)s already have a target for %(year)s. Tick "
                "“replace” to replace them."
            )
            % {"units": names, "year": year},
        )
        return redirect(url)
    _audit(request, grant, "targets:breakdown", changes)
    messages.success(
        request,
        _("The targets of %(count)s units for %(year)s are saved.")
        % {"count": len(changes), "year": year},
    )
    return redirect(url)
