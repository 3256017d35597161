"""SD_FRAVDAG: one row per employment, day and lønart → absent days placed on a person.

A row says that on FRVDATO the employment had PLANTIM planned hours and was absent
FRVTIM of them for the lønart FRVAARSAG. The lønart table (loenart.py) gives the cause;
a row counts when its day falls in a monthly-paid, employed slice of its employment
(sd_person.py). sd_records.py merges the days into absence records.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from samraad.interchange.errors import InputError
from samraad.interchange.reading import LINE
from samraad.interchange.schema import CAUSES
from samraad.interchange.sources import loenart
from samraad.interchange.sources.converted import count
from samraad.interchange.sources.tabular import (
    Table,
    as_date,
    as_number,
    date_problem,
    empty_problem,
    number_problem,
    problems,
)
from samraad.stats import from_day_number

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
# Causes as small numbers while merging (millions of rows sort and group faster so).
CAUSE_CODES = {cause: code for code, cause in enumerate(CAUSES.values)}


@dataclass(frozen=True)
class Days:
    """Absent days placed on a person: person (a number), cause (a number), day, absent,
    planned, LINE; `people` gives each person number's employee key."""

    days: pl.DataFrame
    people: pl.Series
    first_day: int  # the earliest and latest FRVDATO of the file: what the extract covers
    last_day: int
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
        as_date("FRVDATO", table.date_format("FRVDATO")).cast(pl.Int32).alias("day"),
        as_number("FRVTIM").alias("absent"),
        as_number("PLANTIM").alias("planned"),
        LINE,
    )
    earliest, latest = rows["day"].min(), rows["day"].max()
    first_day = earliest if isinstance(earliest, int) else 0
    last_day = latest if isinstance(latest, int) else 0
    rows = rows.with_columns(
        pl.col("code").replace_strict(causes, default=None, return_dtype=pl.String).alias("cause")
    )
    notices = _unknown_codes(file, rows, texts)
    ignored = rows.filter(pl.col("cause") == loenart.IGNORE).height
    if ignored:
        notices.append(f"{file}: {count(ignored, 'row')} of lønarter the table ignores: left out")
    known = rows.filter(pl.col("cause").is_in(CAUSES.values)).select(
        "AnsaettelsesID",
        pl.col("cause").replace_strict(CAUSE_CODES, return_dtype=pl.UInt8),
        "day",
        "absent",
        "planned",
        LINE,
    )
    people = slices["employee"].unique().sort()
    placed, placing_notices = _placed(file, known, slices, people)
    return Days(placed, people, first_day, last_day, notices + placing_notices), []


# The shape of the keys absence_records gives: employee key, dash, first day.
SD_ABSENCE_ID = r"^[0-9a-f]{32}-\d{8}$"


def covered(people: pl.Series, first_day: int, last_day: int) -> pl.Expr:
    """The stored absences an extract speaks for: made from SD (their key's shape), of its
    people, reaching into the days it covers. Those it does not hold any more are removed:
    payroll corrects absence after the fact, and the extract is the truth for its days."""
    first = from_day_number(first_day).isoformat()
    last = from_day_number(last_day).isoformat()
    return (
        pl.col("absence_id").str.contains(SD_ABSENCE_ID)
        & pl.col("employee_id").is_in(people.implode())
        & (pl.col("start_date") <= last)
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= first))
    )


def _cell_errors(table: Table) -> list[InputError]:
    def not_negative(field: str) -> pl.Expr:
        return pl.when(as_number(field) < 0).then(pl.lit("hours are not negative"))

    day = table.date_format("FRVDATO")
    return problems(
        table,
        {
            # The value is not repeated: SD builds it from the CPR number.
            "AnsaettelsesID": [empty_problem("AnsaettelsesID")],
            "FRVDATO": [empty_problem("FRVDATO"), date_problem("FRVDATO", day)],
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


def _placed(
    file: str, rows: pl.DataFrame, slices: pl.DataFrame, people: pl.Series
) -> tuple[pl.DataFrame, list[str]]:
    """Each row on the slice of its employment that holds on its day; only monthly-paid
    slices count (hourly-paid staff are kept apart, sd_person.py). Employments and people
    become numbers first: joining millions of rows on text is slow."""
    ids = slices["AnsaettelsesID"].drop_nulls().unique()
    employments = pl.DataFrame(
        {"AnsaettelsesID": ids, "_employment": pl.int_range(ids.len(), eager=True)}
    )
    numbered = pl.DataFrame({"employee": people, "person": pl.int_range(people.len(), eager=True)})
    ordered = (
        slices.join(employments, on="AnsaettelsesID")
        .join(numbered, on="employee")
        .select("_employment", "person", pl.col("first").cast(pl.Int32), "last", "monthly")
        .sort("first")
    )
    rows = rows.join(employments, on="AnsaettelsesID", how="left").drop("AnsaettelsesID")
    placed = rows.sort("day").join_asof(
        ordered,
        left_on="day",
        right_on="first",
        by="_employment",
        strategy="backward",
        check_sortedness=False,  # both sorted just above
    )
    on_slice = pl.col("person").is_not_null() & (pl.col("day") <= pl.col("last"))
    known = pl.col("_employment").is_not_null()
    counts = placed.select(
        (~known).sum().alias("unknown"),
        (known & ~on_slice).sum().alias("outside"),
        (on_slice & ~pl.col("monthly")).sum().alias("hourly"),
    ).row(0, named=True)
    notices = []
    if counts["unknown"]:
        notices.append(
            f"{file}: {count(counts['unknown'], 'row')} of employments not in SD_PERSON: left out"
        )
    if counts["outside"]:
        rows_ = count(counts["outside"], "row")
        notices.append(f"{file}: {rows_} outside the employment's slices: left out")
    if counts["hourly"]:
        rows_ = count(counts["hourly"], "row")
        notices.append(f"{file}: {rows_} on hourly-paid or ended employments: left out")
    kept = placed.filter(on_slice & pl.col("monthly"))
    return kept.select(
        pl.col("person").cast(pl.UInt32), "cause", "day", "absent", "planned", LINE
    ), notices
