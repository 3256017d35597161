"""SD_PERSON: SD Løn's date-sliced employment rows → employees.csv and employments.csv.

Every row of SD_PERSON is one slice of one employment (INST + TJNR) from START to SLUT,
both inclusive (SLUT 9999-12-31: still holds); a new slice begins whenever anything
about the employment changes (docs/sources/sd.md). Employed means status 0, 1 or 3
(Region Hovedstaden's `Ansat`); status S rows are to be deleted and are skipped.

An employment row of employments.csv is a run of touching employed, monthly-paid slices
with the same unit (AFD), job (STILLING) and hours; weekly hours are BESKDEC × 37,
rounded to 2 decimals (BESKDEC's 4 decimals carry hours only to ±0.002, so rounding
gives back the agreed hours exactly). Hourly-paid slices (DEL 2 or 6, or BESKDEC 0) are
kept apart: an hourly employee has no agreed hours, not 0 of them, so they are counted
in the notices and left out of the figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from samraad.interchange.errors import InputError
from samraad.interchange.reading import LINE
from samraad.interchange.sources import cpr
from samraad.interchange.sources.converted import count, iso, number_text
from samraad.interchange.sources.tabular import (
    ERRORS_PER_FIELD,
    Table,
    as_date,
    as_number,
    date_problem,
    empty_problem,
    number_problem,
    problems,
)
from samraad.stats import END

REQUIRED = ("TJNR", "INST", "CPR", "STAT", "BESKDEC", "START", "SLUT", "AFD", "STILLING")
OPTIONAL = ("AnsaettelsesID", "DEL", "NAVN")
EMPLOYED = ("0", "1", "3")
HOURLY_DEL = ("2", "6")
DELETED = "S"
FULL_TIME_HOURS = 37  # BESKDEC is the share of a 37-hour week (Region H, kube_grunddata)
OPEN_END = "9999-12-31"

# The SD field behind each interchange column, for errors.
EMPLOYEE_FIELDS = {"employee_id": "CPR", "birth_date": "CPR", "gender": "CPR", "name": "NAVN"}
EMPLOYMENT_FIELDS = {
    "employment_id": "TJNR",
    "employee_id": "CPR",
    "unit_id": "AFD",
    "job_group": "STILLING",
    "weekly_hours": "BESKDEC",
    "start_date": "START",
    "end_date": "SLUT",
    "end_reason": "AFD",
}


@dataclass(frozen=True)
class People:
    employees: pl.DataFrame
    employments: pl.DataFrame
    # Every slice, for placing absence days: AnsaettelsesID, employee, first, last, monthly.
    slices: pl.DataFrame
    notices: list[str]
    numbers: list[str]  # every employment number (INST-TJNR) of the extract


def read_people(table: Table, secret: str) -> tuple[People | None, list[InputError]]:
    """The employees and employments of SD_PERSON, or the errors that stop them."""
    errors = _cell_errors(table)
    if errors:
        return None, errors
    rows = _slices(table, secret)
    errors = _conflicts(table.file_name, rows)
    if errors:
        return None, errors
    monthly = rows.filter(pl.col("monthly"))
    people = rows.filter(pl.col("employee").is_in(monthly["employee"].implode()))
    return People(
        employees=_employees(people),
        employments=_employments(monthly),
        slices=rows.select("AnsaettelsesID", "employee", "first", "last", "monthly"),
        notices=_notices(table.file_name, rows),
        numbers=rows["employment"].unique().to_list(),
    ), []


def _cell_errors(table: Table) -> list[InputError]:
    start, slut = table.date_format("START"), table.date_format("SLUT")
    employed = pl.col("STAT").is_in(EMPLOYED)
    shape = pl.when(~pl.col("CPR").str.contains(cpr.CPR_SHAPE)).then(pl.lit(cpr.NOT_A_CPR))
    negative = pl.when(as_number("BESKDEC") < 0).then(pl.lit("a share of full time is ≥ 0"))
    before = pl.when(as_date("SLUT", slut) < as_date("START", start)).then(
        pl.format("{} is before START {}", pl.col("SLUT"), pl.col("START"))
    )
    return problems(
        table,
        {
            "TJNR": [empty_problem("TJNR")],
            "INST": [empty_problem("INST")],
            "CPR": [empty_problem("CPR"), shape],
            "STAT": [empty_problem("STAT")],
            "START": [empty_problem("START"), date_problem("START", start)],
            "SLUT": [empty_problem("SLUT"), date_problem("SLUT", slut), before],
            "BESKDEC": [
                pl.when(employed).then(empty_problem("BESKDEC")),
                number_problem("BESKDEC"),
                negative,
            ],
            # Who is not employed (left, retired) needs no unit or job on that slice.
            "AFD": [pl.when(employed).then(empty_problem("AFD"))],
            "STILLING": [pl.when(employed).then(empty_problem("STILLING"))],
        },
    )


def _slices(table: Table, secret: str) -> pl.DataFrame:
    frame = table.frame
    for optional in OPTIONAL:
        if optional not in frame.columns:
            frame = frame.with_columns(pl.lit(None, pl.String).alias(optional))
    beskdec = as_number("BESKDEC")
    employed = pl.col("STAT").is_in(EMPLOYED)
    hourly = pl.col("DEL").is_in(HOURLY_DEL) | (beskdec == 0)
    slut = pl.when(pl.col("SLUT") != OPEN_END).then(pl.col("SLUT"))
    rows = frame.filter(pl.col("STAT") != DELETED).with_columns(
        cpr.digits(pl.col("CPR")).alias("cpr10"),
        (pl.col("INST") + "-" + pl.col("TJNR")).alias("employment"),
        as_date("START", table.date_format("START")).cast(pl.Int64).alias("first"),
        as_date(slut, table.date_format("SLUT")).cast(pl.Int64).fill_null(END).alias("last"),
        (beskdec * FULL_TIME_HOURS).round(2).alias("hours"),
        (employed & hourly).alias("hourly"),
        (employed & ~hourly).alias("monthly"),
    )
    return rows.with_columns(cpr.employee_keys(rows["cpr10"], secret).alias("employee"))


def _conflicts(file: str, rows: pl.DataFrame) -> list[InputError]:
    """One employment number is one person's; its slices do not overlap."""
    owned = rows.with_columns(
        pl.col(LINE).min().over("employment").alias("_first"),
        pl.col("employee").sort_by(LINE).first().over("employment").alias("_owner"),
    )
    others = owned.filter(pl.col("employee") != pl.col("_owner")).select(
        LINE,
        pl.format("INST {} TJNR {} is another person's on line {}", "INST", "TJNR", "_first"),
    )
    if others.height:
        return _errors(file, "CPR", others)
    ordered = rows.sort("employment", "first", LINE)
    overlapping = ordered.filter(
        (pl.col("employment") == pl.col("employment").shift(1))
        & (pl.col("first") <= pl.col("last").shift(1))
    )
    message = pl.format("this slice of INST {} TJNR {} overlaps line {}", "INST", "TJNR", "_before")
    found = ordered.with_columns(pl.col(LINE).shift(1).alias("_before")).join(
        overlapping.select(LINE), on=LINE
    )
    return _errors(file, "START", found.select(LINE, message))


