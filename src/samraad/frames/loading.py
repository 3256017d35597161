"""Load the statistics core's `Dataset` from the database, whole or for one subtree.

Raw SQL into Polars: the ORM would build a Python object per absence record, which at
Copenhagen scale (over a million records) costs seconds for nothing. Which tables and
columns is each app's declaration (`frames.sources`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import polars as pl
from django.db import connection

from samraad.frames.sources import Day, FrameSource, frame_sources
from samraad.frames.sqlframe import read_frame
from samraad.stats import Dataset, day_number, units_below


def _day(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"({column} - DATE '1970-01-01')"
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def _sql(source: FrameSource) -> str:
    columns = [_day(c.column) if isinstance(c, Day) else c for c in source.columns]
    return f"SELECT {', '.join(columns)} FROM {connection.ops.quote_name(source.table)}"


def _frame(sql: str, params: Sequence[Any], schema: dict[str, Any]) -> pl.DataFrame:
    return read_frame(sql, params, schema)


def load_frame(name: str, units: Sequence[str] | None = None) -> pl.DataFrame:
    """The frame `name` (as an app declares it), or its rows of `units` only."""
    source = frame_sources()[name]
    if units is None or source.of_units is None:
        return _frame(_sql(source), [], source.schema)
    condition = source.of_units.format(units=", ".join(["%s"] * len(units)))
    return _frame(f"{_sql(source)} WHERE {condition}", list(units), source.schema)


def load_units() -> pl.DataFrame:
    return load_frame("units")


def load_dataset(units_subset: Sequence[str] | None = None) -> Dataset:
    """All data, or only the employments in `units_subset` and their employees' absences."""
    units = load_units()
    if units_subset is not None and len(units_subset) >= units["unit_id"].n_unique():
        units_subset = None
    return Dataset(
        units, load_frame("employments", units_subset), load_frame("absences", units_subset)
    )


def load_for_unit(unit: str, start: dt.date, end: dt.date, as_of: dt.date | None = None) -> Dataset:
    """What one unit's figures for [start, end] need, in either structure."""
    units = load_units()
    rows = Dataset(units, Dataset.empty().employments, Dataset.empty().absences).unit_rows
    below = units_below(rows, unit, day_number(start), day_number(end), day_number(as_of or end))
    if not below:
        empty = Dataset.empty()
        return Dataset(units, empty.employments, empty.absences)
    return load_dataset(below)
