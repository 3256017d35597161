"""One small synthetic world shared by the synth tests (generated once per worker)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from samraad.synth import generate_frames

TODAY = dt.date(2026, 6, 30)
Frames = dict[str, pl.DataFrame]


def small_world(seed: int = 11, today: dt.date = TODAY) -> Frames:
    return generate_frames(employees=4_000, years=5, seed=seed, today=today)


@pytest.fixture(scope="session")
def world() -> Frames:
    return small_world()
