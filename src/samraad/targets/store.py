"""Reading and writing targets (org.Target). Targets have a version of their own in the
frames cache ("targets"), so setting one in the web app refreshes what shows targets
without recomputing any figure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from samraad.frames import cache
from samraad.org.models import Target
from samraad.org.tree import OrgTree
from samraad.targets.inheritance import Inherited, target_of

TARGETS = "targets"  # the frames cache's version of the targets table


class TargetsExist(ValueError):
    """Some units already have a target for the year, and replacing was not asked for."""

    def __init__(self, year: int, units: list[str]) -> None:
        self.year = year
        self.units = units
        super().__init__(f"{', '.join(units)} already have a target for {year}")


@dataclass(frozen=True)
class Change:
    unit: str
    year: int
    before: Decimal | None
    after: Decimal

    def describe(self) -> str:
        """One line for the audit log's detail."""
        before = "none" if self.before is None else f"{self.before.normalize():f}"
        return f"target {self.year} {self.unit}: {before} -> {self.after.normalize():f}"


def read_targets(year: int) -> dict[str, Decimal]:
    """Every unit's own target for the year, from the database (commands)."""
    rows = Target.objects.filter(year=year).values_list("unit_id", "absence_days_per_fte")
    return {unit: Decimal(value) for unit, value in rows}


def targets_for(year: int) -> dict[str, Decimal]:
    """Every unit's own target for the year, kept until a target changes (the web app)."""
    return cache.remember((TARGETS, year), lambda: read_targets(year), depends=(TARGETS,))


def target_in_tree(unit: str, year: int, tree: OrgTree) -> Inherited | None:
    """The unit's target for the year, or its nearest ancestor's in the tree."""
    parents = {u: t.parent_id for u, t in tree.units.items()}
    return target_of(unit, targets_for(year), parents)


def write_targets(
    year: int, values: Mapping[str, Decimal], *, replace: bool = False
) -> list[Change]:
    """Store the targets, all or none. Without `replace`, a unit that has a target for the
    year already makes it refuse (TargetsExist) and nothing is written."""
    with transaction.atomic():
        existing = {
            t.unit_id: t
            for t in Target.objects.select_for_update().filter(year=year, unit_id__in=list(values))
        }
        if existing and not replace:
            raise TargetsExist(year, sorted(existing))
        changes = []
        for unit, value in values.items():
            found = existing.get(unit)
            before = None if found is None else Decimal(found.absence_days_per_fte)
            Target.objects.update_or_create(
                unit_id=unit, year=year, defaults={"absence_days_per_fte": value}
            )
            changes.append(Change(unit, year, before, value))
    cache.invalidate(TARGETS)
    return changes
