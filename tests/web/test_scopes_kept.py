"""A user's scope is read once and kept while roles, seats and managers stay as they
were; a change made through the app is seen by the next request of the same process
(other processes see it at their next check of the versions)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.accounts.models import RoleAssignment
from samraad.accounts.permissions import scope_for
from samraad.committees.models import Member
from samraad.frames import cache
from samraad.vocabulary import Role
from tests.web.world import World

DAY = dt.date(2025, 3, 1)


def fresh(user: Any) -> Any:
    """The user as the next request loads it."""
    return get_user_model().objects.get(pk=user.pk)


def kept(settings: SettingsWrapper) -> None:
    settings.SAMRAAD_DATA_CHECK_SECONDS = 3600  # only the app's own changes move them
    cache.invalidate()


def test_a_kept_scope_costs_no_query(world: World, settings: SettingsWrapper) -> None:
    kept(settings)
    first = scope_for(fresh(world.alice), DAY)
    with CaptureQueriesContext(connection) as queries:
        again = scope_for(fresh(world.alice), DAY)
    assert again == first and Role.MANAGER in again.roles
    assert len(queries) == 1  # the user itself; no role, seat or manager read


def test_a_revoked_role_is_seen_by_the_next_request(
    world: World, settings: SettingsWrapper
) -> None:
    kept(settings)
    assert scope_for(fresh(world.carl), DAY).everything
    assignment = RoleAssignment.objects.get(user=world.carl)
    assignment.delete()
    assert scope_for(fresh(world.carl), DAY).roles == frozenset()


def test_a_seat_ended_is_seen_by_the_next_request(world: World, settings: SettingsWrapper) -> None:
    kept(settings)
    assert scope_for(fresh(world.mette), DAY).aggregate_roots
    seat = Member.objects.get(user=world.mette)
    seat.valid_to = DAY - dt.timedelta(days=1)
    seat.save()
    after = scope_for(fresh(world.mette), DAY)
    assert not after.aggregate_roots and not after.seats
