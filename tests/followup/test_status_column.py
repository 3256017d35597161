"""The inbox's frame derives each alert's status with the same rule as `status.status`
(which the pages, the mails and `status_q` in SQL follow): every order of the closing,
lapsing and due days around today."""

from __future__ import annotations

import datetime as dt
import itertools

import polars as pl

from samraad.followup.inbox import _status_column
from samraad.followup.status import status

TODAY = dt.date(2026, 3, 10)
DAYS = [
    None,
    TODAY - dt.timedelta(days=2),
    TODAY - dt.timedelta(days=1),
    TODAY,
    TODAY + dt.timedelta(days=1),
]


def test_the_frames_status_is_the_rules() -> None:
    cases = [
        (closed, lapsed, due)
        for closed, lapsed, due in itertools.product(DAYS, DAYS, DAYS)
        if due is not None
    ]
    frame = pl.DataFrame(
        cases,
        schema={"closed_on": pl.Date, "lapsed_on": pl.Date, "due_by": pl.Date},
        orient="row",
    )
    found = frame.with_columns(_status_column(TODAY))["status"].to_list()
    assert found == [str(status(closed, due, TODAY, lapsed)) for closed, lapsed, due in cases]
    assert set(found) == {"open", "overdue", "closed", "lapsed"}
