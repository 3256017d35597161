"""Small random organisations for property tests: transfers, part-time, partial and open absence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

import polars as pl
from hypothesis import strategies as st

from samraad.stats import Dataset
from samraad.stats.dataset import ABSENCE_COLUMNS, EMPLOYMENT_COLUMNS, UNIT_COLUMNS
from tests.stats.oracle import Job, Record, UnitRow

WINDOW_FIRST = dt.date(2023, 11, 1)  # spans Christmas, Easter 2024, a leap day, 5 June
WINDOW_DAYS = 330
CAUSES = ("own_sickness", "child_sickness", "work_injury")
HOURS = (Fraction(37), Fraction(37, 2), Fraction(30), Fraction(101, 4), Fraction(1234, 100))
DEGREES = (Fraction(1), Fraction(1), Fraction(1, 2), Fraction(1, 4), Fraction(6667, 10000))


@dataclass(frozen=True)
class World:
    units: list[UnitRow]
    jobs: list[Job]
    records: list[Record]

    def dataset(self) -> Dataset:
        return dataset_of(self.units, self.jobs, self.records)


def dataset_of(units: list[UnitRow], jobs: list[Job], records: list[Record]) -> Dataset:
    """The core's input frames for literal rows."""
    return Dataset(
        pl.DataFrame(
            [(u.unit, u.parent, u.first, u.last) for u in units],
            schema=UNIT_COLUMNS,
            orient="row",
        ),
        pl.DataFrame(
            [
                (f"E{i}", j.employee, j.unit, float(j.weekly_hours), j.first, j.last)
                for i, j in enumerate(jobs)
            ],
            schema=EMPLOYMENT_COLUMNS,
            orient="row",
        ),
        pl.DataFrame(
            [(r.employee, r.cause, r.first, r.last, float(r.degree)) for r in records],
            schema=ABSENCE_COLUMNS,
            orient="row",
        ),
    )


def day(offset: int) -> dt.date:
    return WINDOW_FIRST + dt.timedelta(days=offset)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    first, last = day(0), None
    units = [
        UnitRow("KK", None, first, last),
        UnitRow("A1", "KK", first, last),
        UnitRow("A2", "KK", first, last),
    ]
    # Centres under an administration; some are transferred once, one may close.
    for name in ("C1", "C2", "C3"):
        parent = draw(st.sampled_from(["A1", "A2"]))
        if draw(st.booleans()):
            moved = draw(st.integers(1, WINDOW_DAYS - 1))
            other = "A2" if parent == "A1" else "A1"
            units += [
                UnitRow(name, parent, first, day(moved - 1)),
                UnitRow(name, other, day(moved), last),
            ]
        else:
            units.append(UnitRow(name, parent, first, last))
    # A unit below a centre, so that depth > 2 and a transfer moves a subtree.
    units.append(UnitRow("U1", draw(st.sampled_from(["C1", "C2"])), first, last))
    leaves = ["A1", "A2", "C1", "C2", "C3", "U1"]

    jobs: list[Job] = []
    records: list[Record] = []
    for employee in ("X1", "X2", "X3"):
        for _ in range(draw(st.integers(1, 2))):
            start = draw(st.integers(0, WINDOW_DAYS - 1))
            end = draw(st.one_of(st.none(), st.integers(start, WINDOW_DAYS - 1)))
            jobs.append(
                Job(
                    employee,
                    draw(st.sampled_from(leaves)),
                    draw(st.sampled_from(HOURS)),
                    day(start),
                    None if end is None else day(end),
                )
            )
        cursor = draw(st.integers(0, 40))
        for _ in range(draw(st.integers(0, 6))):
            length = draw(st.integers(1, 40))
            is_open = draw(st.integers(0, 9)) == 0
            records.append(
                Record(
                    employee,
                    draw(st.sampled_from(CAUSES)),
                    day(cursor),
                    None if is_open else day(cursor + length - 1),
                    draw(st.sampled_from(DEGREES)),
                )
            )
            if is_open:
                break
            # next record: adjacent, across a weekend, or later
            cursor += length + draw(st.sampled_from([0, 0, 1, 2, 3, 10, 30]))
            if cursor >= WINDOW_DAYS:
                break
    return World(units, jobs, records)


@st.composite
def queries(draw: st.DrawFn) -> tuple[str, dt.date, dt.date, dt.date | None, frozenset[str]]:
    unit = draw(st.sampled_from(["KK", "A1", "A2", "C1", "C2", "U1"]))
    start = draw(st.integers(0, WINDOW_DAYS - 1))
    end = draw(st.integers(start, WINDOW_DAYS - 1))
    as_of = draw(st.one_of(st.none(), st.integers(0, WINDOW_DAYS - 1).map(day)))
    causes = draw(st.sets(st.sampled_from(CAUSES), min_size=1).map(frozenset))
    return unit, day(start), day(end), as_of, causes
