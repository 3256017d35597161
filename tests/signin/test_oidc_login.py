"""Sign-in with the municipality's identity provider, against a real OpenID Connect
provider running in the test (tests/signin/provider.py): the browser's redirects are
followed by hand between Django's test client and the provider."""

from __future__ import annotations

import http.client
import json
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.accounts.models import RoleAssignment, RoleSource
from samraad.audit.models import AuditEntry
from samraad.signin import oidc
from samraad.signin.models import OidcIdentity
from tests.signin.provider import CLIENT_ID, CLIENT_SECRET, Provider, running_provider
from tests.web.world import World

GROUPS = {
    "grp-central-hr": "central_hr",
    "grp-hr-buf": ["hr_partner:BUF"],
    "grp-managers": "manager",
}


@pytest.fixture
def provider(settings: SettingsWrapper) -> Iterator[Provider]:
    with running_provider() as running:
        settings.SAMRAAD_OIDC_ISSUER = running.issuer
        settings.SAMRAAD_OIDC_CLIENT_ID = CLIENT_ID
        settings.SAMRAAD_OIDC_CLIENT_SECRET = CLIENT_SECRET
        settings.SAMRAAD_OIDC_GROUP_ROLES = json.dumps(GROUPS)
        settings.SAMRAAD_OIDC_EMPLOYEE_CLAIM = "employee_id"
        oidc.forget_provider()
        yield running
        oidc.forget_provider()


