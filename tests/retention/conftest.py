from __future__ import annotations

from tests.audit.conftest import append_only
from tests.web.conftest import frozen_day, world

__all__ = ["append_only", "frozen_day", "world"]
