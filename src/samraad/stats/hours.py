"""The figures table's integer sums as hours, for models that work in floating point.

`UnitFigures` keeps them exact for output; a model (a forecast) only needs floats, for
many rows at once.
"""

from __future__ import annotations

import polars as pl

from samraad.stats.figures import ABSENT_DIVISOR, PLANNED_DIVISOR


def with_hours(table: pl.DataFrame) -> pl.DataFrame:
    """Add planned_hours and absence_hours (Float64) to rows of `figures_table`."""
    return table.with_columns(
        (pl.col("planned") / PLANNED_DIVISOR).alias("planned_hours"),
        (pl.col("absent") / ABSENT_DIVISOR).alias("absence_hours"),
    )
