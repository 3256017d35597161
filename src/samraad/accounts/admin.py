"""The administrator's pages in Django's admin: users, role assignments, API tokens.

An administrator cannot give anyone, least of all themselves, access to persons on
their own (finding 6 of "Ready for production"):
- a manager, HR partner or central HR role given or changed here waits for central HR
  to approve it (accounts/approval.py), and nobody approves a role they asked for or
  that is their own;
- nobody edits their own role assignments here;
- the user form offers neither superuser status nor permissions or groups, and an
  administrator cannot change a superuser or set the password of a user who sees
  persons (which would let them sign in as that user).
Every change is written to the audit log (audit/roles.py).
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samraad.accounts.models import (
    PERSON_LEVEL_ROLES,
    ApiToken,
    RoleAssignment,
    RoleSource,
    RoleStatus,
)
from samraad.accounts.tokens import expires_at

OWN_ROLES = _("You cannot give or change your own roles: ask another administrator.")


class RoleAssignmentForm(forms.ModelForm):
    acting_user_id: int | None = None  # set per request by RoleAssignmentAdmin.get_form

    class Meta:
        model = RoleAssignment
        fields = ["user", "role", "unit", "employee"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        user = data.get("user")
        if user is not None and user.pk == self.acting_user_id:
            raise forms.ValidationError(OWN_ROLES)
        return data


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    form = RoleAssignmentForm
    list_display = ["user", "role", "unit", "employee", "status", "source", "approved_by"]
    list_filter = ["role", "status", "source"]
    search_fields = ["user__username", "unit__unit_id", "employee__employee_id"]
    raw_id_fields = ["unit", "employee"]
    readonly_fields = ["status", "source", "requested_by", "requested_at", "approved_by"]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"acting_user_id": request.user.pk})

    def _own(self, request: HttpRequest, obj: RoleAssignment | None) -> bool:
        return obj is not None and obj.user_id == request.user.pk

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._own(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._own(request, obj) and super().has_delete_permission(request, obj)

    def save_model(
        self, request: HttpRequest, obj: RoleAssignment, form: Any, change: bool
    ) -> None:
        obj.source = RoleSource.APP
        if obj.role in PERSON_LEVEL_ROLES and (not change or form.changed_data):
            obj.status = RoleStatus.PENDING
            obj.requested_by = request.user  # type: ignore[assignment]
            obj.requested_at = timezone.now()
            obj.approved_by = None
            messages.warning(
                request,
                _("The role gives access to persons: it waits for central HR to approve it."),
            )
        elif obj.role not in PERSON_LEVEL_ROLES:
            obj.status = RoleStatus.ACTIVE
        super().save_model(request, obj, form, change)


admin.site.unregister(User)


@admin.register(User)
class SamraadUserAdmin(UserAdmin):
    """Django's user admin without superuser status, permissions and groups."""

    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Access"), {"fields": ("is_active", "is_staff")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    list_display = ("username", "email", "first_name", "last_name", "is_staff", "is_active")
    list_filter = ("is_staff", "is_active")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        user = self.get_object(request, id)
        if user is not None and user.pk != request.user.pk and sees_persons_or_is_superuser(user):
            raise PermissionDenied("the password of a user who sees persons is theirs to change")
        return super().user_change_password(request, id, form_url)


def sees_persons_or_is_superuser(user: User) -> bool:
    roles = RoleAssignment.objects.filter(user=user, role__in=list(PERSON_LEVEL_ROLES))
    return user.is_superuser or roles.exists()


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
