"""The forecast's disjoint periods: last year before and after the day, the year so far,
and the rest of the year."""

from __future__ import annotations

import datetime as dt

import pytest

from samraad.forecast.periods import Window

D = dt.date


def test_a_mid_year_day_gives_four_disjoint_periods() -> None:
    assert Window.of(2025, D(2025, 6, 30)).periods() == {
        "before": (D(2024, 1, 1), D(2024, 6, 30)),
        "after": (D(2024, 7, 1), D(2024, 12, 31)),
        "observed": (D(2025, 1, 1), D(2025, 6, 30)),
        "rest": (D(2025, 7, 1), D(2025, 12, 31)),
    }


def test_a_leap_day_maps_to_28_february_last_year() -> None:
    periods = Window.of(2024, D(2024, 2, 29)).periods()
    assert periods["before"] == (D(2023, 1, 1), D(2023, 2, 28))
    assert periods["after"] == (D(2023, 3, 1), D(2023, 12, 31))


def test_the_last_day_of_the_year_leaves_nothing_to_forecast() -> None:
    window = Window.of(2025, D(2026, 3, 1))
    assert window.complete
    assert window.periods() == {
        "before": (D(2024, 1, 1), D(2024, 12, 31)),
        "observed": (D(2025, 1, 1), D(2025, 12, 31)),
    }


def test_a_day_before_the_year_is_refused() -> None:
    with pytest.raises(ValueError, match="before the year 2025"):
        Window.of(2025, D(2024, 12, 31))
