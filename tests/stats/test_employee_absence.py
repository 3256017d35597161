import datetime as dt

from samraad.stats.people import employee_absence
from tests.stats.small_worlds import dataset

UNITS = [("KK", None, "2024-01-01", None), ("BIB", "KK", "2024-01-01", None)]


def test_bradford_factor_is_spells_squared_times_days() -> None:
    # Two spells in March 2025: Thu–Mon across a weekend (3 working days) and one
    # partial day; the child's sick day is another cause and does not count.
    data = dataset(
        UNITS,
        [("A", "BIB", 30, "2020-01-01", None)],
        [
            ("A", "own_sickness", "2025-03-06", "2025-03-07", 1.0),
            ("A", "own_sickness", "2025-03-10", "2025-03-10", 1.0),
            ("A", "own_sickness", "2025-03-20", "2025-03-20", 0.5),
            ("A", "child_sickness", "2025-03-21", "2025-03-21", 1.0),
        ],
    )
    rows = employee_absence(data, dt.date(2025, 3, 1), dt.date(2025, 3, 31)).to_dicts()
    assert rows == [
        {"employee_id": "A", "absent_days": 4, "absence_hours": 21.0, "spells": 2, "bradford": 16}
    ]


def test_window_cuts_a_spell_but_still_counts_it() -> None:
    data = dataset(
        UNITS,
        [("A", "BIB", 37, "2020-01-01", None)],
        [("A", "own_sickness", "2025-02-24", "2025-03-04", 1.0)],
    )
    rows = employee_absence(data, dt.date(2025, 3, 1), dt.date(2025, 3, 31)).to_dicts()
    assert rows[0]["absent_days"] == 2
    assert rows[0]["spells"] == 1
    assert rows[0]["bradford"] == 2
