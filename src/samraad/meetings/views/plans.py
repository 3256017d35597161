"""Action plans (handlingsplan, opfølgningsplan): elements with owner, due date and
status; the status goes into the plan's yearly item of the annual cycle."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad.clock import today
from samraad.labels import label
from samraad.meetings import plans as plan_status
from samraad.meetings.access import require_committee
from samraad.meetings.forms import ElementForm, PlanForm
from samraad.meetings.models import ActionPlan, ActionPlanElement
from samraad.meetings.views.common import secretary_only
from samraad.vocabulary import ACTION_STATUS


@login_required
def plans(request: HttpRequest, code: str) -> HttpResponse:
    access = require_committee(request.user, code, today())
    form = PlanForm(committee_id=code)
    if request.method == "POST":
        secretary_only(access)
        form = PlanForm(request.POST, committee_id=code)
        if form.is_valid():
            plan = form.save(commit=False)
            plan.committee = access.committee
            plan.save()
            messages.success(request, _("The action plan is created."))
            return redirect("meetings:plan", pk=plan.pk)
    context = {
        "access": access,
        "plans": ActionPlan.objects.filter(committee=access.committee),
        "form": form if access.prepares else None,
    }
    return render(request, "meetings/plans.html", context, status=400 if form.errors else 200)


@dataclass(frozen=True)
class ElementRow:
    element: ActionPlanElement
    status: str
    form: ElementForm | None


@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    day = today()
    found = get_object_or_404(ActionPlan, pk=pk)
    access = require_committee(request.user, found.committee_id, day)
    form = ElementForm()
    if request.method == "POST":
        secretary_only(access)
        form = ElementForm(request.POST)
        if form.is_valid():
            number = (found.elements.aggregate(n=Max("number"))["n"] or 0) + 1
            ActionPlanElement.objects.create(
                plan=found, number=number, updated_on=day, **form.cleaned_data
            )
            messages.success(request, _("The element is added."))
            return redirect("meetings:plan", pk=pk)
    elements = list(found.elements.all())
    rows = [
        ElementRow(
            e,
            label(ACTION_STATUS, e.status),
            ElementForm(
                prefix=f"e{e.pk}",
                initial={
                    f: getattr(e, f) for f in ("title", "owner", "due", "status", "status_note")
                },
            )
            if access.prepares
            else None,
        )
        for e in elements
    ]
    summary = plan_status.status_text(
        found.title,
        [
            plan_status.Element(e.number, e.title, e.owner, e.due, e.status, e.status_note)
            for e in elements
        ],
        day,
    )
    context = {
        "access": access,
        "plan": found,
        "rows": rows,
        "summary": summary.splitlines(),
        "form": form if access.prepares else None,
    }
    return render(request, "meetings/plan.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def element(request: HttpRequest, pk: int) -> HttpResponse:
    day = today()
    found = get_object_or_404(ActionPlanElement.objects.select_related("plan"), pk=pk)
    access = require_committee(request.user, found.plan.committee_id, day)
    secretary_only(access)
    form = ElementForm(request.POST, prefix=f"e{pk}")
    if form.is_valid():
        for field, value in form.cleaned_data.items():
            setattr(found, field, value)
        found.updated_on = day
        found.save()
        messages.success(request, _("The element is saved."))
    else:
        messages.error(request, _("The element was not saved: a title is needed."))
    return redirect("meetings:plan", pk=found.plan_id)
