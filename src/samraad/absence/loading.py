"""Load the statistics core's `Dataset` from the database, whole or for one subtree.

Raw SQL into Polars: the ORM would build a Python object per absence record, which at
Copenhagen scale (over a million records) costs seconds for nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import polars as pl
from django.db import connection

from samraad.sqlframe import read_frame
from samraad.stats import (
    ABSENCE_COLUMNS,
    EMPLOYMENT_COLUMNS,
    UNIT_COLUMNS,
    Dataset,
    day_number,
    units_below,
)


def _day(column: str) -> str:
    """SQL for a date column as days since 1970-01-01: integers travel fast and are what a
    Polars Date is made of."""
    if connection.vendor == "postgresql":
        return f"({column} - DATE '1970-01-01')"
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def _units_sql() -> str:
    return (
        f"SELECT unit_id, parent_id, {_day('valid_from')}, {_day('valid_to')} FROM org_unitperiod"
    )


def _employments_sql() -> str:
    return (
        "SELECT employment_id, employee_id, unit_id, CAST(weekly_hours AS DOUBLE PRECISION), "
        f"{_day('start_date')}, {_day('end_date')} FROM people_employment"
    )


def _absences_sql() -> str:
    return (
        f"SELECT employee_id, cause, {_day('start_date')}, {_day('end_date')}, "
        "CAST(degree AS DOUBLE PRECISION) FROM absence_absence"
    )


def _frame(sql: str, params: Sequence[Any], schema: dict[str, Any]) -> pl.DataFrame:
    return read_frame(sql, params, schema)


def _placeholders(values: Sequence[str]) -> str:
    return ", ".join(["%s"] * len(values))


def load_units() -> pl.DataFrame:
    return _frame(_units_sql(), [], UNIT_COLUMNS)


def load_dataset(units_subset: Sequence[str] | None = None) -> Dataset:
    """All data, or only the employments in `units_subset` and their employees' absences."""
    units = load_units()
    if units_subset is None or len(units_subset) >= units["unit_id"].n_unique():
        return Dataset(
            units,
            _frame(_employments_sql(), [], EMPLOYMENT_COLUMNS),
            _frame(_absences_sql(), [], ABSENCE_COLUMNS),
        )
    marks = _placeholders(units_subset)
    employments = _frame(
        _employments_sql() + f" WHERE unit_id IN ({marks})", list(units_subset), EMPLOYMENT_COLUMNS
    )
    absences = _frame(
        _absences_sql() + f" WHERE employee_id IN (SELECT employee_id FROM people_employment"
        f" WHERE unit_id IN ({marks}))",
        list(units_subset),
        ABSENCE_COLUMNS,
    )
    return Dataset(units, employments, absences)


def load_for_unit(unit: str, start: dt.date, end: dt.date, as_of: dt.date | None = None) -> Dataset:
    """What one unit's figures for [start, end] need, in either structure."""
    units = load_units()
    rows = Dataset(units, Dataset.empty().employments, Dataset.empty().absences).unit_rows
    below = units_below(rows, unit, day_number(start), day_number(end), day_number(as_of or end))
    if not below:
        empty = Dataset.empty()
        return Dataset(units, empty.employments, empty.absences)
    return load_dataset(below)
