"""The Samråd user behind verified ID token claims: found by (issuer, subject), else
linked to the user of the same user name (an administrator may create users ahead of
their first sign-in and give them roles in the app), else created without a password.

Roles: with SAMRAAD_OIDC_GROUP_ROLES set, the roles the groups give (signin/mapping.py)
replace, at each sign-in, the roles an earlier sign-in took from the groups; roles
given in the app are left as they are. The identity provider's group administration is
the second person here, so these roles count at once. Every change reaches the audit
log, by the identity provider's name (audit/roles.py).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from samraad.accounts.models import RoleAssignment, RoleSource, RoleStatus
from samraad.audit.actor import acting_as
from samraad.org.models import Unit
from samraad.people.models import Employee
from samraad.signin.mapping import Grant, grants_for, parse_group_roles
from samraad.signin.models import OidcIdentity

log = logging.getLogger(__name__)
PROFILE = {"email": "email", "given_name": "first_name", "family_name": "last_name"}


def user_for_claims(claims: dict[str, Any]) -> User | None:
    issuer = str(claims["iss"]).rstrip("/")
    with acting_as(f"identity provider {issuer}"), transaction.atomic():
        user = _linked_user(issuer, str(claims["sub"]), claims)
        if user is None:
            return None
        _update_profile(user, claims)
        mapping = parse_group_roles(settings.SAMRAAD_OIDC_GROUP_ROLES)
        if mapping:
            groups = claims.get(settings.SAMRAAD_OIDC_GROUPS_CLAIM) or []
            employee = str(claims.get(settings.SAMRAAD_OIDC_EMPLOYEE_CLAIM, "") or "")
            sync_roles(user, grants_for([str(g) for g in groups], mapping, employee))
        return user


def _linked_user(issuer: str, subject: str, claims: dict[str, Any]) -> User | None:
    identity = OidcIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject)
    found = identity.first()
    if found is not None:
        found.last_seen = timezone.now()
        found.save(update_fields=["last_seen"])
        return found.user
    username = str(claims.get(settings.SAMRAAD_OIDC_USERNAME_CLAIM, "") or "")[:150]
    if not username:
        log.warning(
            "OIDC sign-in refused: the token has no %s", settings.SAMRAAD_OIDC_USERNAME_CLAIM
        )
        return None
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username)
        user.set_unusable_password()
        user.save()
    elif OidcIdentity.objects.filter(user=user, issuer=issuer).exists():
        # The user name is someone else's at this provider: never take an account over.
        log.warning("OIDC sign-in refused: %s is linked to another subject", username)
        return None
    OidcIdentity.objects.create(user=user, issuer=issuer, subject=subject)
    return user


def _update_profile(user: User, claims: dict[str, Any]) -> None:
    values = {
        field: str(claims[claim])[:150] for claim, field in PROFILE.items() if claim in claims
    }
    changed = [field for field, value in values.items() if getattr(user, field) != value]
    for field in changed:
        setattr(user, field, values[field])
    if changed:
        user.save(update_fields=changed)


def _key(assignment: RoleAssignment) -> Grant:
    return Grant(assignment.role, assignment.unit_id or "", assignment.employee_id or "")  # type: ignore[arg-type]


def sync_roles(user: User, grants: set[Grant]) -> None:
    units = set(
        Unit.objects.filter(unit_id__in={g.unit for g in grants}).values_list("pk", flat=True)
    )
    people = set(
        Employee.objects.filter(employee_id__in={g.employee for g in grants}).values_list(
            "pk", flat=True
        )
    )
    known = {
        g
        for g in grants
        if (not g.unit or g.unit in units) and (not g.employee or g.employee in people)
    }
    for grant in sorted(grants - known):
        log.warning("OIDC role %s for %s skipped: no such unit or employee", grant, user.username)
    held = RoleAssignment.objects.filter(user=user, source=RoleSource.IDP)
    for assignment in held:
        if _key(assignment) not in known:
            assignment.delete()
    have = {_key(a) for a in held}
    for grant in sorted(known - have):
        RoleAssignment.objects.create(
            user=user,
            role=grant.role,
            unit_id=grant.unit or None,
            employee_id=grant.employee or None,
            status=RoleStatus.ACTIVE,
            source=RoleSource.IDP,
        )
