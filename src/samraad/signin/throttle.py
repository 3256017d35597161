"""Throttled password sign-in (finding 7 of "Ready for production").

A user name is locked after SAMRAAD_LOGIN_FAILURE_LIMIT failed attempts within
SAMRAAD_LOGIN_COOLDOWN_SECONDS, from any address; an address after
SAMRAAD_LOGIN_IP_FAILURE_LIMIT failures within the same time, for any user name
(guessing across accounts). While locked, no password is even tried, the right one
neither. The failures are rows in the database, so the limit holds across processes.
An attempt refused by the lock does not count, so the lock lifts `cooldown` after the
failures that caused it; a successful sign-in clears the user name's failures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from samraad.signin.models import LoginFailure

# Failed attempts are kept this long for an administrator who looks into an attack,
# then the purge removes them (docs/operations.md).
KEEP_FAILURES = dt.timedelta(days=30)


@dataclass(frozen=True)
class Lock:
    until: dt.datetime


def client_ip(request: HttpRequest | None) -> str:
    return str(request.META.get("REMOTE_ADDR", "")) if request is not None else ""


def _normal(username: str) -> str:
    return username.strip().lower()[:150]


def _cooldown() -> dt.timedelta:
    return dt.timedelta(seconds=settings.SAMRAAD_LOGIN_COOLDOWN_SECONDS)


def _lock(failures: QuerySet[LoginFailure], limit: int) -> Lock | None:
    """Locked while `limit` failures lie within the cooldown: until the oldest of the
    newest `limit` of them leaves it."""
    if limit <= 0:
        return None
    newest = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
    return Lock(newest[-1] + _cooldown()) if len(newest) >= limit else None


def lock_for(username: str, ip: str, now: dt.datetime | None = None) -> Lock | None:
    now = now or timezone.now()
    recent = LoginFailure.objects.filter(at__gt=now - _cooldown())
    locks = [_lock(recent.filter(username=_normal(username)), settings.SAMRAAD_LOGIN_FAILURE_LIMIT)]
    if ip:
        locks.append(_lock(recent.filter(ip=ip), settings.SAMRAAD_LOGIN_IP_FAILURE_LIMIT))
    found = [lock for lock in locks if lock is not None]
    return max(found, key=lambda lock: lock.until) if found else None


def record_failure(username: str, ip: str) -> None:
    LoginFailure.objects.create(username=_normal(username), ip=ip[:45])


def clear(username: str) -> None:
    LoginFailure.objects.filter(username=_normal(username)).delete()


def purge_old(now: dt.datetime, dry_run: bool = False) -> int:
    old = LoginFailure.objects.filter(at__lt=now - KEEP_FAILURES)
    return old.count() if dry_run else old.delete()[0]
