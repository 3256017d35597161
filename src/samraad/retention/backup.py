"""Backing up the SQLite database while the app uses it, with SQLite's online backup
API: the copy is one consistent moment of the database, its triggers included, and
readers and writers go on meanwhile (docs/operations.md "Backup and restore")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper

from samraad.audit import triggers

# The whole copy in one step: one read transaction, so one consistent moment. In WAL
# mode (the app's) a reader holds up no writer; copied in several steps, a write by
# another process in between would restart the copy.
PAGES_PER_STEP = -1


class BackupError(Exception):
    """The backup cannot be made; the message says why."""


def backup_sqlite(connection: BaseDatabaseWrapper, target: Path) -> int:
    """Copy the database behind `connection` to `target`; the number of audit entries
    in the copy, read back from it with its append-only triggers checked."""
    if connection.vendor != "sqlite":
        raise BackupError(
            "the database is PostgreSQL: back it up with pg_dump (docs/operations.md)"
        )
    if target.exists():
        raise BackupError(f"{target} exists: choose a new file")
    connection.ensure_connection()
    if connection.in_atomic_block:
        # SQLite cannot copy a database from a connection in the middle of writing it.
        raise BackupError("the connection is inside a transaction: back up from a fresh one")
    source: sqlite3.Connection = connection.connection
    copy = sqlite3.connect(target)
    try:
        source.backup(copy, pages=PAGES_PER_STEP)
    finally:
        copy.close()
    return check_backup(target)


def check_backup(path: Path) -> int:
    """The audit entries in a backup file, after checking that its triggers are there."""
    copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = {
            row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        missing = sorted(set(triggers.SQLITE_TRIGGERS) - names)
        if missing:
            raise BackupError(f"{path}: the audit log's triggers are missing: {', '.join(missing)}")
        return int(copy.execute(f"SELECT count(*) FROM {triggers.TABLE}").fetchone()[0])
    finally:
        copy.close()
