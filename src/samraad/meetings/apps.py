from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry


class MeetingsConfig(AppConfig):
    name = "samraad.meetings"
    label = "meetings"
    verbose_name = "Meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samraad.meetings import searchsignals

        searchsignals.connect()

    def navigation(self) -> list[NavEntry]:
        # Public minutes need no login; the link is for everyone signed in as well.
        # Search is for those with a seat: it finds their committees' papers only.
        return [
            NavEntry(_("Search"), "meetings:search", "search", lambda s: bool(s.seats)),
            NavEntry(_("Published minutes"), "meetings:public", "public_minutes", lambda s: True),
        ]
