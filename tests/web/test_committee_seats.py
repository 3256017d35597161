"""A seat on a committee is the second kind of scope: the committee's units as
aggregates, for as long as the seat lasts, and the seat's role for the committee's work."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client

from samraad.accounts.permissions import Access, require_seat, scope_for, unit_access
from samraad.committees.models import Committee, Member
from samraad.org.tree import tree_on
from samraad.vocabulary import CommitteeRole, Role
from tests.web.world import TODAY, World


def test_a_seat_gives_the_committees_units_as_aggregates(world: World) -> None:
    scope = scope_for(world.henrik, TODAY)
    tree = tree_on(TODAY)
    assert scope.committees == ("HMED-BUF",)
    assert Role.COMMITTEE in scope.roles
    assert not scope.person_level
    assert unit_access(scope, "SOL", tree) is Access.AGGREGATE  # below BUF
    assert unit_access(scope, "BIB", tree) is None  # KFF's


def test_a_seat_that_ended_gives_nothing(client: Client, world: World) -> None:
    Member.objects.filter(user=world.henrik).update(valid_to=TODAY - dt.timedelta(days=1))
    scope = scope_for(world.henrik, TODAY)
    assert scope.seats == () and Role.COMMITTEE not in scope.roles
    client.force_login(world.henrik)
    assert client.get("/units/SOL/").status_code == 403


def test_two_seats_open_both_committees(world: World) -> None:
    kff = Committee.objects.create(code="HMED-KFF", name="HMED KFF", level="main", unit_id="KFF")
    Member.objects.create(
        committee=kff, name="Henrik", user=world.henrik, side="employee", valid_from=TODAY
    )
    scope = scope_for(world.henrik, TODAY)
    assert scope.committees == ("HMED-BUF", "HMED-KFF")
    assert unit_access(scope, "BIB", tree_on(TODAY)) is Access.AGGREGATE


def test_a_working_group_covers_its_committees_units(world: World) -> None:
    group = Committee.objects.create(
        code="TG-SYG", name="Temagruppe", level="working_group", parent_id="HMED-BUF"
    )
    Member.objects.create(
        committee=group, name="Hanna", user=world.hanna, side="management", valid_from=TODAY
    )
    assert scope_for(world.hanna, TODAY).seat("TG-SYG").units == frozenset({"BUF"})  # type: ignore[union-attr]


def test_require_seat_checks_the_committee_and_the_role(world: World) -> None:
    assert require_seat(world.henrik, "HMED-BUF", TODAY).role == CommitteeRole.MEMBER
    with pytest.raises(Http404):
        require_seat(world.henrik, "CSO", TODAY)
    with pytest.raises(PermissionDenied):
        require_seat(world.henrik, "HMED-BUF", TODAY, CommitteeRole.SECRETARY)
    seat = Member.objects.get(user=world.henrik)
    seat.role = CommitteeRole.SECRETARY
    seat.save()  # through the app, which moves the access counter (test_scopes_kept.py)
    again = User.objects.get(pk=world.henrik.pk)
    seat = require_seat(again, "HMED-BUF", TODAY, CommitteeRole.SECRETARY)
    assert seat.side == "employee"
