"""Bearer tokens for the read API."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import AbstractBaseUser, User

from samraad.accounts.models import ApiToken, token_digest

PREFIX = "smr_"


def create_token(user: AbstractBaseUser, name: str) -> str:
    """A new token for the user; only its digest is kept."""
    token = PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user_id=user.pk, name=name, digest=token_digest(token))
    return token


def user_for_token(token: str) -> User | None:
    found = ApiToken.objects.select_related("user").filter(digest=token_digest(token)).first()
    if found is None or not found.user.is_active:
        return None
    return found.user
