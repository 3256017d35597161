"""Stored alerts, the mail outbox, and notes on conversations (spec/rules.md, "After an alert").

An alert's status (open, closed, overdue) is derived from the conversations recorded,
never stored: see `samraad.rules.status`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

REASONS = [
    ("days", "days"),
    ("spells", "spells"),
    ("days+spells", "days+spells"),
    ("spell_length", "spell_length"),
]


class Alert(models.Model):
    """A rule fired for an employee on a day; re-running the replay adds no duplicate."""

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="alerts")
    rule_id = models.CharField(max_length=64)
    ruleset_version = models.CharField(max_length=128)
    title = models.CharField(max_length=300)  # the rule's title in that version
    raised_on = models.DateField()
    due_by = models.DateField()
    reason = models.CharField(max_length=16, choices=REASONS)
    days = models.PositiveIntegerField(null=True, blank=True)
    spells = models.PositiveIntegerField(null=True, blank=True)
    spell_day = models.PositiveIntegerField(null=True, blank=True)
    # Where the employee worked on raised_on, and who managed it then (or the nearest
    # unit above with a manager): compliance and mail follow these, not today's tree.
    unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="alerts"
    )
    manager = models.ForeignKey(
        "org.Manager", null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["raised_on", "employee_id", "rule_id"]
        indexes = [
            models.Index(fields=["raised_on"]),
            models.Index(fields=["unit", "raised_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "rule_id", "raised_on"], name="alert_once_per_day"
            ),
            models.CheckConstraint(
                condition=Q(reason__in=[r for r, _ in REASONS]), name="alert_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} for {self.employee_id} on {self.raised_on}"


class OutboxMail(models.Model):
    """The mail for one alert. Claimed (claimed_at) before it is handed to the mail
    server and marked sent after, so a rerun never sends it twice; a failed send is
    released with its error and tried again on the next run."""

    alert = models.OneToOneField(Alert, on_delete=models.CASCADE, related_name="mail")
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient = models.EmailField(blank=True, default="")
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["sent_at", "claimed_at"])]

    def __str__(self) -> str:
        return f"mail for alert {self.alert_id}"
