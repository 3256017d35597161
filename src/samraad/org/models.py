"""The organisation tree over time (spec/data-format.md, units.csv)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q


class Unit(models.Model):
    """A stable node of the tree; where it sits, and what it is called, lives in its periods."""

    unit_id = models.CharField(primary_key=True, max_length=64)

    class Meta:
        ordering = ["unit_id"]

    def __str__(self) -> str:
        return self.unit_id


class UnitPeriod(models.Model):
    """One row of units.csv: the unit's name, kind and parent from valid_from to valid_to.

    A new period with another parent is a transfer (ressortflyt). Periods of one unit
    never overlap; the import checks that, since portable SQL cannot.
    """

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="periods")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=64)
    parent = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="child_periods"
    )
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["unit_id", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "valid_from"], name="unit_period_key"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="unit_period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("unit")), name="unit_period_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.valid_from}–{self.valid_to or ''}"


class Target(models.Model):
    """The target (måltal) for own sickness, in absence days per FTE, for one unit and year."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField()
    absence_days_per_fte = models.DecimalField(max_digits=8, decimal_places=4)

    class Meta:
        ordering = ["unit_id", "year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="target_key"),
            models.CheckConstraint(
                condition=Q(absence_days_per_fte__gte=0), name="target_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}: {self.absence_days_per_fte}"


class Manager(models.Model):
    """Who manages a unit, from when (managers.csv). Alerts go to the manager of the
    employee's unit, or of the nearest unit above that has one; a manager's access
    covers their units and everything below."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="managers")
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="managed_units"
    )
    email = models.EmailField()
    language = models.CharField(
        max_length=2, default="da", choices=[("da", "Dansk"), ("en", "English")]
    )
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["unit_id", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "employee", "valid_from"], name="manager_key"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="manager_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(language__in=["da", "en"]), name="manager_language"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} manages {self.unit_id} from {self.valid_from}"
