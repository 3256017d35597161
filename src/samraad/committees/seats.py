"""Committee seats as the permission layer sees them (accounts.permissions.Seat)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import Q

from samraad.accounts.permissions import Seat
from samraad.committees.models import Member


def seats_of(user_id: int, today: dt.date) -> Iterator[Seat]:
    """The user's seats on the day: one per committee they are a member of then."""
    members = (
        Member.objects.filter(user_id=user_id, valid_from__lte=today)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .select_related("committee", "committee__parent")
    )
    for member in members:
        unit = member.committee.scope_unit_id()
        yield Seat(
            committee=member.committee_id,
            side=member.side,
            role=member.role,
            units=frozenset({unit} if unit else ()),
        )
