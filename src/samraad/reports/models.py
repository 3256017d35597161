"""Subscriptions to a unit's monthly report, and the record of each month's mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Subscription(models.Model):
    """A user asks for a unit's monthly report by mail. Who may see what is decided when
    the mail is made (the user's access on that day), not here."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_subscriptions"
    )
    unit_id = models.CharField(max_length=64)  # org.Unit's key; kept if the unit closes
    language = models.CharField(max_length=8, default="da")
    created_on = models.DateField()  # the app's day (samraad.clock) it was made
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "unit_id"], name="one_subscription_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.unit_id}"


class SentReport(models.Model):
    """One subscription's report for one month: the row is claimed (inserted) before the
    mail goes out, so two runs never send the same month twice (docs/management-
    information.md, "Subscriptions")."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent")
    month = models.DateField()  # the report's month, as its first day
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient = models.CharField(max_length=254, blank=True)
    audience = models.CharField(max_length=16, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "month"], name="one_report_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id} {self.month:%Y-%m}"
