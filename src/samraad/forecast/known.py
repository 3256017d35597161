"""What was known on a given day: the forecast's only input (spec/management-information.md,
"Forecast": "from what is known on --as-of ... nothing after it is read").

The cut is the same for every row kind: what started after the day did not exist yet,
and an end after the day was not known yet, so it becomes open.

- Absences starting after the day are dropped; one still running on the day (ending
  later, or open) becomes open-ended: its end was not known.
- Employments starting after the day are dropped (a hire is not counted before it
  starts). An end after the day becomes open too. The database records an end once
  notice is given, so some of those ends were known on the day; but the core's frames
  do not say when an end was recorded, so the honest reading that never peeks is that
  the staff on the day stay. A forecast therefore carries the population of the day to
  the year's end.
- Unit rows starting after the day are dropped; an end after it becomes open (a
  transfer that had not happened yet is not known).

Only the core's columns are cut; other columns of the frames are left as they are and
nothing in the forecast reads them.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from samraad.stats import Dataset


def _cut(frame: pl.DataFrame, first: str, last: str, day: dt.date) -> pl.DataFrame:
    """Rows that started by `day`, with an end after `day` made unknown (null)."""
    return frame.filter(pl.col(first) <= day).with_columns(
        pl.when(pl.col(last) > day).then(None).otherwise(pl.col(last)).alias(last)
    )


def known_on(data: Dataset, day: dt.date) -> Dataset:
    """The data as they stood at the end of `day` (see the module's docstring)."""
    return Dataset(
        _cut(data.units, "valid_from", "valid_to", day),
        _cut(data.employments, "start_date", "end_date", day),
        _cut(data.absences, "start_date", "end_date", day),
    )
