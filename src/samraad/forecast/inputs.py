"""Everything a forecast made on a day reads, gathered for many units at once.

All of it comes from the data as known on the day (`known_on`), through the statistics
core's public functions: the units' figures for the window's periods, each unit's
chain of parents up to its reference unit, the staff on the day, their open spells, and
per reference unit the survival of spells and the absence of the spells that started
in last year's rest of the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import polars as pl

from samraad.forecast.periods import Window
from samraad.forecast.survival import HISTORY_DAYS, MAX_AGE, Survival, estimate_survival
from samraad.stats import (
    Dataset,
    Structure,
    TableRequest,
    figures_table,
    parents_on,
    spell_records,
    unit_members,
    with_hours,
)

OWN_SICKNESS = frozenset({"own_sickness"})
# A unit's season and spell survival are read from its nearest ancestor (or itself) with
# at least this many staff on the day: some 650 spells a year, 40 of them over 30 days.
# On the synthetic Copenhagen that is every centre, so one unit's forecast reads one
# centre; 500 or 1,000 staff forecast no better (docs/forecast.md).
REFERENCE_HEADCOUNT = 250
EPOCH = dt.date(1970, 1, 1)


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def _days(column: str, open_as: int | None = None) -> pl.Expr:
    days = pl.col(column).cast(pl.Int32).cast(pl.Int64)
    return days if open_as is None else days.fill_null(open_as)


@dataclass(frozen=True)
class Inputs:
    window: Window
    structure: Structure
    chains: dict[str, list[str]]  # asked unit → [unit, parent, …, reference]
    figures: pl.DataFrame  # unit_id, {period}_planned, _absent (hours), _days, _spells
    observed: dict[str, dict[str, Any]]  # asked unit → its figures row for `observed`
    members: pl.DataFrame  # asked units' staff on the day: unit_id, employee_id, weekly_hours
    open_spells: pl.DataFrame  # employee_id, age (calendar days on the day), degree
    references: list[str]  # the survival's groups, in order
    survival: Survival | None
    fresh: dict[str, tuple[float, float]]  # reference → (absence, planned) hours of `after`
    # from the spells that started in it

    @cached_property
    def rows(self) -> dict[str, dict[str, Any]]:
        """`figures` by unit."""
        return {row["unit_id"]: row for row in self.figures.iter_rows(named=True)}


def _chain(unit: str, parents: dict[str, str | None]) -> list[str]:
    chain = [unit]
    while (parent := parents.get(chain[-1])) is not None and len(chain) <= len(parents):
        chain.append(parent)
    return chain


def _headcounts(
    known: Dataset, day: dt.date, units: list[str], structure: Structure
) -> dict[str, int]:
    members = unit_members(known, day, day, units=units, structure=structure, as_of=day)
    counts = members.group_by("unit_id").agg(pl.col("employee_id").n_unique())
    return dict(counts.iter_rows())


def _to_references(
    known: Dataset, day: dt.date, chains: dict[str, list[str]], structure: Structure
) -> dict[str, list[str]]:
    """Each chain cut after its first unit with REFERENCE_HEADCOUNT staff on the day (else
    kept whole). Staff are counted a level at a time, so that a small unit's forecast
    does not count the municipality."""
    cut: dict[str, list[str]] = {}
    heads: dict[str, int] = {}
    for level in range(max((len(c) for c in chains.values()), default=0)):
        open_chains = {u: c for u, c in chains.items() if u not in cut}
        uncounted = sorted({c[level] for c in open_chains.values()} - set(heads))
        if uncounted:
            heads |= dict.fromkeys(uncounted, 0) | _headcounts(known, day, uncounted, structure)
        for unit, chain in open_chains.items():
            if heads[chain[level]] >= REFERENCE_HEADCOUNT or level == len(chain) - 1:
                cut[unit] = chain[: level + 1]
    return cut


def _figures(
    known: Dataset, window: Window, units: list[str], structure: Structure
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Wide per-unit hours of each period, and the raw rows of `observed`."""
    periods = window.periods()
    request = TableRequest(
        periods=list(periods.values()), units=units, structure=structure, as_of=window.day
    )
    table = with_hours(figures_table(known, request))
    wide = pl.DataFrame({"unit_id": units})
    for name, (first, last) in periods.items():
        part = table.filter((pl.col("period_from") == first) & (pl.col("period_to") == last))
        wide = wide.join(
            part.select(
                "unit_id",
                pl.col("planned_hours").alias(f"{name}_planned"),
                pl.col("absence_hours").alias(f"{name}_absent"),
                pl.col("working_days").alias(f"{name}_days"),
                pl.col("spells").alias(f"{name}_spells"),
            ),
            on="unit_id",
        )
    observed = table.filter(pl.col("period_from") == periods["observed"][0])
    return wide, observed


