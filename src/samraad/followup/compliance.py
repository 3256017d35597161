"""Compliance for a unit and a period (spec/rules.md, "After an alert"). Pure: no Django.

The alerts counted are those raised in [start, end] whose unit on raised_on is the unit
asked for or lies below it: in the tree of raised_on (historic) or of the as-of day
(current), as for the statistics (spec/statistics.md). Each is, as known on `today`:
closed on time (closed_on ≤ due_by), closed late, still open (not past due_by), or
overdue; the four add up to `raised`. Compliance = closed on time / raised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import polars as pl

from samraad.stats import Structure, closure, day_number, rounded

ALERT_COLUMNS = {
    "unit_id": pl.String,
    "raised_on": pl.Date,
    "due_by": pl.Date,
    "closed_on": pl.Date,
}


@dataclass(frozen=True)
class FollowUp:
    raised: int
    closed_on_time: int
    closed_late: int
    open: int
    overdue: int

    @property
    def compliance(self) -> Fraction | None:
        return Fraction(self.closed_on_time, self.raised) if self.raised else None

    def to_json(self) -> dict[str, Any]:
        share = self.compliance
        return {
            "alerts_raised": self.raised,
            "closed_on_time": self.closed_on_time,
            "closed_late": self.closed_late,
            "open": self.open,
            "overdue": self.overdue,
            # percent, 4 decimals like the other rates; null without alerts
            "compliance": None if share is None else rounded(share * 100),
        }


def follow_up_by_unit(
    alerts: pl.DataFrame,
    unit_rows: pl.DataFrame,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    structure: Structure = Structure.HISTORIC,
    as_of: dt.date | None = None,
) -> dict[str, FollowUp]:
    """Every unit's follow-up at once. `alerts`: unit_id, raised_on, due_by, closed_on
    (ALERT_COLUMNS); `unit_rows`: a Dataset's unit_rows (unit, parent, first, last).
    An alert belongs to the units above the unit it was raised in, on the day it was
    raised. Units without alerts are left out."""
    tree = closure(unit_rows, structure, day_number(as_of or end))
    day = pl.col("raised_on").cast(pl.Int64)
    closed = pl.col("closed_on").is_not_null() & (pl.col("closed_on") <= today)
    on_time = closed & (pl.col("closed_on") <= pl.col("due_by"))
    counted = (
        alerts.filter((pl.col("raised_on") >= start) & (pl.col("raised_on") <= end))
        .with_row_index("alert")
        .join(tree, left_on="unit_id", right_on="unit")
        .filter((day >= pl.col("first")) & (day <= pl.col("last")))
        .unique(["alert", "ancestor"])
        .group_by("ancestor")
        .agg(
            pl.len().alias("raised"),
            on_time.sum().alias("closed_on_time"),
            (closed & ~on_time).sum().alias("closed_late"),
            (~closed & (pl.col("due_by") >= today)).sum().alias("open"),
            (~closed & (pl.col("due_by") < today)).sum().alias("overdue"),
        )
    )
    return {
        row.pop("ancestor"): FollowUp(**{k: int(v) for k, v in row.items()})
        for row in counted.iter_rows(named=True)
    }


NO_ALERTS = FollowUp(0, 0, 0, 0, 0)


def follow_up(
    alerts: pl.DataFrame,
    unit_rows: pl.DataFrame,
    unit: str,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    structure: Structure = Structure.HISTORIC,
    as_of: dt.date | None = None,
) -> FollowUp:
    """One unit's follow-up for [start, end]."""
    found = follow_up_by_unit(alerts, unit_rows, start, end, today, structure, as_of)
    return found.get(unit, NO_ALERTS)
