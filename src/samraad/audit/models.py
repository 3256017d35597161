"""The audit log: who saw which person's data, or which unit's persons, when and where;
who gave or took which role (audit/roles.py); what the retention purge deleted.

Append-only. The model refuses updates and deletes, its querysets refuse bulk ones,
the admin offers neither, and triggers in the database (SQLite and PostgreSQL) refuse
both even to raw SQL through the app's connection (audit/triggers.py).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class Action(models.TextChoices):
    VIEW = "view", _("Page view")
    EXPORT = "export", _("Export")
    API = "api", _("API call")
    RECORD = "record", _("Recorded")
    ROLE = "role", _("Role change")
    PURGE = "purge", _("Retention purge")


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("the audit log is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("the audit log is append-only")


class AuditEntry(models.Model):
    # No foreign keys: removing a user or a person must leave the log as it was.
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user_id = models.BigIntegerField(null=True)
    username = models.CharField(max_length=150, db_index=True)
    roles = models.CharField(max_length=100, blank=True, default="")
    action = models.CharField(max_length=8, choices=Action.choices)
    page = models.CharField(max_length=100)  # the view or export, e.g. "absence:employee"
    path = models.CharField(max_length=500)
    unit_id = models.CharField(max_length=64, blank=True, default="", db_index=True)
    employee_id = models.CharField(max_length=64, blank=True, default="", db_index=True)
    # The persons a list showed, space-separated (a list is one view of many persons).
    subjects = models.TextField(blank=True, default="")
    # Role changes: the user whose roles or permissions changed, and what changed;
    # the purge: what it deleted, counted.
    target = models.CharField(max_length=150, blank=True, default="", db_default="", db_index=True)
    detail = models.TextField(blank=True, default="", db_default="")

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.page}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or kwargs.get("force_update"):
            raise AppendOnly("the audit log is append-only")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("the audit log is append-only")
