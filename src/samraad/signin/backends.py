"""Authentication backends: the password (throttled, and never "demo" outside the demo)
and the identity provider (claims already verified by signin/oidc.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from samraad.accounts.backends import ModelBackendRefusingDemo
from samraad.signin import throttle
from samraad.signin.provisioning import user_for_claims
from samraad.signin.sessions import kept_user


class ThrottledModelBackend(ModelBackendRefusingDemo):
    """Every password sign-in goes through here: the login page, the admin's, a test
    client's `login()`. A locked user name or address is refused before the password is
    checked (PermissionDenied stops Django from asking any other backend)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None or password is None or not settings.SAMRAAD_PASSWORD_LOGIN:
            return None
        ip = throttle.client_ip(request)
        if throttle.lock_for(username, ip) is not None:
            raise PermissionDenied("too many failed sign-ins")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            throttle.record_failure(username, ip)
        else:
            throttle.clear(username)
        return user

    def get_user(self, user_id: Any) -> User | None:
        return kept_user(int(user_id), super().get_user)


class OidcBackend(BaseBackend):
    """Signs in the user the identity provider vouched for (verified claims only)."""

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        claims = kwargs.get("oidc_claims")
        if claims is None:
            return None
        user = user_for_claims(claims)
        return user if user is not None and user.is_active else None

    def get_user(self, user_id: int) -> User | None:
        return kept_user(int(user_id), _active_user)


def _active_user(user_id: int) -> User | None:
    return User.objects.filter(pk=user_id, is_active=True).first()