def provider_redirect(url: str) -> str:
    """What the browser does at the provider: GET the authorization URL, read the 302."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    connection.request("GET", f"{parts.path}?{parts.query}")
    response = connection.getresponse()
    assert response.status == 302, response.read()
    location = response.getheader("Location") or ""
    connection.close()
    return location


def sign_in(client: Client, provider: Provider, claims: dict[str, Any], next_url: str = "") -> str:
    """The whole round; returns where Samråd sends the browser at the end."""
    provider.signed_in = claims
    start = client.get("/accounts/oidc/login/", {"next": next_url} if next_url else {})
    assert start.status_code == 302 and start["Location"].startswith(provider.issuer)
    back = urllib.parse.urlsplit(provider_redirect(start["Location"]))
    assert back.path == "/accounts/oidc/callback/"
    done = client.get(f"{back.path}?{back.query}")
    assert done.status_code == 302
    return str(done["Location"])


def test_a_new_user_signs_in_with_roles_from_the_groups(
    client: Client, world: World, provider: Provider
) -> None:
    claims = {"sub": "0b1f", "preferred_username": "dora@kk.example", "groups": ["grp-hr-buf"]}
    assert sign_in(client, provider, claims, next_url="/units/SOL/employees/") == (
        "/units/SOL/employees/"
    )
    dora = User.objects.get(username="dora@kk.example")
    assert not dora.has_usable_password()
    assert OidcIdentity.objects.get(user=dora).issuer == provider.issuer
    roles = RoleAssignment.objects.filter(user=dora)
    assert [(r.role, r.unit_id, r.source) for r in roles] == [("hr_partner", "BUF", RoleSource.IDP)]
    assert client.get("/units/SOL/employees/").status_code == 200
    logged = AuditEntry.objects.get(
        action="role", target="dora@kk.example", page="accounts.roleassignment"
    )
    assert (logged.username, logged.detail) == (
        f"identity provider {provider.issuer}",
        "role given: hr_partner BUF",
    )


def test_roles_follow_the_groups_at_each_sign_in(
    client: Client, world: World, provider: Provider
) -> None:
    first = {"sub": "77", "preferred_username": "erik", "groups": ["grp-central-hr"]}
    sign_in(client, provider, first)
    client.logout()
    later = {
        "sub": "77",
        "preferred_username": "erik",
        "groups": ["grp-managers"],
        "employee_id": "M-SOL",
    }
    sign_in(client, provider, later)
    erik = User.objects.get(username="erik")
    assert [(r.role, r.employee_id) for r in RoleAssignment.objects.filter(user=erik)] == [
        ("manager", "M-SOL")
    ]
    assert client.get("/units/SOL/employees/").status_code == 200
    assert client.get("/units/SOE/employees/").status_code == 403


def test_roles_given_in_the_app_are_kept(client: Client, world: World, provider: Provider) -> None:
    """Carl was made central HR in the app: his groups add to that, never take it away."""
    sign_in(client, provider, {"sub": "c1", "preferred_username": "carl", "groups": []})
    assert OidcIdentity.objects.get(subject="c1").user == world.carl
    assert list(RoleAssignment.objects.filter(user=world.carl).values_list("role", "source")) == [
        ("central_hr", "app")
    ]


def test_without_a_mapping_roles_are_kept_in_the_app(
    client: Client, world: World, provider: Provider, settings: SettingsWrapper
) -> None:
    settings.SAMRAAD_OIDC_GROUP_ROLES = ""
    sign_in(
        client, provider, {"sub": "f1", "preferred_username": "frida", "groups": ["grp-central-hr"]}
    )
    frida = User.objects.get(username="frida")
    assert not RoleAssignment.objects.filter(user=frida).exists()
    assert client.get("/").status_code == 200  # signed in, but sees nothing
    assert client.get("/employees/SOL-1/").status_code == 404


def test_the_subject_not_the_user_name_is_the_identity(
    client: Client, world: World, provider: Provider
) -> None:
    sign_in(client, provider, {"sub": "s-1", "preferred_username": "gina"})
    client.logout()
    # Someone else at the provider now carries the name "gina": not let into her account.
    assert (
        sign_in(client, provider, {"sub": "s-2", "preferred_username": "gina"})
        == "/accounts/login/"
    )
    assert OidcIdentity.objects.filter(user__username="gina").count() == 1


def test_a_token_for_another_client_is_refused(
    client: Client, world: World, provider: Provider
) -> None:
    claims = {"sub": "h1", "preferred_username": "hans", "_override": {"aud": "someone-else"}}
    assert sign_in(client, provider, claims) == "/accounts/login/"
    assert not User.objects.filter(username="hans").exists()


def test_an_expired_token_is_refused(client: Client, world: World, provider: Provider) -> None:
    claims = {"sub": "i1", "preferred_username": "ida", "_override": {"exp": 1_000_000}}
    assert sign_in(client, provider, claims) == "/accounts/login/"
    assert "_auth_user_id" not in client.session


def test_a_callback_with_a_forged_state_is_refused(
    client: Client, world: World, provider: Provider
) -> None:
    provider.signed_in = {"sub": "j1", "preferred_username": "jens"}
    start = client.get("/accounts/oidc/login/")
    back = urllib.parse.urlsplit(provider_redirect(start["Location"]))
    query = dict(urllib.parse.parse_qsl(back.query)) | {"state": "forged"}
    assert client.get(back.path, query)["Location"] == "/accounts/login/"
    assert provider.token_requests == 0


def test_the_login_page_offers_the_municipalitys_login(
    client: Client, world: World, provider: Provider
) -> None:
    page = client.get("/accounts/login/").content.decode()
    assert 'id="oidc-login"' in page


def test_without_an_issuer_there_is_no_oidc_login(client: Client, world: World) -> None:
    assert client.get("/accounts/oidc/login/").status_code == 404
    assert 'id="oidc-login"' not in client.get("/accounts/login/").content.decode()


def test_the_profile_follows_the_claims(client: Client, world: World, provider: Provider) -> None:
    claims = {"sub": "k1", "preferred_username": "karen", "email": "karen@kk.example"}
    sign_in(client, provider, claims | {"given_name": "Karen", "family_name": "Holm"})
    karen = User.objects.get(username="karen")
    assert (karen.email, karen.first_name, karen.last_name) == ("karen@kk.example", "Karen", "Holm")
