"""The fast replay agrees exactly with the day-by-day oracle, on random small worlds."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import HealthCheck, given, settings

from samraad.rules import RuleHistory, alerts_between, replay
from tests.rules import oracle
from tests.rules.worlds import LAST, World, day, histories, worlds

QUICK = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_tuples(alerts: pl.DataFrame) -> list[oracle.Alert]:
    return [
        (
            a["employee_id"],
            a["rule_id"],
            a["ruleset_version"],
            a["raised_on"],
            a["due_by"],
            a["reason"],
        )
        for a in alerts.iter_rows(named=True)
    ]


@QUICK
@given(world=worlds(), history=histories())
def test_replay_matches_day_by_day_oracle(world: World, history: RuleHistory) -> None:
    fast = replay(world.dataset(), history, LAST)
    assert as_tuples(fast) == oracle.alerts(world.jobs, world.records, history, LAST)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds(), history=histories())
def test_replaying_a_period_at_once_equals_replaying_it_day_by_day(
    world: World, history: RuleHistory
) -> None:
    data = world.dataset()
    start, end = day(60), day(110)
    at_once = as_tuples(alerts_between(data, history, start, end))
    one_day = dt.timedelta(days=1)
    daily = []
    current = start
    while current <= end:
        daily += as_tuples(alerts_between(data, history, current, current))
        current += one_day
    assert daily == at_once
