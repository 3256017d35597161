"""Who manages committees and their members (asked of the permission layer's scope).

- Central HR creates and changes any committee and its members: they run the MED
  structure for the municipality.
- A committee's secretary keeps its member list, creates its working groups and keeps
  theirs: they prepare the meetings and know who sits.
- Administrators manage users, not committees: a seat with a login opens the
  committee's figures, and giving access stays with HR and the committees (the same
  separation as person-level roles, docs/privacy.md).
Every change of a seat with a login is in the audit log (audit/roles.py).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from samraad.accounts.permissions import Scope, User, scope_for
from samraad.committees.models import Committee
from samraad.vocabulary import CommitteeRole


def secretary_of(scope: Scope, committee: Committee) -> bool:
    """The committee's secretary, or the secretary of the committee it is a group of."""
    codes = {committee.code, *([committee.parent_id] if committee.parent_id else [])}
    return any(s.committee in codes and s.role == CommitteeRole.SECRETARY for s in scope.seats)


def manages(scope: Scope, committee: Committee) -> bool:
    return scope.central_hr or secretary_of(scope, committee)


def require_manager(user: User, code: str, today: dt.date) -> tuple[Committee, Scope]:
    """404 for a committee the user neither manages nor sits on; 403 for a seat that
    does not manage it."""
    scope = scope_for(user, today)
    committee = get_object_or_404(Committee.objects.select_related("parent"), code=code)
    if manages(scope, committee):
        return committee, scope
    if scope.seat(code) is None:
        raise Http404("no such committee among yours")
    raise PermissionDenied("only central HR and the committee's secretary manage its members")


def visible_committees(scope: Scope) -> list[Committee]:
    """Every committee for central HR; otherwise those the user sits on, with the
    working groups of those they are the secretary of."""
    everything = Committee.objects.select_related("parent", "unit")
    if scope.central_hr:
        return list(everything)
    seated = set(scope.committees)
    return [c for c in everything if c.code in seated or (c.parent_id and secretary_of(scope, c))]


def may_open_committees(scope: Scope) -> bool:
    """The menu's "Udvalg": for those with a seat and for central HR."""
    return scope.central_hr or bool(scope.seats)
