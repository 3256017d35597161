"""A unit's year against its target: the target, the year to date, the forecast with its
80 % interval, and whether the unit is on track (spec/management-information.md,
"Targets" and "Forecast"; docs/management-information.md).

The forecast is `samraad.forecast`'s, the function `samraad forecast` calls, for every
unit at once and kept for the day. The year so far ends today for person-level readers
and at the end of the last complete month for everyone else, and for them the year so
far and the forecast are shown only where the disclosure policy shows the unit's own
figures for that period. A target is a decision, not a figure about persons: it is
shown to all.

On track: the forecast's point estimate, to the 2 decimals shown, is at most the target.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from samraad.absence import service
from samraad.forecast import LEVEL, Outlook, forecast_units
from samraad.frames import cache
from samraad.frames.store import shared_frame
from samraad.org.tree import tree_on
from samraad.stats import Structure, UnitFigures, empty_figures
from samraad.targets.store import target_in_tree


@dataclass(frozen=True)
class YearToDate:
    start: dt.date
    end: dt.date
    absence_days_per_fte: float
    absence_rate: float | None


@dataclass(frozen=True)
class Forecast:
    absence_days_per_fte: float  # the point estimate, to 2 decimals
    absence_rate: float | None
    low: float
    high: float
    level: float = LEVEL

    @property
    def level_percent(self) -> str:
        """The interval's level as the page names it: "80 %"."""
        return f"{round(100 * self.level)} %"

    @classmethod
    def of(cls, found: Outlook) -> Forecast:
        rate = None if found.rate is None else round(found.rate, 2)
        return cls(round(found.days_per_fte, 2), rate, round(found.low, 2), round(found.high, 2))


@dataclass(frozen=True)
class UnitOutlook:
    unit: str
    year: int
    target: Decimal | None
    target_set_for: str | None  # the unit the target was set for (itself or an ancestor)
    year_to_date: YearToDate | None  # None where suppressed
    forecast: Forecast | None  # None where suppressed, or for a unit not open
    suppressed: bool

    @property
    def on_track(self) -> bool | None:
        if self.target is None or self.forecast is None:
            return None
        return Decimal(str(self.forecast.absence_days_per_fte)) <= self.target

    @property
    def inherited(self) -> bool:
        return self.target_set_for not in (None, self.unit)

    def to_json(self) -> dict[str, Any]:
        ytd, ahead = self.year_to_date, self.forecast
        return {
            "year": self.year,
            "target": None if self.target is None else float(self.target),
            "target_set_for": self.target_set_for,
            "year_to_date": None
            if ytd is None
            else {
                "from": ytd.start.isoformat(),
                "to": ytd.end.isoformat(),
                "absence_days_per_fte": ytd.absence_days_per_fte,
                "absence_rate": ytd.absence_rate,
            },
            "forecast": None
            if ahead is None
            else {
                "absence_days_per_fte": ahead.absence_days_per_fte,
                "absence_rate": ahead.absence_rate,
                "low": ahead.low,
                "high": ahead.high,
                "level": ahead.level,
            },
            "on_track": self.on_track,
            "suppressed": self.suppressed,
        }


OUTLOOK_COLUMNS = {
    "unit": pl.String,
    "observed_from": pl.Date,
    "observed_to": pl.Date,
    "observed_fte": pl.Float64,
    "days_per_fte": pl.Float64,
    "rate": pl.Float64,
    "low": pl.Float64,
    "high": pl.Float64,
    "naive_year_to_date": pl.Float64,
    "naive_last_year": pl.Float64,
}


def forecasts(day: dt.date, structure: Structure) -> dict[str, Outlook]:
    """Every unit's forecast for the year of `day`, made on `day` (a second or two for
    Copenhagen's 1,500 units): computed by one process, shared with the others as a
    file (frames.store) and kept for the day and version of the data."""

    def compute() -> pl.DataFrame:
        found = forecast_units(cache.dataset(), day.year, day, structure=structure)
        rows = [dataclasses.astuple(o) for o in found]
        return pl.DataFrame(rows, schema=OUTLOOK_COLUMNS, orient="row")

    def build() -> dict[str, Outlook]:
        frame = shared_frame(("forecasts", day, structure), compute)
        return {row["unit"]: Outlook(**row) for row in frame.iter_rows(named=True)}

    return cache.remember(("forecasts", day, structure), build)


def _year_to_date(
    unit: str, today: dt.date, structure: Structure, person_level: bool
) -> YearToDate:
    period = service.periods_for(today, person_level).year_to_date
    found: UnitFigures | None = service.tables(today, structure, person_level).figures.get(
        (unit, *period)
    )
    figures = (found or empty_figures(unit, period, structure)).to_json()
    return YearToDate(*period, figures["absence_days_per_fte"], figures["absence_rate"])


def outlook(unit: str, today: dt.date, structure: Structure, person_level: bool) -> UnitOutlook:
    """The unit's year so far against its target, as the reader may see it."""
    periods = service.periods_for(today, person_level)
    day = periods.today
    target = target_in_tree(unit, day.year, tree_on(today))
    value, set_for = (None, None) if target is None else (target.value, target.set_for)
    shown = service.disclosure_for(today, person_level).unit(structure, unit, *periods.year_to_date)
    if not shown:
        return UnitOutlook(unit, day.year, value, set_for, None, None, True)
    found = forecasts(day, structure).get(unit)
    return UnitOutlook(
        unit,
        day.year,
        value,
        set_for,
        _year_to_date(unit, today, structure, person_level),
        None if found is None else Forecast.of(found),
        False,
    )


def warm(today: dt.date) -> None:
    """The forecasts the pages ask first: today's in the historic structure (person-level
    readers' default), the last complete month's in the current one (committees'); then
    each in the other structure."""
    committees = service.periods_for(today, False).today
    forecasts(today, Structure.HISTORIC)
    forecasts(committees, Structure.CURRENT)
    forecasts(today, Structure.CURRENT)
    forecasts(committees, Structure.HISTORIC)
