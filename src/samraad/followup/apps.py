import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry
from samraad.frames.sources import Watch


class FollowUpConfig(AppConfig):
    name = "samraad.followup"
    label = "followup"
    verbose_name = "Follow-up"

    def watched_tables(self) -> list[Watch]:
        return [
            Watch("follow_up", "followup_alert", ("COUNT(*)", "MAX(id)")),
            Watch("follow_up", "followup_conversation", ("COUNT(*)",)),
        ]

    def warm(self, today: dt.date) -> None:
        """Central HR's longest absences of the municipality and the administrations."""
        from samraad.followup.long_absences import warm

        warm(today)

    def navigation(self) -> list[NavEntry]:
        return [NavEntry(_("Alerts"), "followup:alerts", "alerts", lambda s: s.person_level)]
