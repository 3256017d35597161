"""Breaking a unit's target down to its direct children: `samraad targets breakdown`
(spec/management-information.md, "Targets"). Pure: the statistics core's public
functions over a `Dataset`, no Django.

- `same`: every child gets the parent's target.
- `proportional` ("differentierede måltal"): each child keeps its share of the parent's
  absence. With B = days per FTE over the N complete years before the year, child
  target = B(child) × target / B(parent).

The rows are the unit's direct children open on 1 January of the year (in the tree of
that day) and, when the unit has staff of its own, the row "(direct)". B(parent) is the
parent's absence as the rows hold it (their absence days over their FTE); under the
current structure the rows are exactly the parent's population, less any child closed
by the year. So the FTE-weighted mean of the children's targets (weights: each row's
baseline FTE) is the parent's target exactly, and to 0.01 once each target is rounded
to 2 decimals (each moves by at most 0.005).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

import polars as pl

from samraad.stats import Dataset, Structure, figures_by_key, parents_on, rounded

DIRECT = "(direct)"
# Joins the unit's id to the name of the row of its own staff; never in an id.
_SEPARATOR = "\x1f"
_CENT = Decimal("0.01")
_EVER = dt.date(1900, 1, 1)


class Method(StrEnum):
    SAME = "same"
    PROPORTIONAL = "proportional"


@dataclass(frozen=True)
class Share:
    """One row of the breakdown: a child (or the unit's own staff) and its target."""

    unit: str  # a child's unit_id, or DIRECT
    baseline_days_per_fte: Fraction | None  # a year's days per FTE; None without FTE
    baseline_fte: Fraction  # the average FTE over the baseline years: the row's weight
    target: Decimal  # to 2 decimals

    def to_json(self) -> dict[str, Any]:
        days = self.baseline_days_per_fte
        return {
            "unit": self.unit,
            "baseline_days_per_fte": None if days is None else rounded(days),
            "baseline_fte": rounded(self.baseline_fte),
            "target": float(self.target),
        }


@dataclass(frozen=True)
class Breakdown:
    unit: str
    year: int
    method: Method
    target: Decimal  # the parent's target for the year
    baseline_years: int
    structure: Structure
    baseline: tuple[dt.date, dt.date]
    shares: tuple[Share, ...]
    target_set_for: str | None = None  # the unit the parent's target was set for

    @property
    def children(self) -> tuple[Share, ...]:
        """The rows that are units (everything but the unit's own staff)."""
        return tuple(s for s in self.shares if s.unit != DIRECT)

    @property
    def baseline_fte(self) -> Fraction:
        return sum((s.baseline_fte for s in self.shares), Fraction(0))

    @property
    def baseline_days_per_fte(self) -> Fraction | None:
        """The parent's baseline as its rows hold it (B(parent))."""
        return _mean(
            [(s.baseline_fte, s.baseline_days_per_fte or Fraction(0)) for s in self.shares]
        )

    def weighted_mean(self) -> Fraction | None:
        """The rows' targets weighted by their baseline FTE (None without any FTE)."""
        return _mean([(s.baseline_fte, Fraction(s.target)) for s in self.shares])

    def to_json(self) -> dict[str, Any]:
        days = self.baseline_days_per_fte
        return {
            "unit": self.unit,
            "year": self.year,
            "method": str(self.method),
            "target": float(self.target),
            "target_set_for": self.target_set_for,
            "baseline_years": self.baseline_years,
            "structure": str(self.structure),
            "baseline": {
                "from": self.baseline[0].isoformat(),
                "to": self.baseline[1].isoformat(),
                "absence_days_per_fte": None if days is None else rounded(days),
                "fte": rounded(self.baseline_fte),
            },
            "children": [s.to_json() for s in self.shares],
        }


def _mean(pairs: list[tuple[Fraction, Fraction]]) -> Fraction | None:
    weight = sum((w for w, _ in pairs), Fraction(0))
    if not weight:
        return None
    return sum((w * v for w, v in pairs), Fraction(0)) / weight


def to_cents(value: Fraction) -> Decimal:
    """Half up to 2 decimals, exactly."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(_CENT, rounding=ROUND_HALF_UP)


def baseline_period(year: int, baseline_years: int) -> tuple[dt.date, dt.date]:
    """The `baseline_years` complete calendar years before `year`."""
    if baseline_years < 1:
        raise ValueError(f"baseline years must be at least 1, not {baseline_years}")
    return dt.date(year - baseline_years, 1, 1), dt.date(year - 1, 12, 31)


def children_on(data: Dataset, unit: str, day: dt.date) -> list[str]:
    """The unit's direct children open on `day`, in the tree of that day, by id."""
    open_units = set(
        data.units.filter(
            (pl.col("valid_from") <= day)
            & (pl.col("valid_to").is_null() | (pl.col("valid_to") >= day))
        )["unit_id"].to_list()
    )
    parents = parents_on(data, day)
    return sorted(u for u, p in parents.items() if p == unit and u in open_units)


def _direct_id(unit: str) -> str:
    return f"{unit}{_SEPARATOR}{DIRECT}"


def _with_direct(data: Dataset, unit: str) -> Dataset:
    """The data with the unit's own staff moved to a row of their own just below it."""
    row = pl.DataFrame(
        {
            "unit_id": [_direct_id(unit)],
            "parent_id": [unit],
            "valid_from": [_EVER],
            "valid_to": [None],
        },
        schema=data.units.select("unit_id", "parent_id", "valid_from", "valid_to").schema,
    )
    units = pl.concat([data.units.select(row.columns), row])
    employments = data.employments.with_columns(
        pl.when(pl.col("unit_id") == unit)
        .then(pl.lit(_direct_id(unit)))
        .otherwise(pl.col("unit_id"))
        .alias("unit_id")
    )
    return Dataset(units, employments, data.absences)


def _has_own_staff(data: Dataset, unit: str, first: dt.date, last: dt.date) -> bool:
    own = data.employments.filter(
        (pl.col("unit_id") == unit)
        & (pl.col("start_date") <= last)
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= first))
    )
    return not own.is_empty()


def breakdown(
    data: Dataset,
    unit: str,
    year: int,
    target: Decimal,
    *,
    method: Method = Method.PROPORTIONAL,
    baseline_years: int = 1,
    structure: Structure = Structure.CURRENT,
    target_set_for: str | None = None,
) -> Breakdown:
    """The unit's target for `year` broken down to its direct children (module docstring)."""
    first_day = dt.date(year, 1, 1)
    baseline = baseline_period(year, baseline_years)
    keys = {child: child for child in children_on(data, unit, first_day)}
    if _has_own_staff(data, unit, baseline[0], dt.date(year, 12, 31)):
        keys[_direct_id(unit)] = DIRECT
    found = figures_by_key(_with_direct(data, unit), list(keys), [baseline], structure, first_day)
    rows = []
    for key, name in keys.items():
        figures = found[(key, *baseline)]
        fte = figures.fte
        days = figures.absence_days_per_fte / baseline_years if fte else None
        rows.append((name, days, fte))
    parent = _mean([(fte, days or Fraction(0)) for _, days, fte in rows])
    exact = Fraction(target)

    def share_target(days: Fraction | None) -> Fraction:
        if method is Method.SAME or days is None or not parent:
            return exact
        return days * exact / parent

    shares = tuple(Share(name, days, fte, to_cents(share_target(days))) for name, days, fte in rows)
    return Breakdown(
        unit, year, method, target, baseline_years, structure, baseline, shares, target_set_for
    )
