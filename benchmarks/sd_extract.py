"""The synthetic municipality written as SD Løn's warehouse extracts, for benchmarks.

SD_PERSON: one slice per employment and calendar year of the extract's years (SD starts
a new slice at every change; the yearly pay regulation is the least of them), a status-8
slice after each ended employment. SD_FRAVDAG: one row per employment and working day of
each absence record within the extract's years, PLANTIM = weekly hours / 5, FRVTIM =
PLANTIM × degree. `;`-separated with decimal commas, as Danish Excel writes them. CPR
numbers are made up from the birth date and gender; the rest is the generator's world.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import polars as pl

from samraad.stats import work_calendar

INST = "KK"
LOENART = {
    "own_sickness": "790",
    "child_sickness": "910",
    "work_injury": "524",
    "pregnancy_related": "780",
    "maternity": "570",
    "other": "510",
}


def fake_cprs(employees: pl.DataFrame) -> pl.DataFrame:
    """employee_id → a made-up, unique CPR number matching birth date and gender."""
    born = employees["birth_date"].fill_null(dt.date(1970, 1, 1))
    male = (employees["gender"] == "M").fill_null(False)
    ordinal = (
        pl.DataFrame({"born": born, "male": male})
        .select(pl.int_range(pl.len()).over("born", "male").alias("n"))["n"]
        .to_numpy()
    )
    year = born.dt.year().to_numpy()
    # The 7th digit tells the century: 0–3 for the 1900s, 4–8 (years up to 2036) for the
    # 2000s; using all four of each room gives 2,000 numbers per birth date and gender.
    century = np.where(year >= 2000, 4, 0) + ordinal // 500
    last = (ordinal % 5) * 2 + male.to_numpy()  # odd for men
    serial = (ordinal % 500) // 5
    assert (ordinal < 2_000).all(), "more people share a birth date than CPR numbers allow"
    digits = [
        f"{d:%d%m%y}{c}{s:02d}{x}"
        for d, c, s, x in zip(born.to_list(), century, serial, last, strict=True)
    ]
    return employees.select("employee_id", pl.Series("cpr10", digits))


def write_sd_extract(
    frames: dict[str, pl.DataFrame], folder: Path, first: dt.date, today: dt.date
) -> dict[str, int]:
    """Write units.csv, SD_PERSON.csv and SD_FRAVDAG.csv for the days `first` to `today`."""
    folder.mkdir(parents=True, exist_ok=True)
    frames["units"].write_csv(folder / "units.csv", date_format="%Y-%m-%d")
    cprs = fake_cprs(frames["employees"]).join(
        frames["employees"].select("employee_id", "name"), on="employee_id"
    )
    employments = (
        frames["employments"]
        .join(cprs, on="employee_id")
        .with_columns(
            pl.col("employment_id").str.slice(1).alias("TJNR"),
            (pl.col("cpr10") + INST + pl.col("employment_id").str.slice(1)).alias("AnsaettelsesID"),
        )
    )
    person = _person_rows(employments, first.year, today.year)
    person.write_csv(folder / "SD_PERSON.csv", separator=";")
    days = _day_rows(frames["absences"], employments, first, today)
    days.write_csv(folder / "SD_FRAVDAG.csv", separator=";")
    return {"SD_PERSON": person.height, "SD_FRAVDAG": days.height}


def _comma(column: pl.Expr, places: int) -> pl.Expr:
    return column.round(places).cast(pl.String).str.replace(".", ",", literal=True)


def _person_rows(employments: pl.DataFrame, first_year: int, last_year: int) -> pl.DataFrame:
    end = pl.col("end_date").fill_null(dt.date(9999, 12, 31))
    # Before the extract's first year, one slice: the years before are history SD keeps.
    from_year = pl.max_horizontal(pl.col("start_date").dt.year(), pl.lit(first_year - 1))
    to_year = pl.min_horizontal(end.dt.year(), pl.lit(last_year))
    years = employments.with_columns(
        pl.int_ranges(from_year, to_year + 1).alias("_year"), to_year.alias("_last")
    ).explode("_year")
    begins = pl.when(pl.col("_year") < first_year).then(pl.col("start_date"))
    begins = begins.otherwise(pl.max_horizontal("start_date", pl.date(pl.col("_year"), 1, 1)))
    last = pl.when(pl.col("_year") == pl.col("_last")).then(end)
    last = last.otherwise(pl.date(pl.col("_year"), 12, 31))
    stat = pl.lit("1").alias("STAT")
    slices = years.with_columns(begins.alias("START"), last.alias("SLUT"), stat)
    slices = slices.unique(["employment_id", "START"], keep="first")
    ended = employments.filter(pl.col("end_date").is_not_null()).with_columns(
        (pl.col("end_date") + pl.duration(days=1)).alias("START"),
        pl.lit(dt.date(9999, 12, 31)).alias("SLUT"),
        pl.lit("8").alias("STAT"),
    )
    rows = pl.concat([slices.select(ended.columns), ended]).sort("employment_id", "START")
    return rows.select(
        "AnsaettelsesID",
        pl.lit(INST).alias("INST"),
        "TJNR",
        (pl.col("cpr10").str.slice(0, 6) + "-" + pl.col("cpr10").str.slice(6)).alias("CPR"),
        pl.col("name").alias("NAVN"),
        "STAT",
        pl.lit("1").alias("DEL"),
        _comma(pl.col("weekly_hours") / 37, 4).alias("BESKDEC"),
        pl.col("unit_id").alias("AFD"),
        pl.col("job_group").alias("STILLING"),
        pl.col("START").dt.strftime("%Y-%m-%d"),
        pl.col("SLUT").dt.strftime("%Y-%m-%d"),
    )


def _day_rows(
    absences: pl.DataFrame, employments: pl.DataFrame, first: dt.date, today: dt.date
) -> pl.DataFrame:
    start = pl.max_horizontal("start_date", pl.lit(first))
    end = pl.col("end_date").fill_null(today)
    days = (
        absences.filter(end >= first)
        .with_columns(pl.date_ranges(start, end).alias("day"))
        .explode("day")
    )
    jobs = employments.select(
        "employee_id", "AnsaettelsesID", "weekly_hours", "start_date", "end_date"
    ).rename({"start_date": "_from", "end_date": "_to"})
    placed = days.join(jobs, on="employee_id").filter(
        (pl.col("day") >= pl.col("_from")) & (pl.col("day") <= pl.col("_to").fill_null(today))
    )
    numbers = placed["day"].cast(pl.Int64).to_numpy()
    working = pl.Series(work_calendar().count(numbers, numbers) == 1)
    placed = placed.filter(working).with_columns((pl.col("weekly_hours") / 5).alias("PLANTIM"))
    return placed.sort("day", "AnsaettelsesID").select(
        "AnsaettelsesID",
        pl.col("day").dt.strftime("%Y-%m-%d").alias("FRVDATO"),
        pl.col("cause").replace_strict(LOENART).alias("FRVAARSAG"),
        _comma(pl.col("PLANTIM") * pl.col("degree"), 4).alias("FRVTIM"),
        _comma(pl.col("PLANTIM"), 4).alias("PLANTIM"),
    )
