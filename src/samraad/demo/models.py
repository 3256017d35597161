"""A record that the database holds the synthetic municipality, so the demo may replace it."""

from __future__ import annotations

from django.db import models


class DemoRun(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    today = models.DateField()
    employees = models.PositiveIntegerField()
    years = models.PositiveSmallIntegerField()
    seed = models.BigIntegerField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"demo {self.employees} employees × {self.years} years, seed {self.seed}"
