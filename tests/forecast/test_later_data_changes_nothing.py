"""A forecast made on a day does not change when data after the day are added or
changed: it reads only what was known on the day."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samraad.forecast import forecast, forecast_units, known_on
from tests.forecast.worlds import BO_IN_JANUARY, day, histories, later_changes, school


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_forecast_made_on_a_day_ignores_everything_after_it(data: st.DataObject) -> None:
    world, today = data.draw(histories())
    changed = data.draw(later_changes(world, today))
    as_of = day(today)
    before, after = world.dataset(), changed.dataset()

    for frame in ("units", "employments", "absences"):
        known_before = getattr(known_on(before, as_of), frame).drop("employment_id", strict=False)
        known_after = getattr(known_on(after, as_of), frame).drop("employment_id", strict=False)
        assert known_before.sort(pl.all()).equals(known_after.sort(pl.all()))
    assert forecast_units(before, as_of.year, as_of) == forecast_units(after, as_of.year, as_of)
    unit = data.draw(st.sampled_from(["KK", "A1", "U1"]))
    assert (
        forecast(before, unit, as_of.year, as_of).to_json()
        == forecast(after, unit, as_of.year, as_of).to_json()
    )


def test_the_end_of_a_running_spell_counts_only_once_it_has_come() -> None:
    # Alice falls ill on 2 June; whether she is back on 15 August or stays away, the
    # forecast of 30 June is the same, and those of 30 September differ.
    back = school(BO_IN_JANUARY, ("ALICE", "own_sickness", "2025-06-02", "2025-08-15", 1.0))
    away = school(BO_IN_JANUARY, ("ALICE", "own_sickness", "2025-06-02", None, 1.0))
    june, september = dt.date(2025, 6, 30), dt.date(2025, 9, 30)
    assert forecast(back, "SKOLE", 2025, june) == forecast(away, "SKOLE", 2025, june)
    assert (
        forecast(back, "SKOLE", 2025, september).outlook.days_per_fte
        < forecast(away, "SKOLE", 2025, september).outlook.days_per_fte
    )
