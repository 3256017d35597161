"""The interval-arithmetic core agrees exactly with the day-by-day oracle."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings

from samraad.stats import Structure, unit_figures
from tests.stats import oracle
from tests.stats.worlds import World, queries, worlds


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds(), query=queries())
def test_fast_path_matches_day_by_day_oracle(
    world: World, query: tuple[str, dt.date, dt.date, dt.date | None, frozenset[str]]
) -> None:
    unit, start, end, as_of, causes = query
    structure = Structure.HISTORIC if as_of is None else Structure.CURRENT
    fast = unit_figures(
        world.dataset(), unit, start, end, structure=structure, as_of=as_of, causes=causes
    )
    slow = oracle.figures(world.units, world.jobs, world.records, unit, start, end, causes, as_of)

    assert fast.working_days == slow.working_days
    assert fast.planned_hours == slow.planned_hours
    assert fast.absence_hours == slow.absence_hours
    assert fast.headcount == slow.headcount
    assert fast.spells == slow.spells
    assert fast.spell_days == slow.spell_days
    assert fast.spell_employees == slow.spell_employees
    assert {k: [g.spells, g.absence_hours] for k, g in fast.by_length.items()} == slow.by_length
