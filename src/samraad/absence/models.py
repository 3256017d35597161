"""Absence records and the conversations held about them (spec/data-format.md)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from samraad.people.models import Employee
from samraad.stats import dataset as stats_dataset

CAUSES = [(cause, cause) for cause in stats_dataset.CAUSES]
CONVERSATION_KINDS = [
    ("absence_conversation", "absence_conversation"),
    ("retention_conversation", "retention_conversation"),
    ("retention_plan", "retention_plan"),
    ("chronic_illness_agreement", "chronic_illness_agreement"),
    ("other", "other"),
]


class Absence(models.Model):
    """One absence record: calendar days start..end inclusive, open-ended while still absent.

    Two records of one employee never overlap; the import checks that.
    """

    absence_id = models.CharField(primary_key=True, max_length=64)
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="absences")
    cause = models.CharField(max_length=32, choices=CAUSES)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    # Fraction of planned working time absent: partial sick leave is e.g. 0.5.
    degree = models.DecimalField(max_digits=5, decimal_places=4, default=1)

    class Meta:
        ordering = ["employee_id", "start_date"]
        indexes = [models.Index(fields=["employee", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(cause__in=[c for c, _ in CAUSES]), name="absence_cause"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="absence_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(degree__gt=0) & Q(degree__lte=1), name="absence_degree_range"
            ),
        ]

    def __str__(self) -> str:
        return self.absence_id


class Conversation(models.Model):
    """A conversation held with an employee about absence; its note never holds health details."""

    conversation_id = models.CharField(primary_key=True, max_length=64)
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="conversations")
    held_on = models.DateField()
    kind = models.CharField(max_length=32, choices=CONVERSATION_KINDS)
    # What the self-service form records besides; an import leaves them at their defaults.
    companion = models.BooleanField(default=False, db_default=False)  # a bisidder took part
    follow_up_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True, default="", db_default="")  # what was agreed, no health

    class Meta:
        ordering = ["employee_id", "held_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[k for k, _ in CONVERSATION_KINDS]),
                name="conversation_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.conversation_id