def _errors(file: str, field: str, found: pl.DataFrame) -> list[InputError]:
    return [
        InputError(file, line, field, message)
        for line, message in found.sort(LINE).head(ERRORS_PER_FIELD).iter_rows()
    ]


def _employments(monthly: pl.DataFrame) -> pl.DataFrame:
    """Touching slices with the same unit, job and hours make one row of employments.csv."""
    same = ("AFD", "STILLING", "hours")
    ordered = monthly.sort("employment", "first")
    previous_touches = (pl.col("employment") == pl.col("employment").shift(1)) & (
        pl.col("first") == pl.col("last").shift(1) + 1
    )
    unchanged = pl.all_horizontal(pl.col(c) == pl.col(c).shift(1) for c in same)
    runs = ordered.with_columns(
        (~(previous_touches & unchanged)).fill_null(True).cum_sum().alias("_run")
    )
    rows = (
        runs.group_by("_run", maintain_order=True)
        .agg(
            pl.col("employment", "employee", *same).first(),
            pl.col("first").min(),
            pl.col("last").max(),
            pl.col(LINE).min(),
        )
        .with_columns(
            pl.int_range(pl.len()).over("employment").alias("_nth"),
            # A move to another unit ends the row the day before the next begins.
            (
                (pl.col("employment") == pl.col("employment").shift(-1))
                & (pl.col("first").shift(-1) == pl.col("last") + 1)
                & (pl.col("AFD") != pl.col("AFD").shift(-1))
            ).alias("_moved"),
        )
    )
    start = pl.col("first").cast(pl.Date)
    return rows.select(
        pl.when(pl.col("_nth") == 0)
        .then(pl.col("employment"))
        .otherwise(pl.col("employment") + "-" + start.dt.strftime("%Y%m%d"))
        .alias("employment_id"),
        pl.col("employee").alias("employee_id"),
        pl.col("AFD").alias("unit_id"),
        pl.col("STILLING").alias("job_group"),
        number_text(pl.col("hours"), 2).alias("weekly_hours"),
        iso(start).alias("start_date"),
        iso(pl.when(pl.col("last") < END).then(pl.col("last")).cast(pl.Date)).alias("end_date"),
        pl.when(pl.col("_moved")).then(pl.lit("transfer")).alias("end_reason"),
        LINE,
    )


def _employees(rows: pl.DataFrame) -> pl.DataFrame:
    """One row per person: birth date and gender from the CPR number, the latest name."""
    latest_name = pl.col("NAVN").sort_by("first").drop_nulls().last()
    people = rows.group_by("employee").agg(
        pl.col("cpr10").first(), latest_name.alias("name"), pl.col(LINE).min()
    )
    return people.sort(LINE).select(
        pl.col("employee").alias("employee_id"),
        iso(cpr.birth_date(pl.col("cpr10"))).alias("birth_date"),
        cpr.gender(pl.col("cpr10")).alias("gender"),
        pl.col("name"),
        LINE,
    )


def _notices(file: str, rows: pl.DataFrame) -> list[str]:
    hourly = rows.filter(pl.col("hourly"))
    if hourly.is_empty():
        return []
    employments = count(hourly["employment"].n_unique(), "hourly-paid employment")
    people = count(hourly["employee"].n_unique(), "person", "people")
    return [
        f"{file}: {employments} of {people} kept apart (DEL 2 or 6, or BESKDEC 0):"
        " no agreed hours, so not in the figures"
    ]
