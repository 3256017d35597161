"""The analyses' tables, shaped from the statistics core's figures and the disclosure
decisions (pure: no Django). A cell holds the figures an analysis compares, or nothing
where the reader may not see it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from samraad.stats import DEFAULT_LENGTH_GROUPS, UnitFigures, rounded

SHORT = DEFAULT_LENGTH_GROUPS[0].label  # "1-3": spells of 1–3 calendar days
LONG = DEFAULT_LENGTH_GROUPS[-1].label  # "31+": long-term absence
HOURS_PER_DAY = Fraction(37, 5)


def _maybe(value: Fraction | None, places: int = 2) -> float | None:
    return None if value is None else rounded(value, places)


@dataclass(frozen=True)
class Cell:
    """One group's figures for the analysis's period; all None where suppressed."""

    headcount: int | None
    fte: float | None
    absence_rate: float | None  # percent
    absence_days_per_fte: float | None
    spells: int | None  # spells ended in the period
    frequency_rate: float | None  # spells per 100 FTE
    short_spells: int | None  # spells of 1–3 calendar days
    short_frequency_rate: float | None  # of those, per 100 FTE
    short_days_per_fte: float | None  # absence days in those per FTE
    long_share: float | None  # percent of the absence hours in spells of 31+ days
    suppressed: bool

    @classmethod
    def hidden(cls) -> Cell:
        return cls(None, None, None, None, None, None, None, None, None, None, True)

    @classmethod
    def of(cls, figures: UnitFigures | None, shown: bool = True) -> Cell:
        if figures is None:  # nobody in the group: a zero hides nobody
            return cls(0, 0.0, None, 0.0, 0, None, 0, None, 0.0, None, False)
        if not shown:
            return cls.hidden()
        fte = figures.fte
        short = figures.by_length[SHORT]
        long = figures.by_length[LONG]
        hours = figures.absence_hours
        return cls(
            headcount=figures.headcount,
            fte=rounded(fte, 1),
            absence_rate=_maybe(figures.absence_rate),
            absence_days_per_fte=rounded(figures.absence_days_per_fte, 2),
            spells=figures.spells,
            frequency_rate=_maybe(figures.frequency_rate, 1),
            short_spells=short.spells,
            short_frequency_rate=_maybe(100 * short.spells / fte if fte else None, 1),
            short_days_per_fte=rounded(short.absence_hours / HOURS_PER_DAY / fte, 2)
            if fte
            else 0.0,
            long_share=_maybe(100 * long.absence_hours / hours if hours else None, 1),
            suppressed=False,
        )


@dataclass(frozen=True)
class Row:
    key: str  # an age band, a job group, "before"/"notice", or ALL
    cells: tuple[Cell, ...]
    emphasised: bool = False


ALL = ""  # the row of the whole unit


def shown_part(parts: set[str] | None, part: str) -> bool:
    """May the part be shown (parts: what the disclosure allows; None: everything)?"""
    return parts is None or part in parts


def band_rows(
    unit_total: UnitFigures | None,
    bands: dict[str, UnitFigures],
    labels: list[str],
    unit_shown: bool,
    parts: set[str] | None,
    apart: str,
) -> list[Row]:
    """One row per age band (`labels`, then those without a known age if any), the band
    `apart` first and emphasised, then the whole unit."""
    keys = [apart, ALL, *(b for b in labels if b != apart)]
    keys += [b for b in sorted(bands) if b not in labels]
    rows = []
    for key in keys:
        if key == ALL:
            rows.append(Row(ALL, (Cell.of(unit_total, unit_shown),)))
        else:
            cell = Cell.of(bands.get(key), unit_shown and shown_part(parts, key))
            rows.append(Row(key, (cell,), emphasised=key == apart))
    return rows


def pair_rows(
    pairs: dict[str, tuple[UnitFigures | None, UnitFigures | None]], shown: bool
) -> list[Row]:
    """Rows of two cells each (60+ and under 60 of a job group), by key."""
    return [
        Row(key, (Cell.of(first, shown), Cell.of(second, shown)))
        for key, (first, second) in sorted(pairs.items())
    ]


def grid_rows(
    columns: list[str],
    figures: Mapping[str, dict[str, UnitFigures]],
    shown: dict[str, set[str] | None],
) -> list[Row]:
    """Job groups (rows) × units (columns); a cell is shown where its unit's parts allow.
    `shown`: per unit, the parts that may be shown (None: all; a unit not shown: empty)."""
    groups = sorted({g for unit in columns for g in figures.get(unit, {})})
    return [
        Row(
            group,
            tuple(
                Cell.of(figures.get(unit, {}).get(group), shown_part(shown[unit], group))
                for unit in columns
            ),
        )
        for group in groups
    ]
