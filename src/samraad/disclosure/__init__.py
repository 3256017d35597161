"""What an audience without person-level access may be shown (spec/statistics.md,
"Small groups"): no combination of what it sees may isolate fewer than MIN_CELL persons.

Pure: the pages, exports, the API and reports all ask one `Disclosure`, so the rule is
applied once. `Policy` (policy.py) is the rule for committee members; `EVERYTHING` is
what person-level readers (managers, HR) get.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from samraad.disclosure.classes import MIN_CELL
from samraad.disclosure.policy import (
    ALERT_PART,
    ALERTS,
    JOB_GROUPS,
    LENGTH_GROUPS,
    Family,
    Policy,
    policy,
)
from samraad.disclosure.units import last_complete_month
from samraad.stats import Structure


class Disclosure(Protocol):
    def allows(self, start: dt.date, end: dt.date) -> bool:
        """May the reader ask for this period at all?"""
        ...

    def unit(self, structure: Structure, unit: str, start: dt.date, end: dt.date) -> bool:
        """May the unit's own figures for the period be shown?"""
        ...

    def parts(
        self, kind: str, structure: Structure, unit: str, start: dt.date, end: dt.date
    ) -> set[str] | None:
        """The parts of a breakdown that may be shown (None: all of them)."""
        ...


class _Everything:
    """Person-level readers see every figure of the units they may open."""

    def allows(self, start: dt.date, end: dt.date) -> bool:
        return True

    def unit(self, structure: Structure, unit: str, start: dt.date, end: dt.date) -> bool:
        return True

    def parts(
        self, kind: str, structure: Structure, unit: str, start: dt.date, end: dt.date
    ) -> set[str] | None:
        return None


EVERYTHING: Disclosure = _Everything()

__all__ = [
    "ALERTS",
    "ALERT_PART",
    "EVERYTHING",
    "JOB_GROUPS",
    "LENGTH_GROUPS",
    "MIN_CELL",
    "Disclosure",
    "Family",
    "Policy",
    "last_complete_month",
    "policy",
]
