"""Worlds for the forecast's tests: one small school to compute by hand, and random
histories with changes after a day for the property that those change nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

from hypothesis import strategies as st

from samraad.stats import Dataset
from tests.stats.oracle import Job, Record, UnitRow
from tests.stats.small_worlds import dataset
from tests.stats.worlds import World

# Alice and Bo (37 hours) at the school since 2020. Bo was ill 8–17 January 2024 (8
# working days); Alice has been ill since Sunday 1 June 2025 (19 working days in June:
# 5 June and Whit Monday 9 June are days off).
SCHOOL_UNITS = [("KK", None, "2020-01-01", None), ("SKOLE", "KK", "2020-01-01", None)]
SCHOOL_JOBS = [
    ("ALICE", "SKOLE", 37, "2020-01-01", None),
    ("BO", "SKOLE", 37, "2020-01-01", None),
]
BO_IN_JANUARY = ("BO", "own_sickness", "2024-01-08", "2024-01-17", 1.0)
ALICE_SINCE_JUNE = ("ALICE", "own_sickness", "2025-06-01", None, 1.0)


def school(*absences: tuple[str, str, str, str | None, float]) -> Dataset:
    return dataset(SCHOOL_UNITS, SCHOOL_JOBS, list(absences))


FIRST = dt.date(2023, 1, 1)
DAYS = 3 * 365  # 2023–2025
CAUSES = ("own_sickness", "own_sickness", "own_sickness", "child_sickness")
HOURS = (Fraction(37), Fraction(30), Fraction(37, 2))
DEGREES = (Fraction(1), Fraction(1), Fraction(1, 2))
LEAVES = ["A1", "A2", "C1", "U1"]
EMPLOYEES = [f"X{i}" for i in range(1, 7)]


def day(offset: int) -> dt.date:
    return FIRST + dt.timedelta(days=offset)


@st.composite
def histories(draw: st.DrawFn) -> tuple[World, int]:
    """Three years of a small municipality (a centre that may move), and a day in the
    last two years, as an offset from FIRST."""
    today = draw(st.integers(400, DAYS - 2))
    units = [
        UnitRow("KK", None, FIRST, None),
        UnitRow("A1", "KK", FIRST, None),
        UnitRow("A2", "KK", FIRST, None),
        UnitRow("U1", "C1", FIRST, None),
    ]
    moved = draw(st.one_of(st.none(), st.integers(1, DAYS - 1)))
    if moved is None:
        units.append(UnitRow("C1", "A1", FIRST, None))
    else:
        units += [UnitRow("C1", "A1", FIRST, day(moved - 1)), UnitRow("C1", "A2", day(moved), None)]
    jobs, records = [], []
    for employee in EMPLOYEES:
        start = draw(st.integers(0, DAYS - 1))
        end = draw(st.one_of(st.none(), st.integers(start, DAYS + 200)))
        unit = draw(st.sampled_from(LEAVES))
        hours = draw(st.sampled_from(HOURS))
        jobs.append(Job(employee, unit, hours, day(start), None if end is None else day(end)))
        records += draw(absence_records(employee, draw(st.integers(0, 200))))
    return World(units, jobs, records), today


def absence_records(employee: str, cursor: int) -> st.SearchStrategy[list[Record]]:
    @st.composite
    def build(draw: st.DrawFn) -> list[Record]:
        records, at = [], cursor
        for _ in range(draw(st.integers(0, 8))):
            length = draw(st.sampled_from([1, 2, 3, 5, 12, 40, 150]))
            is_open = draw(st.integers(0, 7)) == 0
            last = None if is_open else day(at + length - 1)
            cause, degree = draw(st.sampled_from(CAUSES)), draw(st.sampled_from(DEGREES))
            records.append(Record(employee, cause, day(at), last, degree))
            if is_open:
                break
            at += length + draw(st.sampled_from([0, 1, 3, 20, 90]))
            if at >= DAYS:
                break
        return records

    return build()


@st.composite
def later_changes(draw: st.DrawFn, world: World, today: int) -> World:
    """The same world up to the day; after it, anything: records and jobs that start
    later come and go, ends after the day move, and a centre may move."""
    d = day(today)

    def later_day() -> dt.date:
        return day(today + draw(st.integers(1, 400)))

    def later_end(last: dt.date | None) -> dt.date | None:
        if last is not None and last <= d:
            return last
        return draw(st.one_of(st.none(), st.builds(later_day)))

    records = [
        dataclasses.replace(r, last=later_end(r.last))
        for r in world.records
        if r.first <= d or draw(st.booleans())
    ]
    for _ in range(draw(st.integers(0, 3))):
        first = later_day()
        records.append(Record(draw(st.sampled_from(EMPLOYEES)), "own_sickness", first, None))
    jobs = [
        dataclasses.replace(j, last=later_end(j.last))
        for j in world.jobs
        if j.first <= d or draw(st.booleans())
    ]
    for _ in range(draw(st.integers(0, 2))):
        jobs.append(Job(draw(st.sampled_from(EMPLOYEES)), "U1", Fraction(37), later_day(), None))
    units = [dataclasses.replace(u, last=later_end(u.last)) for u in world.units if u.first <= d]
    if draw(st.booleans()):
        current = next(u for u in units if u.unit == "C1" and (u.last is None or u.last > d))
        # the old row must end after the day (an end on the day itself was known then)
        moved = day(today + draw(st.integers(2, 400)))
        units.remove(current)
        other = "A2" if current.parent == "A1" else "A1"
        units += [
            dataclasses.replace(current, last=moved - dt.timedelta(days=1)),
            UnitRow("C1", other, moved, None),
        ]
    return World(units, jobs, records)
