"""Hand-computed figures for small worlds (spec/statistics.md)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from samraad.stats import (
    DEFAULT_LENGTH_GROUPS,
    Structure,
    TableRequest,
    figures_table,
    unit_figures,
)
from samraad.stats.spells import parse_length_groups
from tests.stats.small_worlds import dataset

UNITS = [
    ("KK", None, "2024-01-01", None),
    ("OKF", "KK", "2024-01-01", None),
    ("KFF", "KK", "2024-01-01", None),
    ("KEJD", "OKF", "2024-01-01", "2025-12-31"),
    ("KEJD", "KFF", "2026-01-01", None),
    ("DRIFT", "KEJD", "2024-01-01", None),
    ("BIB", "KFF", "2024-01-01", None),
]
YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_full_timer_for_2025_plans_250_days_of_7_4_hours() -> None:
    data = dataset(UNITS, [("A", "BIB", 37, "2020-01-01", None)], [])
    f = unit_figures(data, "KFF", *YEAR_2025)
    assert f.working_days == 250
    assert f.planned_hours == Fraction(1850)
    assert f.fte == 1
    assert f.headcount == 1
    assert f.absence_rate == 0


def test_empty_population_gives_zeros_and_no_rate() -> None:
    f = unit_figures(dataset(UNITS, [], []), "KFF", *YEAR_2025)
    assert f.to_json()["absence_rate"] is None
    assert (f.planned_hours, f.fte, f.absence_days_per_fte, f.headcount) == (0, 0, 0, 0)


def test_partial_sick_leave_counts_its_degree_of_the_planned_hours() -> None:
    # 2025-03-03..07 is Monday–Friday: 5 days × 6 hours (30 h/week) × 0.5
    data = dataset(
        UNITS,
        [("A", "BIB", 30, "2020-01-01", None)],
        [("A", "own_sickness", "2025-03-03", "2025-03-07", 0.5)],
    )
    f = unit_figures(data, "BIB", *YEAR_2025)
    assert f.absence_hours == 15
    assert f.spells == 1
    assert f.by_length["4-14"].absence_hours == 15


def test_two_employments_at_once_add_their_hours() -> None:
    data = dataset(
        UNITS,
        [("A", "BIB", 20, "2025-01-01", None), ("A", "DRIFT", 17, "2025-01-01", None)],
        [("A", "own_sickness", "2025-03-03", "2025-03-03", 1.0)],
    )
    f = unit_figures(data, "KK", *YEAR_2025)
    assert f.planned_hours == 250 * Fraction(37, 5)
    assert f.absence_hours == Fraction(37, 5)
    assert f.headcount == 1
    assert f.spells == 1


def test_spell_across_a_weekend_is_one_spell_of_calendar_length() -> None:
    # Thursday–Friday and Monday: one spell of 5 calendar days
    data = dataset(
        UNITS,
        [("A", "BIB", 37, "2020-01-01", None)],
        [
            ("A", "own_sickness", "2025-03-06", "2025-03-07", 1.0),
            ("A", "own_sickness", "2025-03-10", "2025-03-10", 1.0),
        ],
    )
    f = unit_figures(data, "BIB", *YEAR_2025)
    assert f.spells == 1
    assert f.by_length["4-14"].spells == 1
    assert f.absence_hours == 3 * Fraction(37, 5)


def test_a_record_on_a_weekend_only_counts_nowhere() -> None:
    data = dataset(
        UNITS,
        [("A", "BIB", 37, "2020-01-01", None)],
        [("A", "own_sickness", "2025-03-08", "2025-03-09", 1.0)],
    )
    f = unit_figures(data, "BIB", *YEAR_2025)
    assert (f.spells, f.absence_hours) == (0, 0)


def test_spell_counts_in_the_period_of_its_last_day_only() -> None:
    data = dataset(
        UNITS,
        [("A", "BIB", 37, "2020-01-01", None)],
        [("A", "own_sickness", "2025-01-27", "2025-02-04", 1.0)],
    )
    january = unit_figures(data, "BIB", dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    february = unit_figures(data, "BIB", dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    assert (january.spells, february.spells) == (0, 1)
    # January's hours belong to a spell 5 days long as known at 31 January
    assert january.by_length["4-14"].absence_hours == 5 * Fraction(37, 5)
    assert february.by_length["4-14"].absence_hours == 2 * Fraction(37, 5)


def test_open_ended_absence_is_long_term_but_not_a_counted_spell() -> None:
    data = dataset(
        UNITS,
        [("A", "BIB", 37, "2020-01-01", None)],
        [("A", "own_sickness", "2025-11-03", None, 1.0)],
    )
    f = unit_figures(data, "BIB", *YEAR_2025)
    assert f.spells == 0
    # 3 Nov – 31 Dec: 59 days as known at 31 December; working days: 20 + 19 = 39
    assert f.by_length["31+"].absence_hours == 39 * Fraction(37, 5)


def test_transfer_keeps_history_apart_in_historic_and_together_in_current() -> None:
    # KEJD moves from ØKF to KFF on 2026-01-01: KFF's 2025 includes KEJD only under `current`
    data = dataset(
        UNITS,
        [("A", "DRIFT", 37, "2020-01-01", None), ("B", "BIB", 37, "2020-01-01", None)],
        [("A", "own_sickness", "2025-03-03", "2025-03-04", 1.0)],
    )
    historic = unit_figures(data, "KFF", *YEAR_2025)
    current = unit_figures(
        data, "KFF", *YEAR_2025, structure=Structure.CURRENT, as_of=dt.date(2026, 1, 1)
    )
    assert (historic.headcount, historic.absence_hours) == (1, 0)
    assert (current.headcount, current.absence_hours) == (2, 2 * Fraction(37, 5))
    assert unit_figures(data, "OKF", *YEAR_2025).headcount == 1
    okf_current = unit_figures(
        data, "OKF", *YEAR_2025, structure=Structure.CURRENT, as_of=dt.date(2026, 1, 1)
    )
    assert okf_current.headcount == 0


def test_table_of_every_unit_and_month_sums_to_the_year() -> None:
    data = dataset(
        UNITS,
        [("A", "DRIFT", 37, "2020-01-01", None), ("B", "BIB", 25, "2025-04-15", None)],
        [
            ("A", "own_sickness", "2025-01-30", "2025-02-12", 1.0),
            ("B", "own_sickness", "2025-06-02", "2025-06-20", 0.5),
        ],
    )
    months = [
        (dt.date(2025, m, 1), (dt.date(2025 + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)))
        for m in range(1, 13)
    ]
    table = figures_table(data, TableRequest(periods=months))
    year = figures_table(data, TableRequest(periods=[YEAR_2025]))
    assert table.height == 6 * 12  # six units, twelve months
    monthly = table.group_by("unit_id").agg("planned", "absent", "spells").sort("unit_id")
    yearly = year.sort("unit_id")
    assert [sum(x) for x in monthly["planned"]] == yearly["planned"].to_list()
    assert [sum(x) for x in monthly["absent"]] == yearly["absent"].to_list()
    assert [sum(x) for x in monthly["spells"]] == yearly["spells"].to_list()


def test_length_groups_from_lower_bounds() -> None:
    groups = parse_length_groups("1,4,15,31")
    assert groups == DEFAULT_LENGTH_GROUPS
    data = dataset(
        UNITS,
        [("A", "BIB", 37, "2020-01-01", None)],
        [("A", "own_sickness", "2025-03-03", "2025-03-07", 1.0)],  # 5 calendar days
    )
    f = unit_figures(data, "BIB", *YEAR_2025, length_groups=parse_length_groups("1,6"))
    assert f.by_length["1-5"].spells == 1
    assert f.by_length["6+"].spells == 0
