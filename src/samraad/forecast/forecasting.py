"""`forecast`: a unit's days per FTE and absence rate for a year, from what was known on a
day (spec/management-information.md, "Forecast (prognose)"); `forecast_units` for many.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from samraad.forecast.inputs import OWN_SICKNESS, gather
from samraad.forecast.known import known_on
from samraad.forecast.model import LEVEL, METHOD, Outlook, outlook, rests
from samraad.forecast.periods import Window
from samraad.stats import Dataset, Structure, UnitFigures, rounded


class UnknownUnit(ValueError):
    """The unit is not in the data as known on the day."""


def _round(value: float | None, places: int) -> float | None:
    return None if value is None else round(value, places)


@dataclass(frozen=True)
class Forecast:
    """The spec's forecast. Observed figures are exact (4 decimals, as spec/statistics.md
    prints figures); forecast figures are estimates, given to 2 decimals."""

    unit: str
    year: int
    as_of: dt.date
    observed: UnitFigures
    outlook: Outlook
    target: float | None
    method: str = METHOD
    level: float = LEVEL

    def to_json(self) -> dict[str, Any]:
        rate = self.observed.absence_rate
        return {
            "unit": self.unit,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "observed": {
                "from": self.observed.start.isoformat(),
                "to": self.observed.end.isoformat(),
                "absence_days_per_fte": rounded(self.observed.absence_days_per_fte),
                "absence_rate": None if rate is None else rounded(rate),
            },
            "forecast": {
                "absence_days_per_fte": round(self.outlook.days_per_fte, 2),
                "absence_rate": _round(self.outlook.rate, 2),
                "low": round(self.outlook.low, 2),
                "high": round(self.outlook.high, 2),
                "level": self.level,
            },
            "target": self.target,
            "method": self.method,
        }


def forecast_units(
    data: Dataset,
    year: int,
    as_of: dt.date,
    *,
    units: Sequence[str] | None = None,
    structure: Structure = Structure.HISTORIC,
) -> list[Outlook]:
    """Forecasts for the `units` (None: every unit known on `as_of`), computed together."""
    known = known_on(data, as_of)
    inputs = gather(known, Window.of(year, as_of), units, structure)
    return [outlook(inputs, unit, rest) for unit, rest in rests(inputs).items()]


def forecast(
    data: Dataset,
    unit: str,
    year: int,
    as_of: dt.date,
    *,
    structure: Structure = Structure.HISTORIC,
    target: float | None = None,
) -> Forecast:
    """The unit's year as it will stand on 31 December, from what was known on `as_of`.

    Raises UnknownUnit if the unit had no row by `as_of`, ValueError if `as_of` lies
    before the year.
    """
    known = known_on(data, as_of)
    if known.units.filter(pl.col("unit_id") == unit).is_empty():
        raise UnknownUnit(f"unknown unit on {as_of}: {unit}")
    inputs = gather(known, Window.of(year, as_of), [unit], structure)
    (rest,) = rests(inputs).values()
    observed = UnitFigures.from_row(inputs.observed[unit], structure, OWN_SICKNESS)
    return Forecast(unit, year, as_of, observed, outlook(inputs, unit, rest), target)
