from __future__ import annotations

import pytest
from django.db import connection

from samraad.audit import triggers
from tests.web.conftest import frozen_day, world

__all__ = ["append_only", "frozen_day", "world"]


@pytest.fixture
def append_only(db: None) -> None:
    """The triggers as the migrations leave them (a browser test's flush lifts them)."""
    triggers.install(connection)
