from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samraad.accounts.navigation import NavEntry


class AuditConfig(AppConfig):
    name = "samraad.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from samraad.audit import roles, triggers

        connection_created.connect(triggers.register_gate, dispatch_uid="audit_purge_gate")
        roles.connect()

    def navigation(self) -> list[NavEntry]:
        return [NavEntry(_("Audit log"), "audit:search", "audit", lambda s: s.central_hr)]
