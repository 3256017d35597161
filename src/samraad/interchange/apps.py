from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry


class InterchangeConfig(AppConfig):
    name = "samraad.interchange"
    label = "interchange"
    verbose_name = "Import"

    def navigation(self) -> list[NavEntry]:
        return [NavEntry(_("Import"), "interchange:import", "import", lambda s: s.administrator)]
