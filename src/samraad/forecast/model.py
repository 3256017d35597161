"""The forecast: what is observed, plus the expected rest of the year, with an interval.

For a unit and the rest of the year (the days after the forecast's day D to 31 December):
- planned hours: the staff on D carried to the year's end (`known_on`);
- open spells: each open spell of the unit's staff adds its expected remaining absence,
  from the survival of spells by age in the unit's reference (survival.py);
- new spells: planned hours × the unit's level × the reference's rate of the last twelve
  months × the reference's seasonal factor ρ. ρ is last year's share: the rate, over
  the same days last year, of the spells that began in them, over last year's rate.
  The level is the unit's last twelve months relative to its reference's — half its
  absence rate, half its spells per FTE — each shrunk toward its parent's level
  (credibility weight FTE / (FTE + SHRINK_FTE…)), the parent's toward its own parent,
  and so on up to the reference (level 1).

The year's figure is (observed absence + rest) / (observed planned + rest planned).
The rest's variance adds the open spells' (independent), the new spells' (a compound
Poisson sum: mean × daily hours × E[X²]/E[X]), and the level's uncertainty (the unit's
spread around its parent, the reference's drift, and the chance in the reference's
last twelve months and in last year's season, both sums of spells); a gamma
distribution with that mean and variance gives the median (the point forecast: it
minimises the absolute error) and the 10 % and 90 % quantiles.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import polars as pl

from samraad.forecast.inputs import Inputs, day_number
from samraad.forecast.survival import new_spell_ratio, open_moments
from samraad.stats import work_calendar

METHOD = "survival-season-shrinkage/1"
LEVEL = 0.8
HOURS_PER_DAY = 7.4  # 1 day's work (spec/statistics.md, Danmarks Statistik)
Z_HIGH = 1.2815515655446004  # the standard normal's 90 % quantile: an 80 % interval
# A unit's own last twelve months weigh FTE / (FTE + SHRINK_FTE) against its parent's
# level: most of a small unit's year-to-year change is a few long spells, not its level.
# Its count of spells is steadier (a 30-FTE unit ends some 80 a year), so it weighs more.
SHRINK_FTE = 100.0
SHRINK_FTE_FREQUENCY = 50.0
TWELVE_MONTHS = ("after", "observed")
# Spread of the true levels of units around their parents' (a fraction of the level):
# the synthetic world's units of 20+ FTE differ from their parents by a variance of
# about 0.003 + 2.7 / FTE over twelve months, almost all of it chance (docs/forecast.md);
# real units differ more, so 0.1 rather than 0.06. And how far a reference's coming
# months drift from its last twelve beyond chance: Copenhagen's year fell by 2–3 % in
# 2024 and 2025 (8 % in 2023), of which the months ahead carry a part.
LEVEL_SPREAD = 0.1
REFERENCE_DRIFT = 0.03


@dataclass(frozen=True)
class Rest:
    """One unit's rest of the year, in hours."""

    planned: float
    open_mean: float
    open_variance: float
    new_mean: float
    new_variance: float

    @property
    def mean(self) -> float:
        return self.open_mean + self.new_mean

    @property
    def variance(self) -> float:
        return self.open_variance + self.new_variance


def gamma_quantile(mean: float, variance: float, z: float) -> float:
    """Wilson–Hilferty: the quantile at standard normal z of a gamma with these moments."""
    if mean <= 0 or variance <= 0:
        return max(mean, 0.0)
    c = variance / (9 * mean * mean)  # 1 / (9 × shape)
    return mean * max(0.0, 1 - c + z * math.sqrt(c)) ** 3


def _rate(figures: dict[str, float], *names: str) -> tuple[float, float]:
    """(rate as a fraction, FTE) over the named periods; rate 0 without hours."""
    planned = sum(figures.get(f"{n}_planned", 0.0) for n in names)
    absent = sum(figures.get(f"{n}_absent", 0.0) for n in names)
    days = sum(figures.get(f"{n}_days", 0) for n in names)
    fte = planned / (HOURS_PER_DAY * days) if days else 0.0
    return (absent / planned if planned else 0.0), fte


