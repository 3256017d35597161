"""Arrays to the interchange tables of spec/data-format.md, and those tables to CSV files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import polars as pl

from samraad.synth import catalogue as cat
from samraad.synth.episodes import CAUSES, OPEN, Records
from samraad.synth.managers import EMAIL_DOMAIN
from samraad.synth.organisation import Organisation
from samraad.synth.staffing import REASONS, Staff

COLUMNS = {
    "units": ["unit_id", "name", "kind", "parent_id", "valid_from", "valid_to"],
    "employees": ["employee_id", "birth_date", "gender", "name"],
    "employments": [
        "employment_id",
        "employee_id",
        "unit_id",
        "job_group",
        "weekly_hours",
        "start_date",
        "end_date",
        "end_reason",
        "notice_date",
    ],
    "absences": ["absence_id", "employee_id", "cause", "start_date", "end_date", "degree"],
    "targets": ["unit_id", "year", "absence_days_per_fte"],
    "managers": ["unit_id", "employee_id", "email", "language", "valid_from", "valid_to"],
}


def identifiers(prefix: str, count: int, width: int) -> pl.Series:
    """prefix + 1..count zero-padded: letters first, so never mistaken for a CPR number."""
    numbers = pl.Series("n", np.arange(1, count + 1, dtype=np.int64))
    width = max(width, len(str(count)))
    return pl.select(pl.lit(prefix) + numbers.cast(pl.String).str.zfill(width)).to_series()


def dates(name: str, days: npt.NDArray[np.int64] | npt.NDArray[np.int32]) -> pl.Series:
    """Day numbers to pl.Date; no date (NONE, OPEN) becomes null."""
    missing = days >= OPEN
    series = pl.Series(name, np.where(missing, 0, days).astype(np.int32)).cast(pl.Date)
    return series.scatter(np.flatnonzero(missing), None) if missing.any() else series


def lookup(name: str, values: Sequence[str | None], codes: npt.NDArray[np.integer]) -> pl.Series:
    return pl.Series(name, values, dtype=pl.String).gather(codes)


def units_frame(org: Organisation) -> pl.DataFrame:
    rows = org.rows
    return pl.DataFrame(
        {
            "unit_id": [r.unit_id for r in rows],
            "name": [r.name for r in rows],
            "kind": [r.kind for r in rows],
            "parent_id": pl.Series([r.parent_id for r in rows], dtype=pl.String),
            "valid_from": pl.Series([r.valid_from for r in rows], dtype=pl.Date),
            "valid_to": pl.Series([r.valid_to for r in rows], dtype=pl.Date),
        }
    )


def person_ids(staff: Staff) -> pl.Series:
    return identifiers("P", staff.people, 7)


def people_frames(
    org: Organisation, staff: Staff, people: pl.Series, names: pl.Series
) -> tuple[pl.DataFrame, pl.DataFrame]:
    gender = np.where(staff.female, 0, 1) + np.where(staff.gender_known, 0, 2)
    employees = pl.DataFrame(
        [
            people.alias("employee_id"),
            dates("birth_date", staff.birth),
            lookup("gender", ["F", "M", None, None], gender),
            names.alias("name"),
        ]
    )
    employments = pl.DataFrame(
        [
            identifiers("E", len(staff.person), 8).alias("employment_id"),
            people.gather(staff.person).alias("employee_id"),
            lookup("unit_id", org.staffed, staff.unit),
            lookup("job_group", cat.JOB_NAMES, staff.emp_job),
            pl.Series("weekly_hours", np.round(staff.hours, 2)),
            dates("start_date", staff.start),
            dates("end_date", staff.end),
            lookup("end_reason", [None, *REASONS[1:]], staff.reason),
            dates("notice_date", staff.notice),
        ]
    )
    return employees, employments


def absences_frame(records: Records, people: pl.Series) -> pl.DataFrame:
    return pl.DataFrame(
        [
            identifiers("A", len(records.person), 9).alias("absence_id"),
            people.gather(records.person).alias("employee_id"),
            lookup("cause", CAUSES, records.cause),
            dates("start_date", records.start),
            dates("end_date", records.end),
            pl.Series("degree", np.round(records.degree.astype(np.float64), 4)),
        ]
    )


def targets_frame(rows: list[tuple[str, int, float]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={"unit_id": pl.String, "year": pl.Int64, "absence_days_per_fte": pl.Float64},
        orient="row",
    )


def managers_frame(
    rows: pl.DataFrame, people: pl.Series, english: npt.NDArray[np.bool_]
) -> pl.DataFrame:
    """managers.csv from manager_rows; `english` per person: their mail is in English."""
    person = rows["person"].to_numpy()
    employee = people.gather(person)
    return pl.DataFrame(
        [
            rows["unit_id"],
            employee.alias("employee_id"),
            (employee.str.to_lowercase() + f"@{EMAIL_DOMAIN}").alias("email"),
            lookup("language", ["da", "en"], english[person].astype(np.int64)),
            dates("valid_from", rows["start"].to_numpy()),
            dates("valid_to", rows["end"].to_numpy()),
        ]
    )


def write_folder(frames: dict[str, pl.DataFrame], directory: Path) -> None:
    """Write each frame as `<stem>.csv`: ISO dates, empty cells for nulls, hours as `37` or
    `18.5`, and the degree left empty where it is 1 (the format's default)."""
    directory.mkdir(parents=True, exist_ok=True)
    for stem, frame in frames.items():
        frame.select(_csv_column(frame, c) for c in frame.columns).write_csv(
            directory / f"{stem}.csv", date_format="%Y-%m-%d", null_value="", line_terminator="\n"
        )


def _csv_column(frame: pl.DataFrame, name: str) -> pl.Expr:
    column = pl.col(name)
    if frame.schema[name] != pl.Float64:
        return column
    text = column.round(4).cast(pl.String)
    whole = column == column.round(0)
    text = pl.when(whole).then(column.cast(pl.Int64).cast(pl.String)).otherwise(text)
    if name == "degree":
        text = pl.when(column == 1.0).then(None).otherwise(text)
    return text.alias(name)
