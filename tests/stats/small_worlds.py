"""Build a Dataset from a few literal rows, for hand-computed tests."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from samraad.stats import Dataset
from tests.stats.oracle import Job, Record, UnitRow
from tests.stats.worlds import dataset_of


def d(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def dataset(
    units: list[tuple[str, str | None, str, str | None]],
    employments: list[tuple[str, str, float, str, str | None]],
    absences: list[tuple[str, str, str, str | None, float]],
) -> Dataset:
    """units: (id, parent, from, to); employments: (employee, unit, hours, start, end);
    absences: (employee, cause, start, end, degree)."""
    return dataset_of(
        [UnitRow(u, p, dt.date.fromisoformat(a), d(b)) for u, p, a, b in units],
        [Job(e, u, Fraction(h), dt.date.fromisoformat(a), d(b)) for e, u, h, a, b in employments],
        [Record(e, c, dt.date.fromisoformat(a), d(b), Fraction(g)) for e, c, a, b, g in absences],
    )
