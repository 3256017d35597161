"""The kinds of rule (spec/rules.md), as a registry a new kind can join.

A kind is a class with `from_table` (read and check one `[[rule]]` table of a rule-set
file) and `evaluate` (the alerts it raises on the days of a span, for every employee at
once). The engine knows nothing else about it: `KINDS[name] = MyKind` adds a kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, Self

import numpy as np
import numpy.typing as npt

from samraad.rules.world import OFFSET, World, keys
from samraad.stats import CAUSES, IntArray

COMMON_KEYS = frozenset({"id", "kind", "title", "causes"})
NONE = -1  # a count that does not apply to the alert's reason


class RuleSetError(ValueError):
    """A rule-set file that cannot be used; the message names the file and the rule."""


@dataclass(frozen=True)
class Raised:
    """Alerts raised by one rule over one span, as parallel arrays."""

    employee: IntArray
    raised_on: IntArray
    due_by: IntArray
    reason: npt.NDArray[np.str_]
    days: IntArray  # absent working days in the days window, or NONE
    spells: IntArray  # counting spells in the spells window, or NONE
    spell_day: IntArray  # the spell's calendar day on raised_on (spell_length), or NONE

    @classmethod
    def empty(cls) -> Raised:
        none = np.zeros(0, dtype=np.int64)
        return cls(none, none, none, np.zeros(0, dtype=np.str_), none, none, none)


class Rule(Protocol):
    kind: ClassVar[str]

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def causes(self) -> frozenset[str]: ...

    @classmethod
    def from_table(cls, table: Mapping[str, Any], where: str) -> Self: ...

    def evaluate(self, world: World, first: int, last: int, previous: IntArray) -> Raised:
        """Alerts raised on the days [first, last] (and not after world.until).

        `previous[e]` is employee e's last alert of this rule id before `first` (from an
        earlier rule set in the history), or `world.NEVER`.
        """
        ...

    def step(self, first: dt.date) -> Step | None:
        """For a rule that is a step of every spell (a statutory clock): when its alert is
        raised and when it is due, for a spell whose first day is `first`; else None."""
        ...


@dataclass(frozen=True)
class Step:
    rule_id: str
    raised_on: dt.date
    due_by: dt.date


def integer(
    table: Mapping[str, Any], key: str, where: str, *, minimum: int, required: bool = True
) -> int | None:
    """A whole number ≥ minimum under `key`, or None if optional and absent."""
    if key not in table:
        if required:
            raise RuleSetError(f"{where}: missing field {key!r}")
        return None
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleSetError(f"{where}: {key} must be a whole number, not {value!r}")
    if value < minimum:
        raise RuleSetError(f"{where}: {key} must be at least {minimum}, not {value}")
    return value


def text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if value is None:
        raise RuleSetError(f"{where}: missing field {key!r}")
    if not isinstance(value, str) or not value.strip():
        raise RuleSetError(f"{where}: {key} must be non-empty text, not {value!r}")
    return value


def causes_of(table: Mapping[str, Any], where: str) -> frozenset[str]:
    value = table.get("causes", ["own_sickness"])
    if not isinstance(value, list) or not value or not all(isinstance(c, str) for c in value):
        raise RuleSetError(f"{where}: causes must be a non-empty list of causes, not {value!r}")
    unknown = sorted(set(value) - set(CAUSES))
    if unknown:
        raise RuleSetError(
            f"{where}: unknown cause {', '.join(map(repr, unknown))}; known: {', '.join(CAUSES)}"
        )
    return frozenset(value)


def check_keys(table: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed - COMMON_KEYS)
    if unknown:
        raise RuleSetError(f"{where}: unknown field {', '.join(map(repr, unknown))}")


@dataclass(frozen=True)
class Threshold:
    """`min_days` absent working days or `min_spells` spells within a window."""

    kind: ClassVar[str] = "threshold"
    allowed: ClassVar[frozenset[str]] = frozenset(
        {"min_days", "days_window", "min_spells", "spells_window", "respond_within_days"}
    )
    id: str
    title: str
    causes: frozenset[str]
    min_days: int | None
    days_window: int | None
    min_spells: int | None
    spells_window: int | None
    respond_within_days: int

    @classmethod
    def from_table(cls, table: Mapping[str, Any], where: str) -> Self:
        check_keys(table, cls.allowed, where)
        min_days = integer(table, "min_days", where, minimum=1, required=False)
        min_spells = integer(table, "min_spells", where, minimum=1, required=False)
        if min_days is None and min_spells is None:
            raise RuleSetError(f"{where}: a threshold needs min_days or min_spells (or both)")
        respond = integer(table, "respond_within_days", where, minimum=0)
        assert respond is not None
        return cls(
            id=text(table, "id", where),
            title=text(table, "title", where),
            causes=causes_of(table, where),
            min_days=min_days,
            days_window=integer(table, "days_window", where, minimum=1, required=bool(min_days)),
            min_spells=min_spells,
            spells_window=integer(
                table, "spells_window", where, minimum=1, required=bool(min_spells)
            ),
            respond_within_days=respond,
        )

    def evaluate(self, world: World, first: int, last: int, previous: IntArray) -> Raised:
        absent = world.absent_days(self.causes)
        last = min(last, world.until)
        if first > last or len(absent.day) == 0:
            return Raised.empty()
        employee, day = self._candidates(world, first, last)
        previous = previous.copy()
        found: list[tuple[IntArray, IntArray, IntArray, IntArray]] = []
        # Each round finds every employee's next alert; counting restarts after it, so
        # the next round looks only at the alerted employees' later days. Rounds are
        # as many as the most alerts one employee gets in the span.
        while len(employee):
            after = day > previous[employee]
            employee, day = employee[after], day[after]
            days, spells = self._counts(world, employee, day, previous[employee])
            hit = self._holds(days, spells)
            if not hit.any():
                break
            at = np.flatnonzero(hit)
            first_hit = at[np.r_[True, employee[at][1:] != employee[at][:-1]]]
            found.append((employee[first_hit], day[first_hit], days[first_hit], spells[first_hit]))
            previous[employee[first_hit]] = day[first_hit]
            again = np.isin(employee, employee[first_hit])
            employee, day = employee[again], day[again]
        return self._raised(found)

    def _candidates(self, world: World, first: int, last: int) -> tuple[IntArray, IntArray]:
        """Days on which the condition can become true: absent working days, the starts of
        employment periods, and the span's first day; on any other day the counts are at
        most what they were the day before. Only days with an active employment."""
        absent = world.absent_days(self.causes)
        someone = absent.employee[np.r_[True, absent.employee[1:] != absent.employee[:-1]]]
        period_employee, period_first, _ = world.employment
        in_span = (absent.day >= first) & (absent.day <= last)
        starts = (period_first >= first) & (period_first <= last)
        starts &= np.isin(period_employee, someone)
        extra = np.concatenate(
            [
                keys(period_employee[starts], period_first[starts]),
                keys(someone, someone * 0 + first),
            ]
        )
        # The absent days are sorted already: a stable sort of the two runs merges them.
        merged = np.sort(np.concatenate([absent.key[in_span], np.sort(extra)]), kind="stable")
        merged = merged[np.r_[True, merged[1:] != merged[:-1]]]
        employee, day = merged >> 32, (merged & 0xFFFFFFFF) - OFFSET
        employed = world.employed(employee, day)
        return employee[employed], day[employed]

    def _counts(
        self, world: World, employee: IntArray, day: IntArray, previous: IntArray
    ) -> tuple[IntArray, IntArray]:
        """Absent working days and spells in the windows ending on `day`, of the spells
        that began after `previous` (the last alert)."""
        absent = world.absent_days(self.causes)
        counting_from = np.searchsorted(absent.first_key, keys(employee, previous + 1))
        hi = np.searchsorted(absent.key, keys(employee, day), side="right") - 1
        days = np.full(len(day), NONE)
        spells = np.full(len(day), NONE)
        if self.days_window is not None:
            lo = np.searchsorted(absent.key, keys(employee, day - self.days_window + 1))
            lo = np.maximum(lo, counting_from)
            days = np.maximum(hi - lo + 1, 0)
        if self.spells_window is not None:
            lo = np.searchsorted(absent.key, keys(employee, day - self.spells_window + 1))
            lo = np.maximum(lo, counting_from)
            safe_hi, safe_lo = np.maximum(hi, 0), np.minimum(lo, len(absent.spell) - 1)
            spread = absent.spell[safe_hi] - absent.spell[safe_lo] + 1
            spells = np.where(hi >= lo, spread, 0)
        return days, spells

    def _holds(self, days: IntArray, spells: IntArray) -> npt.NDArray[np.bool_]:
        hit = np.zeros(len(days), dtype=np.bool_)
        if self.min_days is not None:
            hit |= days >= self.min_days
        if self.min_spells is not None:
            hit |= spells >= self.min_spells
        return hit

    def _raised(self, found: list[tuple[IntArray, IntArray, IntArray, IntArray]]) -> Raised:
        if not found:
            return Raised.empty()
        employee, day, days, spells = (np.concatenate(part) for part in zip(*found, strict=True))
        by_days = days >= (self.min_days or np.iinfo(np.int64).max)
        by_spells = spells >= (self.min_spells or np.iinfo(np.int64).max)
        reason = np.where(by_days & by_spells, "days+spells", np.where(by_days, "days", "spells"))
        due_by = day + self.respond_within_days
        return Raised(employee, day, due_by, reason, days, spells, np.full(len(day), NONE))

    def step(self, first: dt.date) -> Step | None:
        return None  # a count over a window, not a step of a spell


@dataclass(frozen=True)
class SpellLength:
    """A statutory clock: fires once per spell on its `at_day`-th calendar day."""

    kind: ClassVar[str] = "spell_length"
    allowed: ClassVar[frozenset[str]] = frozenset({"at_day", "due_day"})
    id: str
    title: str
    causes: frozenset[str]
    at_day: int
    due_day: int

    @classmethod
    def from_table(cls, table: Mapping[str, Any], where: str) -> Self:
        check_keys(table, cls.allowed, where)
        at_day = integer(table, "at_day", where, minimum=1)
        due_day = integer(table, "due_day", where, minimum=0)
        assert at_day is not None and due_day is not None
        if due_day < at_day - 1:
            raise RuleSetError(f"{where}: due_day {due_day} lies before at_day {at_day}")
        return cls(
            id=text(table, "id", where),
            title=text(table, "title", where),
            causes=causes_of(table, where),
            at_day=at_day,
            due_day=due_day,
        )

    def evaluate(self, world: World, first: int, last: int, previous: IntArray) -> Raised:
        spells = world.spells(self.causes)
        raised = spells.first + self.at_day - 1
        fires = (raised <= spells.last) & (raised >= first) & (raised <= min(last, world.until))
        # once per spell, also when an earlier rule set's version of the rule fired in it
        fires &= previous[spells.employee] < spells.first
        at = np.flatnonzero(fires)
        at = at[world.employed(spells.employee[at], raised[at])]
        count = len(at)
        return Raised(
            spells.employee[at],
            raised[at],
            spells.first[at] + self.due_day,
            np.full(count, "spell_length"),
            np.full(count, NONE),
            np.full(count, NONE),
            np.full(count, self.at_day),
        )

    def step(self, first: dt.date) -> Step | None:
        """Raised on the spell's `at_day`-th calendar day, due `due_day` days after its first."""
        return Step(
            self.id,
            first + dt.timedelta(days=self.at_day - 1),
            first + dt.timedelta(days=self.due_day),
        )


KINDS: dict[str, type[Rule]] = {Threshold.kind: Threshold, SpellLength.kind: SpellLength}
