"""`known_on`: the data as they stood at the end of a day — later starts dropped, later
ends unknown."""

from __future__ import annotations

import datetime as dt

from samraad.forecast import known_on
from tests.stats.small_worlds import dataset

D = dt.date
DAY = D(2025, 6, 30)


def test_absences_after_the_day_are_dropped_and_running_ones_become_open() -> None:
    data = dataset(
        [("KK", None, "2020-01-01", None)],
        [("A", "KK", 37, "2020-01-01", None)],
        [
            ("A", "own_sickness", "2025-06-02", "2025-06-30", 1.0),  # ends on the day: known
            ("A", "own_sickness", "2025-07-01", "2025-07-04", 0.5),  # starts after: unknown
            ("A", "child_sickness", "2025-05-01", "2025-05-01", 1.0),
            ("B", "own_sickness", "2025-06-20", "2025-08-10", 1.0),  # running: end unknown
            ("C", "own_sickness", "2025-06-23", None, 0.5),  # open stays open
        ],
    )
    known = known_on(data, DAY).absences
    assert known.select("employee_id", "cause", "start_date", "end_date", "degree").rows() == [
        ("A", "own_sickness", D(2025, 6, 2), D(2025, 6, 30), 1.0),
        ("A", "child_sickness", D(2025, 5, 1), D(2025, 5, 1), 1.0),
        ("B", "own_sickness", D(2025, 6, 20), None, 1.0),
        ("C", "own_sickness", D(2025, 6, 23), None, 0.5),
    ]


def test_hires_after_the_day_are_dropped_and_later_ends_are_unknown() -> None:
    data = dataset(
        [("KK", None, "2020-01-01", None)],
        [
            ("A", "KK", 37, "2020-01-01", "2025-06-30"),  # ends on the day: known
            ("B", "KK", 30, "2020-01-01", "2025-09-30"),  # notice given, but not known
            ("C", "KK", 37, "2025-07-01", None),  # hired after the day
            ("D", "KK", 18.5, "2025-06-30", None),
        ],
        [],
    )
    known = known_on(data, DAY).employments
    assert known.select("employee_id", "start_date", "end_date").rows() == [
        ("A", D(2020, 1, 1), D(2025, 6, 30)),
        ("B", D(2020, 1, 1), None),
        ("D", D(2025, 6, 30), None),
    ]


def test_a_transfer_after_the_day_is_not_known() -> None:
    data = dataset(
        [
            ("KK", None, "2020-01-01", None),
            ("A1", "KK", "2020-01-01", None),
            ("A2", "KK", "2020-01-01", None),
            ("C", "A1", "2020-01-01", "2025-12-31"),
            ("C", "A2", "2026-01-01", None),
            ("NEW", "A2", "2025-07-01", None),
            ("OLD", "A1", "2020-01-01", "2025-03-31"),
        ],
        [],
        [],
    )
    known = known_on(data, DAY).units
    assert known.rows() == [
        ("KK", None, D(2020, 1, 1), None),
        ("A1", "KK", D(2020, 1, 1), None),
        ("A2", "KK", D(2020, 1, 1), None),
        ("C", "A1", D(2020, 1, 1), None),
        ("OLD", "A1", D(2020, 1, 1), D(2025, 3, 31)),
    ]
