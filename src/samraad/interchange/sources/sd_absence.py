"""SD_FRAVDAG: one row per employment, day and lønart → absence records of absences.csv.

A row says that on FRVDATO the employment had PLANTIM planned hours and was absent
FRVTIM of them for the lønart FRVAARSAG. The lønart table (loenart.py) gives the cause.
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

from samraad.interchange.errors import InputError
from samraad.interchange.reading import LINE
from samraad.interchange.schema import CAUSES
from samraad.interchange.sources import loenart
from samraad.interchange.sources.converted import count, iso, number_text
from samraad.interchange.sources.tabular import (
    Table,
    as_date,
    as_number,
    date_problem,
    empty_problem,
    number_problem,
    problems,
)
from samraad.stats.workdays import work_calendar

REQUIRED = ("AnsaettelsesID", "FRVDATO", "FRVAARSAG", "FRVTIM", "PLANTIM")
# The SD field behind each absences.csv column, for errors.
FIELDS = {
    "absence_id": "FRVDATO",
    "employee_id": "AnsaettelsesID",
    "cause": "FRVAARSAG",
    "start_date": "FRVDATO",
    "end_date": "FRVDATO",
    "degree": "FRVTIM",
}
SMALLEST_DEGREE = 0.0001  # the database keeps 4 decimals; a degree is above 0


@dataclass(frozen=True)
class Days:
    """Absent days placed on a person: employee, cause, day, absent, planned, LINE."""

    days: pl.DataFrame
    last_day: int  # the latest FRVDATO of the file: how far the extract reaches
    notices: list[str]


def read_days(
    table: Table, slices: pl.DataFrame, causes: dict[str, str], texts: dict[str, str]
) -> tuple[Days | None, list[InputError]]:
    """The rows of SD_FRAVDAG with a known cause, on a monthly-paid employment."""
    errors = _cell_errors(table)
    if errors:
        return None, errors
    file = table.file_name
    rows = table.frame.select(
        "AnsaettelsesID",
        loenart.normal_codes(pl.col("FRVAARSAG")).alias("code"),
        as_date("FRVDATO").cast(pl.Int64).alias("day"),
        as_number("FRVTIM").alias("absent"),
        as_number("PLANTIM").alias("planned"),
        LINE,
    )
    latest = rows["day"].max()
    last_day = latest if isinstance(latest, int) else 0
    rows = rows.with_columns(
        pl.col("code").replace_strict(causes, default=None, return_dtype=pl.String).alias("cause")
    )
    notices = _unknown_codes(file, rows, texts)
    ignored = rows.filter(pl.col("cause") == loenart.IGNORE).height
    if ignored:
        notices.append(f"{file}: {count(ignored, 'row')} of lønarter the table ignores: left out")
    known = rows.filter(pl.col("cause").is_in(CAUSES.values))
    placed, placing_notices = _placed(file, known, slices)
    return Days(placed, last_day, notices + placing_notices), []


def _cell_errors(table: Table) -> list[InputError]:
    def not_negative(field: str) -> pl.Expr:
        return pl.when(as_number(field) < 0).then(pl.lit("hours are not negative"))

    return problems(
        table,
        {
            # The value is not repeated: SD builds it from the CPR number.
            "AnsaettelsesID": [empty_problem("AnsaettelsesID")],
            "FRVDATO": [empty_problem("FRVDATO"), date_problem("FRVDATO")],
            "FRVAARSAG": [empty_problem("FRVAARSAG")],
            "FRVTIM": [empty_problem("FRVTIM"), number_problem("FRVTIM"), not_negative("FRVTIM")],
            "PLANTIM": [
                empty_problem("PLANTIM"),
                number_problem("PLANTIM"),
                not_negative("PLANTIM"),
            ],
        },
    )


def _unknown_codes(file: str, rows: pl.DataFrame, texts: dict[str, str]) -> list[str]:
    unknown = (
        rows.filter(pl.col("cause").is_null())
        .group_by("code")
        .agg(pl.len().alias("n"), pl.col(LINE).min().alias("first"))
        .sort("first")
    )
    notices = []
    for code, n, first in unknown.iter_rows():
        text = f" ({texts[code]})" if code in texts else ""
        notices.append(
            f"{file}: lønart {code}{text} is not in the lønart table: {count(n, 'row')} left out"
            f" (first on line {first}); add it to the table as a cause or as ignore"
        )
    return notices


def _placed(file: str, rows: pl.DataFrame, slices: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """Each row on the slice of its employment that holds on its day; only monthly-paid
    slices count (hourly-paid staff are kept apart, sd_person.py)."""
    ordered = slices.filter(pl.col("AnsaettelsesID").is_not_null()).sort("first")
    placed = rows.sort("day").join_asof(
        ordered,
        left_on="day",
        right_on="first",
        by="AnsaettelsesID",
        strategy="backward",
        check_sortedness=False,  # both sorted just above
    )
    on_slice = pl.col("employee").is_not_null() & (pl.col("day") <= pl.col("last"))
    known_ids = slices["AnsaettelsesID"].drop_nulls().unique().implode()
    notices = []
    unknown = placed.filter(~pl.col("AnsaettelsesID").is_in(known_ids)).height
    if unknown:
        notices.append(f"{file}: {count(unknown, 'row')} of employments not in SD_PERSON: left out")
    outside = placed.filter(pl.col("AnsaettelsesID").is_in(known_ids) & ~on_slice).height
    if outside:
        notices.append(f"{file}: {count(outside, 'row')} outside the employment's slices: left out")
    hourly = placed.filter(on_slice & ~pl.col("monthly")).height
    if hourly:
        notices.append(
            f"{file}: {count(hourly, 'row')} on hourly-paid or ended employments: left out"
        )
    kept = placed.filter(on_slice & pl.col("monthly"))
    return kept.select("employee", "cause", "day", "absent", "planned", LINE), notices


@dataclass(frozen=True)
class Records:
    absences: pl.DataFrame  # absences.csv columns as text, and LINE
    notices: list[str]


def absence_records(days: Days, file: str) -> Records:
    """Merge the days into records (see the module doc)."""
    rows, notices = _one_cause_per_day(file, days.days)
    rows = _with_runs(rows)
    records = _records(rows)
    ends = records["end"].to_numpy()
    open_end = work_calendar().count(ends + 1, np.full_like(ends, days.last_day)) == 0
    records = records.with_columns(
        pl.when(pl.Series(open_end)).then(None).otherwise(pl.col("end")).alias("end")
    )
    start = pl.col("start").cast(pl.Date)
    absences = records.select(
        (pl.col("employee") + "-" + start.dt.strftime("%Y%m%d")).alias("absence_id"),
        pl.col("employee").alias("employee_id"),
        "cause",
        iso(start).alias("start_date"),
        iso(pl.col("end").cast(pl.Date)).alias("end_date"),
        number_text(pl.col("degree"), 4).alias("degree"),
        LINE,
    )
    worked = rows.filter(pl.col("degree").is_not_null())
    capped = worked.filter(pl.col("absent") > pl.col("planned") * (1 + 1e-9)).height
    if capped:
        notices.append(
            f"{file}: {count(capped, 'day')} with FRVTIM above PLANTIM: degree taken as 1"
        )
    return Records(absences, notices)


def _one_cause_per_day(file: str, days: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    per_cause = days.group_by("employee", "day", "cause").agg(
        pl.col("absent").sum(), pl.col("planned").sum(), pl.col(LINE).min()
    )
    worked = per_cause.filter((pl.col("planned") > 0) & (pl.col("absent") > 0))
    order = {cause: i for i, cause in enumerate(CAUSES.values)}
    ranked = worked.with_columns(
        pl.col("cause").replace_strict(order, return_dtype=pl.Int32).alias("_order")
    ).sort(["employee", "day", "absent", "_order"], descending=[False, False, True, False])
    kept = ranked.unique(["employee", "day"], keep="first", maintain_order=True).drop("_order")
    notices = []
    if ranked.height > kept.height:
        days_ = ranked.height - kept.height
        notices.append(
            f"{file}: {count(days_, 'day')} with hours of two causes: the cause with the most"
            " hours keeps the day (a record cannot overlap another)"
        )
    # Days off inside an absence (PLANTIM 0) only join days of their own cause, and only
    # where the person has no absent hours that day.
    off = per_cause.filter(pl.col("planned") <= 0).join(
        kept.select("employee", "day"), on=["employee", "day"], how="anti"
    )
    degree = (pl.col("absent") / pl.col("planned")).clip(upper_bound=1).round(4)
    kept = kept.with_columns(degree.clip(lower_bound=SMALLEST_DEGREE).alias("degree"))
    off = off.with_columns(pl.lit(None, pl.Float64).alias("degree"))
    return pl.concat([kept, off.select(kept.columns)]), notices


def _with_runs(rows: pl.DataFrame) -> pl.DataFrame:
    """Number the runs: rows of one person and cause with no working day between them."""
    rows = rows.sort("employee", "cause", "day")
    day = rows["day"].to_numpy()
    previous = np.concatenate(([day[0] if len(day) else 0], day[:-1]))
    between = work_calendar().count(previous + 1, day - 1)
    same = (rows["employee"] == rows["employee"].shift(1)) & (
        rows["cause"] == rows["cause"].shift(1)
    )
    new_run = ~same.fill_null(False).to_numpy() | (between > 0)
    return rows.with_columns(pl.Series("_run", np.cumsum(new_run)))


def _records(rows: pl.DataFrame) -> pl.DataFrame:
    """Within a run, a record per stretch of days with one degree (days off between them
    belong to the record before)."""
    worked = rows.filter(pl.col("degree").is_not_null())
    changed = (pl.col("_run") != pl.col("_run").shift(1)) | (
        pl.col("degree") != pl.col("degree").shift(1)
    )
    numbered = worked.with_columns(changed.fill_null(True).cum_sum().alias("_record"))
    records = numbered.group_by("_record", maintain_order=True).agg(
        pl.col("employee", "cause", "_run", "degree").first(),
        pl.col("day").min().alias("start"),
        pl.col("day").max().alias("last"),
        pl.col(LINE).min(),
    )
    next_in_run = pl.col("_run").shift(-1) == pl.col("_run")
    end = pl.when(next_in_run).then(pl.col("start").shift(-1) - 1).otherwise(pl.col("last"))
    return records.with_columns(end.alias("end"))
