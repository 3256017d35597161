"""The organisation tree on one day: names, kinds, parents, children (for pages and scopes).

Built from the unit periods as the current structure sees them (spec/statistics.md):
the parent on the day, else the parent a closed unit last had.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from samraad.org.models import UnitPeriod


@dataclass(frozen=True)
class TreeUnit:
    unit_id: str
    name: str
    kind: str
    parent_id: str | None
    open: bool  # has a period covering the day


@dataclass(frozen=True)
class OrgTree:
    day: dt.date
    units: dict[str, TreeUnit]
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, periods: Iterable[UnitPeriod], day: dt.date) -> OrgTree:
        chosen: dict[str, tuple[int, dt.date, UnitPeriod]] = {}
        for period in periods:
            ends = period.valid_to or dt.date.max
            if period.valid_from <= day <= ends:
                rank = (0, dt.date.min)
            elif ends < day:
                rank = (1, dt.date.max - (ends - dt.date.min))  # the latest past period first
            else:
                rank = (2, period.valid_from)  # the earliest future period
            best = chosen.get(period.unit_id)
            if best is None or rank < best[:2]:
                chosen[period.unit_id] = (*rank, period)
        units = {
            unit_id: TreeUnit(unit_id, p.name, p.kind, p.parent_id, rank == 0)
            for unit_id, (rank, _, p) in chosen.items()
        }
        children: dict[str, list[str]] = {}
        for unit in units.values():
            if unit.parent_id is not None:
                children.setdefault(unit.parent_id, []).append(unit.unit_id)
        ordered = {
            parent: tuple(sorted(kids, key=lambda u: (not units[u].open, units[u].name)))
            for parent, kids in children.items()
        }
        return cls(day, units, ordered)

    def roots(self) -> list[str]:
        return sorted(u.unit_id for u in self.units.values() if u.parent_id is None)

    def children_of(self, unit_id: str, include_closed: bool = False) -> list[str]:
        kids = self.children.get(unit_id, ())
        return [k for k in kids if include_closed or self.units[k].open]

    def below(self, unit_id: str) -> Iterator[str]:
        """The unit and everything below it (closed units included)."""
        stack = [unit_id]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(self.children.get(current, ()))

    def path(self, unit_id: str) -> list[str]:
        """From the root down to the unit."""
        chain: list[str] = []
        current: str | None = unit_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.units[current].parent_id if current in self.units else None
        return chain[::-1]

    def name(self, unit_id: str) -> str:
        unit = self.units.get(unit_id)
        return unit.name if unit else unit_id

    def depth(self, unit_id: str) -> int:
        return len(self.path(unit_id)) - 1
