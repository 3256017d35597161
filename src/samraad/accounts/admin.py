from __future__ import annotations

import datetime

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from samraad.accounts.models import ApiToken, RoleAssignment
from samraad.accounts.tokens import expires_at


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "employee"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__unit_id", "employee__employee_id"]
    raw_id_fields = ["unit", "employee"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """An administrator sees every token and revokes one by deleting it. Tokens are made
    by their own user only (accounts/token/): one made here would be a password for
    someone else, known to the administrator."""

    list_display = ["user", "name", "created_at", "expires"]
    list_filter = ["created_at"]
    search_fields = ["user__username", "name"]
    readonly_fields = ["user", "name", "digest", "created_at", "expires"]

    @admin.display(description=_("Works until"))
    def expires(self, token: ApiToken) -> datetime.datetime:
        return expires_at(token)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
