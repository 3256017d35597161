from __future__ import annotations

from tests.web.conftest import frozen_day, world

__all__ = ["frozen_day", "world"]
