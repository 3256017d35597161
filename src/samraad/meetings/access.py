"""What a user may do in a committee's work, asked of the one permission layer
(accounts.permissions.require_seat): the seat's role decides.

| role | reads | closed items | prepares the papers | signs off | written procedure |
|---|---|---|---|---|---|
| secretary | yes | yes | yes | – | – |
| chair, vice-chair | yes | yes | – | yes | yes |
| member | yes | yes | – | – | yes |
| guest | open items | – | – | – | – |

A seat is on one committee: a HovedMED member sees nothing of another committee (404,
as for a committee that does not exist), a working group's members only the group's.
Without a seat (central HR, administrators) the committees' papers are not shown; the
public pages show approved minutes without closed items to everyone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from samraad.accounts.permissions import Seat, User, require_seat
from samraad.committees.models import Committee
from samraad.vocabulary import CommitteeRole

PREPARES = (CommitteeRole.SECRETARY,)
SIGNS = (CommitteeRole.CHAIR, CommitteeRole.VICE_CHAIR)
VOTES = (CommitteeRole.CHAIR, CommitteeRole.VICE_CHAIR, CommitteeRole.MEMBER)
SEES_CLOSED = (*PREPARES, *VOTES)


@dataclass(frozen=True)
class CommitteeAccess:
    committee: Committee
    seat: Seat

    @property
    def prepares(self) -> bool:
        return self.seat.role in PREPARES

    @property
    def signs(self) -> bool:
        return self.seat.role in SIGNS

    @property
    def votes(self) -> bool:
        return self.seat.role in VOTES

    @property
    def sees_closed(self) -> bool:
        return self.seat.role in SEES_CLOSED


def require_committee(user: User, code: str, today: dt.date) -> CommitteeAccess:
    """The user's access to the committee's work: 404 without a seat on it."""
    seat = require_seat(user, code, today)
    return CommitteeAccess(get_object_or_404(Committee, code=code), seat)


def require_secretary(user: User, code: str, today: dt.date) -> CommitteeAccess:
    access = require_committee(user, code, today)
    if not access.prepares:
        raise PermissionDenied("only the committee's secretary prepares its papers")
    return access


def require_signer(user: User, code: str, today: dt.date) -> CommitteeAccess:
    access = require_committee(user, code, today)
    if not access.signs:
        raise PermissionDenied("only the chair or vice-chair signs off the minutes")
    return access


# Committees whose approved minutes are published (working groups report to their
# committee; their papers are not published).
PUBLISHED_LEVELS = ("central", "main", "local")


def published_committee(code: str) -> Committee:
    """A committee whose minutes the public pages show: 404 for a working group."""
    return get_object_or_404(Committee, code=code, level__in=PUBLISHED_LEVELS)
