from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from samraad.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log can be looked at here by a superuser, never changed."""

    list_display = ["at", "username", "action", "page", "unit_id", "employee_id"]
    list_filter = ["action", "page"]
    search_fields = ["username", "employee_id", "unit_id", "subjects"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
