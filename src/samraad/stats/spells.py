"""Spells: continuous absences of one employee (spec/statistics.md, "Spells").

Records of the causes asked for merge into one spell when only non-working days lie
between them. A record covering no working day forms no spell and counts nowhere.
Spells are formed from all of an employee's records, whatever period is asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import polars as pl

from samraad.stats.workdays import END, WorkCalendar


@dataclass(frozen=True)
class LengthGroup:
    """Spell lengths in calendar days from `shortest` to `longest` (None: no upper bound)."""

    label: str
    shortest: int
    longest: int | None


DEFAULT_LENGTH_GROUPS = (
    LengthGroup("1-3", 1, 3),
    LengthGroup("4-14", 4, 14),
    LengthGroup("15-30", 15, 30),
    LengthGroup("31+", 31, None),  # long-term absence: more than 30 days
)


def parse_length_groups(text: str) -> tuple[LengthGroup, ...]:
    """Groups from lower bounds in calendar days, e.g. "1,4,15,31" → 1-3, 4-14, 15-30, 31+.

    Raises ValueError unless the bounds start at 1 and rise strictly.
    """
    try:
        bounds = [int(part) for part in text.split(",")]
    except ValueError:
        raise ValueError(
            f"expected whole numbers of days separated by commas, not {text!r}"
        ) from None
    if bounds[0] != 1 or any(b <= a for a, b in pairwise(bounds)):
        raise ValueError(f"the lower bounds must start at 1 and rise, not {text!r}")
    uppers: list[int | None] = [b - 1 for b in bounds[1:]] + [None]
    return tuple(
        LengthGroup(f"{low}+" if high is None else f"{low}-{high}", low, high)
        for low, high in zip(bounds, uppers, strict=True)
    )


def length_group_index(lengths: pl.Expr, groups: tuple[LengthGroup, ...]) -> pl.Expr:
    """The index of the group each length falls in (groups are contiguous from 1 up)."""
    index = pl.lit(0, pl.Int64)
    for i, group in enumerate(groups[1:], start=1):
        index = pl.when(lengths >= group.shortest).then(i).otherwise(index)
    return index


def with_workdays(
    frame: pl.DataFrame, first: str, last: str, name: str, cal: WorkCalendar
) -> pl.DataFrame:
    """Add the count of working days in [first, last] per row, computed in NumPy."""
    counts = cal.count(frame[first].to_numpy(), frame[last].to_numpy())
    return frame.with_columns(pl.Series(name, counts, dtype=pl.Int64))


def form_spells(records: pl.DataFrame, cal: WorkCalendar) -> pl.DataFrame:
    """Tag each record (employee, first, last, …) with its spell.

    Returns the records that cover a working day, with added columns `spell` (an id
    unique in the frame), `spell_first` and `spell_last` (END while it goes on).
    """
    records = with_workdays(records, "first", "last", "_wd", cal).filter(pl.col("_wd") > 0)
    records = records.sort("employee", "first")
    previous_last = records["last"].shift(1).fill_null(END).to_numpy()
    gap = cal.count(previous_last + 1, records["first"].to_numpy() - 1)
    same_employee = (
        (records["employee"] == records["employee"].shift(1)).fill_null(False).to_numpy()
    )
    starts_spell = ~(same_employee & (gap == 0))
    # A spell's records are consecutive rows: its first day is its first row's, its
    # last day the latest of its rows'.
    starts = np.flatnonzero(starts_spell)
    sizes = np.diff(np.append(starts, records.height))
    first = records["first"].to_numpy()
    last = records["last"].to_numpy()
    return records.drop("_wd").with_columns(
        pl.Series("spell", np.cumsum(starts_spell), dtype=pl.Int64),
        pl.Series("spell_first", np.repeat(first[starts], sizes), dtype=pl.Int64),
        pl.Series(
            "spell_last",
            np.repeat(np.maximum.reduceat(last, starts) if len(starts) else last, sizes),
            dtype=pl.Int64,
        ),
    )


def spells_of(tagged: pl.DataFrame) -> pl.DataFrame:
    """One row per spell: spell, employee, first, last (END while it goes on).

    `tagged` as `form_spells` returns it: a spell's records are consecutive rows."""
    return tagged.filter(pl.col("spell").diff().fill_null(1) != 0).select(
        "spell",
        "employee",
        pl.col("spell_first").alias("first"),
        pl.col("spell_last").alias("last"),
    )
