"""What every page of a committee's work starts with: the object, the user's access to
its committee (404 without a seat), closed items hidden from those who may not see them,
and the audit entry when a page shows closed items."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from samraad.accounts.permissions import scope_for
from samraad.audit.log import record
from samraad.audit.models import Action
from samraad.clock import today
from samraad.meetings.access import CommitteeAccess, require_committee
from samraad.meetings.models import AgendaItem, Meeting


def meeting_for(request: HttpRequest, pk: int) -> tuple[Meeting, CommitteeAccess]:
    meeting = get_object_or_404(Meeting.objects.select_related("series__committee"), pk=pk)
    return meeting, require_committee(request.user, meeting.committee_id, today())


def item_for(request: HttpRequest, pk: int) -> tuple[AgendaItem, CommitteeAccess]:
    """The item; a closed item answers 404 to a seat that may not see it (a guest)."""
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__series__committee"), pk=pk)
    access = require_committee(request.user, item.meeting.committee_id, today())
    if item.closed and not access.sees_closed:
        raise Http404("no such item")
    return item, access


def secretary_only(access: CommitteeAccess) -> None:
    if not access.prepares:
        raise PermissionDenied("only the committee's secretary prepares its papers")


def audit_closed(
    request: HttpRequest, page: str, access: CommitteeAccess, *, export: bool = False
) -> None:
    """Closed items are often about named employees: a page or file showing them is
    recorded, as person-level views are (docs/privacy.md)."""
    record(
        request,
        scope_for(request.user, today()),
        page,
        action=Action.EXPORT if export else Action.VIEW,
        unit_id=access.committee.scope_unit_id() or "",
    )


def signed_in(request: HttpRequest) -> User:
    """The signed-in user of a view behind login_required."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("sign in first")
    return user
