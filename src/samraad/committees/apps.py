from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry
from samraad.frames.sources import Watch


class CommitteesConfig(AppConfig):
    name = "samraad.committees"
    label = "committees"
    verbose_name = "Committees"
    default_auto_field = "django.db.models.BigAutoField"

    def watched_tables(self) -> list[Watch]:
        # A seat is a scope (accounts.permissions.scope_for keeps them per user).
        return [
            Watch("access", "committees_member", ("COUNT(*)",)),
            Watch("access", "committees_committee", ("COUNT(*)",)),
        ]

    def ready(self) -> None:
        # The permission layer knows committees only through the seats they give.
        from samraad.accounts.permissions import register_seat_source
        from samraad.committees.seats import seats_of

        register_seat_source(seats_of)

    def navigation(self) -> list[NavEntry]:
        from samraad.committees.management import may_open_committees

        return [NavEntry(_("Committees"), "committees:list", "committees", may_open_committees)]
