"""Properties of merging SD's days into records, on random days of one person and cause:
every day with hours lies in exactly one record of its degree; records never overlap; a
working day inside a record had a row; neighbours with only days off between them and the
same degree share a record."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from samraad.interchange.reading import LINE
from samraad.interchange.sources.sd_absence import Days
from samraad.interchange.sources.sd_records import absence_records
from samraad.stats.workdays import day_number, work_calendar

FIRST = day_number(dt.date(2024, 3, 1))  # a stretch with Easter in it
SPAN = 60
KINDS = {"whole": (7.4, 7.4), "half": (3.7, 7.4), "off": (0.0, 0.0)}

day_rows = st.dictionaries(
    st.integers(0, SPAN - 1), st.sampled_from(sorted(KINDS)), min_size=1, max_size=SPAN
)


def merged(rows: dict[int, str]) -> pl.DataFrame:
    days = pl.DataFrame(
        {
            "person": pl.Series([0] * len(rows), dtype=pl.UInt32),
            "cause": pl.Series([0] * len(rows), dtype=pl.UInt8),
            "day": pl.Series([FIRST + d for d in rows], dtype=pl.Int32),
            "absent": [KINDS[k][0] for k in rows.values()],
            "planned": [KINDS[k][1] for k in rows.values()],
            LINE: list(range(2, len(rows) + 2)),
        }
    )
    # The extract reaches far beyond: no record is left open.
    extract = Days(days, pl.Series(["p"]), FIRST, FIRST + 400, [])
    return absence_records(extract, "SD_FRAVDAG.csv").absences.with_columns(
        pl.col("start_date", "end_date").str.to_date().cast(pl.Int64)
    )


@settings(deadline=None)  # the first example builds the working-day calendar
@given(day_rows)
def test_records_cover_each_day_with_hours_once_with_its_degree(rows: dict[int, str]) -> None:
    records = merged(rows).sort("start_date")
    spans = list(zip(records["start_date"], records["end_date"], records["degree"], strict=True))
    for (_, end, _), (start, _, _) in itertools.pairwise(spans):
        assert end < start  # no overlap
    for offset, kind in rows.items():
        if kind == "off":
            continue
        day = FIRST + offset
        holding = [s for s in spans if s[0] <= day <= s[1]]
        assert len(holding) == 1
        assert holding[0][2] == ("1" if kind == "whole" else "0.5")


def is_working(day: int) -> bool:
    return bool(work_calendar().count(np.array([day]), np.array([day]))[0])


@settings(deadline=None)  # the first example builds the working-day calendar
@given(day_rows)
def test_a_working_day_inside_a_record_had_a_row(rows: dict[int, str]) -> None:
    for start, end in merged(rows).select("start_date", "end_date").iter_rows():
        for day in range(start, end + 1):
            if is_working(day):
                assert day - FIRST in rows


@settings(deadline=None)  # the first example builds the working-day calendar
@given(day_rows)
def test_neighbours_with_only_days_off_between_share_a_record(rows: dict[int, str]) -> None:
    records = merged(rows)
    worked = sorted(d for d, k in rows.items() if k != "off")
    for a, b in itertools.pairwise(worked):
        gaps = [d for d in range(a + 1, b) if is_working(FIRST + d) and d not in rows]
        if not gaps and rows[a] == rows[b]:
            holding = records.filter(
                (pl.col("start_date") <= FIRST + a) & (pl.col("end_date") >= FIRST + b)
            )
            assert holding.height == 1