def _survival(
    records: pl.DataFrame, history: pl.DataFrame, references: list[str], day: dt.date
) -> Survival:
    """Per reference: the spells of its staff of the last HISTORY_DAYS."""
    today = day_number(day)
    group = pl.DataFrame({"unit_id": references}).with_row_index("group")
    staff = history.join(group, on="unit_id").select("employee_id", "group")
    recent = (
        records.with_columns(
            _days("spell_start").alias("first"),
            _days("spell_end").alias("last"),
            _days("start_date").alias("piece_first"),
            _days("end_date", today).alias("piece_last"),
        )
        .filter(pl.col("first") >= today - HISTORY_DAYS)
        .join(staff, on="employee_id")
    )
    spells = recent.unique(["spell", "group"])
    ended = spells["last"].is_not_null().to_numpy()
    duration = (spells["last"].fill_null(today) - spells["first"] + 1).to_numpy()
    return estimate_survival(
        len(references),
        (spells["group"].to_numpy().astype(np.int64), duration, ended),
        (
            recent["group"].to_numpy().astype(np.int64),
            (recent["piece_first"] - recent["first"] + 1).to_numpy(),
            (recent["piece_last"] - recent["first"] + 1).to_numpy(),
            recent["degree"].to_numpy(),
        ),
    )


def _fresh(
    known: Dataset,
    records: pl.DataFrame,
    window: Window,
    references: list[str],
    structure: Structure,
) -> dict[str, tuple[float, float]]:
    """Per reference, last year's `after` period counting only the spells that began in
    it (`records`: its staff's)."""
    first, last = window.after
    started = records.filter(pl.col("spell_start").is_between(first, last)).select(
        "employee_id",
        pl.lit("own_sickness").alias("cause"),
        "start_date",
        pl.min_horizontal(pl.col("end_date").fill_null(last), pl.lit(last)).alias("end_date"),
        "degree",
    )
    only_new = Dataset(known.units, known.employments, started)
    request = TableRequest(
        periods=[(first, last)], units=references, structure=structure, as_of=window.day
    )
    table = with_hours(figures_table(only_new, request))
    return {
        row["unit_id"]: (row["absence_hours"], row["planned_hours"])
        for row in table.iter_rows(named=True)
    }


def _staff_only(known: Dataset, staff_ids: list[str]) -> Dataset:
    """The employments and absences of these employees only: every figure of the units
    they make up is the same, and much less is read."""
    return Dataset(
        known.units,
        known.employments.filter(pl.col("employee_id").is_in(staff_ids)),
        known.absences.filter(pl.col("employee_id").is_in(staff_ids)),
    )


def gather(
    known: Dataset, window: Window, units: Sequence[str] | None, structure: Structure
) -> Inputs:
    """The inputs for the `units` (None: every unit) from data already cut to the day."""
    day = window.day
    parents = parents_on(known, day)
    asked = sorted(parents) if units is None else list(dict.fromkeys(units))
    chains = _to_references(known, day, {unit: _chain(unit, parents) for unit in asked}, structure)
    needed = sorted(set().union(*chains.values())) if chains else []
    references = sorted({chain[-1] for chain in chains.values()})
    # Everyone who belonged to a unit of the chains in the last HISTORY_DAYS (these
    # reach back before last year's 1 January): all their figures need.
    since = day - dt.timedelta(days=HISTORY_DAYS)
    staff = unit_members(known, since, day, units=needed, structure=structure, as_of=day)
    staff_ids = staff["employee_id"].unique().to_list()
    if units is not None:
        known = _staff_only(known, staff_ids)
    figures, observed_rows = _figures(known, window, needed, structure)
    observed = {
        row["unit_id"]: row
        for row in observed_rows.iter_rows(named=True)
        if row["unit_id"] in chains
    }
    members = staff.filter((pl.col("end_date") == day) & pl.col("unit_id").is_in(asked)).select(
        "unit_id", "employee_id", "weekly_hours"
    )
    if window.complete or not references:
        return Inputs(
            window, structure, chains, figures, observed, members, pl.DataFrame(), [], None, {}
        )
    history = staff.filter(pl.col("unit_id").is_in(references)).select("unit_id", "employee_id")
    records = spell_records(known, employees=history["employee_id"].unique().to_list())
    open_spells = records.filter(pl.col("end_date").is_null()).select(
        "employee_id",
        pl.min_horizontal(day_number(day) - _days("spell_start") + 1, pl.lit(MAX_AGE)).alias("age"),
        "degree",
    )
    return Inputs(
        window,
        structure,
        chains,
        figures,
        observed,
        members,
        open_spells,
        references,
        _survival(records, history.unique(), references, day),
        _fresh(known, records, window, references, structure),
    )
