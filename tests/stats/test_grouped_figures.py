"""Figures of groups given by pieces of employments (age bands, notice periods …) agree
exactly with the day-by-day oracle run on the pieces' days alone."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samraad.stats import PIECE_COLUMNS, Structure, UnitFigures, grouped_figures
from tests.stats import oracle
from tests.stats.oracle import Job
from tests.stats.worlds import WINDOW_DAYS, World, day, worlds

OWN = frozenset({"own_sickness"})
Piece = tuple[int, str, dt.date, dt.date | None]  # job index, group, first, last


@st.composite
def pieced(draw: st.DrawFn) -> tuple[World, list[Piece]]:
    world = draw(worlds())
    pieces: list[Piece] = []
    for index in range(len(world.jobs)):
        for _ in range(draw(st.integers(0, 2))):
            first = draw(st.integers(0, WINDOW_DAYS - 1))
            last = draw(st.one_of(st.none(), st.integers(first, WINDOW_DAYS - 1)))
            group = draw(st.sampled_from(["g1", "g2"]))
            pieces.append((index, group, day(first), None if last is None else day(last)))
    return world, pieces


def piece_frame(pieces: list[Piece]) -> pl.DataFrame:
    rows = [(f"E{i}", group, first, last) for i, group, first, last in pieces]
    return pl.DataFrame(rows, schema=PIECE_COLUMNS, orient="row")


def jobs_of(world: World, pieces: list[Piece], group: str) -> list[Job]:
    """The pieces of one group as employments of their days only."""
    jobs = []
    for index, g, first, last in pieces:
        job = world.jobs[index]
        lo = max(job.first, first)
        ends = [d for d in (job.last, last) if d is not None]
        hi = min(ends) if ends else None
        if g == group and (hi is None or lo <= hi):
            jobs.append(Job(job.employee, job.unit, job.weekly_hours, lo, hi))
    return jobs


def same(fast: UnitFigures | None, slow: oracle.OracleFigures) -> bool:
    if fast is None:
        return slow.headcount == 0 and slow.planned_hours == 0 and slow.spells == 0
    lengths = {k: [g.spells, g.absence_hours] for k, g in fast.by_length.items()}
    return (
        fast.working_days,
        fast.planned_hours,
        fast.absence_hours,
        fast.headcount,
        fast.spells,
        fast.spell_days,
        fast.spell_employees,
        lengths,
    ) == (
        slow.working_days,
        slow.planned_hours,
        slow.absence_hours,
        slow.headcount,
        slow.spells,
        slow.spell_days,
        slow.spell_employees,
        slow.by_length,
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    case=pieced(),
    unit=st.sampled_from(["KK", "A1", "A2", "C1", "U1"]),
    span=st.tuples(st.integers(0, WINDOW_DAYS - 1), st.integers(0, WINDOW_DAYS - 1)).map(sorted),
    as_of=st.one_of(st.none(), st.integers(0, WINDOW_DAYS - 1).map(day)),
)
def test_group_figures_match_the_oracle_on_the_pieces_days(
    case: tuple[World, list[Piece]], unit: str, span: list[int], as_of: dt.date | None
) -> None:
    world, pieces = case
    start, end = day(span[0]), day(span[1])
    structure = Structure.HISTORIC if as_of is None else Structure.CURRENT
    found = grouped_figures(
        world.dataset(), piece_frame(pieces), [(start, end)], structure, as_of or end, [unit]
    )
    for group in ("g1", "g2"):
        slow = oracle.figures(
            world.units, jobs_of(world, pieces, group), world.records, unit, start, end, OWN, as_of
        )
        fast = found.get((unit, group, start, end))
        assert same(fast, slow), group
        if fast is not None:
            assert fast.unit == unit


def test_an_employment_split_between_groups_adds_up_to_the_whole() -> None:
    """Cut in two at a date, an employment's planned and absence hours add up."""
    from tests.stats.small_worlds import dataset

    data = dataset(
        [("KK", None, "2024-01-01", None)],
        [("A", "KK", 37, "2024-01-01", None)],
        [("A", "own_sickness", "2024-03-04", "2024-03-15", 1.0)],
    )
    pieces = piece_frame(
        [(0, "young", day(0), dt.date(2024, 3, 10)), (0, "old", dt.date(2024, 3, 11), None)]
    )
    period = (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    found = grouped_figures(data, pieces, [period], Structure.HISTORIC, period[1])
    young, old = found[("KK", "young", *period)], found[("KK", "old", *period)]
    # 4–8 March (5 working days) young, 11–15 March (5) old; the spell ends while old
    assert (young.absence_hours, old.absence_hours) == (Fraction(37), Fraction(37))
    assert (young.spells, old.spells) == (0, 1)
    # March 2024 has 19 working days (Maundy Thursday and Good Friday are the 28th and 29th)
    assert young.planned_hours + old.planned_hours == Fraction(37, 5) * 19
