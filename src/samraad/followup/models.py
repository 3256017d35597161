"""Follow-up: stored alerts, their mail, and the conversations held (spec/rules.md,
"After an alert").

An alert's status (open, closed, overdue, lapsed) is derived from what was recorded
(a conversation, or the record of the rule's own action) and the day the alert lapsed,
never stored: see `samraad.followup.status`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from samraad.labels import model_choices
from samraad.vocabulary import ALERT_REASON, CONVERSATION_KIND, FollowUpAction

REASONS = model_choices(ALERT_REASON)
CONVERSATION_KINDS = model_choices(CONVERSATION_KIND)


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
    # The first day the employee had no employment in the manager's units (left, or
    # moved outside them): from the data alone, set by `followup.store.mark_lapsed`.
    # An alert not answered before that day is lapsed (bortfaldet).
    lapsed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["raised_on", "employee_id", "rule_id"]
        indexes = [
            models.Index(fields=["raised_on"]),
            models.Index(fields=["unit", "raised_on"]),
            models.Index(fields=["due_by"]),
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


class Conversation(models.Model):
    """A conversation held with an employee about absence; its note never holds health details."""

    conversation_id = models.CharField(primary_key=True, max_length=64)
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="conversations"
    )
    held_on = models.DateField()
    kind = models.CharField(max_length=32, choices=CONVERSATION_KINDS)
    # What the self-service form records besides; an import leaves them at their defaults.
    companion = models.BooleanField(default=False, db_default=False)  # a bisidder took part
    follow_up_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True, default="", db_default="")  # what was agreed, no health
    # The alert it was recorded from (the web form); an import or the command sets none.
    # One conversation per alert: a second registration (a double POST) is refused.
    alert = models.ForeignKey(
        Alert, null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations"
    )

    class Meta:
        ordering = ["employee_id", "held_on"]
        # The alerts' status looks up the first fitting conversation per alert: covered.
        indexes = [models.Index(fields=["employee", "held_on", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[k for k, _ in CONVERSATION_KINDS]),
                name="conversation_kind",
            ),
            models.UniqueConstraint(
                fields=["alert"],
                condition=Q(alert__isnull=False),
                name="conversation_once_per_alert",
            ),
        ]

    def __str__(self) -> str:
        return self.conversation_id


class Registration(models.Model):
    """What answers an alert of a rule whose action is not a conversation: one record per
    alert (the one-to-one refuses a second), the day it was done and a note without
    health details."""

    alert = models.OneToOneField(Alert, on_delete=models.CASCADE, related_name="+")
    done_on = models.DateField()
    note = models.TextField(blank=True, default="")
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{type(self).__name__} for alert {self.alert_id} on {self.done_on}"


class RetentionPlan(Registration):
    """Sygedagpengeloven § 7b: a retention plan (fastholdelsesplan) made with the employee."""

    review_on = models.DateField(null=True, blank=True)  # when the plan is looked at again


class RefundClaim(Registration):
    """The refund (refusion) claimed from the municipality for the absence."""

    reference = models.CharField(max_length=100, blank=True, default="")  # the case number


class EmployerPeriodNote(Registration):
    """The end of the employer period (§ 30) noted, the refund claim prepared."""


# The record of each action that is not a conversation (vocabulary.FOLLOW_UP_ACTION).
REGISTRATIONS: dict[str, type[Registration]] = {
    FollowUpAction.RETENTION_PLAN: RetentionPlan,
    FollowUpAction.REFUND_CLAIMED: RefundClaim,
    FollowUpAction.EMPLOYER_PERIOD_NOTED: EmployerPeriodNote,
}
