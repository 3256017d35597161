"""The spell-length groups of a unit's figures as rows, with the groups the audience may
not see left empty (the unit page, the monthly report and the committees' attachment)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from samraad.stats import UnitFigures, rounded


@dataclass(frozen=True)
class LengthRow:
    label: str  # "1-3", "4-14", "15-30", "31+" (calendar days)
    spells: int | None
    absence_hours: float | None
    share: float | None  # percent of the period's absence hours
    suppressed: bool


def length_rows(figures: UnitFigures, shown: set[str] | None, places: int = 4) -> list[LengthRow]:
    """The spell-length groups; `shown`: the groups the audience may see (None: all);
    the share rounded to `places` decimals."""
    rows = []
    for label, group in figures.by_length.items():
        if shown is not None and label not in shown:
            rows.append(LengthRow(label, None, None, None, True))
            continue
        share = (
            100 * group.absence_hours / figures.absence_hours
            if figures.absence_hours
            else Fraction(0)
        )
        rows.append(
            LengthRow(
                label, group.spells, rounded(group.absence_hours), rounded(share, places), False
            )
        )
    return rows
