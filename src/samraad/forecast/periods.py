"""The periods a forecast made on a day reads and predicts, all disjoint.

For year Y and the day D (in Y):
- `before`: 1 January Y-1 to D a year earlier;
- `after`: the day after that to 31 December Y-1 (the part of last year that the
  forecast has still to predict this year);
- `observed`: 1 January Y to D;
- `rest`: the day after D to 31 December Y.

So last year is `before` + `after`, the last twelve months `after` + `observed`, and
the year `observed` + `rest`. Disjoint periods are one pass of the figures table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)


def year_earlier(day: dt.date) -> dt.date:
    """The same date a year earlier; 29 February becomes 28 February."""
    if day.month == 2 and day.day == 29:
        return day.replace(year=day.year - 1, day=28)
    return day.replace(year=day.year - 1)


@dataclass(frozen=True)
class Window:
    year: int
    day: dt.date  # the forecast's day D, in the year

    @classmethod
    def of(cls, year: int, as_of: dt.date) -> Window:
        """The window of a forecast for `year` made on `as_of` (on or after 1 January)."""
        if as_of < dt.date(year, 1, 1):
            raise ValueError(f"the day {as_of} lies before the year {year}")
        return cls(year, min(as_of, dt.date(year, 12, 31)))

    @property
    def complete(self) -> bool:
        """Whether the whole year is observed (nothing left to forecast)."""
        return self.day == dt.date(self.year, 12, 31)

    @property
    def before(self) -> tuple[dt.date, dt.date]:
        return dt.date(self.year - 1, 1, 1), year_earlier(self.day)

    @property
    def after(self) -> tuple[dt.date, dt.date]:
        return year_earlier(self.day) + ONE_DAY, dt.date(self.year - 1, 12, 31)

    @property
    def observed(self) -> tuple[dt.date, dt.date]:
        return dt.date(self.year, 1, 1), self.day

    @property
    def rest(self) -> tuple[dt.date, dt.date]:
        return self.day + ONE_DAY, dt.date(self.year, 12, 31)

    def periods(self) -> dict[str, tuple[dt.date, dt.date]]:
        """The non-empty periods by name (`after` and `rest` are empty once complete)."""
        named = {
            "before": self.before,
            "after": self.after,
            "observed": self.observed,
            "rest": self.rest,
        }
        return {name: (a, b) for name, (a, b) in named.items() if a <= b}
