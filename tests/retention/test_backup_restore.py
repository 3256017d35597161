"""Backups restore: a copy of the live database, restored to a new one, holds the same
rows and the audit log's append-only triggers (docs/operations.md "Backup and restore").

SQLite: `samraad backup` (SQLite's online backup) while the database is open and in a
transaction. PostgreSQL: pg_dump and pg_restore into a new database, when the tools
are installed."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from samraad.audit import triggers
from samraad.audit.models import AuditEntry
from samraad.cli import main
from samraad.retention.backup import BackupError, backup_sqlite, check_backup
from tests.web.world import World, build_world

TABLES = [
    "people_employee",
    "people_employment",
    "absence_absence",
    "followup_alert",
    "accounts_roleassignment",
    "audit_auditentry",
]
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def live_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in TABLES:
            cursor.execute(f"SELECT count(*) FROM {table}")
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def committed_world(transactional_db: None) -> Iterator[World]:
    """The world committed, as a running app has it (pg_dump sees committed rows only, and
    SQLite copies from a connection between transactions). The flush after the test
    deletes every row, which the audit log's triggers refuse: tests/conftest.py lifts them."""
    triggers.install(connection)
    world = build_world()
    AuditEntry.objects.create(username="alice", action="view", page="p", path="/")
    yield world


@on_sqlite
def test_a_sqlite_backup_restores_with_its_rows_and_triggers(
    committed_world: World, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.sqlite3"
    assert backup_sqlite(connection, backup) == AuditEntry.objects.count()

    restored = tmp_path / "restored.sqlite3"  # restoring is copying the file back
    shutil.copyfile(backup, restored)
    copy = sqlite3.connect(restored)
    try:
        assert {t: copy.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES} == (
            live_counts()
        )
        with pytest.raises(sqlite3.DatabaseError):
            copy.execute("DELETE FROM audit_auditentry")  # outside the app: no gate at all
        copy.create_function(triggers.SQLITE_GATE, 0, lambda: 0)
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            copy.execute("DELETE FROM audit_auditentry")
    finally:
        copy.close()
    assert check_backup(restored) == AuditEntry.objects.count()


@on_sqlite
def test_the_backup_command_refuses_an_existing_file(
    committed_world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "taken.sqlite3"
    target.write_text("")
    assert main(["backup", str(target)]) == 1
    assert "exists: choose a new file" in capsys.readouterr().err
    assert main(["backup", str(tmp_path / "new.sqlite3")]) == 0
    assert "audit log triggers present" in capsys.readouterr().out


@on_postgresql
def test_the_backup_command_points_postgresql_to_pg_dump(db: None, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="pg_dump"):
        backup_sqlite(connection, tmp_path / "x")


def _pg(option: str) -> list[str]:
    settings = connection.settings_dict
    args = [option, "-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432)]
    return [*args, "-U", settings["USER"] or "postgres"]


@on_postgresql
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump and pg_restore are not installed")
def test_a_postgresql_dump_restores_with_its_rows_and_triggers(
    committed_world: World, tmp_path: Path
) -> None:
    dump = tmp_path / "samraad.dump"
    name = str(connection.settings_dict["NAME"])
    subprocess.run(["pg_dump", *_pg("-h")[1:], "-Fc", "-f", str(dump), name], check=True)
    restored = f"restore_{uuid.uuid4().hex[:12]}"
    admin = f"host={connection.settings_dict['HOST'] or '127.0.0.1'} user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f"CREATE DATABASE {restored}")
    try:
        subprocess.run(["pg_restore", *_pg("-h")[1:], "-d", restored, str(dump)], check=True)
        target = admin.replace("dbname=postgres", f"dbname={restored}")
        with psycopg.connect(target) as copy:
            counts = {t: copy.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
            names = copy.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_auditentry'::regclass"
            ).fetchall()
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                copy.execute("TRUNCATE audit_auditentry")
        assert counts == live_counts()
        assert {n for (n,) in names} >= set(triggers.POSTGRES_TRIGGERS)
    finally:
        with psycopg.connect(admin, autocommit=True) as server:
            server.execute(f"DROP DATABASE IF EXISTS {restored}")
