import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry


class AnalysesConfig(AppConfig):
    name = "samraad.analyses"
    label = "analyses"
    verbose_name = "Analyses"

    def navigation(self) -> list[NavEntry]:
        from samraad.analyses.views import may_see_analyses

        return [NavEntry(_("Analyses"), "analyses:index", "analyses", may_see_analyses)]

    def warm(self, today: dt.date) -> None:
        """HR's analyses of the whole municipality: the groups' tables (seconds each)."""
        from samraad.analyses.service import warm

        warm(today)
