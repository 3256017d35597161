"""The organisation tree on one day: names, kinds, parents, children (for pages and scopes).

Built from the unit periods as the current structure sees them (spec/statistics.md):
the parent on the day, else the parent a closed unit last had.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import polars as pl

from samraad.frames import cache
from samraad.org.models import UnitPeriod
from samraad.stats import END, day_number, rows_as_of


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
        """The tree of `day` as the current structure sees it (stats.structure.rows_as_of)."""
        by_key = {(p.unit_id, day_number(p.valid_from)): p for p in periods}
        rows = pl.DataFrame(
            [
                (p.unit_id, p.parent_id, first, day_number(p.valid_to) if p.valid_to else END)
                for (_, first), p in by_key.items()
            ],
            schema={"unit": pl.String, "parent": pl.String, "first": pl.Int64, "last": pl.Int64},
            orient="row",
        )
        units: dict[str, TreeUnit] = {}
        for unit_id, first, holds in (
            rows_as_of(rows, day_number(day)).select("unit", "first", "holds").iter_rows()
        ):
            p = by_key[(unit_id, first)]
            units[unit_id] = TreeUnit(unit_id, p.name, p.kind, p.parent_id, holds)
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

    def tops(self) -> list[str]:
        """Each root and the open units directly below it (the municipality and its
        administrations): what central HR looks at first."""
        return [unit for root in self.roots() for unit in [root, *self.children_of(root)]]

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


def tree_on(day: dt.date) -> OrgTree:
    """The tree of `day`, built once per process and version of the data."""
    return cache.remember(("tree", day), lambda: OrgTree.build(UnitPeriod.objects.all(), day))
