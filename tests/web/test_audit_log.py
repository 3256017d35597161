"""Every view and export of person-level data is logged once, before it is shown; the
log cannot be changed by the app, not even by raw SQL through its connection."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client

from samraad.audit import triggers
from samraad.audit.admin import AuditEntryAdmin
from samraad.audit.models import AppendOnly, AuditEntry
from tests.web.world import World, employee_ids


def test_each_personal_view_and_export_is_one_entry(client: Client, world: World) -> None:
    client.force_login(world.alice)
    client.get("/units/SOL/employees/")
    client.get("/units/SOL/employees.csv")
    client.get("/api/v1/units/SOL/employees")
    client.get("/employees/SOL-1/")
    entries = list(AuditEntry.objects.exclude(action="role").order_by("id"))
    assert [(e.username, e.action, e.page) for e in entries] == [
        ("alice", "view", "absence:employees"),
        ("alice", "export", "absence:employees_csv"),
        ("alice", "api", "api:employees"),
        ("alice", "view", "absence:person"),
    ]
    assert entries[0].unit_id == "SOL"
    assert entries[0].subjects.split() == sorted(employee_ids("SOL"))
    assert entries[3].employee_id == "SOL-1"


def test_figures_only_pages_are_not_logged(client: Client, world: World) -> None:
    client.force_login(world.alice)
    client.get("/")
    client.get("/units/SOL/")
    client.get("/api/v1/units/SOL/statistics")
    # (the world's users and roles are in the log as role changes: tests/audit/)
    # The home page names the manager's waiting alerts: that is logged, the figures not.
    logged = AuditEntry.objects.exclude(action="role").values_list("page", "subjects")
    assert list(logged) == [("absence:overview", "SOL-1")]


def test_a_refused_request_leaves_no_entry(client: Client, world: World) -> None:
    client.force_login(world.mette)
    client.get("/units/SOL/employees/")
    client.get("/employees/SOL-1/")
    assert not AuditEntry.objects.exclude(action="role").exists()


@pytest.fixture
def entry(world: World) -> AuditEntry:
    # The migration installs the triggers; a browser test before this one in the same
    # process lifted them for its flush, so they are installed again (idempotent).
    triggers.install(connection)
    return AuditEntry.objects.create(username="alice", action="view", page="test", path="/")


def test_the_model_refuses_change_and_removal(entry: AuditEntry) -> None:
    entry.page = "changed"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(page="changed")
    with pytest.raises(AppendOnly):
        AuditEntry.objects.all().delete()


@pytest.mark.parametrize(
    "sql", ["UPDATE audit_auditentry SET page = 'changed'", "DELETE FROM audit_auditentry"]
)
def test_the_database_refuses_raw_sql(entry: AuditEntry, sql: str) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.get(pk=entry.pk).page == "test"


def test_the_admin_offers_no_change(entry: AuditEntry, rf) -> None:  # type: ignore[no-untyped-def]
    from django.contrib import admin

    model_admin = AuditEntryAdmin(AuditEntry, admin.site)
    request = rf.get("/")
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)


def test_central_hr_finds_who_saw_a_person(client: Client, world: World) -> None:
    client.force_login(world.alice)
    client.get("/units/SOL/employees/")
    client.force_login(world.carl)
    response = client.get("/audit/", {"employee": "SOL-3"})
    assert [e.username for e in response.context["page"].entries] == ["alice"]
    assert AuditEntry.objects.filter(username="carl", page="audit:search").count() == 1
