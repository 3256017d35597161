"""Employees (pseudonymous) and their employments (spec/data-format.md)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from samraad.labels import model_choices
from samraad.org.models import Unit
from samraad.vocabulary import END_REASON

GENDERS = [("F", "F"), ("M", "M")]
END_REASONS = model_choices(END_REASON)


class Employee(models.Model):
    """A person, by a pseudonymous key from payroll. Never a CPR number: the import refuses one."""

    employee_id = models.CharField(primary_key=True, max_length=64)
    birth_date = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=1, blank=True, default="", choices=GENDERS)
    # Optional (employees.csv `name`, our extension of the format); person-level data.
    name = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["employee_id"]
        constraints = [
            models.CheckConstraint(condition=Q(gender__in=["", "F", "M"]), name="employee_gender"),
        ]

    def __str__(self) -> str:
        return self.employee_id


class Employment(models.Model):
    """A person's job in one unit over a period, with agreed weekly hours (37 = full time)."""

    employment_id = models.CharField(primary_key=True, max_length=64)
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="employments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="employments")
    job_group = models.CharField(max_length=64)
    weekly_hours = models.DecimalField(max_digits=8, decimal_places=4)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=16, blank=True, default="", choices=END_REASONS)
    notice_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["employee_id", "start_date"]
        indexes = [models.Index(fields=["unit", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(weekly_hours__gt=0) & Q(weekly_hours__lte=48),
                name="employment_weekly_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="employment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(notice_date__isnull=True) | Q(end_reason="dismissal"),
                name="employment_notice_needs_dismissal",
            ),
            models.CheckConstraint(
                condition=Q(end_reason__in=["", *(r for r, _ in END_REASONS)]),
                name="employment_end_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.employment_id
