"""A signed-in user's session and user rows are read once per process and kept while no
session or user changes (signin/sessions.py); a sign-out, a deactivated user and an
expired session are seen by the next request, another process's sign-out at the next
check of the versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.frames import cache
from samraad.frames.versions import changed
from tests.web.world import World

PAGE = "/units/SOL/"


def signed_in(world: World) -> Client:
    client = Client()
    client.force_login(world.alice)
    assert client.get(PAGE).status_code == 200
    return client


def reads(client: Client, table: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    return sum(1 for q in queries if f'FROM "{table}"' in q["sql"])


def refused(client: Client) -> bool:
    response = client.get(PAGE)
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_kept_session_and_user_cost_no_query(world: World, settings: SettingsWrapper) -> None:
    settings.SAMRAAD_DATA_CHECK_SECONDS = 3600  # only this process's changes move them
    cache.invalidate()
    client = signed_in(world)
    assert reads(client, "django_session") == 0
    assert reads(client, "auth_user") == 0


def test_without_keeping_each_request_reads_both(world: World) -> None:
    client = signed_in(world)  # the tests' check interval is 0: every request asks
    assert reads(client, "django_session") == 1
    assert reads(client, "auth_user") == 1


def test_a_signed_out_session_is_refused_at_once(world: World, settings: SettingsWrapper) -> None:
    settings.SAMRAAD_DATA_CHECK_SECONDS = 3600
    client = signed_in(world)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    client.post("/accounts/logout/")
    replayed = Client()
    replayed.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
    assert refused(replayed)


def test_a_deactivated_user_is_refused_at_once(world: World, settings: SettingsWrapper) -> None:
    settings.SAMRAAD_DATA_CHECK_SECONDS = 3600
    client = signed_in(world)
    world.alice.is_active = False
    world.alice.save()
    assert refused(client)


def test_another_process_signing_out_is_seen_at_the_next_check(world: World) -> None:
    client = signed_in(world)
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    # What another process does: its delete moves the counter in the database only.
    table = connection.ops.quote_name(Session._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE session_key = %s", [key])
    changed("sessions")
    assert refused(client)


def test_an_expired_session_is_not_served_from_memory(
    world: World, settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.SAMRAAD_DATA_CHECK_SECONDS = 3600
    client = signed_in(world)
    later = timezone.now() + dt.timedelta(seconds=django_settings.SESSION_COOKIE_AGE + 1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert refused(client)
