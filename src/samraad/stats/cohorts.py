"""Who belongs to which group over time, as pieces for `grouped_figures`: age bands (from
birth dates) and the notice period of a dismissal and the year before it.

- Age: a person is of age a from their a-th birthday (28 February for those born on
  29 February, in a year without it). An employment of someone without a birth date is
  in the group UNKNOWN_AGE.
- Notice: an employment that ended in a dismissal with a notice date is in NOTICE from
  the notice date to its end, and in BEFORE_NOTICE over the `before_days` before the
  notice date (from its start, if later).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import polars as pl

from samraad.stats.groups import PIECE_COLUMNS

AGE_BOUNDS = (30, 40, 50, 60)
UNKNOWN_AGE = "unknown"
NOTICE = "notice"
BEFORE_NOTICE = "before"


def age_labels(bounds: Sequence[int] = AGE_BOUNDS) -> list[str]:
    """The bands' names: "0-29", "30-39", …, "60+"."""
    edges = [0, *bounds]
    inner = [f"{lo}-{hi - 1}" for lo, hi in itertools.pairwise(edges)]
    return [*inner, f"{edges[-1]}+"]


def _years_after(years: int) -> pl.Expr:
    return pl.col("birth_date").dt.offset_by(f"{years}y")


def age_pieces(
    employments: pl.DataFrame, birth_dates: pl.DataFrame, bounds: Sequence[int] = AGE_BOUNDS
) -> pl.DataFrame:
    """Each employment (employment_id, employee_id, start_date, end_date) cut at the
    birthdays that change its holder's band (`birth_dates`: employee_id, birth_date)."""
    jobs = employments.select("employment_id", "employee_id", "start_date", "end_date").join(
        birth_dates.select("employee_id", "birth_date"), on="employee_id", how="left"
    )
    known = jobs.filter(pl.col("birth_date").is_not_null())
    edges = [0, *bounds]
    parts = []
    for label, lo, hi in zip(age_labels(bounds), edges, [*bounds, None], strict=True):
        first = _years_after(lo)
        last = None if hi is None else _years_after(hi).dt.offset_by("-1d")
        parts.append(
            known.select(
                "employment_id",
                pl.lit(label).alias("group"),
                pl.max_horizontal("start_date", first).alias("start_date"),
                (
                    pl.col("end_date")
                    if last is None
                    else pl.min_horizontal(pl.col("end_date"), last)
                ).alias("end_date"),
            )
        )
    unknown = jobs.filter(pl.col("birth_date").is_null()).select(
        "employment_id", pl.lit(UNKNOWN_AGE).alias("group"), "start_date", "end_date"
    )
    pieces = pl.concat([*parts, unknown]).filter(
        pl.col("end_date").is_null() | (pl.col("start_date") <= pl.col("end_date"))
    )
    return pieces.cast(PIECE_COLUMNS)  # type: ignore[arg-type]


def notice_pieces(employments: pl.DataFrame, before_days: int = 365) -> pl.DataFrame:
    """The notice periods of dismissals and the `before_days` before them, from
    employments with employment_id, start_date, end_date, end_reason, notice_date."""
    dismissed = employments.filter(
        (pl.col("end_reason") == "dismissal")
        & pl.col("notice_date").is_not_null()
        & pl.col("end_date").is_not_null()
    )
    notice = dismissed.select(
        "employment_id",
        pl.lit(NOTICE).alias("group"),
        pl.max_horizontal("notice_date", "start_date").alias("start_date"),
        "end_date",
    )
    before = dismissed.select(
        "employment_id",
        pl.lit(BEFORE_NOTICE).alias("group"),
        pl.max_horizontal(
            pl.col("notice_date").dt.offset_by(f"-{before_days}d"), "start_date"
        ).alias("start_date"),
        pl.col("notice_date").dt.offset_by("-1d").alias("end_date"),
    )
    pieces = pl.concat([notice, before]).filter(pl.col("start_date") <= pl.col("end_date"))
    return pieces.cast(PIECE_COLUMNS)  # type: ignore[arg-type]


SENIOR_AGE = 60  # "seniorer": 60 and over
# Joins an age band and a job group into one group's name; never in a job group.
JOINT = "\x1f"


def senior_pieces(
    employments: pl.DataFrame,
    birth_dates: pl.DataFrame,
    job_groups: pl.DataFrame,
    age: int = SENIOR_AGE,
) -> pl.DataFrame:
    """Each employment by its holder's side of `age` ("0-59", "60+" or UNKNOWN_AGE) and
    its job group (`job_groups`: employment_id, job_group): the group "60+␟pædagog"."""
    pieces = age_pieces(employments, birth_dates, [age]).join(
        job_groups.select("employment_id", "job_group"), on="employment_id", how="left"
    )
    return pieces.select(
        "employment_id",
        (pl.col("group") + JOINT + pl.col("job_group").fill_null("")).alias("group"),
        "start_date",
        "end_date",
    )


def split_group(group: str) -> tuple[str, str]:
    """("60+", "pædagog") from a senior piece's group."""
    band, _, job = group.partition(JOINT)
    return band, job
