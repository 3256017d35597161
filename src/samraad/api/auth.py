"""The API's door: a session or a bearer token, and errors as JSON an integrator can act on."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse

from samraad.accounts.tokens import TokenRefused, user_for_token

View = Callable[..., HttpResponse]


class BadRequest(Exception):
    """A parameter is wrong; the message says which and what is expected."""


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def api_view(view: View) -> View:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET":
            refused = error(405, "only GET is supported")
            refused["Allow"] = "GET"
            return refused
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            try:
                request.user = user_for_token(header.removeprefix("Bearer ").strip())
            except TokenRefused as refused:
                return error(401, str(refused))
        if not request.user.is_authenticated:
            return error(401, "sign in or send Authorization: Bearer TOKEN")
        try:
            return view(request, *args, **kwargs)
        except BadRequest as exc:
            return error(400, str(exc))
        except PermissionDenied as exc:
            return error(403, str(exc) or "forbidden")
        except Http404 as exc:
            return error(404, str(exc) or "not found")

    return wrapped
