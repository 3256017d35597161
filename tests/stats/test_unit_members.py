"""`unit_members`: the employments in a unit or below it, under either structure;
`parents_on`: each unit's parent on a day."""

from __future__ import annotations

import datetime as dt

from samraad.stats import Structure, parents_on, unit_members
from tests.stats.small_worlds import dataset

# C moves from A1 to A2 on 1 July 2025; U lies below C.
UNITS = [
    ("KK", None, "2024-01-01", None),
    ("A1", "KK", "2024-01-01", None),
    ("A2", "KK", "2024-01-01", None),
    ("C", "A1", "2024-01-01", "2025-06-30"),
    ("C", "A2", "2025-07-01", None),
    ("U", "C", "2024-01-01", None),
]
JOBS = [
    ("ANNA", "U", 37, "2024-01-01", None),
    ("BO", "A1", 18.5, "2025-03-01", "2025-08-31"),
]
D = dt.date


def members(first: dt.date, last: dt.date, **options: object) -> list[tuple[object, ...]]:
    data = dataset(UNITS, JOBS, [])
    return unit_members(data, first, last, **options).rows()  # type: ignore[arg-type]


def test_members_on_a_day_include_everyone_below() -> None:
    assert members(D(2025, 6, 1), D(2025, 6, 1), units=["A1", "C"]) == [
        ("A1", "ANNA", 37.0, D(2025, 6, 1), D(2025, 6, 1)),
        ("A1", "BO", 18.5, D(2025, 6, 1), D(2025, 6, 1)),
        ("C", "ANNA", 37.0, D(2025, 6, 1), D(2025, 6, 1)),
    ]


def test_a_transfer_splits_membership_under_the_historic_structure() -> None:
    rows = members(D(2025, 6, 1), D(2025, 9, 30), units=["A1", "A2"])
    assert rows == [
        ("A1", "ANNA", 37.0, D(2025, 6, 1), D(2025, 6, 30)),
        ("A1", "BO", 18.5, D(2025, 6, 1), D(2025, 8, 31)),
        ("A2", "ANNA", 37.0, D(2025, 7, 1), D(2025, 9, 30)),
    ]


def test_the_current_structure_places_every_day_as_on_the_as_of_date() -> None:
    rows = members(
        D(2025, 6, 1),
        D(2025, 9, 30),
        units=["A1", "A2"],
        structure=Structure.CURRENT,
        as_of=D(2025, 12, 31),
    )
    assert rows == [
        ("A1", "BO", 18.5, D(2025, 6, 1), D(2025, 8, 31)),
        ("A2", "ANNA", 37.0, D(2025, 6, 1), D(2025, 9, 30)),
    ]


def test_parents_on_a_day_follow_the_transfer() -> None:
    data = dataset(UNITS, JOBS, [])
    assert parents_on(data, D(2025, 6, 30))["C"] == "A1"
    assert parents_on(data, D(2025, 7, 1)) == {
        "KK": None,
        "A1": "KK",
        "A2": "KK",
        "C": "A2",
        "U": "C",
    }
