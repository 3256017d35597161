"""The audit log cannot be emptied or forged through the database (finding 5): TRUNCATE
on PostgreSQL, REPLACE on SQLite and an upsert are refused like UPDATE and DELETE; only
the retention purge's gate lets a DELETE through, and only inside it."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from samraad.audit import triggers
from samraad.audit.models import AuditEntry

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")


@pytest.fixture
def entry(append_only: None) -> AuditEntry:
    return AuditEntry.objects.create(username="alice", action="view", page="test", path="/")


def refused(sql: str) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except DatabaseError as exc:
        return "append-only" in str(exc)
    return False


@on_postgresql
def test_truncate_is_refused_on_postgresql(entry: AuditEntry) -> None:
    assert refused("TRUNCATE audit_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@on_sqlite
@pytest.mark.parametrize("verb", ["REPLACE", "INSERT OR REPLACE"])
def test_replacing_an_entry_is_refused_on_sqlite(entry: AuditEntry, verb: str) -> None:
    sql = (
        f"{verb} INTO audit_auditentry (id, at, username, roles, action, page, path, unit_id, "
        f"employee_id, subjects, target, detail) VALUES ({entry.pk}, '2026-01-01', 'mallory', "
        "'', 'view', 'forged', '/', '', '', '', '', '')"
    )
    assert refused(sql)
    assert AuditEntry.objects.get(pk=entry.pk).username == "alice"


def test_an_upsert_over_an_entry_is_refused(entry: AuditEntry) -> None:
    sql = (
        "INSERT INTO audit_auditentry (id, at, username, roles, action, page, path, unit_id, "
        f"employee_id, subjects, target, detail) VALUES ({entry.pk}, '2026-01-01', 'mallory', "
        "'', 'view', 'forged', '/', '', '', '', '', '') "
        "ON CONFLICT (id) DO UPDATE SET username = 'mallory'"
    )
    assert refused(sql)
    assert AuditEntry.objects.get(pk=entry.pk).username == "alice"


def test_a_new_entry_is_still_accepted(entry: AuditEntry) -> None:
    AuditEntry.objects.create(username="bob", action="view", page="test", path="/")
    assert AuditEntry.objects.count() == 2


def test_the_purge_gate_lets_a_delete_through_only_inside_it(entry: AuditEntry) -> None:
    other = AuditEntry.objects.create(username="bob", action="view", page="test", path="/")
    with triggers.purge_gate(connection), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert list(AuditEntry.objects.values_list("username", flat=True)) == ["bob"]
    assert refused("DELETE FROM audit_auditentry")
    assert AuditEntry.objects.filter(pk=other.pk).exists()


@on_sqlite
def test_raw_sql_cannot_open_the_sqlite_gate(entry: AuditEntry) -> None:
    """The gate is a function answering from the purging thread's flag, not a value SQL sets."""
    assert refused("DELETE FROM audit_auditentry WHERE samraad_purging() = 0 OR 1")


def test_every_trigger_is_installed(append_only: None) -> None:
    expected = (
        triggers.SQLITE_TRIGGERS if connection.vendor == "sqlite" else triggers.POSTGRES_TRIGGERS
    )
    assert triggers.installed(connection) == set(expected)
