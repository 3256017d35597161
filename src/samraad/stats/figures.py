"""A unit's figures for one period, exact (spec/statistics.md, "A unit's figures").

The table's integer sums become fractions here, and are rounded once, half up, to 4
decimals for output: two correct implementations agree to the last decimal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from samraad.stats.dataset import SCALE, Dataset
from samraad.stats.spells import DEFAULT_LENGTH_GROUPS, LengthGroup
from samraad.stats.structure import Structure
from samraad.stats.table import OWN_SICKNESS, TableRequest, figures_table

HOURS_PER_DAY = Fraction(37, 5)  # 1 day's work = 7.4 hours (Danmarks Statistik)
PLANNED_DIVISOR = 5 * SCALE  # a day's planned hours are weekly hours / 5
ABSENT_DIVISOR = 5 * SCALE * SCALE


def rounded(value: Fraction, places: int = 4) -> float:
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(quantum, rounding=ROUND_HALF_UP))


def _maybe(value: Fraction | None) -> float | None:
    return None if value is None else rounded(value)


@dataclass(frozen=True)
class LengthFigures:
    spells: int
    absence_hours: Fraction


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    start: dt.date
    end: dt.date
    structure: Structure
    causes: frozenset[str]
    working_days: int
    planned_hours: Fraction
    absence_hours: Fraction
    headcount: int
    spells: int
    by_length: dict[str, LengthFigures]
    spell_days: int = 0  # Σ calendar lengths of the counted spells
    spell_employees: int = 0  # employees with at least one counted spell

    @classmethod
    def from_row(
        cls,
        row: dict[str, Any],
        structure: Structure,
        causes: frozenset[str],
        groups: tuple[LengthGroup, ...] = DEFAULT_LENGTH_GROUPS,
    ) -> UnitFigures:
        return cls(
            unit=row["unit_id"],
            start=row["period_from"],
            end=row["period_to"],
            structure=structure,
            causes=causes,
            working_days=row["working_days"],
            planned_hours=Fraction(row["planned"], PLANNED_DIVISOR),
            absence_hours=Fraction(row["absent"], ABSENT_DIVISOR),
            headcount=row["headcount"],
            spells=row["spells"],
            spell_days=row["spell_days"],
            spell_employees=row["spell_employees"],
            by_length={
                group.label: LengthFigures(
                    row[f"spells_{i}"], Fraction(row[f"absent_{i}"], ABSENT_DIVISOR)
                )
                for i, group in enumerate(groups)
            },
        )

    @property
    def absence_rate(self) -> Fraction | None:
        if not self.planned_hours:
            return None
        return 100 * self.absence_hours / self.planned_hours

    @property
    def fte(self) -> Fraction:
        """Average full-time equivalents over the period's working days."""
        if not self.working_days:
            return Fraction(0)
        return self.planned_hours / (HOURS_PER_DAY * self.working_days)

    @property
    def absence_days_per_fte(self) -> Fraction:
        if not self.fte:
            return Fraction(0)
        return (self.absence_hours / HOURS_PER_DAY) / self.fte

    @property
    def frequency_rate(self) -> Fraction | None:
        """Spells per 100 full-time equivalents."""
        return 100 * self.spells / self.fte if self.fte else None

    @property
    def individual_frequency_rate(self) -> Fraction | None:
        """Share (percent) of the headcount with at least one spell."""
        return Fraction(100 * self.spell_employees, self.headcount) if self.headcount else None

    @property
    def average_spell_length(self) -> Fraction | None:
        """Σ spell lengths / spells, in calendar days."""
        return Fraction(self.spell_days, self.spells) if self.spells else None

    def to_json(self) -> dict[str, Any]:
        """The fields of spec/cli.md's `samraad stats --json`, in its order."""
        rate = self.absence_rate
        return {
            "unit": self.unit,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "structure": str(self.structure),
            "causes": sorted(self.causes),
            "working_days": self.working_days,
            "planned_hours": rounded(self.planned_hours),
            "absence_hours": rounded(self.absence_hours),
            "absence_rate": None if rate is None else rounded(rate),
            "fte": rounded(self.fte),
            "absence_days_per_fte": rounded(self.absence_days_per_fte),
            "headcount": self.headcount,
            "spells": self.spells,
            "by_length": {
                label: {"spells": g.spells, "absence_hours": rounded(g.absence_hours)}
                for label, g in self.by_length.items()
            },
            "frequency_rate": _maybe(self.frequency_rate),
            "individual_frequency_rate": _maybe(self.individual_frequency_rate),
            "average_spell_length": _maybe(self.average_spell_length),
        }


def unit_figures(
    data: Dataset,
    unit: str,
    start: dt.date,
    end: dt.date,
    *,
    structure: Structure = Structure.HISTORIC,
    as_of: dt.date | None = None,
    causes: frozenset[str] = OWN_SICKNESS,
    length_groups: tuple[LengthGroup, ...] = DEFAULT_LENGTH_GROUPS,
) -> UnitFigures:
    request = TableRequest(
        periods=[(start, end)],
        units=[unit],
        structure=structure,
        as_of=as_of,
        causes=causes,
        length_groups=length_groups,
    )
    row = figures_table(data, request).row(0, named=True)
    return UnitFigures.from_row(row, structure, causes, length_groups)
