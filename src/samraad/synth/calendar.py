"""Working days as arrays: day numbers are days since 1970-01-01 (polars' pl.Date).

A working day is Monday–Friday that is neither a Danish public holiday nor one of the
municipal agreements' days off, 5 June, 24 and 31 December (spec/statistics.md,
"Working days"). Every count below is a lookup in one cumulative array, so any number
of intervals is counted in one vectorised step.
"""

from __future__ import annotations

import datetime as dt

import holidays
import numpy as np
import numpy.typing as npt

EPOCH = dt.date(1970, 1, 1)
Days = npt.NDArray[np.int64]

# spec/statistics.md: agreed days off of the municipal agreements, besides public holidays.
AGREED_DAYS_OFF = ((6, 5), (12, 24), (12, 31))


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def to_date(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(number))


class WorkCalendar:
    """Working days between `first` and `last` (day numbers, inclusive), and counts over them.

    Queries must stay within [first - 1, last + 1]; callers clip to that range.
    """

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first = day_number(first)
        self.last = day_number(last)
        days = np.arange(self.first, self.last + 1, dtype=np.int64)
        self.is_working = self._working_mask(first, last, days)
        # cumulative[i] = working days among days first .. first + i - 1
        self.cumulative = np.concatenate(([0], np.cumsum(self.is_working, dtype=np.int64)))
        self.working_days: Days = days[self.is_working]
        self.years = range(first.year, last.year + 1)
        # first day of each year, and of the year after the last
        self.jan1 = np.array([day_number(dt.date(y, 1, 1)) for y in [*self.years, last.year + 1]])

    @staticmethod
    def _working_mask(first: dt.date, last: dt.date, days: Days) -> npt.NDArray[np.bool_]:
        weekday = (days + 3) % 7  # 1970-01-01 was a Thursday (weekday 3)
        mask = weekday < 5
        years = range(first.year, last.year + 1)
        public = holidays.country_holidays("DK", categories=("public",), years=years)
        off = [day_number(d) for d in public]
        off += [day_number(dt.date(y, m, d)) for y in years for m, d in AGREED_DAYS_OFF]
        index = np.array(off, dtype=np.int64) - days[0]
        index = index[(index >= 0) & (index < len(days))]
        mask[index] = False
        return mask

    def count_before(self, day: Days) -> Days:
        """Working days strictly before `day` (from the calendar's first day)."""
        return self.cumulative[np.clip(day - self.first, 0, len(self.cumulative) - 1)]

    def count(self, start: Days, end: Days) -> Days:
        """Working days in [start, end] inclusive; 0 where end < start."""
        return np.maximum(self.count_before(end + 1) - self.count_before(start), 0)

    def next_working_day(self, day: Days) -> Days:
        """The first working day strictly after `day` (the calendar's end if none)."""
        index = np.minimum(self.count_before(day + 1), len(self.working_days) - 1)
        return self.working_days[index]

    def working_day_index(self, day: Days) -> Days:
        """Index into `working_days` of the first working day on or after `day`."""
        return self.count_before(day)

    def year_bounds(self, year: int) -> tuple[int, int]:
        i = year - self.years[0]
        return int(self.jan1[i]), int(self.jan1[i + 1]) - 1

    def year_index(self, day: npt.ArrayLike) -> Days:
        """Index into `years` of each day's year (the calendar's first and last years bound it)."""
        index = np.searchsorted(self.jan1, day, side="right") - 1
        return np.clip(index, 0, len(self.years) - 1)

    def year_of(self, day: npt.ArrayLike) -> Days:
        return self.year_index(day) + self.years[0]