def _frequency(figures: dict[str, float], *names: str) -> float:
    """Spells ended over the named periods per FTE (0 without hours)."""
    _, fte = _rate(figures, *names)
    return sum(figures.get(f"{n}_spells", 0) for n in names) / fte if fte else 0.0


def _relative(own: float, reference: float) -> float:
    return own / reference if reference else 1.0


def _levels(inputs: Inputs, rows: dict[str, dict[str, float]]) -> dict[str, tuple[float, float]]:
    """Per unit of any chain: (level relative to its reference, credibility weight).

    Half of the level is how much absence the unit had in the last twelve months
    (absence rate), half how often its staff fell ill (spells per FTE, a steadier
    count); each is shrunk toward the parent's level with its own weight."""
    levels: dict[str, tuple[float, float]] = {}
    for chain in inputs.chains.values():
        reference = rows[chain[-1]]
        reference_rate, _ = _rate(reference, *TWELVE_MONTHS)
        reference_frequency = _frequency(reference, *TWELVE_MONTHS)
        level = 1.0
        levels[chain[-1]] = (1.0, 1.0)
        for unit in reversed(chain[:-1]):
            if unit not in levels:
                rate, fte = _rate(rows[unit], *TWELVE_MONTHS)
                frequency = _frequency(rows[unit], *TWELVE_MONTHS)
                by_rate = fte / (fte + SHRINK_FTE)
                by_frequency = fte / (fte + SHRINK_FTE_FREQUENCY)
                levels[unit] = (
                    0.5 * (by_rate * _relative(rate, reference_rate) + (1 - by_rate) * level)
                    + 0.5
                    * (
                        by_frequency * _relative(frequency, reference_frequency)
                        + (1 - by_frequency) * level
                    ),
                    0.5 * (by_rate + by_frequency),
                )
            level = levels[unit][0]
    return levels


def _absent(figures: dict[str, float], *names: str) -> float:
    return sum(figures.get(f"{n}_absent", 0.0) for n in names)


def _chance(per_spell: float, hours: float) -> float:
    """The relative variance of a sum of `hours` made of spells of E[X²]/E[X] `per_spell`
    hours: how far a reference's rate, or its season, may be from its true one."""
    return per_spell / hours if hours > 0 else 0.0


def _season(rows: dict[str, float], fresh: tuple[float, float] | None) -> float:
    """ρ: last year's rate over the same rest of the year, from spells begun in it,
    over last year's rate; 1 without a last year."""
    year_rate, _ = _rate(rows, "before", "after")
    if fresh is None or not fresh[1] or not year_rate:
        return 1.0
    return (fresh[0] / fresh[1]) / year_rate


def _rest_work(inputs: Inputs) -> np.ndarray:
    first, last = inputs.window.rest
    days = np.arange(day_number(first), day_number(last) + 1, dtype=np.int64)
    return work_calendar().count(days, days).astype(np.float64)


def _per_unit(units: pl.Series, *values: np.ndarray) -> dict[str, tuple[float, ...]]:
    """Sums of `values` per unit, added in the rows' order (sorted by the caller), so that
    one unit alone and many together give the same last digit."""
    names, index = np.unique(units.to_numpy(), return_inverse=True)
    sums = [np.bincount(index, weights=v, minlength=len(names)) for v in values]
    return {str(name): tuple(float(s[i]) for s in sums) for i, name in enumerate(names)}


def _open_sums(inputs: Inputs, mean: np.ndarray, second: np.ndarray) -> dict[str, tuple]:
    """Per asked unit: Σ expected hours and Σ variance of its staff's open spells."""
    group = {unit: i for i, unit in enumerate(inputs.references)}
    reference = pl.DataFrame(
        {
            "unit_id": list(inputs.chains),
            "group": [group[chain[-1]] for chain in inputs.chains.values()],
        }
    )
    spells = (
        inputs.members.join(inputs.open_spells, on="employee_id")
        .join(reference, on="unit_id")
        .sort(pl.all())
    )
    g = spells["group"].to_numpy()
    age = spells["age"].to_numpy()
    daily = spells["weekly_hours"].to_numpy() / 5
    degree = spells["degree"].to_numpy()
    expected = daily * degree * mean[g, age]
    variance = daily**2 * np.maximum(degree**2 * second[g, age] - (degree * mean[g, age]) ** 2, 0)
    return _per_unit(spells["unit_id"], expected, variance)


