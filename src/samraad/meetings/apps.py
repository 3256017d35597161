from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry


class MeetingsConfig(AppConfig):
    name = "samraad.meetings"
    label = "meetings"
    verbose_name = "Meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def navigation(self) -> list[NavEntry]:
        # Public minutes need no login; the link is for everyone signed in as well.
        return [
            NavEntry(_("Published minutes"), "meetings:public", "public_minutes", lambda s: True)
        ]
