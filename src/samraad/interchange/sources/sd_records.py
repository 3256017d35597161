"""Absent days of SD_FRAVDAG (sd_absence.py) → the records of absences.csv.

The days of one person and cause become records:

- Several employments of one person on one day add up (a record belongs to a person).
- One cause per person and day: a record cannot overlap another of the same person
  (spec/data-format.md). Where a day has hours of two causes, the cause with the most
  hours keeps the day (ties: the order of the causes in the spec); counted in the notices.
- The degree of a day is FRVTIM / PLANTIM, to 4 decimals (what the database keeps), at
  most 1. A day with PLANTIM 0 has no degree and no hours (Region H: "Fraværsdage på
  dage uden planlagte timer medregnes ikke").
- Days with hours join into one record when no working day (stats.workdays) lies between
  them, or only working days the person had off inside the absence (a row with PLANTIM 0:
  a part-timer's day off does not end a sick leave). A change of degree starts a new
  record, the earlier one ending the day before. A record runs from its first to its
  last day with planned hours.
- A record reaching the end of the extract (no working day after it, up to the latest
  FRVDATO in the file) is still going on: it gets no end date, as absences.csv writes an
  absence that has not ended.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from samraad.interchange.reading import LINE
from samraad.interchange.sources.converted import count, iso, number_text
from samraad.interchange.sources.sd_absence import CAUSE_CODES, Days
from samraad.stats import work_calendar

SMALLEST_DEGREE = 0.0001  # the database keeps 4 decimals; a degree is above 0


@dataclass(frozen=True)
class Records:
    absences: pl.DataFrame  # absences.csv columns as text, and LINE
    notices: list[str]


def absence_records(days: Days, file: str) -> Records:
    """Merge the days into records (see the module doc)."""
    rows, notices = _one_cause_per_day(file, days.days)
    rows = _with_runs(rows)
    records = _records(rows)
    ends = records["end"].to_numpy().astype(np.int64)
    open_end = work_calendar().count(ends + 1, np.full_like(ends, days.last_day)) == 0
    start = pl.col("start").cast(pl.Date)
    employee = pl.col("person").replace_strict(
        pl.int_range(days.people.len(), eager=True), days.people, return_dtype=pl.String
    )
    cause = pl.col("cause").replace_strict(list(CAUSE_CODES.values()), list(CAUSE_CODES))
    absences = records.with_columns(
        pl.when(pl.Series(open_end)).then(None).otherwise(pl.col("end")).alias("end"),
        employee.alias("employee_id"),
    ).select(
        (pl.col("employee_id") + "-" + start.dt.strftime("%Y%m%d")).alias("absence_id"),
        "employee_id",
        cause.alias("cause"),
        iso(start).alias("start_date"),
        iso(pl.col("end").cast(pl.Date)).alias("end_date"),
        number_text(pl.col("degree"), 4).alias("degree"),
        LINE,
    )
    worked = rows.filter(pl.col("degree").is_not_null())
    capped = worked.filter(pl.col("absent") > pl.col("planned") * (1 + 1e-9)).height
    if capped:
        days_ = count(capped, "day")
        notices.append(f"{file}: {days_} with FRVTIM above PLANTIM: degree taken as 1")
    return Records(absences, notices)


def _key(*parts: tuple[str, int]) -> pl.Expr:
    """Several small whole numbers packed into one Int64 (column, bits): one key sorts and
    groups millions of rows much faster than several."""
    key = pl.lit(0, pl.Int64)
    for column, bits in parts:
        key = key * (1 << bits) + pl.col(column).cast(pl.Int64)
    return key


# person < 2^24, days since 1970 < 2^17 (the calendar ends in 2100), cause < 2^3
PERSON_DAY = (("person", 24), ("day", 17))
PERSON_CAUSE_DAY = (("person", 24), ("cause", 3), ("day", 17))


def _one_cause_per_day(file: str, days: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    # Several employments of one person on one day add up. Few have two jobs: only the
    # rows that share person, day and cause are grouped.
    rows = days.with_columns(_key(*PERSON_CAUSE_DAY).alias("_key"))
    shared = rows["_key"].is_duplicated()
    summed = (
        rows.filter(shared)
        .group_by("_key")
        .agg(
            pl.col("person", "cause", "day").first(),
            pl.col("absent", "planned").sum(),
            pl.col(LINE).min(),
        )
    )
    per_cause = pl.concat([rows.filter(~shared), summed.select(rows.columns)])
    worked = per_cause.filter((pl.col("planned") > 0) & (pl.col("absent") > 0))
    # One cause per person and day: the most hours, then the cause first in the spec's order.
    day_key = _key(*PERSON_DAY)
    twice = worked.select(day_key.is_duplicated()).to_series()
    contested = worked.filter(twice).sort(
        ["person", "day", "absent", "cause"], descending=[False, False, True, False]
    )
    winners = contested.unique(["person", "day"], keep="first", maintain_order=True)
    kept = pl.concat([worked.filter(~twice), winners])
    notices = []
    if contested.height > winners.height:
        days_ = count(contested.height - winners.height, "day")
        notices.append(
            f"{file}: {days_} with hours of two causes: the cause with the most"
            " hours keeps the day (a record cannot overlap another)"
        )
    # Days off inside an absence (PLANTIM 0) only join days of their own cause, and only
    # where the person has no absent hours that day.
    taken = kept.select(day_key.alias("_day_key"))["_day_key"].implode()
    off = per_cause.filter((pl.col("planned") <= 0) & ~day_key.is_in(taken))
    degree = (pl.col("absent") / pl.col("planned")).clip(upper_bound=1).round(4)
    kept = kept.with_columns(degree.clip(lower_bound=SMALLEST_DEGREE).alias("degree"))
    off = off.with_columns(pl.lit(None, pl.Float64).alias("degree"))
    return pl.concat([kept, off.select(kept.columns)]), notices


def _with_runs(rows: pl.DataFrame) -> pl.DataFrame:
    """Number the runs: rows of one person and cause with no working day between them."""
    rows = rows.sort("_key")  # person, cause, day
    day = rows["day"].to_numpy().astype(np.int64)
    previous = np.concatenate(([day[0] if len(day) else 0], day[:-1]))
    between = work_calendar().count(previous + 1, day - 1)
    group = rows["_key"].to_numpy() // (1 << 17)  # person and cause
    same = np.concatenate(([False], group[1:] == group[:-1]))
    new_run = ~same | (between > 0)
    return rows.with_columns(pl.Series("_run", np.cumsum(new_run), dtype=pl.Int64))


def _records(rows: pl.DataFrame) -> pl.DataFrame:
    """Within a run, a record per stretch of days with one degree (days off between them
    belong to the record before)."""
    worked = rows.filter(pl.col("degree").is_not_null())
    changed = (pl.col("_run") != pl.col("_run").shift(1)) | (
        pl.col("degree") != pl.col("degree").shift(1)
    )
    numbered = worked.with_columns(changed.fill_null(True).cum_sum().alias("_record"))
    records = numbered.group_by("_record", maintain_order=True).agg(
        pl.col("person", "cause", "_run", "degree").first(),
        pl.col("day").min().alias("start"),
        pl.col("day").max().alias("last"),
        pl.col(LINE).min(),
    )
    next_in_run = pl.col("_run").shift(-1) == pl.col("_run")
    end = pl.when(next_in_run).then(pl.col("start").shift(-1) - 1).otherwise(pl.col("last"))
    return records.with_columns(end.alias("end"))
