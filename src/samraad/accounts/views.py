"""A user's API tokens: created here (shown once, stored as a hash), listed with their
expiry, and revoked here; central HR's approval of the person-level roles an
administrator gave."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samraad import labels
from samraad.accounts import approval
from samraad.accounts.models import ApiToken, RoleAssignment
from samraad.accounts.permissions import require_role
from samraad.accounts.tokens import create_token, expires_at, revoke
from samraad.clock import today
from samraad.vocabulary import ROLES, Role


@dataclass(frozen=True)
class TokenRow:
    id: int
    name: str
    created_at: dt.datetime
    expires_at: dt.datetime
    expired: bool


@dataclass(frozen=True)
class TokenPage:
    created: str
    tokens: list[TokenRow]
    lifetime_days: int


def _rows(tokens: list[ApiToken]) -> list[TokenRow]:
    now = timezone.now()
    return [
        TokenRow(t.pk, t.name, t.created_at, expires_at(t), expires_at(t) <= now) for t in tokens
    ]


@login_required
def token(request: HttpRequest) -> HttpResponse:
    created = ""
    if request.method == "POST" and "revoke" in request.POST:
        token_id = request.POST["revoke"]
        if token_id.isdigit() and revoke(request.user, int(token_id)):  # type: ignore[arg-type]
            messages.success(request, _("The token is revoked: it no longer works."))
        return redirect("accounts:token")
    if request.method == "POST":
        created = create_token(request.user, "web")  # type: ignore[arg-type]
    tokens = _rows(list(request.user.api_tokens.all()))  # type: ignore[union-attr]
    page = TokenPage(created, tokens, settings.SAMRAAD_API_TOKEN_DAYS)
    return render(request, "accounts/token.html", {"page": page})


@dataclass(frozen=True)
class PendingRole:
    id: int
    username: str
    role: str
    where: str
    requested_by: str
    requested_at: str
    decidable: bool  # not the approver's own role, nor one they asked for


def _row(assignment: RoleAssignment, approver_id: int) -> PendingRole:
    return PendingRole(
        id=assignment.pk,
        username=assignment.user.username,
        role=labels.label(ROLES, assignment.role),
        where=assignment.unit_id or assignment.employee_id or "",
        requested_by=assignment.requested_by.username if assignment.requested_by else "",
        requested_at=f"{assignment.requested_at:%d.%m.%Y %H:%M}" if assignment.requested_at else "",
        decidable=approver_id not in (assignment.user_id, assignment.requested_by_id),
    )


@login_required
def pending_roles(request: HttpRequest) -> HttpResponse:
    require_role(request.user, today(), Role.CENTRAL_HR)
    rows = [_row(a, request.user.pk) for a in approval.pending()]  # type: ignore[arg-type]
    return render(request, "accounts/pending_roles.html", {"rows": rows})


@login_required
@require_POST
def decide_role(request: HttpRequest, assignment_id: int) -> HttpResponse:
    require_role(request.user, today(), Role.CENTRAL_HR)
    decide = approval.approve if request.POST.get("decision") == "approve" else approval.reject
    try:
        decide(assignment_id, request.user, today())  # type: ignore[arg-type]
    except RoleAssignment.DoesNotExist:
        raise Http404("no such pending role") from None
    except approval.ApprovalRefused:
        messages.error(request, _("You cannot decide on your own role or on one you asked for."))
    else:
        done = _("Approved.") if decide is approval.approve else _("Rejected.")
        messages.success(request, done)
    return redirect("accounts:pending_roles")
