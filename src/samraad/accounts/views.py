"""A user's API tokens: created here (shown once, stored as a hash), listed with their
expiry, and revoked here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samraad.accounts.models import ApiToken
from samraad.accounts.tokens import create_token, expires_at, revoke


@dataclass(frozen=True)
class TokenRow:
    id: int
    name: str
    created_at: dt.datetime
    expires_at: dt.datetime
    expired: bool


@dataclass(frozen=True)
class TokenPage:
    created: str
    tokens: list[TokenRow]
    lifetime_days: int


def _rows(tokens: list[ApiToken]) -> list[TokenRow]:
    now = timezone.now()
    return [
        TokenRow(t.pk, t.name, t.created_at, expires_at(t), expires_at(t) <= now) for t in tokens
    ]


@login_required
def token(request: HttpRequest) -> HttpResponse:
    created = ""
    if request.method == "POST" and "revoke" in request.POST:
        token_id = request.POST["revoke"]
        if token_id.isdigit() and revoke(request.user, int(token_id)):  # type: ignore[arg-type]
            messages.success(request, _("The token is revoked: it no longer works."))
        return redirect("accounts:token")
    if request.method == "POST":
        created = create_token(request.user, "web")  # type: ignore[arg-type]
    tokens = _rows(list(request.user.api_tokens.all()))  # type: ignore[union-attr]
    page = TokenPage(created, tokens, settings.SAMRAAD_API_TOKEN_DAYS)
    return render(request, "accounts/token.html", {"page": page})
