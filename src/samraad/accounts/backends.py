"""Sign-in: Django's users and passwords, except that "demo" opens nothing outside the demo."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

DEMO_PASSWORD = "demo"


class ModelBackendRefusingDemo(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if password == DEMO_PASSWORD and not settings.SAMRAAD_DEMO:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class DemoPasswordValidator:
    """Refuses the demo password when a password is set outside the demo."""

    def validate(self, password: str, user: AbstractBaseUser | None = None) -> None:
        if password == DEMO_PASSWORD and not settings.SAMRAAD_DEMO:
            raise ValidationError(_("This password is only allowed in the demo."), code="demo")

    def get_help_text(self) -> str:
        return _("Your password cannot be the demo password.")
