"""The method on a school of two, where each part can be worked out by hand."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from samraad.forecast import forecast, forecast_units, known_on
from samraad.forecast.inputs import gather
from samraad.forecast.model import Rest, gamma_quantile, rests
from samraad.forecast.periods import Window
from samraad.stats import Dataset, Structure
from tests.forecast.worlds import ALICE_SINCE_JUNE, BO_IN_JANUARY, school
from tests.stats.oracle import days, is_working
from tests.stats.small_worlds import dataset

D = dt.date
JUNE_END = D(2025, 6, 30)
REST_DAYS = days(D(2025, 7, 1), D(2025, 12, 31))  # 128 working days among them


def rest_of(data: Dataset, unit: str, as_of: dt.date = JUNE_END) -> Rest:
    inputs = gather(known_on(data, as_of), Window.of(2025, as_of), [unit], Structure.HISTORIC)
    return rests(inputs)[unit]


def test_naive_forecasts_carry_the_year_so_far_and_repeat_last_year() -> None:
    (outlook,) = forecast_units(
        school(BO_IN_JANUARY, ALICE_SINCE_JUNE), 2025, JUNE_END, units=["SKOLE"]
    )
    # 19 of 2 × 122 working days so far, carried over 250; last year 8 of 2 × 251 days.
    assert outlook.naive_year_to_date == pytest.approx(19 / 244 * 250)
    assert outlook.naive_last_year == pytest.approx(4.0)
    assert outlook.observed_fte == pytest.approx(2.0)


def test_an_open_spell_follows_the_survival_of_the_staffs_spells() -> None:
    # Two spells in three years: Bo's ended after 10 days, Alice's has gone on for 30.
    # Too few for Kaplan–Meier, so one hazard for every age: 1 end in 40 days at risk.
    # No spell began in July–December last year, so no new spells are expected.
    rest = rest_of(school(BO_IN_JANUARY, ALICE_SINCE_JUNE), "SKOLE")
    q = Fraction(39, 40)
    alive = [q ** (k + 1) for k in range(len(REST_DAYS))]  # P(still ill k + 1 days on)
    work = [1 if is_working(d) else 0 for d in REST_DAYS]
    mean = sum(w * a for w, a in zip(work, alive, strict=True))
    running = [sum(work[: k + 1]) for k in range(len(work))]
    second = sum(w * a * (2 * c - w) for w, a, c in zip(work, alive, running, strict=True))
    assert sum(work) == 128
    assert rest.planned == pytest.approx(2 * 7.4 * 128)
    assert rest.new_mean == 0.0
    assert rest.open_mean == pytest.approx(7.4 * float(mean))
    assert rest.open_variance == pytest.approx(7.4**2 * float(second - mean**2))


def test_the_forecast_is_the_median_of_the_year_and_lies_in_its_interval() -> None:
    data = school(BO_IN_JANUARY, ALICE_SINCE_JUNE)
    rest = rest_of(data, "SKOLE")
    result = forecast(data, "SKOLE", 2025, JUNE_END, target=12.5).to_json()
    median = gamma_quantile(rest.mean, rest.variance, 0.0)
    assert result["observed"] == {
        "from": "2025-01-01",
        "to": "2025-06-30",
        "absence_days_per_fte": 9.5,  # 19 days of 2 FTE
        "absence_rate": 7.7869,  # 19 / 244
    }
    expected = (19 * 7.4 + median) / (2 * 7.4 * 250) * 250
    assert result["forecast"]["absence_days_per_fte"] == round(expected, 2)
    assert result["forecast"]["low"] < result["forecast"]["absence_days_per_fte"]
    assert result["forecast"]["absence_days_per_fte"] < result["forecast"]["high"]
    assert result["target"] == 12.5


def test_new_spells_follow_last_years_season_and_the_last_twelve_months() -> None:
    # Last year only Bo's week in September, which began in July–December: the season
    # factor is that half's rate over the year's, (5 / 256) / (5 / 502). The last twelve
    # months hold Bo's week and Alice's in March: 10 of 2 × 250 working days.
    data = school(
        ("BO", "own_sickness", "2024-09-02", "2024-09-06", 1.0),
        ("ALICE", "own_sickness", "2025-03-03", "2025-03-07", 1.0),
    )
    rest = rest_of(data, "SKOLE")
    assert rest.open_mean == 0.0
    assert rest.new_mean == pytest.approx(2 * 7.4 * 128 * (10 / 500) * (502 / 256))


def test_a_small_unit_is_shrunk_toward_its_reference() -> None:
    # Ann (unit A) had all the absence and both spells of the last twelve months, Bent
    # (B) none: twice the municipality's rate and spells per FTE, and none. Each is 1 FTE,
    # so its rate weighs 1 / (1 + 100) and its spells 1 / (1 + 50) against the
    # municipality's level of 1; the level is the mean of the two.
    data = dataset(
        [
            ("KK", None, "2020-01-01", None),
            ("A", "KK", "2020-01-01", None),
            ("B", "KK", "2020-01-01", None),
        ],
        [("ANN", "A", 37, "2020-01-01", None), ("BENT", "B", 37, "2020-01-01", None)],
        [
            ("ANN", "own_sickness", "2024-09-02", "2024-09-06", 1.0),
            ("ANN", "own_sickness", "2025-03-03", "2025-03-07", 1.0),
        ],
    )
    level_a = (Fraction(102, 101) + Fraction(52, 51)) / 2
    level_b = (Fraction(100, 101) + Fraction(50, 51)) / 2
    a, b = rest_of(data, "A"), rest_of(data, "B")
    assert a.new_mean / b.new_mean == pytest.approx(float(level_a / level_b))


def test_without_absence_the_forecast_is_zero_and_certain() -> None:
    result = forecast(school(), "SKOLE", 2025, JUNE_END).to_json()["forecast"]
    assert result == {
        "absence_days_per_fte": 0.0,
        "absence_rate": 0.0,
        "low": 0.0,
        "high": 0.0,
        "level": 0.8,
    }


def test_once_the_year_is_over_the_forecast_is_what_was_observed() -> None:
    data = school(BO_IN_JANUARY, ("ALICE", "own_sickness", "2025-06-02", "2025-06-13", 0.5))
    result = forecast(data, "SKOLE", 2025, D(2026, 1, 15)).to_json()
    # Alice's half days: 8 working days × 0.5 of 2 × 250 FTE-days.
    assert result["observed"]["to"] == "2025-12-31"
    assert result["observed"]["absence_days_per_fte"] == 2.0
    assert result["forecast"]["absence_days_per_fte"] == 2.0
    assert result["forecast"]["low"] == result["forecast"]["high"] == 2.0


def test_gamma_quantiles_are_close_to_the_exact_ones() -> None:
    # Gamma with shape 4 and scale 1: median 3.6721, 90 % quantile 6.6808, 10 % 1.7448.
    assert gamma_quantile(4.0, 4.0, 0.0) == pytest.approx(3.6721, rel=2e-3)
    assert gamma_quantile(4.0, 4.0, 1.2815515655446004) == pytest.approx(6.6808, rel=2e-3)
    assert gamma_quantile(4.0, 4.0, -1.2815515655446004) == pytest.approx(1.7448, rel=5e-3)
    assert gamma_quantile(3.0, 0.0, 1.28) == 3.0


def test_the_current_structure_reads_a_moved_centre_into_its_new_administration() -> None:
    # The centre C moved from A1 to A2 on 1 January 2025; its Carl was ill in 2024.
    data = dataset(
        [
            ("KK", None, "2020-01-01", None),
            ("A1", "KK", "2020-01-01", None),
            ("A2", "KK", "2020-01-01", None),
            ("C", "A1", "2020-01-01", "2024-12-31"),
            ("C", "A2", "2025-01-01", None),
        ],
        [("CARL", "C", 37, "2020-01-01", None), ("DITTE", "A2", 37, "2020-01-01", None)],
        [("CARL", "own_sickness", "2024-01-08", "2024-01-17", 1.0)],
    )
    historic, current = (
        forecast_units(data, 2025, JUNE_END, units=["A2"], structure=structure)[0]
        for structure in Structure
    )
    assert historic.naive_last_year == 0.0  # A2 alone in 2024: Ditte, never ill
    assert current.naive_last_year == pytest.approx(8 / 2)  # with C: Carl's 8 days, 2 FTE
