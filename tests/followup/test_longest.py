"""The longest ongoing absences (spec/management-information.md, "Longest absences"):
who is on the list, in which order, and the next statutory step from the rule set."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from samraad.followup.longest import CONVERSATION_COLUMNS, Held, longest, next_due
from samraad.rules import default_ruleset, replay
from samraad.rules.ruleset import RuleHistory
from tests.stats.small_worlds import dataset

DAY = dt.date(2026, 3, 2)  # a Monday
UNITS = [
    ("KK", None, "2020-01-01", None),
    ("C", "KK", "2020-01-01", None),
    ("U1", "C", "2020-01-01", None),
    ("U2", "C", "2020-01-01", None),
    ("X", "KK", "2020-01-01", None),
]
JOBS = [
    ("L1", "U1", 37, "2020-01-01", None),
    ("L2", "U2", 30, "2020-01-01", None),  # and 7 hours in U1: U2 is the main job
    ("L2", "U1", 7, "2020-01-01", None),
    ("S1", "U1", 37, "2020-01-01", None),
    ("E1", "U2", 37, "2020-01-01", None),
    ("X1", "X", 37, "2020-01-01", None),
]
SICK = [
    # L1 since 2 January: 60 days on 2 March
    ("L1", "own_sickness", "2026-01-02", None, 1.0),
    # L2 from 2 February, partly from Monday 2 March (a weekend between): one spell of 29 days
    ("L2", "own_sickness", "2026-02-02", "2026-02-27", 1.0),
    ("L2", "own_sickness", "2026-03-02", None, 0.5),
    ("S1", "own_sickness", "2026-02-20", None, 1.0),  # 11 days: too short
    ("E1", "own_sickness", "2025-12-01", "2026-02-27", 1.0),  # over by the day
    ("X1", "own_sickness", "2025-10-01", None, 1.0),  # not below C
]
TALKS = [
    ("L1", dt.date(2026, 1, 20), "absence_conversation"),  # § 7a (raised 15 January): done
    ("L1", dt.date(2026, 1, 28), "other"),  # the employer period's end (raised 26 January)
    ("L1", dt.date(2026, 3, 5), "other"),  # after the day: not read
]


def conversations(people: Sequence[str]) -> pl.DataFrame:
    rows = [t for t in TALKS if t[0] in people]
    return pl.DataFrame(rows, schema=CONVERSATION_COLUMNS, orient="row")


def test_the_list_is_the_long_ongoing_spells_below_the_unit_longest_first() -> None:
    found = longest(dataset(UNITS, JOBS, SICK), "C", DAY, conversations, default_ruleset())
    assert [row.to_json() for row in found] == [
        {
            "employee_id": "L1",
            "unit": "U1",
            "spell_start": "2026-01-02",
            "days": 60,
            "degree": 1.0,
            "last_conversation": {"held_on": "2026-01-28", "kind": "other"},
            # § 7a and the employer period are done; the refund claim (raised on day
            # 30, 31 January) is due on day 35
            "next_due": {"rule_id": "refund-claim", "due_by": "2026-02-06"},
        },
        {
            "employee_id": "L2",
            "unit": "U2",
            "spell_start": "2026-02-02",
            "days": 29,
            "degree": 0.5,
            "last_conversation": None,
            "next_due": {"rule_id": "statutory-7a", "due_by": "2026-03-02"},
        },
    ]


def test_top_and_min_days_cut_the_list() -> None:
    data = dataset(UNITS, JOBS, SICK)
    assert [r.employee_id for r in longest(data, "C", DAY, conversations, None, top=1)] == ["L1"]
    shorter = longest(data, "KK", DAY, conversations, None, min_days=10)
    assert [(r.employee_id, r.days) for r in shorter] == [
        ("X1", 153),
        ("L1", 60),
        ("L2", 29),
        ("S1", 11),
    ]
    assert all(r.next_due is None for r in shorter)  # no rule set: no steps


def test_what_was_not_known_on_the_day_is_not_read() -> None:
    # On 20 February E1's spell went on: it is on that day's list, with the days so far.
    found = longest(dataset(UNITS, JOBS, SICK), "U2", dt.date(2026, 2, 20), conversations, None)
    assert [(r.employee_id, r.days) for r in found] == [("E1", 82)]


def test_a_step_is_done_only_by_a_conversation_that_closes_its_alert() -> None:
    rules = default_ruleset()
    start = dt.date(2026, 1, 2)
    # a retention conversation does not answer § 7a (an absence conversation does)
    held = [Held(dt.date(2026, 1, 20), "retention_conversation")]
    assert next_due(rules, start, held, DAY).rule_id == "statutory-7a"  # type: ignore[union-attr]
    # held before the step was raised: it does not count for it
    early = [Held(dt.date(2026, 1, 10), "absence_conversation")]
    assert next_due(rules, start, early, DAY).rule_id == "statutory-7a"  # type: ignore[union-attr]


def test_the_steps_are_when_the_rules_raise_and_due_their_alerts() -> None:
    """`step` of each spell_length rule says what the replay raises for a spell."""
    data = dataset(UNITS, JOBS, [("L1", "own_sickness", "2026-01-02", "2026-04-30", 1.0)])
    alerts = replay(data, RuleHistory.default(), dt.date(2026, 4, 30))
    rules = default_ruleset()
    assert rules.rule("conversation").step(dt.date(2026, 1, 2)) is None  # type: ignore[union-attr]
    alerts = alerts.filter(pl.col("reason") == "spell_length")
    for rule_id, raised_on, due_by in alerts.select("rule_id", "raised_on", "due_by").iter_rows():
        step = rules.rule(rule_id).step(dt.date(2026, 1, 2))  # type: ignore[union-attr]
        assert step is not None and (step.raised_on, step.due_by) == (raised_on, due_by)
    assert set(alerts["rule_id"]) == {
        "statutory-7a",
        "employer-period-end",
        "refund-claim",
        "retention-plan",
    }
