"""The one permission layer: every page, export and API call asks here, never a template.

- Central HR sees everything, persons included.
- A manager sees the units org.Manager gives them on the day, and everything below.
- An HR partner sees their administrations and everything below.
- A committee member sees aggregates only, for the scope of the committees they have a
  seat on (committees.Member, read through the seat sources the committees app
  registers); every cell covers at least MIN_CELL employees (samraad.disclosure). What
  they may do in the committee's own work follows the seat's role (chair, secretary …).
- An administrator manages users, imports and rule sets, and sees no statistics.

Two kinds of scope, then: units (managers, HR) and committees (members, secretaries).

Units are matched in the tree as it is on the day asked (the current structure), so a
unit that moved is seen by the people of the administration it belongs to now.
Unknown units answer 404; known units outside the scope answer 403. Unknown persons
and persons outside the scope both answer 404, so a guessed key reveals nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from samraad.accounts.models import PERSON_LEVEL_ROLES, RoleAssignment
from samraad.frames import cache
from samraad.org.models import Manager
from samraad.org.tree import OrgTree, tree_on
from samraad.people.models import Employment
from samraad.vocabulary import CommitteeRole, Role

# How far back a person's employment in the scope keeps them visible: the pages look
# at the last 12 months.
PERSON_WINDOW_DAYS = 365

User = AbstractBaseUser | AnonymousUser


class Access(StrEnum):
    PERSON = "person"  # named persons, absence records, alerts and conversations
    AGGREGATE = "aggregate"  # figures only, small cells suppressed


@dataclass(frozen=True)
class Seat:
    """A seat on a committee on the day: its side and role, and the units it covers."""

    committee: str
    side: str
    role: CommitteeRole | str
    units: frozenset[str]


SeatSource = Callable[[int, dt.date], Iterable[Seat]]
_seat_sources: list[SeatSource] = []


def register_seat_source(source: SeatSource) -> None:
    """An app that gives committee seats (committees) registers how to read them."""
    if source not in _seat_sources:
        _seat_sources.append(source)


@dataclass(frozen=True)
class Scope:
    """What one user may see on one day."""

    user_id: int | None
    roles: frozenset[Role]
    everything: bool
    person_roots: frozenset[str]
    aggregate_roots: frozenset[str]
    seats: tuple[Seat, ...] = ()
    hr_roots: frozenset[str] = frozenset()  # the administrations of the HR partner roles

    @property
    def committees(self) -> tuple[str, ...]:
        return tuple(sorted({s.committee for s in self.seats}))

    def seat(self, committee: str) -> Seat | None:
        return next((s for s in self.seats if s.committee == committee), None)

    @property
    def person_level(self) -> bool:
        return bool(self.roles & PERSON_LEVEL_ROLES)

    @property
    def administrator(self) -> bool:
        return Role.ADMINISTRATOR in self.roles

    @property
    def central_hr(self) -> bool:
        return Role.CENTRAL_HR in self.roles

    @property
    def manager(self) -> bool:
        return Role.MANAGER in self.roles

    @property
    def sees_statistics(self) -> bool:
        return self.everything or bool(self.person_roots or self.aggregate_roots)

    def describe(self) -> str:
        return ",".join(sorted(self.roles))


NOBODY = Scope(None, frozenset(), False, frozenset(), frozenset())


def _managed_units(employee_id: str, today: dt.date) -> set[str]:
    rows = Manager.objects.filter(employee_id=employee_id, valid_from__lte=today).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    )
    return set(rows.values_list("unit_id", flat=True))


# Scopes read, per user and day, under the versions they were read under: a scope takes
# four queries, a fifth of an API answer's time. A role or seat changed through the app
# moves the "access" counter (frames), a manager's units the "data" one; this process
# sees it at once, the others at their next check (SAMRAAD_DATA_CHECK_SECONDS). Kept
# apart from frames.cache's results, whose few hundred places one per user would empty.
_scopes: dict[tuple[int, dt.date], tuple[tuple[object, ...], Scope]] = {}
SCOPES_KEPT = 10_000


def scope_for(user: User, today: dt.date) -> Scope:
    """The user's scope on the day (an inactive or signed-out user has none)."""
    if not user.is_authenticated or not user.is_active:
        return NOBODY
    key = (int(user.pk), today)
    versions = (cache.version("data"), cache.version("access"))
    found = _scopes.get(key)
    if found is not None and found[0] == versions:
        return found[1]
    scope = _read_scope(*key)
    if len(_scopes) >= SCOPES_KEPT:
        _scopes.clear()
    _scopes[key] = (versions, scope)
    return scope


def _read_scope(user_id: int, today: dt.date) -> Scope:
    roles: set[Role] = set()
    person: set[str] = set()
    hr: set[str] = set()
    for assignment in RoleAssignment.objects.active().filter(user_id=user_id):
        role = Role(assignment.role)
        roles.add(role)
        person |= _person_roots(assignment, today)
        if role == Role.HR_PARTNER and assignment.unit_id:
            hr.add(assignment.unit_id)
    seats = tuple(seat for source in _seat_sources for seat in source(user_id, today))
    if seats:
        roles.add(Role.COMMITTEE)
    return Scope(
        user_id=user_id,
        roles=frozenset(roles),
        everything=Role.CENTRAL_HR in roles,
        person_roots=frozenset(person),
        aggregate_roots=frozenset(unit for seat in seats for unit in seat.units),
        seats=tuple(sorted(seats, key=lambda s: s.committee)),
        hr_roots=frozenset(hr),
    )


