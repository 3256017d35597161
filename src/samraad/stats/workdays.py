"""The working-day calendar (spec/statistics.md, "Working days").

Days are integers: days since 1970-01-01, which is also the physical value of a
Polars `Date`. A prefix count of working days makes "working days in [a, b]" one
subtraction, so no computation here ever walks day by day.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays
import numpy as np
import numpy.typing as npt

EPOCH = dt.date(1970, 1, 1)
# The calendar spans these years; dates outside are clipped to its ends. An open end
# date (still absent, still employed) is represented by END.
FIRST_YEAR = 1990
LAST_YEAR = 2100
START = (dt.date(FIRST_YEAR, 1, 1) - EPOCH).days
END = (dt.date(LAST_YEAR, 12, 31) - EPOCH).days

# The municipal agreements' days off: Constitution Day, Christmas Eve, New Year's Eve.
AGREED_DAYS_OFF = ((6, 5), (12, 24), (12, 31))

IntArray = npt.NDArray[np.int64]


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def from_day_number(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(number))


class WorkCalendar:
    """Danish municipal working days: Monday–Friday, not a public holiday, not an agreed day off."""

    def __init__(self) -> None:
        days = np.arange(START, END + 1, dtype=np.int64)
        # 1970-01-01 was a Thursday: weekday 0 = Monday.
        weekday = (days + 3) % 7
        working = weekday < 5
        public = holidays.country_holidays(
            "DK", years=range(FIRST_YEAR, LAST_YEAR + 1), categories=("public",)
        )
        off = [day_number(d) for d in public]
        off += [
            day_number(dt.date(y, m, d))
            for y in range(FIRST_YEAR, LAST_YEAR + 1)
            for m, d in AGREED_DAYS_OFF
        ]
        working[np.asarray(off, dtype=np.int64) - START] = False
        self.is_working: npt.NDArray[np.bool_] = working
        # prefix[i] = working days in [START, START + i)
        self.prefix: IntArray = np.concatenate(([0], np.cumsum(working, dtype=np.int64)))

    def count(self, first: IntArray, last: IntArray) -> IntArray:
        """Working days in [first, last] element-wise; 0 where last < first."""
        lo = np.clip(first, START, END + 1) - START
        hi = np.clip(last, START - 1, END) - START + 1
        return np.maximum(self.prefix[np.maximum(hi, 0)] - self.prefix[lo], 0)

    def between(self, first: dt.date, last: dt.date) -> int:
        """Working days in [first, last] for two dates."""
        a = np.array([day_number(first)], dtype=np.int64)
        b = np.array([day_number(last)], dtype=np.int64)
        return int(self.count(a, b)[0])

    def is_working_day(self, day: dt.date) -> bool:
        n = day_number(day)
        return START <= n <= END and bool(self.is_working[n - START])


@cache
def work_calendar() -> WorkCalendar:
    """The shared calendar: built once per process (about 0.1 s)."""
    return WorkCalendar()
