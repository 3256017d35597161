"""Hypothesis profiles: `ci` replays the same examples on every run (HYPOTHESIS_PROFILE=ci,
set by .ci/run), so a landing never hinges on a new random draw; developers keep
exploring fresh examples by default."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_configure(config: pytest.Config) -> None:
    """The data's fingerprint is read in the request, not by a background thread that
    could still hold a database connection when the test database is dropped."""
    from django.conf import settings as django_settings

    django_settings.SAMRAAD_DATA_CHECK_SECONDS = 0
    # Each test's world is its own: no results shared through files between tests
    # (tests/test_frames_store.py turns sharing on in a folder of its own).
    django_settings.SAMRAAD_SHARED_DIR = ""


@pytest.fixture(autouse=True)
def audit_triggers_lifted_before_flush(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that commits (transaction=True, transactional_db, live_server) is cleaned
    up by flushing every table, which the audit log's triggers refuse (TRUNCATE on
    PostgreSQL, DELETE on SQLite): lift them first. Tests of the triggers install them
    (tests/audit/conftest.py `append_only`)."""
    marker = request.node.get_closest_marker("django_db")
    commits = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if not commits:
        yield
        return
    request.getfixturevalue("_django_db_helper")  # set up before, so torn down after, this
    yield
    from django.db import connection

    from samraad.audit import triggers

    triggers.remove(connection)


@pytest.fixture(autouse=True)
def nothing_kept_from_another_test() -> Iterator[None]:
    """Each test's database starts again from nothing, so its counters and counts can
    equal another test's: what a process keeps under them (results, users' scopes) must
    not carry over."""
    from samraad.frames import cache

    cache.invalidate()
    yield
    cache.invalidate()
