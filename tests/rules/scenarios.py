"""Helpers for hand-computed scenarios: a world in a few literal rows, alerts as tuples."""

from __future__ import annotations

import datetime as dt

from samraad.rules import RuleHistory, replay
from samraad.rules.kinds import Rule, SpellLength, Threshold
from samraad.rules.ruleset import RuleSet
from samraad.stats import Dataset
from tests.stats.small_worlds import dataset

UNITS = [("KK", None, "2020-01-01", None)]
ALWAYS = [("A", "KK", 37.0, "2020-01-01", None)]


def world(
    absences: list[tuple[str, str, str | None]] | list[tuple[str, str, str | None, float]],
    employments: list[tuple[str, str, float, str, str | None]] | None = None,
) -> Dataset:
    """Absences of employee A: (cause, start, end[, degree])."""
    rows = [("A", a[0], a[1], a[2], a[3] if len(a) > 3 else 1.0) for a in absences]  # type: ignore[misc]
    return dataset(UNITS, ALWAYS if employments is None else employments, rows)


def conversation_rule(min_days: int | None = 10, min_spells: int | None = 3) -> Threshold:
    return Threshold(
        id="conversation",
        title="Sygefraværssamtale",
        causes=frozenset({"own_sickness"}),
        min_days=min_days,
        days_window=365 if min_days else None,
        min_spells=min_spells,
        spells_window=365 if min_spells else None,
        respond_within_days=14,
    )


STATUTORY_7A = SpellLength(
    id="statutory-7a",
    title="§ 7a",
    causes=frozenset({"own_sickness", "work_injury", "pregnancy_related"}),
    at_day=14,
    due_day=28,
)


def history(*rules: Rule) -> RuleHistory:
    return RuleHistory([RuleSet("test.toml", "v1", None, rules)])


def alerts(data: Dataset, rules: RuleHistory, until: str = "2026-12-31") -> list[tuple[str, ...]]:
    """(rule, raised_on, due_by, reason) of every alert up to `until`."""
    frame = replay(data, rules, dt.date.fromisoformat(until))
    return [
        (a["rule_id"], str(a["raised_on"]), str(a["due_by"]), a["reason"])
        for a in frame.iter_rows(named=True)
    ]
