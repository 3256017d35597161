"""Database triggers that make the audit table append-only below the ORM as well.

Refused even to raw SQL through the app's connection:
- UPDATE, and an upsert (`INSERT … ON CONFLICT DO UPDATE`);
- DELETE, except inside the retention purge (below);
- on PostgreSQL, TRUNCATE (a statement trigger: the row triggers never see it);
- on SQLite, `REPLACE INTO` / `INSERT OR REPLACE` of an existing entry (SQLite deletes
  the old row without firing delete triggers, so an insert trigger refuses a new row
  whose id is taken).

The purge (`samraad purge`, audit/retention.py) is the one path that deletes entries
older than the retention period. It opens the gate for one transaction:
- PostgreSQL: `SET LOCAL samraad.purge = 'on'`, which the trigger reads with
  `current_setting`; it ends with the transaction.
- SQLite: the trigger calls `samraad_purging()`, a function the app registers on each
  of its connections, which answers from a flag in the purging thread. Raw SQL cannot
  set the flag, and outside the app (the sqlite3 shell) the function does not exist,
  so a DELETE there fails too.

A database owner can still drop the triggers; docs/operations.md says how to keep the
application's database role from doing so on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditentry"
MESSAGE = "the audit log is append-only"
SQLITE_GATE = "samraad_purging"

SQLITE_TRIGGERS = ("audit_no_update", "audit_no_delete", "audit_no_replace")
SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON {TABLE} "
    f"WHEN NOT {SQLITE_GATE}() BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS audit_no_replace BEFORE INSERT ON {TABLE} "
    f"WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id) "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_REMOVE = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]

POSTGRES_TRIGGERS = ("audit_no_change", "audit_no_truncate")
POSTGRES_INSTALL = [
    "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$ BEGIN "
    "IF TG_OP = 'DELETE' AND current_setting('samraad.purge', true) = 'on' THEN "
    "RETURN OLD; END IF; "
    f"RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql",
    *(f"DROP TRIGGER IF EXISTS {name} ON {TABLE}" for name in POSTGRES_TRIGGERS),
    f"CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
    f"CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()",
]
POSTGRES_REMOVE = [f"DROP TRIGGER IF EXISTS {name} ON {TABLE}" for name in POSTGRES_TRIGGERS]

_purging: ContextVar[bool] = ContextVar("samraad_audit_purging", default=False)


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_REMOVE + SQLITE_INSTALL)
    elif connection.vendor == "postgresql":
        _run(connection, POSTGRES_INSTALL)


def remove(connection: BaseDatabaseWrapper) -> None:
    """Only for the test suite's flush between tests (TransactionTestCase)."""
    if connection.vendor == "sqlite":
        _run(connection, SQLITE_REMOVE)
    elif connection.vendor == "postgresql":
        _run(connection, POSTGRES_REMOVE)


def installed(connection: BaseDatabaseWrapper) -> set[str]:
    """The names of the append-only triggers present in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            return {name for (name,) in cursor.fetchall()} & set(SQLITE_TRIGGERS)
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
            [TABLE],
        )
        return {name for (name,) in cursor.fetchall()} & set(POSTGRES_TRIGGERS)


def register_gate(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """On each new SQLite connection (Django's `connection_created`): the gate function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_GATE, 0, lambda: int(_purging.get()))


@contextmanager
def purge_gate(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Let this transaction delete audit entries (the retention purge only)."""
    with transaction.atomic(using=connection.alias):
        if connection.vendor == "postgresql":
            _run(connection, ["SET LOCAL samraad.purge = 'on'"])
        token = _purging.set(True)
        try:
            yield
        finally:
            _purging.reset(token)
        # SET LOCAL lasts to the end of the outermost transaction: close the gate now,
        # in case the purge runs inside a larger one (an exception rolls it back anyway).
        if connection.vendor == "postgresql":
            _run(connection, ["SET LOCAL samraad.purge = 'off'"])
