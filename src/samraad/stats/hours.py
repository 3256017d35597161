"""The figures table's integer sums as hours, for models that work in floating point.

`UnitFigures` keeps them exact for output; a model (a forecast) only needs floats, for
many rows at once.
"""

from __future__ import annotations

import polars as pl

from samraad.stats.figures import ABSENT_DIVISOR, PLANNED_DIVISOR


def exact_ratio(values: pl.Series, divisor: int, name: str) -> pl.Series:
    """values / divisor, each correctly rounded. (Polars divides a column of several
    values by a number as a multiplication by its inverse, so the last digit of a row
    could depend on how many rows came with it.)"""
    return pl.Series(name, values.to_numpy() / divisor, dtype=pl.Float64)


def with_hours(table: pl.DataFrame) -> pl.DataFrame:
    """Add planned_hours and absence_hours (Float64) to rows of `figures_table`."""
    return table.with_columns(
        exact_ratio(table["planned"], PLANNED_DIVISOR, "planned_hours"),
        exact_ratio(table["absent"], ABSENT_DIVISOR, "absence_hours"),
    )
