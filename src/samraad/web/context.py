"""What every page shows around its content: the links the user's scope opens (declared by
the apps, accounts.navigation) and the user's roles."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samraad.accounts.navigation import links_for
from samraad.accounts.permissions import scope_for
from samraad.clock import today
from samraad.labels import label
from samraad.vocabulary import ROLES


def navigation(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {"nav_links": [], "nav_roles": ""}
    scope = scope_for(request.user, today())
    roles = ", ".join(label(ROLES, role) for role in sorted(scope.roles))
    return {"nav_links": links_for(scope), "nav_roles": roles}
