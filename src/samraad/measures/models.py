"""The administrations' measures against sickness absence (tiltag, seed 003, "Bilag 2").

One `MeasureSet` per unit and year: an administration's, written by its HR, or the
municipality's common measures ("Fælles tiltag og tilbud"), written by central HR. A set
has an optional opening paragraph and its measures in order; a measure may sit under a
section heading ("Særlige indsatser 2026:", "Hvad gør vi fortsat:"), has an optional
lead in bold ("Opfølgning i MED") and its text, as the seed's bullets read.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MeasureSet(models.Model):
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    intro = models.TextField(blank=True, default="")
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["year", "unit_id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_measure_set_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}"


class Measure(models.Model):
    measure_set = models.ForeignKey(MeasureSet, on_delete=models.CASCADE, related_name="measures")
    order = models.PositiveSmallIntegerField()
    section = models.CharField(max_length=300, blank=True, default="")
    title = models.CharField(max_length=300, blank=True, default="")
    text = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["measure_set_id", "order", "id"]

    def __str__(self) -> str:
        return self.title or self.text[:40]
