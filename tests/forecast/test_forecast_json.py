"""The forecast's JSON is the spec's (management-information.md, "Forecast")."""

from __future__ import annotations

import datetime as dt

import pytest

from samraad.forecast import METHOD, UnknownUnit, forecast
from tests.forecast.worlds import ALICE_SINCE_JUNE, BO_IN_JANUARY, school


def test_the_json_has_exactly_the_specs_fields() -> None:
    data = school(BO_IN_JANUARY, ALICE_SINCE_JUNE)
    result = forecast(data, "KK", 2025, dt.date(2025, 6, 30)).to_json()
    assert list(result) == ["unit", "year", "as_of", "observed", "forecast", "target", "method"]
    assert list(result["observed"]) == ["from", "to", "absence_days_per_fte", "absence_rate"]
    assert list(result["forecast"]) == [
        "absence_days_per_fte",
        "absence_rate",
        "low",
        "high",
        "level",
    ]
    assert (result["unit"], result["year"], result["as_of"]) == ("KK", 2025, "2025-06-30")
    assert (result["target"], result["method"], result["forecast"]["level"]) == (None, METHOD, 0.8)
    assert all(isinstance(v, float) for v in result["forecast"].values())


def test_an_unknown_unit_or_a_day_before_the_year_is_refused() -> None:
    data = school()
    with pytest.raises(UnknownUnit, match="NOPE"):
        forecast(data, "NOPE", 2025, dt.date(2025, 6, 30))
    with pytest.raises(UnknownUnit, match="SKOLE"):
        forecast(data, "SKOLE", 2019, dt.date(2019, 6, 30))  # the school opened in 2020
    with pytest.raises(ValueError, match="before the year"):
        forecast(data, "SKOLE", 2025, dt.date(2024, 6, 30))