def _daily_hours(inputs: Inputs) -> dict[str, float]:
    """Per asked unit: its staff's daily hours, weighted by hours (Σ h² / Σ h)."""
    members = inputs.members.sort(pl.all())
    daily = members["weekly_hours"].to_numpy() / 5
    sums = _per_unit(members["unit_id"], daily**2, daily)
    return {unit: square / hours for unit, (square, hours) in sums.items() if hours}


def rests(inputs: Inputs) -> dict[str, Rest]:
    """Every asked unit's rest of the year (all zero once the year is observed)."""
    rows = inputs.rows
    if inputs.window.complete or inputs.survival is None:
        return {unit: Rest(0.0, 0.0, 0.0, 0.0, 0.0) for unit in inputs.chains}
    work = _rest_work(inputs)
    mean, second = open_moments(inputs.survival, work)
    spread = new_spell_ratio(inputs.survival, work)
    open_sums = _open_sums(inputs, mean, second)
    daily = _daily_hours(inputs)
    levels = _levels(inputs, rows)
    result = {}
    for unit, chain in inputs.chains.items():
        reference = chain[-1]
        rate, _ = _rate(rows[reference], *TWELVE_MONTHS)
        season = _season(rows[reference], inputs.fresh.get(reference))
        level, weight = levels[unit]
        planned = rows[unit].get("rest_planned", 0.0)
        new = planned * level * rate * season
        group = inputs.references.index(reference)
        per_spell = daily.get(unit, 0.0) * float(spread[group])  # hours: E[X²]/E[X]
        drift = (
            (1 - weight) * LEVEL_SPREAD**2
            + REFERENCE_DRIFT**2
            + _chance(per_spell, _absent(rows[reference], *TWELVE_MONTHS))
            + _chance(per_spell, inputs.fresh.get(reference, (0.0, 0.0))[0])
        )
        new_variance = new * per_spell + new**2 * drift
        expected, variance = open_sums.get(unit, (0.0, 0.0))
        result[unit] = Rest(planned, expected, variance, new, new_variance)
    return result


@dataclass(frozen=True)
class Outlook:
    """One unit's forecast in numbers (days per FTE; rates in percent)."""

    unit: str
    observed_from: dt.date
    observed_to: dt.date
    observed_fte: float
    days_per_fte: float
    rate: float | None
    low: float
    high: float
    naive_year_to_date: float | None
    naive_last_year: float | None


def outlook(inputs: Inputs, unit: str, rest: Rest) -> Outlook:
    row = inputs.rows[unit]
    planned = row["observed_planned"] + rest.planned
    year_days = row["observed_days"] + row.get("rest_days", 0)
    observed_rate, observed_fte = _rate(row, "observed")
    last_rate, _ = _rate(row, "before", "after")
    last_days = row["before_days"] + row.get("after_days", 0)
    absent = row["observed_absent"]

    def days_per_fte(rest_hours: float) -> float:
        return (absent + rest_hours) / planned * year_days if planned else 0.0

    median = gamma_quantile(rest.mean, rest.variance, 0.0)
    first, last = inputs.window.observed
    return Outlook(
        unit=unit,
        observed_from=first,
        observed_to=last,
        observed_fte=observed_fte,
        days_per_fte=days_per_fte(median),
        rate=100 * (absent + median) / planned if planned else None,
        low=days_per_fte(gamma_quantile(rest.mean, rest.variance, -Z_HIGH)),
        high=days_per_fte(gamma_quantile(rest.mean, rest.variance, Z_HIGH)),
        naive_year_to_date=observed_rate * year_days if row["observed_planned"] else None,
        naive_last_year=last_rate * last_days if row["before_planned"] else None,
    )
