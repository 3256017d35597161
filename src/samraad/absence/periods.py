"""The periods a unit page shows, all relative to a day: today for person-level readers;
for everyone else the last day of the last complete month, and then every period is
whole months (samraad.disclosure)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

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


def month_end(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _months_back(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


class PeriodKind(StrEnum):
    """The kinds of period the unit page's picker offers."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ROLLING = "rolling"  # the twelve months up to a day


class PeriodRefused(ValueError):
    """A period asked for that the reader may not have, or that is not one at all."""


@dataclass(frozen=True)
class ChosenPeriod:
    """One period of the picker: `key` names it in the URL (month 2026-05, quarter
    2026-Q2, year 2025, rolling: its last day 2026-05-31); `end` is cut at the last
    day shown, and `complete` says whether it is the whole period."""

    kind: PeriodKind
    key: str
    start: dt.date
    end: dt.date
    complete: bool

    @property
    def period(self) -> Period:
        return self.start, self.end

    @property
    def year_earlier(self) -> Period:
        """The same period a year earlier (as far into it as this one)."""
        end = year_before(self.end)
        if self.end == month_end(self.end):
            end = month_end(end)
        return year_before(self.start), end


YEARS_BACK = 5  # the picker reaches this many calendar years before the last day shown


@dataclass(frozen=True)
class PeriodChoices:
    """The periods a reader may choose, relative to the page's last day shown (see
    PagePeriods): periods end at that day at the latest, and a period it cuts short is
    marked incomplete. `allows` is the reader's disclosure (whole months for committee
    audiences); nothing it refuses is offered or accepted."""

    periods: PagePeriods
    allows: Callable[[dt.date, dt.date], bool]
    _options: dict[PeriodKind, list[ChosenPeriod]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def _first_year(self) -> int:
        return self.periods.today.year - YEARS_BACK

    def _cut(self, kind: PeriodKind, key: str, start: dt.date, end: dt.date) -> ChosenPeriod:
        last = self.periods.today
        return ChosenPeriod(kind, key, start, min(end, last), end <= last)

    def options(self, kind: PeriodKind) -> list[ChosenPeriod]:
        """Every period of the kind the reader may choose, the newest first."""
        if kind not in self._options:
            self._options[kind] = self._offered(kind)
        return self._options[kind]

    def _offered(self, kind: PeriodKind) -> list[ChosenPeriod]:
        last = self.periods.today
        found: list[ChosenPeriod] = []
        if kind is PeriodKind.MONTH:
            for year in range(self._first_year(), last.year + 1):
                for m in range(1, 13 if year < last.year else last.month + 1):
                    first = dt.date(year, m, 1)
                    found.append(self._cut(kind, f"{year}-{m:02d}", first, month_end(first)))
        elif kind is PeriodKind.QUARTER:
            for year in range(self._first_year(), last.year + 1):
                for q in range(1, 5 if year < last.year else (last.month - 1) // 3 + 2):
                    first = dt.date(year, 3 * q - 2, 1)
                    end = month_end(dt.date(year, 3 * q, 1))
                    found.append(self._cut(kind, f"{year}-Q{q}", first, end))
        elif kind is PeriodKind.YEAR:
            for year in range(self._first_year(), last.year + 1):
                found.append(self._cut(kind, str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)))
        else:
            ends = [
                month_end(dt.date(year, m, 1))
                for year in range(self._first_year() + 1, last.year + 1)
                for m in range(1, 13)
            ]
            ends = [e for e in ends if e <= last]
            if last not in ends:
                ends.append(last)  # person-level readers: the twelve months up to today
            for end in ends:
                found.append(ChosenPeriod(kind, end.isoformat(), rolling_start(end), end, True))
        return [c for c in reversed(found) if self.allows(c.start, c.end)]

    def default(self) -> ChosenPeriod:
        """The page's own period: the last twelve months (shown as the page always has,
        hidden cell by cell where the disclosure says so)."""
        start, end = self.periods.last_12_months
        return ChosenPeriod(PeriodKind.ROLLING, end.isoformat(), start, end, True)

    def choose(self, kind: str | None, key: str | None) -> ChosenPeriod:
        """The period asked for by the URL's `kind` and `period` (either may be missing:
        no kind is the default, no period the newest of the kind); PeriodRefused for
        anything not offered to the reader."""
        if not kind:
            if key:
                raise PeriodRefused("period without kind")
            return self.default()
        if kind not in PeriodKind._value2member_map_:
            raise PeriodRefused(f"kind: expected month, quarter, year or rolling, not {kind!r}")
        options = self.options(PeriodKind(kind))
        if not options:
            raise PeriodRefused(f"no {kind} period is available")
        if not key:
            return options[0]
        for option in options:
            if option.key == key:
                return option
        raise PeriodRefused(f"period: {key!r} is not a {kind} period you may see")


def rolling_start(end: dt.date) -> dt.date:
    """The first day of the twelve months ending on `end` (from a month's first day
    when `end` is a month's last)."""
    if end == month_end(end):
        return _months_back(end, 11)
    return year_before(end) + dt.timedelta(days=1)
