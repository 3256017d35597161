from __future__ import annotations

from django.contrib import admin

from samraad.accounts.models import ApiToken, RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "employee"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__unit_id", "employee__employee_id"]
    raw_id_fields = ["unit", "employee"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "created_at"]
    readonly_fields = ["digest", "created_at"]
