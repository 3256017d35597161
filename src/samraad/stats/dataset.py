"""The statistics core's input: three Polars frames, as the interchange files describe them.

Callers (the database loader, the synthetic generator, tests) build a `Dataset` with
the spec's column names. The core converts once to integers: days since 1970 (END for
an open end), weekly hours and degree scaled by 10 000 so that every sum is exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import polars as pl

from samraad.stats.workdays import END

# The absence causes of spec/data-format.md.
CAUSES = (
    "own_sickness",
    "child_sickness",
    "work_injury",
    "pregnancy_related",
    "maternity",
    "other",
)
SCALE = 10_000  # weekly hours and degree are kept to 4 decimals (the database's precision)

UNIT_COLUMNS = {
    "unit_id": pl.String,
    "parent_id": pl.String,
    "valid_from": pl.Date,
    "valid_to": pl.Date,
}
EMPLOYMENT_COLUMNS = {
    "employment_id": pl.String,
    "employee_id": pl.String,
    "unit_id": pl.String,
    "weekly_hours": pl.Float64,
    "start_date": pl.Date,
    "end_date": pl.Date,
}
ABSENCE_COLUMNS = {
    "employee_id": pl.String,
    "cause": pl.String,
    "start_date": pl.Date,
    "end_date": pl.Date,
    "degree": pl.Float64,
}


def _day(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.Int64)


def _open_end(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.Int64).fill_null(END)


def _scaled(column: str) -> pl.Expr:
    return (pl.col(column) * SCALE).round(0).cast(pl.Int64)


@dataclass(frozen=True)
class Dataset:
    units: pl.DataFrame
    employments: pl.DataFrame
    absences: pl.DataFrame

    @classmethod
    def empty(cls) -> Dataset:
        return cls(
            pl.DataFrame(schema=UNIT_COLUMNS),
            pl.DataFrame(schema=EMPLOYMENT_COLUMNS),
            pl.DataFrame(schema=ABSENCE_COLUMNS),
        )

    @cached_property
    def unit_rows(self) -> pl.DataFrame:
        """unit, parent, first, last (integer days)."""
        return self.units.select(
            pl.col("unit_id").alias("unit"),
            pl.col("parent_id").alias("parent"),
            _day("valid_from").alias("first"),
            _open_end("valid_to").alias("last"),
        )

    @cached_property
    def employment_rows(self) -> pl.DataFrame:
        """employee, unit, hours (weekly hours × SCALE), first, last."""
        return self.employments.select(
            pl.col("employee_id").alias("employee"),
            pl.col("unit_id").alias("unit"),
            _scaled("weekly_hours").alias("hours"),
            _day("start_date").alias("first"),
            _open_end("end_date").alias("last"),
        )

    def absence_rows(self, causes: frozenset[str]) -> pl.DataFrame:
        """employee, first, last, degree (× SCALE) of the records of the given causes."""
        degree = (
            pl.col("degree").fill_null(1.0) if "degree" in self.absences.columns else pl.lit(1.0)
        )
        return self.absences.filter(pl.col("cause").is_in(list(causes))).select(
            pl.col("employee_id").alias("employee"),
            _day("start_date").alias("first"),
            _open_end("end_date").alias("last"),
            (degree * SCALE).round(0).cast(pl.Int64).alias("degree"),
        )
