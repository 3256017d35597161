from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry

if TYPE_CHECKING:
    from samraad.accounts.permissions import Scope


def _writes_measures(scope: Scope) -> bool:
    return scope.everything or bool(scope.hr_roots)


class MeasuresConfig(AppConfig):
    """The administrations' measures against sickness absence (tiltag, seed 003) and the
    yearly sickness-absence item's attachments made from live figures."""

    name = "samraad.measures"
    label = "measures"
    verbose_name = "Measures"
    default_auto_field = "django.db.models.BigAutoField"

    def navigation(self) -> list[NavEntry]:
        # Central HR and HR partners: HR writes its administration's measures.
        return [NavEntry(_("Measures"), "measures:index", "measures", _writes_measures)]
