from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry
from samraad.frames.sources import Watch


class AccountsConfig(AppConfig):
    name = "samraad.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def watched_tables(self) -> list[Watch]:
        # The scopes kept per user (accounts.permissions.scope_for) are read anew when
        # a role changes.
        return [Watch("access", "accounts_roleassignment", ("COUNT(*)",))]

    def navigation(self) -> list[NavEntry]:
        return [
            NavEntry(_("Users"), "admin:index", "admin", lambda s: s.administrator),
            NavEntry(_("API token"), "accounts:token", "token", lambda s: True),
            NavEntry(
                _("Role approvals"),
                "accounts:pending_roles",
                "role_approvals",
                lambda s: s.central_hr,
            ),
        ]
