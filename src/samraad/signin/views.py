"""Sign-in with the municipality's identity provider: start and callback."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from samraad.signin import oidc

log = logging.getLogger(__name__)


def _safe(request: HttpRequest, url: str) -> str:
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if url and allowed else str(settings.LOGIN_REDIRECT_URL)


def start(request: HttpRequest) -> HttpResponse:
    if not oidc.enabled():
        raise Http404("sign-in with an identity provider is not set up")
    try:
        url = oidc.authorization_url(request.session, request.GET.get("next", ""))
    except oidc.OidcError as exc:
        log.warning("OIDC sign-in could not start: %s", exc)
        messages.error(request, _("The municipality's login cannot be reached. Try again later."))
        return redirect("web:login")
    return redirect(url)


def callback(request: HttpRequest) -> HttpResponse:
    if not oidc.enabled():
        raise Http404("sign-in with an identity provider is not set up")
    try:
        claims, next_url = oidc.claims_from_callback(request.session, request.GET.dict())
    except oidc.OidcError as exc:
        log.warning("OIDC sign-in refused: %s", exc)
        messages.error(request, _("Sign-in with the municipality's login failed. Try again."))
        return redirect("web:login")
    user = authenticate(request, oidc_claims=claims)
    if user is None:
        messages.error(
            request, _("Your login is not allowed in Samråd. Contact the administrator.")
        )
        return redirect("web:login")
    login(request, user)
    return redirect(_safe(request, next_url))
