"""Who is acting, for entries written where no request is at hand (a model signal).

The middleware keeps the request for the thread while it is answered; a command or the
identity provider's role sync names itself with `acting_as`. An entry written with
neither says "system".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from samraad.accounts.models import RoleAssignment

SYSTEM = "system"

_request: ContextVar[HttpRequest | None] = ContextVar("samraad_audit_request", default=None)
_label: ContextVar[str] = ContextVar("samraad_audit_actor", default=SYSTEM)


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    roles: str
    path: str


class ActorMiddleware:
    """Keeps the request (and so its user) for entries written while it is answered."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


@contextmanager
def acting_as(label: str) -> Iterator[None]:
    """Name the actor outside a request: "samraad purge", "idp:https://login…"."""
    token = _label.set(label)
    try:
        yield
    finally:
        _label.reset(token)


def current_actor() -> Actor:
    request = _request.get()
    user = getattr(request, "user", None)
    if request is not None and user is not None and user.is_authenticated:
        roles = (
            RoleAssignment.objects.active().filter(user_id=user.pk).values_list("role", flat=True)
        )
        path = request.get_full_path()[:500]
        return Actor(int(user.pk), user.get_username(), ",".join(sorted(set(roles))), path)
    return Actor(None, _label.get(), "", "")
