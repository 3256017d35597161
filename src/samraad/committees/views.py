"""Committees and their members: the tree (CSO → HovedMED → local MED, working groups),
creating and changing committees, and the member list over time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad.accounts.permissions import scope_for
from samraad.audit.log import record
from samraad.clock import today
from samraad.committees.forms import ChangeForm, CommitteeForm, MemberForm, member_initial
from samraad.committees.management import (
    manages,
    may_open_committees,
    require_manager,
    secretary_of,
    visible_committees,
)
from samraad.committees.models import Committee, Member
from samraad.labels import label
from samraad.vocabulary import COMMITTEE_LEVEL, COMMITTEE_ROLE, SIDE


@dataclass(frozen=True)
class CommitteeRow:
    committee: Committee
    depth: int
    level: str
    role: str  # the user's role on it, or ""
    seated: bool
    manages: bool


def _tree(committees: list[Committee]) -> list[tuple[Committee, int]]:
    """Depth-first, each committee under its parent when the parent is listed too."""
    codes = {c.code for c in committees}
    children: dict[str | None, list[Committee]] = {}
    for c in committees:
        parent = c.parent_id if c.parent_id in codes else None
        children.setdefault(parent, []).append(c)
    ordered: list[tuple[Committee, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for c in sorted(
            children.get(parent, []), key=lambda c: (COMMITTEE_LEVEL.codes.index(c.level), c.code)
        ):
            ordered.append((c, depth))
            walk(c.code, depth + 1)

    walk(None, 0)
    return ordered


@login_required
def committees(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user, today())
    if not may_open_committees(scope):
        raise PermissionDenied("committees are for their members and central HR")
    rows = []
    for committee, depth in _tree(visible_committees(scope)):
        seat = scope.seat(committee.code)
        rows.append(
            CommitteeRow(
                committee,
                depth,
                label(COMMITTEE_LEVEL, committee.level),
                label(COMMITTEE_ROLE, seat.role) if seat else "",
                seat is not None,
                manages(scope, committee),
            )
        )
    context = {"rows": rows, "can_create": scope.central_hr}
    return render(request, "committees/list.html", context)


@login_required
def create(request: HttpRequest) -> HttpResponse:
    """Central HR creates any committee; a secretary a working group under their own
    (`?parent=CODE`)."""
    scope = scope_for(request.user, today())
    parent_code = request.GET.get("parent", "")
    fixed_parent = None
    if not scope.central_hr:
        parent = get_object_or_404(Committee, code=parent_code) if parent_code else None
        if parent is None or not secretary_of(scope, parent):
            raise PermissionDenied(
                "only central HR and a secretary (working groups) create committees"
            )
        fixed_parent = parent
    form = CommitteeForm(request.POST or None, fixed_parent=fixed_parent)
    if request.method == "POST" and form.is_valid():
        created = form.save()
        messages.success(request, _("The committee is created."))
        return redirect("committees:members", code=created.code)
    status = 400 if form.errors else 200
    return render(request, "committees/form.html", {"form": form, "committee": None}, status=status)


@login_required
def edit(request: HttpRequest, code: str) -> HttpResponse:
    committee, scope = require_manager(request.user, code, today())
    fixed = (
        committee.parent if not scope.central_hr and committee.level == "working_group" else None
    )
    form = CommitteeForm(request.POST or None, instance=committee, fixed_parent=fixed)
    if not scope.central_hr:  # a secretary changes the name and the mandate
        for name in ("level", "parent", "unit"):
            form.fields[name].disabled = True
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The committee is saved."))
        return redirect("committees:members", code=code)
    status = 400 if form.errors else 200
    context = {"form": form, "committee": committee}
    return render(request, "committees/form.html", context, status=status)


@dataclass(frozen=True)
class MemberRow:
    member: Member
    side: str
    role: str
    change: ChangeForm


@login_required
def members(request: HttpRequest, code: str) -> HttpResponse:
    day = today()
    committee, scope = require_manager(request.user, code, day)
    form = MemberForm(request.POST or None, initial={"valid_from": day})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        Member.objects.create(
            committee=committee,
            name=data["name"],
            side=data["side"],
            role=data["role"],
            organisation=data["organisation"],
            valid_from=data["valid_from"],
            valid_to=data["valid_to"],
            user=data["username"],
        )
        messages.success(request, _("The member is added."))
        return redirect("committees:members", code=code)
    rows = [
        MemberRow(
            m,
            label(SIDE, m.side),
            label(COMMITTEE_ROLE, m.role),
            ChangeForm(prefix=f"m{m.pk}", initial={**member_initial(m), "on": day}),
        )
        for m in committee.members.select_related("user").order_by("-valid_from", "name")
    ]
    current = [r for r in rows if r.member.valid_to is None or r.member.valid_to >= day]
    earlier = [r for r in rows if r.member.valid_to is not None and r.member.valid_to < day]
    # Names, organisations and logins of persons: recorded like other personal data.
    record(request, scope, "committees:members", unit_id=committee.scope_unit_id() or "")
    context = {
        "committee": committee,
        "current": current,
        "earlier": earlier,
        "form": form,
        "groups": list(committee.children.all()),
        "can_add_group": committee.level != "working_group" and secretary_of(scope, committee),
    }
    return render(request, "committees/members.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def change(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    committee, _scope = require_manager(request.user, code, today())
    member = get_object_or_404(Member, committee=committee, pk=pk)
    form = ChangeForm(request.POST, prefix=f"m{pk}")
    if not form.is_valid():
        messages.error(request, _("Give the day the change takes effect."))
    elif form.cleaned_data["on"] <= member.valid_from:
        messages.error(request, _("The change must be after the seat began."))
    else:
        change_seat(member, form.cleaned_data)
        messages.success(request, _("The seat is changed from that day; the earlier one is kept."))
    return redirect("committees:members", code=code)


@transaction.atomic
def change_seat(member: Member, data: dict[str, Any]) -> Member | None:
    """End the seat the day before `on`; unless it simply ends, a new seat starts then
    with the new side, role and organisation (and the same login)."""
    on: dt.date = data["on"]
    ends = member.valid_to
    member.valid_to = on - dt.timedelta(days=1)
    member.save(update_fields=["valid_to"])
    if data.get("end"):
        return None
    return Member.objects.create(
        committee=member.committee,
        name=member.name,
        user=member.user,
        side=data["side"],
        role=data["role"],
        organisation=data.get("organisation") or "",
        valid_from=on,
        valid_to=ends if ends is None or ends >= on else None,
    )
