"""Absence records tagged with their spell, for analyses beyond the figures (a forecast).

The spells are the core's own (spec/statistics.md, "Spells"): formed from all of an
employee's records of the causes asked for, a record covering no working day forming
none. This module only shows them with dates instead of the core's day numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from samraad.stats.dataset import SCALE, Dataset
from samraad.stats.hours import exact_ratio
from samraad.stats.spells import form_spells
from samraad.stats.table import OWN_SICKNESS
from samraad.stats.workdays import END, work_calendar

SPELL_RECORD_COLUMNS = {
    "employee_id": pl.String,
    "spell": pl.Int64,
    "spell_start": pl.Date,
    "spell_end": pl.Date,  # null while the spell goes on
    "start_date": pl.Date,
    "end_date": pl.Date,  # null while the record goes on
    "degree": pl.Float64,
}


def _date(column: str) -> pl.Expr:
    """A day number as a date; END (no end) as null."""
    return (
        pl.when(pl.col(column) < END)
        .then(pl.col(column))
        .otherwise(None)
        .cast(pl.Int32)
        .cast(pl.Date)
    )


def spell_records(
    data: Dataset,
    *,
    causes: frozenset[str] = OWN_SICKNESS,
    employees: Sequence[str] | None = None,
) -> pl.DataFrame:
    """One row per record of the causes that covers a working day, with its spell:
    employee_id, spell (an id unique in the result), spell_start, spell_end (null while
    it goes on), start_date, end_date (null while it goes on), degree (0–1).

    `employees` limits the result to those employees (their spells are the same).
    Sorted by employee and start.
    """
    records = data.absence_rows(causes)
    if employees is not None:
        records = records.filter(pl.col("employee").is_in(list(employees)))
    tagged = form_spells(records, work_calendar())
    shown = tagged.with_columns(exact_ratio(tagged["degree"], SCALE, "degree")).select(
        pl.col("employee").alias("employee_id"),
        "spell",
        _date("spell_first").alias("spell_start"),
        _date("spell_last").alias("spell_end"),
        _date("first").alias("start_date"),
        _date("last").alias("end_date"),
        "degree",
    )
    return shown.cast(SPELL_RECORD_COLUMNS)  # type: ignore[arg-type]
