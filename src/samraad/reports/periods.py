"""The periods of a monthly report: the month, the year to date and the last 12 months,
each against the same period a year earlier (spec/management-information.md, "Monthly
report (LIS)"). All are whole months, so a committee's disclosure policy can answer them.
Pure."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

Period = tuple[dt.date, dt.date]

# The report's three periods, in the order it shows them.
KEYS = ("month", "year_to_date", "last_12_months")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """ "2026-10" → Month(2026, 10); ValueError naming what was expected."""
        found = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
        if not found or not 1 <= int(found[2]) <= 12:
            raise ValueError(f"not a month (YYYY-MM): {text!r}")
        return cls(int(found[1]), int(found[2]))

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.number, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.number, calendar.monthrange(self.year, self.number)[1])

    def shifted(self, months: int) -> Month:
        index = self.year * 12 + self.number - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.number:02d}"


def span(first: Month, last: Month) -> Period:
    return first.first, last.last


@dataclass(frozen=True)
class ReportPeriods:
    month: Month

    def period(self, key: str, years_back: int = 0) -> Period:
        """One of KEYS, this year (0) or a year earlier (1)."""
        month = self.month.shifted(-12 * years_back)
        if key == "month":
            return span(month, month)
        if key == "year_to_date":
            return span(Month(month.year, 1), month)
        if key == "last_12_months":
            return span(month.shifted(-11), month)
        raise KeyError(key)

    def headline(self) -> list[tuple[str, Period, Period]]:
        """(key, this year's period, the same period a year earlier) for each of KEYS."""
        return [(key, self.period(key), self.period(key, 1)) for key in KEYS]

    def trend(self) -> list[tuple[int, Period | None, Period]]:
        """Month by month: (month number, this year's month up to the report's, last
        year's month)."""
        year = self.month.year
        return [
            (
                m,
                span(Month(year, m), Month(year, m)) if m <= self.month.number else None,
                span(Month(year - 1, m), Month(year - 1, m)),
            )
            for m in range(1, 13)
        ]

    def all(self) -> list[Period]:
        """Every period the report reads, each once."""
        found = [p for _, this, earlier in self.headline() for p in (this, earlier)]
        found += [p for _, this, earlier in self.trend() for p in (this, earlier) if p]
        return list(dict.fromkeys(found))