def _person_roots(assignment: RoleAssignment, today: dt.date) -> set[str]:
    """The units whose persons the assignment opens (central HR: all, by `everything`)."""
    if assignment.role == Role.MANAGER and assignment.employee_id:
        return _managed_units(assignment.employee_id, today)
    if assignment.role == Role.HR_PARTNER and assignment.unit_id:
        return {assignment.unit_id}
    return set()


def unit_access(scope: Scope, unit_id: str, tree: OrgTree) -> Access | None:
    """The user's access to a unit, or None. Person-level access wins over aggregate."""
    if unit_id not in tree.units:
        return None
    if scope.everything:
        return Access.PERSON
    above = set(tree.path(unit_id))
    if above & scope.person_roots:
        return Access.PERSON
    if above & scope.aggregate_roots:
        return Access.AGGREGATE
    return None


def top_units(scope: Scope, tree: OrgTree) -> list[str]:
    """Where the user's view of the tree starts: the roots of their scope."""
    if scope.everything:
        return tree.roots()
    roots = (scope.person_roots | scope.aggregate_roots) & set(tree.units)
    # A root inside another of the user's roots adds nothing.
    return sorted(r for r in roots if not (set(tree.path(r)[:-1]) & roots))


def can_see_unit(user: User, unit_id: str, today: dt.date) -> bool:
    return unit_access(scope_for(user, today), unit_id, tree_on(today)) is not None


@dataclass(frozen=True)
class UnitGrant:
    unit_id: str
    access: Access
    scope: Scope
    tree: OrgTree

    @property
    def person_level(self) -> bool:
        return self.access is Access.PERSON

    @property
    def suppress_small(self) -> bool:
        return self.access is not Access.PERSON


def require_unit(user: User, unit_id: str, today: dt.date) -> UnitGrant:
    tree = tree_on(today)
    if unit_id not in tree.units:
        raise Http404("no such unit")
    scope = scope_for(user, today)
    access = unit_access(scope, unit_id, tree)
    if access is None:
        raise PermissionDenied("the unit is outside your scope")
    return UnitGrant(unit_id, access, scope, tree)


def require_person_level_unit(user: User, unit_id: str, today: dt.date) -> UnitGrant:
    grant = require_unit(user, unit_id, today)
    if not grant.person_level:
        raise PermissionDenied("person-level data is not available to your role")
    return grant


def person_units(employee_id: str, today: dt.date) -> set[str]:
    """The units the person was employed in during the window the pages look at."""
    since = today - dt.timedelta(days=PERSON_WINDOW_DAYS)
    rows = Employment.objects.filter(employee_id=employee_id, start_date__lte=today).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=since)
    )
    return set(rows.values_list("unit_id", flat=True))


def can_see_person(user: User, employee_id: str, today: dt.date) -> bool:
    scope = scope_for(user, today)
    if not scope.person_level:
        return False
    tree = tree_on(today)
    return any(
        unit_access(scope, unit, tree) is Access.PERSON for unit in person_units(employee_id, today)
    )


def require_person(user: User, employee_id: str, today: dt.date) -> Scope:
    """404 for an unknown person and for one outside the scope alike."""
    if not can_see_person(user, employee_id, today):
        raise Http404("no such person in your scope")
    return scope_for(user, today)


def hr_access(scope: Scope, unit_id: str, tree: OrgTree) -> bool:
    """Does the user hold the unit as HR: central HR, or an HR partner of a unit above it?"""
    if unit_id not in tree.units:
        return False
    return scope.everything or bool(set(tree.path(unit_id)) & scope.hr_roots)


def require_hr_unit(user: User, unit_id: str, today: dt.date) -> UnitGrant:
    """HR's own pages of a unit (targets, analyses): central HR anywhere, an HR partner
    in their administrations; 403 for everyone else who may see the unit."""
    grant = require_unit(user, unit_id, today)
    if not hr_access(grant.scope, unit_id, grant.tree):
        raise PermissionDenied("this page is for HR")
    return grant


def committee_access(scope: Scope, unit_id: str, tree: OrgTree) -> bool:
    """Does a committee seat of the user cover the unit (aggregates only)?"""
    return unit_id in tree.units and bool(set(tree.path(unit_id)) & scope.aggregate_roots)


def require_role(user: User, today: dt.date, *roles: Role) -> Scope:
    scope = scope_for(user, today)
    if not scope.roles & set(roles):
        raise PermissionDenied("your role does not give access to this page")
    return scope


def require_person_level(user: User, today: dt.date) -> Scope:
    """Managers, HR partners and central HR: the roles that see persons."""
    return require_role(user, today, *PERSON_LEVEL_ROLES)


def require_seat(user: User, committee: str, today: dt.date, *roles: CommitteeRole | str) -> Seat:
    """The user's seat on the committee (with one of `roles`, if given); 404 without a
    seat, so a committee's existence tells nothing; 403 for a seat without the role."""
    seat = scope_for(user, today).seat(committee)
    if seat is None:
        raise Http404("no such committee among yours")
    if roles and seat.role not in roles:
        raise PermissionDenied("your role on the committee does not allow this")
    return seat
