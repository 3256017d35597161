"""What an app contributes to the frames, declared on its AppConfig.

An AppConfig may define
- `frame_sources(self) -> dict[str, FrameSource]`: named frames read by raw SQL from
  its own tables (units, employments, absences …);
- `watched_tables(self) -> list[Watch]`: aggregates over its tables whose change means
  that results computed under a version ("data", "follow_up", …) are stale.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class Day:
    """A date column read as days since 1970-01-01: integers travel fast from the
    database and are what a Polars Date is made of."""

    column: str


@dataclass(frozen=True)
class FrameSource:
    table: str
    columns: tuple[str | Day, ...]
    schema: dict[str, Any]  # the Polars schema of the frame, one entry per column
    # A condition selecting the rows of some units, with `{units}` for their list; None:
    # the frame is always read whole.
    of_units: str | None = None


@dataclass(frozen=True)
class Watch:
    version: str  # the name of the version this table's change advances
    table: str
    aggregates: tuple[str, ...]  # SQL aggregates over the table, e.g. "COUNT(*)"


def _declared(method: str) -> Iterator[Any]:
    for config in apps.get_app_configs():
        declare = getattr(config, method, None)
        if declare is not None:
            yield declare()


def frame_sources() -> dict[str, FrameSource]:
    found: dict[str, FrameSource] = {}
    for declared in _declared("frame_sources"):
        found |= declared
    return found


def watched() -> list[Watch]:
    return [watch for declared in _declared("watched_tables") for watch in declared]
