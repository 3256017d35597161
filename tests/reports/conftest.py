"""The web tests' small municipality (tests/web/world.py), today Monday 15 June 2026: the
reports are for May 2026, the last complete month."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.frames import cache
from tests.web.world import TODAY, World, build_world


@pytest.fixture(autouse=True)
def frozen_day(settings: SettingsWrapper) -> Iterator[None]:
    settings.SAMRAAD_TODAY = TODAY.isoformat()
    settings.SAMRAAD_DATA_CHECK_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.invalidate()
    yield
    cache.invalidate()


@pytest.fixture
def world(db: None) -> World:
    return build_world()
