"""The two structures as the disclosure rule needs them: for every unit, its ancestors
(itself included) in the historic structure day by day, and in the current one."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

import polars as pl

from samraad.stats import END, Dataset, Structure, closure, day_number

Intervals = list[tuple[int, int, frozenset[str]]]  # first, last, ancestors


def _historic_intervals(unit_rows: pl.DataFrame) -> dict[str, Intervals]:
    """Per unit, the day intervals over which its set of ancestors (itself included) in
    the historic structure stays the same."""
    rows = closure(unit_rows, Structure.HISTORIC, 0)
    by_unit: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for unit, ancestor, first, last in rows.iter_rows():
        by_unit[unit].append((first, last, ancestor))
    intervals: dict[str, Intervals] = {}
    for unit, spans in by_unit.items():
        cuts = sorted({f for f, _, _ in spans} | {min(last + 1, END) for _, last, _ in spans})
        found = []
        for lo, hi in pairwise(cuts):
            ancestors = frozenset(a for f, last, a in spans if f <= lo and last >= hi - 1)
            if ancestors:
                found.append((lo, hi - 1, ancestors))
        intervals[unit] = found
    return intervals


def _segments(intervals: Intervals, lo: int, hi: int) -> Intervals:
    """[lo, hi] cut where the unit's historic ancestors change; days on which the unit is
    not in the historic tree form pieces without ancestors."""
    pieces = [(max(f, lo), min(last, hi), a) for f, last, a in intervals if f <= hi and last >= lo]
    gaps: list[tuple[int, int, frozenset[str]]] = []
    day = lo
    for a, b, _ in sorted(pieces, key=lambda p: p[0]):
        if a > day:
            gaps.append((day, a - 1, frozenset()))
        day = max(day, b + 1)
    if day <= hi:
        gaps.append((day, hi, frozenset()))
    return sorted(pieces + gaps, key=lambda p: p[0])


@dataclass(frozen=True)
class Trees:
    historic: dict[str, Intervals]
    current: dict[str, frozenset[str]]

    @classmethod
    def of(cls, data: Dataset, as_of: dt.date) -> Trees:
        current = closure(data.unit_rows, Structure.CURRENT, day_number(as_of))
        return cls(
            _historic_intervals(data.unit_rows),
            {
                unit: frozenset(ancestors)
                for unit, ancestors in current.group_by("unit").agg(pl.col("ancestor")).iter_rows()
            },
        )

    @property
    def units(self) -> list[str]:
        return sorted(set(self.historic) | set(self.current))

    def segments(self, unit: str, lo: int, hi: int) -> Intervals:
        return _segments(self.historic.get(unit, []), lo, hi)
