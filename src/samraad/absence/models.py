"""Absence records (spec/data-format.md)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from samraad.labels import model_choices
from samraad.people.models import Employee
from samraad.vocabulary import CAUSE

CAUSES = model_choices(CAUSE)


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
