"""Every error the API answers is JSON (finding 10), whichever layer makes it: one test
per status."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.accounts.tokens import create_token
from tests.web.world import World


def _json(response, status: int) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"]
    return str(body["error"])


def test_400_names_the_parameter(client: Client, world: World) -> None:
    client.force_login(world.carl)
    response = client.get("/api/v1/units/SOL/statistics?from=2026-13-01")
    assert _json(response, 400) == "from: not a date (YYYY-MM-DD): '2026-13-01'"


def test_401_without_a_session_or_token(client: Client, world: World) -> None:
    response = client.get("/api/v1/alerts")
    assert _json(response, 401) == "sign in or send Authorization: Bearer TOKEN"


def test_403_outside_the_scope(client: Client, world: World) -> None:
    client.force_login(world.alice)
    assert _json(client.get("/api/v1/units/BIB/statistics"), 403) == (
        "the unit is outside your scope"
    )


def test_403_from_the_csrf_check_on_a_post_with_the_session(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.carl)
    response = client.post("/api/v1/alerts", {"status": "open"})
    assert _json(response, 403) == (
        "CSRF check failed (CSRF cookie not set.); the API only answers GET"
    )


def test_403_from_the_csrf_check_on_a_post_with_a_token(world: World) -> None:
    token = create_token(world.carl, "script")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/alerts", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert _json(response, 403).startswith("CSRF check failed")


def test_the_pages_keep_djangos_csrf_page(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.carl)
    response = client.post("/accounts/token/")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


def test_404_for_an_unknown_unit(client: Client, world: World) -> None:
    client.force_login(world.carl)
    assert _json(client.get("/api/v1/units/NOPE/statistics"), 404) == "no such unit"


def test_404_for_an_unknown_address(client: Client, world: World) -> None:
    client.force_login(world.carl)
    assert _json(client.get("/api/v1/nothing-here"), 404) == "not found"


@pytest.mark.parametrize("url", ["/api/v1/alerts", "/api/openapi.json"])
def test_405_for_a_method_other_than_get(client: Client, world: World, url: str) -> None:
    client.force_login(world.carl)
    response = client.options(url)
    assert _json(response, 405) in (
        "only GET is supported",
        "method not allowed; the API only answers GET",
    )
    assert response["Allow"] == "GET"


def test_413_for_a_body_over_the_limit(
    client: Client, world: World, settings: SettingsWrapper
) -> None:
    settings.SAMRAAD_UPLOAD_MAX_MB = 1
    client.force_login(world.carl)
    response = client.generic("PUT", "/api/v1/alerts", b"x" * (1024 * 1024 + 1))
    assert _json(response, 413) == "the request body is larger than 1 MB"


def test_500_when_the_server_fails(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("samraad.api.views.alerts_for_scope", crash)
    client = Client(raise_request_exception=False)
    client.force_login(world.carl)
    assert _json(client.get("/api/v1/alerts"), 500) == (
        "internal error; the server's log has the details"
    )
