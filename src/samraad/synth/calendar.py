"""A window onto the statistics core's working days, with the generator's helpers.

Day numbers are days since 1970-01-01 (polars' pl.Date). Every count below is a lookup
in one cumulative array, so any number of intervals is counted in one vectorised step.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from samraad.stats import START, day_number, from_day_number, work_calendar

Days = npt.NDArray[np.int64]
to_date = from_day_number


class WorkCalendar:
    """Working days between `first` and `last` (day numbers, inclusive), and counts over them.

    Queries must stay within [first - 1, last + 1]; callers clip to that range.
    """

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first = day_number(first)
        self.last = day_number(last)
        days = np.arange(self.first, self.last + 1, dtype=np.int64)
        # The statistics core's working days (spec/statistics.md), for this window.
        self.is_working = work_calendar().is_working[days - START]
        # cumulative[i] = working days among days first .. first + i - 1
        self.cumulative = np.concatenate(([0], np.cumsum(self.is_working, dtype=np.int64)))
        self.working_days: Days = days[self.is_working]
        self.years = range(first.year, last.year + 1)
        # first day of each year, and of the year after the last
        self.jan1 = np.array([day_number(dt.date(y, 1, 1)) for y in [*self.years, last.year + 1]])

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
