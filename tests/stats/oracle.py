"""A deliberately naive, day-by-day reading of spec/statistics.md.

Slow and obvious: it walks every calendar day and every employment, with its own
calendar, its own tree walk and its own spell merging. The fast path in
`samraad.stats` must agree with it exactly (see test_fast_path_matches_oracle.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache

import holidays

ONE_DAY = dt.timedelta(days=1)
FAR = dt.date(2100, 12, 31)


@dataclass(frozen=True)
class UnitRow:
    unit: str
    parent: str | None
    first: dt.date
    last: dt.date | None


@dataclass(frozen=True)
class Job:
    employee: str
    unit: str
    weekly_hours: Fraction
    first: dt.date
    last: dt.date | None


@dataclass(frozen=True)
class Record:
    employee: str
    cause: str
    first: dt.date
    last: dt.date | None
    degree: Fraction = Fraction(1)


@dataclass
class OracleFigures:
    working_days: int = 0
    planned_hours: Fraction = Fraction(0)
    absence_hours: Fraction = Fraction(0)
    headcount: int = 0
    spells: int = 0
    spell_days: int = 0
    spell_employees: int = 0
    by_length: dict[str, list[Fraction | int]] = field(default_factory=dict)


@cache
def _public(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("DK", years=year, categories=("public",)))


def is_working(day: dt.date) -> bool:
    if day.weekday() >= 5 or day in _public(day.year):
        return False
    return (day.month, day.day) not in ((6, 5), (12, 24), (12, 31))


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + ONE_DAY * i for i in range((last - first).days + 1)]


def covers(first: dt.date, last: dt.date | None, day: dt.date) -> bool:
    return first <= day and (last is None or day <= last)


def parent_on(units: list[UnitRow], unit: str, day: dt.date) -> str | None:
    for row in units:
        if row.unit == unit and covers(row.first, row.last, day):
            return row.parent
    return None


def parent_as_of(units: list[UnitRow], unit: str, as_of: dt.date) -> str | None:
    rows = [r for r in units if r.unit == unit]
    for row in rows:
        if covers(row.first, row.last, as_of):
            return row.parent
    past = [r for r in rows if r.last is not None and r.last < as_of]
    if past:
        return max(past, key=lambda r: r.first).parent
    return min(rows, key=lambda r: r.first).parent


def is_below(
    units: list[UnitRow], unit: str, top: str, day: dt.date, as_of: dt.date | None
) -> bool:
    """Is `unit` equal to or below `top` on `day` (historic), or in the as-of tree (current)."""
    seen = 0
    node: str | None = unit
    while node is not None and seen <= len(units):
        if node == top:
            return True
        node = parent_as_of(units, node, as_of) if as_of else parent_on(units, node, day)
        seen += 1
    return False


def spells(
    records: list[Record], causes: frozenset[str]
) -> list[tuple[str, dt.date, dt.date | None]]:
    """(employee, first day, last day or None while it goes on), merging across non-working days."""
    result: list[tuple[str, dt.date, dt.date | None]] = []
    for employee in sorted({r.employee for r in records}):
        own = sorted(
            (r for r in records if r.employee == employee and r.cause in causes),
            key=lambda r: r.first,
        )
        own = [r for r in own if any(is_working(d) for d in days(r.first, r.last or FAR))]
        current: list[Record] = []
        for record in own:
            if current:
                previous_last = current[-1].last
                assert previous_last is not None
                between = (
                    days(previous_last + ONE_DAY, record.first - ONE_DAY)
                    if (record.first - previous_last).days > 1
                    else []
                )
                if any(is_working(d) for d in between):
                    result.append((employee, current[0].first, current[-1].last))
                    current = []
            current.append(record)
        if current:
            result.append((employee, current[0].first, current[-1].last))
    return result


GROUPS = (("1-3", 1, 3), ("4-14", 4, 14), ("15-30", 15, 30), ("31+", 31, 10**9))


def group_of(length: int) -> str:
    return next(label for label, low, high in GROUPS if low <= length <= high)


def figures(
    units: list[UnitRow],
    jobs: list[Job],
    records: list[Record],
    top: str,
    first: dt.date,
    last: dt.date,
    causes: frozenset[str],
    as_of: dt.date | None = None,
) -> OracleFigures:
    """as_of=None: historic structure; a date: current structure as of that date."""
    out = OracleFigures(by_length={label: [0, Fraction(0)] for label, _, _ in GROUPS})
    all_spells = spells(records, causes)
    employees: set[str] = set()

    def in_population(job: Job, day: dt.date) -> bool:
        return covers(job.first, job.last, day) and is_below(units, job.unit, top, day, as_of)

    for day in days(first, last):
        if not is_working(day):
            continue
        out.working_days += 1
        for job in jobs:
            if not in_population(job, day):
                continue
            planned = job.weekly_hours / 5
            out.planned_hours += planned
            employees.add(job.employee)
            for record in records:
                if (
                    record.employee == job.employee
                    and record.cause in causes
                    and covers(record.first, record.last, day)
                ):
                    hours = planned * record.degree
                    out.absence_hours += hours
                    spell = next(
                        s for s in all_spells if s[0] == job.employee and covers(s[1], s[2], day)
                    )
                    length = (min(spell[2] or FAR, last) - spell[1]).days + 1
                    out.by_length[group_of(length)][1] += hours
    out.headcount = len(employees)
    with_spell: set[str] = set()
    for employee, spell_first, spell_last in all_spells:
        if spell_last is None or not first <= spell_last <= last:
            continue
        if any(job.employee == employee and in_population(job, spell_last) for job in jobs):
            length = (spell_last - spell_first).days + 1
            out.spells += 1
            out.spell_days += length
            out.by_length[group_of(length)][0] += 1
            with_spell.add(employee)
    out.spell_employees = len(with_spell)
    return out
