"""API tokens (finding 10) expire after SAMRAAD_API_TOKEN_DAYS and can be revoked: by
their user on the token page, by an administrator in the admin."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.accounts.models import ApiToken
from samraad.accounts.tokens import create_token
from tests.web.world import World

URL = "/api/v1/units/SOL/statistics"


def _made_ago(days: float) -> dt.datetime:
    """Date the token named "script" back to `days` ago; when it was made."""
    made = timezone.now() - dt.timedelta(days=days)
    ApiToken.objects.filter(name="script").update(created_at=made)
    return made


def _read(client: Client, token: str) -> tuple[int, dict[str, str]]:
    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {token}")
    return response.status_code, response.json()


def test_a_token_works_until_its_lifetime_is_over(client: Client, world: World) -> None:
    token = create_token(world.alice, "script")
    _made_ago(89.9)
    assert _read(client, token)[0] == 200
    made = _made_ago(90.1)
    status, body = _read(client, token)
    ended = (made + dt.timedelta(days=90)).date()
    assert (status, body) == (
        401,
        {
            "error": f"the token expired on {ended:%Y-%m-%d}; "
            "create a new one at http://127.0.0.1:8000/accounts/token/"
        },
    )


def test_a_shorter_lifetime_ends_older_tokens_at_once(
    client: Client, world: World, settings: SettingsWrapper
) -> None:
    token = create_token(world.alice, "script")
    _made_ago(2)
    assert _read(client, token)[0] == 200
    settings.SAMRAAD_API_TOKEN_DAYS = 1
    assert _read(client, token)[0] == 401


def test_the_token_page_shows_the_lifetime_and_each_tokens_expiry(
    client: Client, world: World
) -> None:
    create_token(world.alice, "script")
    made = ApiToken.objects.get(name="script").created_at
    client.force_login(world.alice)
    page = client.get("/accounts/token/")
    content = page.content.decode()
    assert (
        "Et token virker i 90 dage, efter det er oprettet. Tilbagekald et token, "
        "du ikke længere bruger."
    ) in content
    until = timezone.localtime(made + dt.timedelta(days=90))
    assert f"<td>{until:%d.%m.%Y %H:%M}</td>" in content
    assert page.context["page"].tokens[0].expired is False


def test_a_user_revokes_their_token(client: Client, world: World) -> None:
    token = create_token(world.alice, "script")
    kept = create_token(world.alice, "other")
    client.force_login(world.alice)
    pk = ApiToken.objects.get(name="script").pk
    response = client.post("/accounts/token/", {"revoke": str(pk)}, follow=True)
    assert "Tokenet er tilbagekaldt: det virker ikke længere." in response.content.decode()
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["other"]
    client.logout()
    assert _read(client, token) == (401, {"error": "unknown token (it may have been revoked)"})
    assert _read(client, kept)[0] == 200


def test_nobody_revokes_another_users_token(client: Client, world: World) -> None:
    create_token(world.alice, "script")
    client.force_login(world.bob)
    pk = ApiToken.objects.get(name="script").pk
    client.post("/accounts/token/", {"revoke": str(pk)})
    assert ApiToken.objects.filter(pk=pk).exists()


def test_an_administrator_revokes_any_token_in_the_admin(client: Client, world: World) -> None:
    token = create_token(world.alice, "script")
    pk = ApiToken.objects.get(name="script").pk
    root = User.objects.create_superuser("root", "root@kk.example", "pw")
    client.force_login(root)
    listing = client.get("/admin/accounts/apitoken/")
    assert listing.status_code == 200 and "alice" in listing.content.decode()
    assert client.get("/admin/accounts/apitoken/add/").status_code == 403
    response = client.post(f"/admin/accounts/apitoken/{pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(pk=pk).exists()
    client.logout()
    assert _read(client, token)[0] == 401
