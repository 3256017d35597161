"""The one disclosure policy for every audience without person-level access (committee
members), computed once per day and applied by pages, API, exports and reports alike:
a cell hidden anywhere is hidden everywhere for that audience.

- Periods are whole months up to the last complete one (`reference`): a month, a
  quarter, a year, the last twelve months, the year so far. A period that is not
  whole months of the horizon shows nothing.
- A unit's own figures follow `units.py` (month by month, both structures at once).
- A breakdown (spell-length groups, job groups) of a shown unit follows
  `breakdowns.py`, decided once per period; follow-up counts (alerts) are a family of
  their own (the class rule alone: they are no part of the units' figures).
- The analyses' groups (age bands, seniors by job group, notice periods) are families
  given by pieces of employments (`Family`): a breakdown where the groups split every
  employment's days (`adds_up`), else a family of their own, like alerts.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field

import polars as pl

from samraad.disclosure.breakdowns import Contribution, Part, shown_parts
from samraad.disclosure.trees import Trees
from samraad.disclosure.units import (
    UnitVisibility,
    default_first_month,
    last_complete_month,
    unit_visibility,
)
from samraad.stats import END, Dataset, Structure, ended_spells

HORIZON_YEARS = 5  # whole years before the reference's year that aggregates reach back
# Breakdowns are shown down to this level (0: the municipality, 1: the administrations,
# 2: their centres): deeper, a unit's own total beside its parent's breakdown gives away
# too much, and hiding enough to prevent it would leave the upper levels bare.
BREAKDOWN_DEPTH = 2
# ... and in the current structure only: a breakdown in both structures would give, as
# the difference, the part of a unit that moved within the period.
BREAKDOWN_STRUCTURES = (Structure.CURRENT,)

LENGTH_GROUPS = "length_groups"
JOB_GROUPS = "job_groups"
ALERTS = "alerts"
ALERT_PART = "alerts"


@dataclass(frozen=True)
class Family:
    """Groups of persons given by pieces of employments (stats.PIECE_COLUMNS: employment_id,
    group, start_date, end_date), read when first asked. `adds_up`: every day of every
    employment lies in exactly one group, so the groups are a breakdown of the units'
    figures."""

    pieces: Callable[[], pl.DataFrame]
    adds_up: bool


Keeper = Callable[[Hashable, Callable[[], set[Part]]], set[Part]]


@dataclass
class Policy:
    reference: dt.date  # the last day aggregates show: the end of the last complete month
    units: UnitVisibility
    trees: Trees
    # how to get the persons behind each breakdown (read once, when first asked)
    sources: dict[str, Callable[[], Contribution]]
    # families whose parts are no breakdown of the units' figures (the class rule alone)
    alone: frozenset[str] = frozenset({ALERTS})
    # where decisions are kept beyond this object (a store shared by processes); by
    # default only here
    keep: Keeper | None = None
    _parts: dict[tuple[str, dt.date, dt.date], set[Part]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allows(self, start: dt.date, end: dt.date) -> bool:
        """Is [start, end] whole months of the horizon?"""
        return self.units.month_span(start, end) is not None

    def unit(self, structure: Structure, unit: str, start: dt.date, end: dt.date) -> bool:
        return self.units.unit_shown(structure, unit, start, end)

    def parts(
        self, kind: str, structure: Structure, unit: str, start: dt.date, end: dt.date
    ) -> set[str]:
        """The parts (length groups, job groups; "alerts") of the unit that may be shown."""
        if not self.unit(structure, unit, start, end):
            return set()
        found = self._decided(kind, start, end)
        return {part for s, u, part in found if s is structure and u == unit}

    def _decided(self, kind: str, start: dt.date, end: dt.date) -> set[Part]:
        key = (kind, start, end)
        with self._lock:
            if key not in self._parts:
                shown = {
                    (s, u)
                    for (s, u), months in self.units.shown.items()
                    if self.units.unit_shown(s, u, start, end)
                }

                def decide() -> set[Part]:
                    return shown_parts(
                        self.sources[kind](),
                        self.trees,
                        (start, end),
                        shown,
                        across=kind not in self.alone,
                        deepest=BREAKDOWN_DEPTH,
                        structures=BREAKDOWN_STRUCTURES if kind != ALERTS else tuple(Structure),
                    )

                self._parts[key] = self.keep(key, decide) if self.keep else decide()
            return self._parts[key]


def pieces_contribution(data: Dataset, pieces: pl.DataFrame, persons: pl.DataFrame) -> Contribution:
    """The persons behind the groups of a Family: each piece in its employment's unit."""
    placed = (
        data.employments.join(pieces, on="employment_id", suffix="_piece")
        .join(persons, on="employee_id")
        .with_columns(
            pl.max_horizontal("start_date", "start_date_piece").alias("first"),
            pl.min_horizontal("end_date", "end_date_piece").alias("last"),
        )
        .filter(pl.col("last").is_null() | (pl.col("first") <= pl.col("last")))
    )
    return Contribution(
        placed.select(
            pl.col("person").cast(pl.Int64),
            pl.col("unit_id").alias("unit"),
            pl.col("group").alias("part"),
            pl.col("first").cast(pl.Int64),
            pl.col("last").cast(pl.Int64).fill_null(END),
        )
    )


