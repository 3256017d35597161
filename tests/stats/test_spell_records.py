"""`spell_records`: the core's spells, shown per record with dates."""

from __future__ import annotations

import datetime as dt

from samraad.stats import spell_records
from tests.stats.small_worlds import dataset

UNITS = [("KK", None, "2024-01-01", None)]
JOBS = [("A", "KK", 37, "2024-01-01", None), ("B", "KK", 37, "2024-01-01", None)]


def test_records_across_a_weekend_share_one_spell() -> None:
    # Thursday–Friday, then Monday at half time: one spell from Thursday to Monday.
    data = dataset(
        UNITS,
        JOBS,
        [
            ("A", "own_sickness", "2025-03-06", "2025-03-07", 1.0),
            ("A", "own_sickness", "2025-03-10", "2025-03-10", 0.5),
            ("A", "child_sickness", "2025-03-20", "2025-03-20", 1.0),
            ("B", "own_sickness", "2025-03-12", None, 1.0),
        ],
    )
    rows = spell_records(data).drop("spell").to_dicts()
    d = dt.date
    assert rows == [
        {
            "employee_id": "A",
            "spell_start": d(2025, 3, 6),
            "spell_end": d(2025, 3, 10),
            "start_date": d(2025, 3, 6),
            "end_date": d(2025, 3, 7),
            "degree": 1.0,
        },
        {
            "employee_id": "A",
            "spell_start": d(2025, 3, 6),
            "spell_end": d(2025, 3, 10),
            "start_date": d(2025, 3, 10),
            "end_date": d(2025, 3, 10),
            "degree": 0.5,
        },
        {
            "employee_id": "B",
            "spell_start": d(2025, 3, 12),
            "spell_end": None,
            "start_date": d(2025, 3, 12),
            "end_date": None,
            "degree": 1.0,
        },
    ]
    spells = spell_records(data)["spell"].to_list()
    assert spells[0] == spells[1] != spells[2]


def test_a_weekend_record_forms_no_spell_and_employees_can_be_chosen() -> None:
    data = dataset(
        UNITS,
        JOBS,
        [
            ("A", "own_sickness", "2025-03-08", "2025-03-09", 1.0),
            ("B", "own_sickness", "2025-03-12", "2025-03-12", 1.0),
        ],
    )
    assert spell_records(data)["employee_id"].to_list() == ["B"]
    assert spell_records(data, employees=["A"]).is_empty()
    assert spell_records(data, causes=frozenset({"child_sickness"})).is_empty()
