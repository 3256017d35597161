"""The navigation every page shows: links the user's roles open, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from samraad.accounts.permissions import scope_for
from samraad.web.clock import today


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    name: str


def navigation(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {"nav_links": [], "nav_roles": ""}
    scope = scope_for(request.user, today())
    links: list[NavLink] = []
    if scope.sees_statistics:
        links.append(NavLink(_("Overview"), reverse("org:overview"), "overview"))
        links.append(NavLink(_("Organisation"), reverse("org:tree"), "tree"))
    if scope.person_level:
        links.append(NavLink(_("Alerts"), reverse("absence:alerts"), "alerts"))
    if scope.central_hr:
        links.append(NavLink(_("Audit log"), reverse("audit:search"), "audit"))
    if scope.administrator:
        links.append(NavLink(_("Import"), reverse("web:import"), "import"))
        links.append(NavLink(_("Users"), reverse("admin:index"), "admin"))
    links.append(NavLink(_("API token"), reverse("accounts:token"), "token"))
    from samraad.accounts.models import Role

    role_names = ", ".join(str(Role(r).label) for r in sorted(scope.roles))
    return {"nav_links": links, "nav_roles": role_names}
