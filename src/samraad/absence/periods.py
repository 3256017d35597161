"""The periods a unit page shows, all relative to a day: today for person-level readers;
for everyone else the last day of the last complete month, and then every period is
whole months (samraad.disclosure)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

Period = tuple[dt.date, dt.date]


def year_before(day: dt.date) -> dt.date:
    """The same date a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def month(year: int, number: int, cut: dt.date | None = None) -> Period:
    last = dt.date(year, number, calendar.monthrange(year, number)[1])
    return dt.date(year, number, 1), min(last, cut) if cut else last


@dataclass(frozen=True)
class PagePeriods:
    today: dt.date  # the last day shown
    whole_months: bool = False  # `today` is a month's last day; periods are whole months

    @property
    def last_12_months(self) -> Period:
        if self.whole_months:
            first = dt.date(self.today.year - 1, self.today.month, 1) + dt.timedelta(days=31)
            return first.replace(day=1), self.today
        return year_before(self.today) + dt.timedelta(days=1), self.today

    @property
    def year_to_date(self) -> Period:
        return dt.date(self.today.year, 1, 1), self.today

    @property
    def year_to_date_last_year(self) -> Period:
        if self.whole_months:
            return dt.date(self.today.year - 1, 1, 1), month(self.today.year - 1, self.today.month)[
                1
            ]
        return dt.date(self.today.year - 1, 1, 1), year_before(self.today)

    @property
    def last_year(self) -> Period:
        year = self.today.year - 1
        return dt.date(year, 1, 1), dt.date(year, 12, 31)

    def months_this_year(self) -> list[Period]:
        year = self.today.year
        return [month(year, m, self.today) for m in range(1, self.today.month + 1)]

    def months_last_year(self) -> list[Period]:
        return [month(self.today.year - 1, m) for m in range(1, 13)]

    def headline(self) -> list[Period]:
        return [
            self.last_12_months,
            self.year_to_date,
            self.year_to_date_last_year,
            self.last_year,
        ]