def policy(
    data: Dataset,
    today: dt.date,
    job_groups: Callable[[], pl.DataFrame],
    alerts: Callable[[], pl.DataFrame],
    families: Mapping[str, Family] | None = None,
    *,
    units: Callable[[Callable[[], UnitVisibility]], UnitVisibility] | None = None,
    keep: Keeper | None = None,
) -> Policy:
    """The policy of `today`: `job_groups()` gives (employment_id, job_group), `alerts()`
    (employee_id, unit_id, raised_on), each read only when a page first needs it;
    `families` the analyses' groups by their names. `units(compute)` may give the units'
    visibility from elsewhere (a shared store) and `keep` the breakdowns' decisions."""
    reference = last_complete_month(today)
    trees = Trees.of(data, today)

    def visibility() -> UnitVisibility:
        first = default_first_month(data, reference, HORIZON_YEARS)
        return unit_visibility(data, reference, today, first)

    shown_units = units(visibility) if units else visibility()
    persons = data.employments.select("employee_id").unique().with_row_index("person")

    def jobs() -> Contribution:
        frame = (
            data.employments.join(job_groups(), on="employment_id", how="left")
            .join(persons, on="employee_id")
            .select(
                pl.col("person").cast(pl.Int64),
                pl.col("unit_id").alias("unit"),
                pl.col("job_group").fill_null("").alias("part"),
                pl.col("start_date").cast(pl.Int64).alias("first"),
                pl.col("end_date").cast(pl.Int64).fill_null(END).alias("last"),
            )
        )
        return Contribution(frame)

    def lengths() -> Contribution:
        spells = ended_spells(data).join(persons.rename({"employee_id": "employee"}), on="employee")
        return Contribution(
            spells.select(
                pl.col("person").cast(pl.Int64),
                "unit",
                pl.col("group").alias("part"),
                pl.col("last").alias("first"),
                "last",
            )
        )

    def alerted() -> Contribution:
        frame = (
            alerts()
            .join(persons, on="employee_id")
            .select(
                pl.col("person").cast(pl.Int64),
                pl.col("unit_id").alias("unit"),
                pl.lit(ALERT_PART).alias("part"),
                pl.col("raised_on").cast(pl.Int64).alias("first"),
                pl.col("raised_on").cast(pl.Int64).alias("last"),
            )
        )
        return Contribution(frame.drop_nulls("unit"))

    def grouped(family: Family) -> Callable[[], Contribution]:
        return lambda: pieces_contribution(data, family.pieces(), persons)

    sources = {JOB_GROUPS: jobs, LENGTH_GROUPS: lengths, ALERTS: alerted}
    sources |= {name: grouped(family) for name, family in (families or {}).items()}
    alone = {ALERTS} | {name for name, f in (families or {}).items() if not f.adds_up}
    return Policy(reference, shown_units, trees, sources, frozenset(alone), keep)
