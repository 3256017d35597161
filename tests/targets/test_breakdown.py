"""Breaking a target down (spec/management-information.md, "Targets"): each child keeps
its share of the parent's absence, and the FTE-weighted mean is the parent's target."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samraad.stats import Structure, unit_figures
from samraad.targets.breakdown import DIRECT, Method, breakdown
from tests.stats.small_worlds import dataset
from tests.stats.worlds import World, worlds

UNITS = [
    ("KK", None, "2020-01-01", None),
    ("P", "KK", "2020-01-01", None),
    ("A", "P", "2020-01-01", None),
    ("B", "P", "2020-01-01", None),
]
# 2025: A has two full-timers and 10 sick days (6–17 January), B one full-timer and 2
# (3–4 March), and P one of its own without any: B = 5, 2 and 0 days per FTE, and the
# parent's 12 days over 4 FTE = 3.
JOBS = [
    ("A1", "A", 37, "2020-01-01", None),
    ("A2", "A", 37, "2020-01-01", None),
    ("B1", "B", 37, "2020-01-01", None),
    ("D1", "P", 37, "2020-01-01", None),
]
SICK = [
    ("A1", "own_sickness", "2025-01-06", "2025-01-17", 1.0),
    ("B1", "own_sickness", "2025-03-03", "2025-03-04", 1.0),
]


def rows(result: object) -> list[tuple[str, float | None, float, float]]:
    return [
        (s["unit"], s["baseline_days_per_fte"], s["baseline_fte"], s["target"])
        for s in result.to_json()["children"]  # type: ignore[attr-defined]
    ]


def test_proportional_keeps_each_childs_share_of_the_parents_absence() -> None:
    result = breakdown(dataset(UNITS, JOBS, SICK), "P", 2026, Decimal(9))
    assert rows(result) == [("A", 5.0, 2.0, 15.0), ("B", 2.0, 1.0, 6.0), (DIRECT, 0.0, 1.0, 0.0)]
    assert result.baseline_days_per_fte == 3
    assert result.weighted_mean() == 9


def test_same_gives_every_child_the_parents_target() -> None:
    result = breakdown(dataset(UNITS, JOBS, SICK), "P", 2026, Decimal(9), method=Method.SAME)
    assert [s.target for s in result.shares] == [Decimal(9)] * 3


def test_no_direct_row_without_staff_of_its_own() -> None:
    jobs = [j for j in JOBS if j[1] != "P"]
    result = breakdown(dataset(UNITS, jobs, SICK), "P", 2026, Decimal(9))
    # 12 days over 3 FTE = 4: A 5 × 9 / 4 = 11.25, B 2 × 9 / 4 = 4.5
    assert rows(result) == [("A", 5.0, 2.0, 11.25), ("B", 2.0, 1.0, 4.5)]


def test_baseline_years_average_the_years() -> None:
    # 2024 adds 10 more sick days for B1 (8–19 January 2024): over 2024–2025 B has
    # 12 days in 2 years, 6 a year; A 10 in 2 years, 2.5 a year; the rows 22 / 4 FTE / 2.
    sick = [*SICK, ("B1", "own_sickness", "2024-01-08", "2024-01-19", 1.0)]
    result = breakdown(dataset(UNITS, JOBS, sick), "P", 2026, Decimal("11"), baseline_years=2)
    assert result.baseline == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    assert result.baseline_days_per_fte == Fraction(11, 4)
    # A: 2.5 × 11 / 2.75 = 10; B: 6 × 11 / 2.75 = 24; direct 0
    assert [s.target for s in result.shares] == [Decimal(10), Decimal(24), Decimal(0)]


def test_children_are_those_of_the_years_first_day() -> None:
    # C closed at the end of 2025; M moves from KK to P on 1 January 2026.
    units = [
        *UNITS,
        ("C", "P", "2020-01-01", "2025-12-31"),
        ("M", "KK", "2020-01-01", "2025-12-31"),
        ("M", "P", "2026-01-01", None),
    ]
    jobs = [*JOBS, ("M1", "M", 37, "2020-01-01", None), ("C1", "C", 37, "2020-01-01", None)]
    result = breakdown(dataset(units, jobs, SICK), "P", 2026, Decimal(9))
    assert [s.unit for s in result.shares] == ["A", "B", "M", DIRECT]


def test_a_child_without_baseline_staff_gets_the_parents_target() -> None:
    units = [*UNITS, ("N", "P", "2020-01-01", None)]
    result = breakdown(dataset(units, JOBS, SICK), "P", 2026, Decimal(9))
    new = next(s for s in result.shares if s.unit == "N")
    assert (new.baseline_fte, new.baseline_days_per_fte, new.target) == (0, None, Decimal(9))


def test_without_any_absence_every_child_gets_the_parents_target() -> None:
    result = breakdown(dataset(UNITS, JOBS, []), "P", 2026, Decimal("8.5"))
    assert {s.target for s in result.shares} == {Decimal("8.5")}


def test_baseline_years_below_one_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        breakdown(dataset(UNITS, JOBS, SICK), "P", 2026, Decimal(9), baseline_years=0)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    world=worlds(),
    unit=st.sampled_from(["KK", "A1", "A2", "C1", "C2"]),
    method=st.sampled_from(list(Method)),
    structure=st.sampled_from(list(Structure)),
    target=st.decimals(min_value=0, max_value=40, places=4),
)
def test_weighted_mean_of_the_breakdown_is_the_parents_target(
    world: World, unit: str, method: Method, structure: Structure, target: Decimal
) -> None:
    # The random worlds run from November 2023 to September 2024: the baseline is 2024.
    result = breakdown(world.dataset(), unit, 2025, target, method=method, structure=structure)
    mean = result.weighted_mean()
    if mean is not None:
        assert abs(mean - Fraction(target)) <= Fraction(1, 100)
    if structure is Structure.CURRENT and mean is not None:
        # the rows are exactly the parent's population in the tree of 1 January
        whole = unit_figures(
            world.dataset(),
            unit,
            *result.baseline,
            structure=Structure.CURRENT,
            as_of=dt.date(2025, 1, 1),
        )
        assert result.baseline_days_per_fte == whole.absence_days_per_fte
        assert result.baseline_fte == whole.fte
