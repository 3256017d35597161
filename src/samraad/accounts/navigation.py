"""The navigation is built from what the user may see: each app declares its links on
its AppConfig (`navigation(self) -> list[NavEntry]`), each with the test of the user's
scope that shows it; the menu is every declared link whose test passes, in the order
of INSTALLED_APPS. A new app adds its pages without touching a list here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise

if TYPE_CHECKING:
    from samraad.accounts.permissions import Scope


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str
    name: str  # a stable key for templates and tests
    visible: Callable[[Scope], bool]


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    name: str


def links_for(scope: Scope) -> list[NavLink]:
    links = []
    for config in apps.get_app_configs():
        declare = getattr(config, "navigation", None)
        for entry in declare() if declare else ():
            if entry.visible(scope):
                links.append(NavLink(str(entry.label), reverse(entry.url_name), entry.name))
    return links
