"""A unit's figures beside another unit's for the same period (the unit page's
comparison with its parent or the municipality): the differences, exact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from samraad.stats.figures import UnitFigures


@dataclass(frozen=True)
class Comparison:
    unit: str
    other: str
    start: dt.date
    end: dt.date
    # the unit's minus the other's: percentage points of absence rate (None when either
    # has no planned hours) and days per full-time equivalent
    absence_rate_points: Fraction | None
    absence_days_per_fte: Fraction


def compare(figures: UnitFigures, other: UnitFigures) -> Comparison:
    """`figures` against `other`, both for the same period and structure."""
    if (figures.start, figures.end, figures.structure) != (other.start, other.end, other.structure):
        raise ValueError(
            f"comparing {figures.unit} {figures.start}–{figures.end} ({figures.structure}) "
            f"with {other.unit} {other.start}–{other.end} ({other.structure})"
        )
    mine, theirs = figures.absence_rate, other.absence_rate
    points = None if mine is None or theirs is None else mine - theirs
    return Comparison(
        figures.unit,
        other.unit,
        figures.start,
        figures.end,
        points,
        figures.absence_days_per_fte - other.absence_days_per_fte,
    )
