from django.apps import AppConfig

from samraad.frames.sources import Watch


class SigninConfig(AppConfig):
    """Sign-in: the identity provider (OpenID Connect) and throttled password login."""

    name = "samraad.signin"
    label = "signin"
    default_auto_field = "django.db.models.BigAutoField"

    def watched_tables(self) -> list[Watch]:
        # The sessions and users each process keeps (signin.sessions) are read anew
        # when one is saved or deleted.
        return [
            Watch("sessions", "django_session", ("COUNT(*)", "MAX(expire_date)")),
            Watch("users", "auth_user", ("COUNT(*)", "MAX(last_login)")),
        ]

    def ready(self) -> None:
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured

        from samraad.signin.mapping import MappingError, parse_group_roles

        # A wrong mapping stops the server at start, not a user at sign-in.
        try:
            parse_group_roles(settings.SAMRAAD_OIDC_GROUP_ROLES)
        except MappingError as exc:
            raise ImproperlyConfigured(f"SAMRAAD_OIDC_GROUP_ROLES: {exc}") from None
