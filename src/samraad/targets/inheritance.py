"""Which target a unit has for a year: its own, else its nearest ancestor's
(spec/management-information.md, "Targets": "A unit without its own target inherits the
nearest ancestor's"). Pure: plain mappings in, no Django."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Inherited:
    """A unit's target and the unit it was set for (the unit itself or an ancestor)."""

    value: Decimal
    set_for: str

    def inherited_by(self, unit: str) -> bool:
        return self.set_for != unit


def target_of(
    unit: str, targets: Mapping[str, Decimal], parents: Mapping[str, str | None]
) -> Inherited | None:
    """The unit's own target, else the nearest ancestor's (parents: each unit's parent in
    the tree the caller reads); None when no unit on the way up has one."""
    current: str | None = unit
    seen: set[str] = set()
    while current is not None and current not in seen:
        if current in targets:
            return Inherited(targets[current], current)
        seen.add(current)
        current = parents.get(current)
    return None
