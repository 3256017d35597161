"""What sign-in stores: failed password attempts (for throttling) and the link from a
user to their identity at the identity provider."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class LoginFailure(models.Model):
    """One failed password sign-in. Kept in the database so that the limit holds across
    the server's processes; the purge removes rows older than 30 days (signin/throttle.py)."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    username = models.CharField(max_length=150, db_index=True)  # as typed, lower-cased
    ip = models.CharField(max_length=45, blank=True, default="", db_index=True)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} {self.ip}"


class OidcIdentity(models.Model):
    """A user's identity at an OpenID Connect provider: the issuer and its subject (`sub`),
    which never changes, unlike a user name or an e-mail address."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_identities"
    )
    issuer = models.CharField(max_length=300)
    subject = models.CharField(max_length=255)
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["issuer", "subject"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="oidc_identity_unique")
        ]

    def __str__(self) -> str:
        return f"{self.issuer} {self.subject}"
