"""Sessions and signed-in users read from the database once per process, not once per
request.

Every request used to read its session row and its user row (two queries, about a
fifth of an API answer's CPU at Copenhagen scale). Both are kept per process under
versions of their own ("sessions", "users": frames.cache), which every save and delete
through the ORM moves (a sign-in, a sign-out, a changed or deactivated user); this
process forgets at once, the others at their next check (SAMRAAD_DATA_CHECK_SECONDS,
2 s): the same rule as the kept scopes. An expired session is never served from memory.
"""

from __future__ import annotations

import copy
import threading
from typing import Any

from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from samraad.frames import cache

SESSIONS, USERS = "sessions", "users"
KEPT = 20_000  # sessions (and users) a process keeps; the oldest are read again past it

_lock = threading.Lock()
_sessions: dict[str, tuple[tuple[Any, ...], Session]] = {}
_users: dict[int, tuple[tuple[Any, ...], User]] = {}


class SessionStore(DatabaseSessionStore):
    """Django's database sessions, with the row kept while no session has changed."""

    def _get_session_from_db(self) -> Session | None:
        key = self.session_key
        if key is None:
            return None
        version = cache.version(SESSIONS)  # read before the row: a write between is seen
        found = _sessions.get(key)
        if found is not None and found[0] == version and found[1].expire_date > timezone.now():
            return found[1]
        row: Session | None = super()._get_session_from_db()  # type: ignore[misc]
        _keep(_sessions, key, version, row)
        return row


def kept_user(user_id: int, read: Any) -> User | None:
    """The active user `user_id` as `read(user_id)` finds it, kept while no user has
    changed. Each request gets its own copy: Django caches permissions on the object."""
    version = cache.version(USERS)
    found = _users.get(user_id)
    if found is not None and found[0] == version:
        return copy.copy(found[1])
    user: User | None = read(user_id)
    _keep(_users, user_id, version, user)
    return copy.copy(user)


def _keep[K, V](
    kept: dict[K, tuple[tuple[Any, ...], V]], key: K, version: Any, value: V | None
) -> None:
    """Keep `value` (None: forget the key), the oldest going past KEPT."""
    with _lock:
        if value is None:
            kept.pop(key, None)
            return
        kept[key] = (version, value)
        while len(kept) > KEPT:
            del kept[next(iter(kept))]
