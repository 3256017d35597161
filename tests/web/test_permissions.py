"""Every role against every page and API endpoint, the negatives included."""

from __future__ import annotations

import pytest
from django.test import Client

from samraad.audit.models import AuditEntry
from tests.web.world import World

ROLES = ["alice", "bob", "hanna", "carl", "mette", "henrik", "ada"]

# url: expected status for alice, bob, hanna, carl, mette, henrik, ada
PAGES = {
    "/": [200, 200, 200, 200, 200, 200, 200],
    "/org/": [200, 200, 200, 200, 200, 200, 200],
    "/org/?unit=SOL": [200, 403, 200, 200, 200, 200, 403],
    "/org/BIB/children/": [403, 403, 403, 200, 200, 403, 403],
    "/units/SOL/": [200, 403, 200, 200, 200, 200, 403],
    "/units/SOL/?structure=current": [200, 403, 200, 200, 200, 200, 403],
    "/units/DAG/": [403, 403, 200, 200, 200, 200, 403],
    "/units/BIB/": [403, 403, 403, 200, 200, 403, 403],
    "/units/NOPE/": [404, 404, 404, 404, 404, 404, 404],
    "/units/SOL/employees/": [200, 403, 200, 200, 403, 403, 403],
    "/units/SOL/employees.csv": [200, 403, 200, 200, 403, 403, 403],
    "/units/SOE/employees/": [403, 200, 200, 200, 403, 403, 403],
    "/employees/SOL-1/": [200, 404, 200, 200, 404, 404, 404],
    "/employees/BIB-1/": [404, 404, 404, 200, 404, 404, 404],
    "/employees/NOBODY/": [404, 404, 404, 404, 404, 404, 404],
    "/alerts/": [200, 200, 200, 200, 403, 403, 403],
    "/audit/": [403, 403, 403, 200, 403, 403, 403],
    "/import/": [403, 403, 403, 403, 403, 403, 200],
    "/accounts/token/": [200, 200, 200, 200, 200, 200, 200],
}
API = {
    "/api/v1/units/SOL/statistics": [200, 403, 200, 200, 200, 200, 403],
    "/api/v1/units/SOL/sub-units": [200, 403, 200, 200, 200, 200, 403],
    "/api/v1/units/BIB/statistics": [403, 403, 403, 200, 200, 403, 403],
    "/api/v1/units/NOPE/statistics": [404, 404, 404, 404, 404, 404, 404],
    "/api/v1/units/SOL/employees": [200, 403, 200, 200, 403, 403, 403],
    "/api/v1/units/KK/employees": [403, 403, 403, 200, 403, 403, 403],
    "/api/v1/alerts": [200, 200, 200, 200, 403, 403, 403],
}
CASES = [
    (url, role, expected[i])
    for table in (PAGES, API)
    for url, expected in table.items()
    for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("url", "role", "status"), CASES)
def test_role_gets_status(client: Client, world: World, url: str, role: str, status: int) -> None:
    client.force_login(getattr(world, role))
    assert client.get(url).status_code == status


@pytest.mark.parametrize("url", list(PAGES))
def test_anonymous_is_sent_to_sign_in(client: Client, world: World, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", list(API))
def test_api_without_credentials_answers_401(client: Client, world: World, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 401
    assert "error" in response.json()


def test_manager_asking_for_another_units_employees_learns_nothing(
    client: Client, world: World
) -> None:
    client.force_login(world.bob)
    for url in (
        "/units/SOL/employees/",
        "/units/SOL/employees.csv",
        "/api/v1/units/SOL/employees",
        "/employees/SOL-1/",
        "/employees/SOL-2/",
    ):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert b"SOL-1" not in response.content and b"SOL-2" not in response.content, url
    assert not AuditEntry.objects.filter(username="bob").exists()


def test_a_guessed_person_and_an_unknown_one_answer_alike(client: Client, world: World) -> None:
    client.force_login(world.alice)
    outside, unknown = client.get("/employees/BIB-1/"), client.get("/employees/NOBODY/")
    assert outside.status_code == unknown.status_code == 404


def test_the_password_demo_opens_nothing_outside_the_demo(client: Client, world: World) -> None:
    world.alice.set_password("demo")
    world.alice.save()
    assert not client.login(username="alice", password="demo")


def test_the_password_demo_works_in_the_demo(client: Client, world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SAMRAAD_DEMO = True
    world.alice.set_password("demo")
    world.alice.save()
    assert client.login(username="alice", password="demo")


def test_bearer_token_reads_with_its_owners_permissions(client: Client, world: World) -> None:
    from samraad.accounts.tokens import create_token

    token = create_token(world.alice, "script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/v1/units/SOL/employees", **auth).status_code == 200
    assert client.get("/api/v1/units/SOE/employees", **auth).status_code == 403
    bad = client.get("/api/v1/units/SOL/employees", HTTP_AUTHORIZATION="Bearer nope")
    assert bad.status_code == 401
