"""Age bands and notice periods as pieces of employments (stats.cohorts)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from samraad.stats import age_labels, age_pieces, notice_pieces, senior_pieces, split_group

D = dt.date
JOBS = pl.DataFrame(
    [
        ("J1", "A", D(2020, 1, 1), None),
        ("J2", "B", D(2020, 1, 1), D(2026, 3, 31)),
        ("J3", "C", D(2020, 1, 1), None),
    ],
    schema={
        "employment_id": pl.String,
        "employee_id": pl.String,
        "start_date": pl.Date,
        "end_date": pl.Date,
    },
    orient="row",
)


def rows(frame: pl.DataFrame) -> list[tuple[object, ...]]:
    return sorted(frame.iter_rows(), key=lambda r: (r[0], r[2]))


def test_the_bands_are_named_by_their_ages() -> None:
    assert age_labels() == ["0-29", "30-39", "40-49", "50-59", "60+"]
    assert age_labels([60]) == ["0-59", "60+"]


def test_an_employment_is_cut_at_the_birthdays_that_change_the_band() -> None:
    births = pl.DataFrame(
        {"employee_id": ["A", "B"], "birth_date": [D(1996, 2, 29), D(1966, 6, 1)]}
    )
    found = rows(age_pieces(JOBS, births, [30, 60]))
    assert found == [
        # born 29 February: 30 on 28 February 2026 (no 29th that year), 60 on 29 February 2056
        ("J1", "0-29", D(2020, 1, 1), D(2026, 2, 27)),
        ("J1", "30-59", D(2026, 2, 28), D(2056, 2, 28)),
        ("J1", "60+", D(2056, 2, 29), None),
        ("J2", "30-59", D(2020, 1, 1), D(2026, 3, 31)),  # 60 on 1 June 2026, gone by then
        ("J3", "unknown", D(2020, 1, 1), None),
    ]


def test_a_dismissal_has_its_notice_and_the_year_before() -> None:
    jobs = JOBS.with_columns(
        pl.Series("end_reason", ["", "dismissal", "dismissal"]),
        pl.Series("notice_date", [None, D(2026, 1, 15), D(2026, 1, 15)]),
    )
    # J3 has a notice date but no end: no notice period to read
    assert rows(notice_pieces(jobs)) == [
        ("J2", "before", D(2025, 1, 15), D(2026, 1, 14)),
        ("J2", "notice", D(2026, 1, 15), D(2026, 3, 31)),
    ]
    # a short employment: the year before begins at its start
    late = jobs.with_columns(pl.lit(D(2025, 12, 1)).alias("start_date"))
    assert rows(notice_pieces(late))[0] == ("J2", "before", D(2025, 12, 1), D(2026, 1, 14))


def test_seniors_are_split_by_job_group() -> None:
    births = pl.DataFrame({"employee_id": ["A", "B"], "birth_date": [D(1966, 6, 1), D(1980, 1, 1)]})
    jobs = pl.DataFrame({"employment_id": ["J1", "J2", "J3"], "job_group": ["hk", "ac", "hk"]})
    found = [(e, split_group(g), a, b) for e, g, a, b in rows(senior_pieces(JOBS, births, jobs))]
    assert found == [
        ("J1", ("0-59", "hk"), D(2020, 1, 1), D(2026, 5, 31)),
        ("J1", ("60+", "hk"), D(2026, 6, 1), None),
        ("J2", ("0-59", "ac"), D(2020, 1, 1), D(2026, 3, 31)),
        ("J3", ("unknown", "hk"), D(2020, 1, 1), None),
    ]
