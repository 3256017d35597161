"""A unit against another for the same period (the unit page's comparison line): exact
differences of the core's own figures."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from samraad.stats import Structure, compare, figures_by_key
from tests.stats.small_worlds import dataset

UNITS = [
    ("KK", None, "2024-01-01", None),
    ("A", "KK", "2024-01-01", None),
    ("B", "KK", "2024-01-01", None),
]
# Q1 2026: 63 working days. A: two full-timers, one sick 2–6 March (5 days);
# B: one full-timer, sick 10 February (1 day).
JOBS = [
    ("A1", "A", 37, "2024-01-01", None),
    ("A2", "A", 37, "2024-01-01", None),
    ("B1", "B", 37, "2024-01-01", None),
]
SICK = [
    ("A1", "own_sickness", "2026-03-02", "2026-03-06", 1.0),
    ("B1", "own_sickness", "2026-02-10", "2026-02-10", 1.0),
]
Q1 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def test_a_unit_against_its_parent() -> None:
    found = figures_by_key(dataset(UNITS, JOBS, SICK), None, [Q1], Structure.HISTORIC, Q1[1])
    a, kk = found[("A", *Q1)], found[("KK", *Q1)]
    result = compare(a, kk)
    # A: 5 of 2 × 63 days; KK: 6 of 3 × 63 days
    assert (a.absence_rate, kk.absence_rate) == (Fraction(500, 126), Fraction(600, 189))
    assert result.absence_rate_points == Fraction(500, 126) - Fraction(600, 189)
    assert result.absence_rate_points == Fraction(50, 63)
    assert result.absence_days_per_fte == Fraction(5, 2) - Fraction(2)
    assert (result.unit, result.other, result.start, result.end) == ("A", "KK", *Q1)


def test_no_rate_without_planned_hours() -> None:
    found = figures_by_key(dataset(UNITS, JOBS[:1], []), None, [Q1], Structure.HISTORIC, Q1[1])
    result = compare(found[("B", *Q1)], found[("KK", *Q1)])
    assert result.absence_rate_points is None
    assert result.absence_days_per_fte == 0


def test_only_the_same_period_compares() -> None:
    q2 = (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    data = dataset(UNITS, JOBS, SICK)
    found = figures_by_key(data, None, [Q1, q2], Structure.HISTORIC, q2[1])
    with pytest.raises(ValueError, match="comparing A 2026-01-01–2026-03-31"):
        compare(found[("A", *Q1)], found[("KK", *q2)])
