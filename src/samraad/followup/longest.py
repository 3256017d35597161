"""The longest ongoing absences below a unit, with the follow-up each has had and the
next statutory step due (spec/management-information.md, "Longest absences"). Pure: the
statistics core's spells, the rule set's steps, the conversations handed in.

- Who: everyone employed on the day in the unit or below it (the tree of the day), with
  an own-sickness spell going on that day (spells as spec/statistics.md forms them),
  from what was known at the end of the day (`samraad.forecast.known_on`: a record's
  later end is not read).
- Days: calendar days from the spell's first day to the day, both included; at least
  `min_days` (default 29: past the four weeks of § 7a). Longest first.
- Unit: the employee's unit below the one asked about (of several, the job with the
  most weekly hours); degree: that of the record the day falls in (1 = full).
- Last conversation: the latest held on or before the day, of any kind.
- Next step: the rule set's steps of a spell (its rules of kind `spell_length` that
  cover own sickness: § 7a's conversation, the employer period's end, the refund claim,
  the retention plan …), each raised on the spell's `at_day` and due `due_day` days
  after its first day. A step is done when a conversation that closes its alert
  (`followup.closing`) was held between its raising and the day. The next step is the
  not-done step due first, even if that is already past (overdue).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from samraad.followup.closing import fits
from samraad.forecast import known_on
from samraad.rules import RuleSet
from samraad.rules.kinds import Rule, Step
from samraad.stats import Dataset, day_number, spell_records, units_below

MIN_DAYS = 29
OWN_SICKNESS = "own_sickness"
CONVERSATION_COLUMNS = {"employee_id": pl.String, "held_on": pl.Date, "kind": pl.String}
# conversations of the employees asked for: employee_id, held_on, kind
Conversations = Callable[[Sequence[str]], pl.DataFrame]


@dataclass(frozen=True)
class Held:
    held_on: dt.date
    kind: str


@dataclass(frozen=True)
class Due:
    rule_id: str
    title: str
    due_by: dt.date

    def overdue(self, day: dt.date) -> bool:
        return self.due_by < day


@dataclass(frozen=True)
class LongAbsence:
    employee_id: str
    unit: str
    spell_start: dt.date
    days: int
    degree: float
    last_conversation: Held | None
    next_due: Due | None

    def to_json(self) -> dict[str, Any]:
        held, due = self.last_conversation, self.next_due
        return {
            "employee_id": self.employee_id,
            "unit": self.unit,
            "spell_start": self.spell_start.isoformat(),
            "days": self.days,
            "degree": self.degree,
            "last_conversation": None
            if held is None
            else {"held_on": held.held_on.isoformat(), "kind": held.kind},
            "next_due": None
            if due is None
            else {"rule_id": due.rule_id, "due_by": due.due_by.isoformat()},
        }


def ongoing_spells(data: Dataset, unit: str, day: dt.date, min_days: int) -> pl.DataFrame:
    """employee_id, unit_id, spell_start, days, degree of the spells going on on `day`
    that have lasted at least `min_days`, longest first (the module's docstring)."""
    known = known_on(data, day)
    number = day_number(day)
    below = units_below(known.unit_rows, unit, number, number, number)
    jobs = (
        known.employments.filter(
            pl.col("unit_id").is_in(below)
            & (pl.col("start_date") <= day)
            & (pl.col("end_date").is_null() | (pl.col("end_date") >= day))
        )
        .sort(["employee_id", "weekly_hours", "unit_id"], descending=[False, True, False])
        .unique("employee_id", keep="first")
        .select("employee_id", "unit_id")
    )
    records = spell_records(known, employees=jobs["employee_id"].to_list())
    going_on = records.filter(
        (pl.col("start_date") <= day) & (pl.col("end_date").is_null() | (pl.col("end_date") >= day))
    )
    return (
        going_on.with_columns(
            ((pl.lit(day) - pl.col("spell_start")).dt.total_days() + 1).alias("days")
        )
        .filter(pl.col("days") >= min_days)
        .sort(["employee_id", "start_date"])
        .unique("employee_id", keep="last")
        .join(jobs, on="employee_id")
        .select("employee_id", "unit_id", "spell_start", pl.col("days").cast(pl.Int64), "degree")
        .sort(["days", "employee_id"], descending=[True, False])
    )


def spell_steps(rules: RuleSet | None, start: dt.date) -> list[tuple[int, Rule, Step]]:
    """The steps of an own-sickness spell that began on `start`, in the rule set's order."""
    if rules is None:
        return []
    found = [(order, rule, rule.step(start)) for order, rule in enumerate(rules.rules)]
    return [(o, r, s) for o, r, s in found if s is not None and OWN_SICKNESS in r.causes]


def next_due(
    rules: RuleSet | None, start: dt.date, held: Sequence[Held], day: dt.date
) -> Due | None:
    """The spell's first step not yet done, by its due day (the module's docstring)."""
    waiting = []
    for order, rule, step in spell_steps(rules, start):
        done = any(step.raised_on <= h.held_on <= day and fits(rule.id, h.kind) for h in held)
        if not done:
            waiting.append((step.due_by, order, Due(rule.id, rule.title, step.due_by)))
    return min(waiting)[2] if waiting else None


def with_follow_up(
    spells: pl.DataFrame, day: dt.date, conversations: Conversations, rules: RuleSet | None
) -> list[LongAbsence]:
    """The spells of `ongoing_spells` with their last conversation and next step."""
    people = spells["employee_id"].to_list()
    talks: dict[str, list[Held]] = {}
    if people:
        found = conversations(people).filter(pl.col("held_on") <= day)
        for employee, held_on, kind in found.sort("held_on", "kind").iter_rows():
            talks.setdefault(employee, []).append(Held(held_on, kind))
    return [
        LongAbsence(
            employee_id=employee,
            unit=unit_id,
            spell_start=start,
            days=days,
            degree=degree,
            last_conversation=talks[employee][-1] if talks.get(employee) else None,
            next_due=next_due(rules, start, talks.get(employee, []), day),
        )
        for employee, unit_id, start, days, degree in spells.iter_rows()
    ]


def longest(
    data: Dataset,
    unit: str,
    day: dt.date,
    conversations: Conversations,
    rules: RuleSet | None,
    *,
    top: int | None = None,
    min_days: int = MIN_DAYS,
) -> list[LongAbsence]:
    """The longest ongoing own-sickness spells below `unit` on `day` (at most `top`)."""
    spells = ongoing_spells(data, unit, day, min_days)
    return with_follow_up(spells if top is None else spells.head(top), day, conversations, rules)
