"""A user's API token: created here, shown once, stored as a hash."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samraad.accounts.tokens import create_token


@login_required
def token(request: HttpRequest) -> HttpResponse:
    created = ""
    if request.method == "POST":
        created = create_token(request.user, "web")  # type: ignore[arg-type]
    tokens = list(request.user.api_tokens.all())  # type: ignore[union-attr]
    return render(request, "accounts/token.html", {"created": created, "tokens": tokens})
