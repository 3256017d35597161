"""Bearer tokens for the read API: created by their user, shown once, stored as a hash,
valid for SAMRAAD_API_TOKEN_DAYS after they were made, and revoked by deleting them (by
their user on the token page, by an administrator in the admin)."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, User
from django.urls import reverse
from django.utils import timezone

from samraad.accounts.models import ApiToken, token_digest

PREFIX = "smr_"


class TokenRefused(Exception):
    """The token is unknown, expired or its user inactive; the message says which."""


def lifetime() -> dt.timedelta:
    return dt.timedelta(days=settings.SAMRAAD_API_TOKEN_DAYS)


def expires_at(token: ApiToken) -> dt.datetime:
    """The token works until then. Computed from the setting, not stored: shortening the
    lifetime ends older tokens at once."""
    return token.created_at + lifetime()


def create_token(user: AbstractBaseUser, name: str) -> str:
    """A new token for the user; only its digest is kept."""
    token = PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user_id=user.pk, name=name, digest=token_digest(token))
    return token


def user_for_token(token: str) -> User:
    """The token's user; TokenRefused if it may not be used."""
    found = ApiToken.objects.select_related("user").filter(digest=token_digest(token)).first()
    if found is None:
        raise TokenRefused("unknown token (it may have been revoked)")
    if expires_at(found) <= timezone.now():
        raise TokenRefused(
            f"the token expired on {expires_at(found):%Y-%m-%d}; "
            f"create a new one at {settings.BASE_URL.rstrip('/')}{reverse('accounts:token')}"
        )
    if not found.user.is_active:
        raise TokenRefused("the token's user is inactive")
    return found.user


def revoke(user: AbstractBaseUser, token_id: int) -> bool:
    """Revoke one of the user's own tokens; False if the user has no such token."""
    deleted, _ = ApiToken.objects.filter(user_id=user.pk, pk=token_id).delete()
    return deleted > 0
