"""Build a Dataset from a few literal rows, for hand-computed tests."""

from __future__ import annotations

import datetime as dt

import polars as pl

from samraad.stats import Dataset


def d(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def dataset(
    units: list[tuple[str, str | None, str, str | None]],
    employments: list[tuple[str, str, float, str, str | None]],
    absences: list[tuple[str, str, str, str | None, float]],
) -> Dataset:
    """units: (id, parent, from, to); employments: (employee, unit, hours, start, end);
    absences: (employee, cause, start, end, degree)."""
    return Dataset(
        pl.DataFrame(
            [(u, p, d(a), d(b)) for u, p, a, b in units],
            schema={
                "unit_id": pl.String,
                "parent_id": pl.String,
                "valid_from": pl.Date,
                "valid_to": pl.Date,
            },
            orient="row",
        ),
        pl.DataFrame(
            [(f"F{i}", e, u, h, d(a), d(b)) for i, (e, u, h, a, b) in enumerate(employments)],
            schema={
                "employment_id": pl.String,
                "employee_id": pl.String,
                "unit_id": pl.String,
                "weekly_hours": pl.Float64,
                "start_date": pl.Date,
                "end_date": pl.Date,
            },
            orient="row",
        ),
        pl.DataFrame(
            [(e, c, d(a), d(b), g) for e, c, a, b, g in absences],
            schema={
                "employee_id": pl.String,
                "cause": pl.String,
                "start_date": pl.Date,
                "end_date": pl.Date,
                "degree": pl.Float64,
            },
            orient="row",
        ),
    )
