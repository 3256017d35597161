"""Recording a view or export of person-level data, before the response goes out."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from samraad.accounts.permissions import Scope
from samraad.audit.models import Action, AuditEntry


def record(
    request: HttpRequest,
    scope: Scope,
    page: str,
    *,
    action: Action = Action.VIEW,
    unit_id: str = "",
    employee_id: str = "",
    subjects: Iterable[str] = (),
    detail: str = "",
) -> AuditEntry:
    """Write one entry; a failure here fails the request, so nothing is shown unlogged."""
    user = request.user
    return AuditEntry.objects.create(
        user_id=user.pk,
        username=user.get_username() if user.is_authenticated else "",
        roles=scope.describe(),
        action=action,
        page=page,
        path=request.get_full_path()[:500],
        unit_id=unit_id,
        employee_id=employee_id,
        subjects=" ".join(sorted(set(subjects))),
        detail=detail,  # what a change changed (a target: before and after)
    )
