"""The MED committees (CSO → HovedMED per administration → local MED), their working
groups, and who sits on them when.

Membership is a period: a member who leaves gets a `valid_to`, a new term is a new row,
so the minutes of an earlier meeting still name who sat then. A member with a login
(`user`) gets the committee's scope in the permission layer (accounts.permissions):
aggregates of the committee's part of the organisation, its closed items, and what
their committee role allows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from samraad.labels import model_choices
from samraad.vocabulary import COMMITTEE_LEVEL, COMMITTEE_ROLE, SIDE

LEVELS = model_choices(COMMITTEE_LEVEL)
SIDES = model_choices(SIDE)
ROLES = model_choices(COMMITTEE_ROLE)


class Committee(models.Model):
    code = models.CharField(primary_key=True, max_length=64)  # e.g. CSO, HMED-BUF
    name = models.CharField(max_length=200)
    level = models.CharField(max_length=16, choices=LEVELS)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # The part of the organisation the committee covers (the root for CSO, an
    # administration for its HovedMED). A working group covers its committee's.
    unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mandate = models.TextField(blank=True, default="")  # working groups: what they are to do

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=[c for c, _ in LEVELS]), name="committee_level"
            ),
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | Q(parent__isnull=False),
                name="committee_has_scope",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def scope_unit_id(self) -> str | None:
        """The unit the committee covers, a working group's from its committee."""
        committee: Committee | None = self
        while committee is not None:
            if committee.unit_id:
                return committee.unit_id
            committee = committee.parent
        return None


class Member(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200)  # as the minutes write it
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="committee_seats",
    )
    side = models.CharField(max_length=16, choices=SIDES)
    role = models.CharField(max_length=16, choices=ROLES, default="member")
    organisation = models.CharField(max_length=100, blank=True, default="")  # FOA, HK, ledelsen
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["committee_id", "valid_from", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(side__in=[c for c, _ in SIDES]), name="member_side"),
            models.CheckConstraint(condition=Q(role__in=[c for c, _ in ROLES]), name="member_role"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="member_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.committee_id})"
