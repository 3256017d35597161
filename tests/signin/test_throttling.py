"""Password sign-in is throttled (finding 7): after the limit of failures the right
password is refused too, until the cooldown has passed; the page says so in Danish."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.signin.models import LoginFailure
from tests.web.world import PASSWORD, World


def sign_in(client: Client, username: str, password: str, ip: str = "10.0.0.7") -> bool:
    response = client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )
    return response.status_code == 302


@pytest.fixture(autouse=True)
def limits(settings: SettingsWrapper) -> None:
    settings.SAMRAAD_LOGIN_FAILURE_LIMIT = 5
    settings.SAMRAAD_LOGIN_IP_FAILURE_LIMIT = 50
    settings.SAMRAAD_LOGIN_COOLDOWN_SECONDS = 900


def test_a_hundred_wrong_passwords_then_the_right_one_is_refused(
    client: Client, world: World
) -> None:
    assert not any(sign_in(client, "alice", f"guess-{n}") for n in range(100))
    assert not sign_in(client, "alice", PASSWORD)
    # Attempts refused by the lock are not even tried, nor counted.
    assert LoginFailure.objects.filter(username="alice").count() == 5


def test_the_lock_is_per_user_name_from_any_address(client: Client, world: World) -> None:
    for n in range(5):
        sign_in(client, "alice", f"guess-{n}", ip=f"10.0.1.{n}")
    assert not sign_in(client, "alice", PASSWORD, ip="10.9.9.9")
    assert sign_in(Client(), "bob", PASSWORD, ip="10.0.1.1")


def test_the_login_page_says_when_to_try_again_in_danish(client: Client, world: World) -> None:
    for n in range(5):
        sign_in(client, "alice", f"guess-{n}")
    first = LoginFailure.objects.order_by("at").first()
    assert first is not None
    until = timezone.localtime(first.at + dt.timedelta(seconds=900))
    page = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    expected = f"For mange mislykkede login. Prøv igen efter kl. {until:%H.%M}."
    assert expected in page.content.decode()


def test_the_lock_lifts_after_the_cooldown(client: Client, world: World) -> None:
    for n in range(5):
        sign_in(client, "alice", f"guess-{n}")
    LoginFailure.objects.update(at=timezone.now() - dt.timedelta(seconds=901))
    assert sign_in(client, "alice", PASSWORD)
    assert not LoginFailure.objects.filter(username="alice").exists()


def test_fewer_failures_than_the_limit_do_not_lock(client: Client, world: World) -> None:
    for n in range(4):
        sign_in(client, "alice", f"guess-{n}")
    assert sign_in(client, "alice", PASSWORD)


def test_guessing_across_user_names_locks_the_address(
    client: Client, world: World, settings: SettingsWrapper
) -> None:
    settings.SAMRAAD_LOGIN_IP_FAILURE_LIMIT = 10
    for n in range(10):
        sign_in(client, f"user{n}", "guess", ip="10.6.6.6")
    assert not sign_in(client, "bob", PASSWORD, ip="10.6.6.6")
    assert sign_in(Client(), "bob", PASSWORD, ip="10.7.7.7")


def test_the_admin_login_and_test_client_login_are_throttled_too(
    client: Client, world: World
) -> None:
    for n in range(5):
        client.post("/admin/login/", {"username": "ada", "password": f"guess-{n}"})
    assert LoginFailure.objects.filter(username="ada").count() == 5
    assert not client.login(username="ada", password=PASSWORD)


def test_switching_password_login_off_refuses_passwords(
    client: Client, world: World, settings: SettingsWrapper
) -> None:
    settings.SAMRAAD_PASSWORD_LOGIN = False
    assert not client.login(username="alice", password=PASSWORD)
