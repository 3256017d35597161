"""Who may see what: a user's roles, each with its scope in the organisation tree.

A role assignment names a role and where it applies. The scope of a manager is not
stored here: it follows the person's rows in org.Manager (managers.csv), so that a
new manager sees their units from the day the payroll export says so.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samraad.vocabulary import Role

# Roles given by an assignment here; the committee role comes from committee seats.
ASSIGNED_ROLES = (Role.MANAGER, Role.HR_PARTNER, Role.CENTRAL_HR, Role.ADMINISTRATOR)
# Roles that may see named persons, their absence records, alerts and conversations.
PERSON_LEVEL_ROLES = frozenset({Role.MANAGER, Role.HR_PARTNER, Role.CENTRAL_HR})


class RoleStatus(models.TextChoices):
    """A person-level role given in the admin waits for central HR (accounts/approval.py)."""

    ACTIVE = "active", _("Active")
    PENDING = "pending", _("Awaiting approval")


class RoleSource(models.TextChoices):
    APP = "app", _("Given in Samråd")
    IDP = "idp", _("From the identity provider's groups")


class RoleAssignmentQuerySet(models.QuerySet["RoleAssignment"]):
    def active(self) -> RoleAssignmentQuerySet:
        return self.filter(status=RoleStatus.ACTIVE)


class RoleAssignment(models.Model):
    """One role of one user.

    - manager: `employee` is the manager's own employee key; their units are those
      org.Manager gives that person on the day asked, and everything below them.
    - HR partner: `unit` is an administration (one row per administration).
    - committee member: not assigned here; a seat on a committee (committees.Member)
      gives the committee's scope.
    - central HR, administrator: the whole municipality; no unit.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(max_length=16, choices=[(r.value, r.value) for r in ASSIGNED_ROLES])
    employee = models.ForeignKey(
        "people.Employee", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Only active assignments count. Who asked for a pending one, and who approved it.
    status = models.CharField(
        max_length=8, choices=RoleStatus.choices, default=RoleStatus.ACTIVE, db_default="active"
    )
    source = models.CharField(
        max_length=4, choices=RoleSource.choices, default=RoleSource.APP, db_default="app"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["user_id", "role", "unit_id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in ASSIGNED_ROLES]), name="role_assignment_role"
            ),
            models.CheckConstraint(
                condition=~Q(role="manager") | Q(employee__isnull=False),
                name="role_assignment_manager_has_employee",
            ),
            models.CheckConstraint(
                condition=~Q(role="hr_partner") | Q(unit__isnull=False),
                name="role_assignment_scope_has_unit",
            ),
        ]

    def __str__(self) -> str:
        where = self.unit_id or self.employee_id or "all"
        return f"{self.user_id}: {self.role} ({where})"

    @property
    def person_level(self) -> bool:
        return self.role in PERSON_LEVEL_ROLES

    def describe(self) -> str:
        """The role and where it applies, e.g. "hr_partner BUF", "manager M-SOL"."""
        return " ".join(part for part in (self.role, self.unit_id, self.employee_id) if part)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the read API. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user_id", "created_at"]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.name}"
