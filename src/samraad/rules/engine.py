"""The replay: alerts as a pure function of the data and the rule history (spec/rules.md).

Every day from the beginning of the data up to `until` is evaluated, so earlier alerts
count as "the previous alert"; callers keep the ones raised in the period they ask for.
An alert on day D depends only on the data and D, never on `until`: replaying [A, B] at
once or day by day gives the same alerts.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from samraad.rules.kinds import NONE, Raised, Rule
from samraad.rules.ruleset import RuleHistory
from samraad.rules.world import NEVER, World
from samraad.stats import START, Dataset, WorkCalendar, day_number, work_calendar

ALERT_SCHEMA = {
    "employee_id": pl.String,
    "rule_id": pl.String,
    "ruleset_version": pl.String,
    "title": pl.String,
    "raised_on": pl.Date,
    "due_by": pl.Date,
    "reason": pl.String,
    "days": pl.Int64,  # threshold: absent working days in the days window on raised_on
    "spells": pl.Int64,  # threshold: counting spells in the spells window on raised_on
    "spell_day": pl.Int64,  # spell_length: the spell's calendar day on raised_on (at_day)
}
SORT = ["raised_on", "employee_id", "rule_id"]


def replay(
    data: Dataset, history: RuleHistory, until: dt.date, cal: WorkCalendar | None = None
) -> pl.DataFrame:
    """Every alert raised up to and including `until`, sorted by raised_on, employee, rule."""
    world = World(data, day_number(until), cal or work_calendar())
    parts = [_replay_rule(world, history, rule_id) for rule_id in history.rule_ids()]
    alerts = pl.concat([pl.DataFrame(schema=ALERT_SCHEMA), *parts])
    return alerts.sort(SORT)


def alerts_between(
    data: Dataset, history: RuleHistory, start: dt.date, end: dt.date
) -> pl.DataFrame:
    """The alerts raised in [start, end], earlier alerts counting as previous ones."""
    return replay(data, history, end).filter(pl.col("raised_on") >= start)


def _replay_rule(world: World, history: RuleHistory, rule_id: str) -> pl.DataFrame:
    """One rule id through the history: each version on the days its rule set is in force,
    the last alert so far carried from one version to the next."""
    previous = np.full(len(world.employee_ids), NEVER, dtype=np.int64)
    parts = []
    for period in history.periods():
        rule = period.ruleset.rule(rule_id)
        if rule is None:
            continue
        first = START if period.first is None else day_number(period.first)
        last = world.until if period.last is None else day_number(period.last)
        raised = rule.evaluate(world, first, last, previous)
        np.maximum.at(previous, raised.employee, raised.raised_on)
        parts.append(_frame(world, raised, rule, period.ruleset.version))
    return pl.concat(parts) if parts else pl.DataFrame(schema=ALERT_SCHEMA)


def _frame(world: World, raised: Raised, rule: Rule, version: str) -> pl.DataFrame:
    count = len(raised.employee)
    return pl.DataFrame(
        {
            "employee_id": world.employee_ids.gather(raised.employee),
            "rule_id": [rule.id] * count,
            "ruleset_version": [version] * count,
            "title": [rule.title] * count,
            "raised_on": pl.Series(raised.raised_on, dtype=pl.Int32).cast(pl.Date),
            "due_by": pl.Series(raised.due_by, dtype=pl.Int32).cast(pl.Date),
            "reason": raised.reason.astype(str).tolist(),
            "days": pl.Series(raised.days).replace(NONE, None),
            "spells": pl.Series(raised.spells).replace(NONE, None),
            "spell_day": pl.Series(raised.spell_day).replace(NONE, None),
        },
        schema=ALERT_SCHEMA,
    )
