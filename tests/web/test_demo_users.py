"""The demo's logins: one per role, scoped to real units of the data."""

from __future__ import annotations

from django.test import Client

from samraad.demo.users import create_demo_users
from samraad.org.models import Manager
from tests.web.world import TODAY, World


def test_one_login_per_role(world: World) -> None:
    users = create_demo_users(TODAY)
    assert [name for name, _ in users] == [
        "central",
        "hr",
        "leder",
        "med",
        "admin",
        "sekretaer",
        "formand",
    ]


def test_leder_manages_a_unit_from_managers_csv(client: Client, world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SAMRAAD_DEMO = True
    create_demo_users(TODAY)
    assert client.login(username="leder", password="demo")
    # Of the managed units (SOL: 8 employees, SOE: 6) the demo takes the largest.
    assert client.get("/units/SOL/employees/").status_code == 200
    assert client.get("/units/SOE/employees/").status_code == 403


def test_without_managers_a_team_of_twenty_gets_a_demo_manager(world: World) -> None:
    Manager.objects.all().delete()
    create_demo_users(TODAY)
    assert Manager.objects.get().employee_id == "demo-leder"


def test_demo_logins_are_refused_outside_the_demo(client: Client, world: World) -> None:
    create_demo_users(TODAY)
    assert not client.login(username="central", password="demo")


def test_openapi_document_lists_the_endpoints(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/v1/units/{unit_id}/statistics",
        "/v1/units/{unit_id}/sub-units",
        "/v1/units/{unit_id}/employees",
        "/v1/units/{unit_id}/longest",
        "/v1/alerts",
    }
