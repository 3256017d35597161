"""Small random worlds and rule histories for checking the replay against the oracle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

from samraad.rules.kinds import Rule, SpellLength, Threshold
from samraad.rules.ruleset import RuleHistory, RuleSet
from samraad.stats import Dataset
from tests.stats.oracle import Job, Record
from tests.stats.worlds import dataset_of

FIRST = dt.date(2024, 2, 1)  # spans Easter 2024, 5 June, Christmas
SPAN = 200
CAUSES = ("own_sickness", "child_sickness", "work_injury")
LAST = FIRST + dt.timedelta(days=SPAN - 1)


def day(offset: int) -> dt.date:
    return FIRST + dt.timedelta(days=offset)


@dataclass(frozen=True)
class World:
    jobs: list[Job]
    records: list[Record]

    def dataset(self) -> Dataset:
        return frames(self.jobs, self.records)


def frames(jobs: list[Job], records: list[Record]) -> Dataset:
    """One unit U holds every employment; the rules never look at the tree."""
    return dataset_of([], jobs, records)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    jobs: list[Job] = []
    records: list[Record] = []
    for employee in ("A", "B", "C"):
        cursor = draw(st.integers(0, 60))
        for _ in range(draw(st.integers(1, 2))):  # leaves and returns, or two jobs at once
            start = draw(st.integers(0, SPAN - 1))
            end = draw(st.one_of(st.none(), st.integers(start, SPAN - 1)))
            last_day = None if end is None else day(end)
            jobs.append(Job(employee, "U", Fraction(37), day(start), last_day))
        for _ in range(draw(st.integers(0, 8))):
            length = draw(st.integers(1, 30))
            is_open = draw(st.integers(0, 12)) == 0
            last = None if is_open else day(cursor + length - 1)
            degree = draw(st.sampled_from([Fraction(1), Fraction(1, 2)]))
            records.append(
                Record(employee, draw(st.sampled_from(CAUSES)), day(cursor), last, degree)
            )
            cursor += length + draw(st.sampled_from([0, 0, 1, 2, 3, 4, 8, 20]))
            if is_open or cursor >= SPAN:
                break
    return World(jobs, records)


causes = st.sets(st.sampled_from(CAUSES), min_size=1).map(frozenset)


@st.composite
def thresholds(draw: st.DrawFn) -> Threshold:
    min_days = draw(st.one_of(st.none(), st.integers(1, 8)))
    min_spells = (
        draw(st.integers(1, 3))
        if min_days is None
        else draw(st.one_of(st.none(), st.integers(1, 3)))
    )
    return Threshold(
        id="t",
        title="threshold",
        causes=draw(causes),
        min_days=min_days,
        days_window=draw(st.integers(1, 40)) if min_days else None,
        min_spells=min_spells,
        spells_window=draw(st.integers(1, 60)) if min_spells else None,
        respond_within_days=draw(st.integers(0, 14)),
    )


@st.composite
def spell_lengths(draw: st.DrawFn) -> SpellLength:
    at_day = draw(st.integers(1, 20))
    return SpellLength(
        id="s",
        title="spell length",
        causes=draw(causes),
        at_day=at_day,
        due_day=draw(st.integers(at_day - 1, 40)),
    )


@st.composite
def histories(draw: st.DrawFn) -> RuleHistory:
    """One rule set, or two where the second changes, keeps or drops each rule."""
    first: list[Rule] = [draw(thresholds()), draw(spell_lengths())]
    sets = [RuleSet("first.toml", "v1", None, tuple(first))]
    if draw(st.booleans()):
        second: list[Rule] = []
        if draw(st.booleans()):
            second.append(draw(thresholds()))
        if draw(st.booleans()):
            second.append(draw(spell_lengths()))
        sets.append(
            RuleSet("second.toml", "v2", day(draw(st.integers(1, SPAN - 1))), tuple(second))
        )
    return RuleHistory(sets)
