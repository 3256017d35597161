"""Central HR approves the person-level roles an administrator gave (accounts/admin.py).

The second person: an approver holds central HR today, and is neither the user the
role is for nor the one who asked for it. Approving makes the role count; rejecting
removes it. Both reach the audit log through the model's signals (audit/roles.py).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet

from samraad.accounts.models import RoleAssignment, RoleStatus
from samraad.accounts.permissions import scope_for


class ApprovalRefused(Exception):
    """The user may not decide on this role; the message says why."""


def pending() -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(status=RoleStatus.PENDING).select_related(
        "user", "requested_by"
    )


def _locked(assignment_id: int) -> RoleAssignment:
    """The pending row, locked until the decision is stored (two approvers at once)."""
    rows = RoleAssignment.objects.select_for_update().filter(status=RoleStatus.PENDING)
    return rows.get(pk=assignment_id)


def _check(assignment: RoleAssignment, approver: AbstractBaseUser, today: dt.date) -> None:
    if not scope_for(approver, today).central_hr:
        raise ApprovalRefused("only central HR approves roles")
    if assignment.user_id == approver.pk:
        raise ApprovalRefused("nobody approves their own role")
    if assignment.requested_by_id == approver.pk:
        raise ApprovalRefused("nobody approves a role they asked for")


@transaction.atomic
def approve(assignment_id: int, approver: AbstractBaseUser, today: dt.date) -> RoleAssignment:
    assignment = _locked(assignment_id)
    _check(assignment, approver, today)
    assignment.status = RoleStatus.ACTIVE
    assignment.approved_by_id = approver.pk
    assignment.save(update_fields=["status", "approved_by"])
    return assignment


@transaction.atomic
def reject(assignment_id: int, approver: AbstractBaseUser, today: dt.date) -> None:
    assignment = _locked(assignment_id)
    _check(assignment, approver, today)
    assignment.delete()
