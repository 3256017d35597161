from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.frames import cache
from tests.meetings.world import Committees, build_committees
from tests.web.world import TODAY, World, build_world


@pytest.fixture(autouse=True)
def frozen_day(settings: SettingsWrapper) -> Iterator[None]:
    settings.SAMRAAD_TODAY = TODAY.isoformat()
    settings.SAMRAAD_DATA_CHECK_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.BASE_URL = "https://samraad.kk.example"
    settings.DEFAULT_FROM_EMAIL = "samraad@kk.example"
    cache.invalidate()
    yield
    cache.invalidate()


@pytest.fixture
def committees(db: None) -> Committees:
    return build_committees(build_world())


@pytest.fixture
def world(db: None) -> World:
    return build_world()
