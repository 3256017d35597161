"""A deliberately naive, day-by-day reading of spec/rules.md.

It walks every calendar day, every employee and every spell, using the statistics
oracle's own calendar and spell merging. The fast replay must agree with it exactly.
"""

from __future__ import annotations

import datetime as dt

from samraad.rules.kinds import SpellLength, Threshold
from samraad.rules.ruleset import RuleHistory
from tests.stats.oracle import Job, Record, covers, days, is_working, spells

ONE_DAY = dt.timedelta(days=1)
Alert = tuple[str, str, str, dt.date, dt.date, str]  # employee, rule, version, raised, due, reason


def alerts(
    jobs: list[Job], records: list[Record], history: RuleHistory, until: dt.date
) -> list[Alert]:
    starts = [j.first for j in jobs] + [r.first for r in records]
    if not starts:
        return []
    employees = sorted({j.employee for j in jobs} | {r.employee for r in records})
    result: list[Alert] = []
    for rule_id in history.rule_ids():
        last_alert: dict[str, dt.date] = {}
        alerted_spells: set[tuple[str, dt.date]] = set()
        formed: dict[frozenset[str], list[tuple[str, dt.date, dt.date | None]]] = {}
        for day in days(min(starts), until):
            ruleset = history.in_force(day)
            rule = ruleset.rule(rule_id) if ruleset else None
            if rule is None:
                continue
            assert ruleset is not None
            for employee in employees:
                if not any(j.employee == employee and covers(j.first, j.last, day) for j in jobs):
                    continue
                if rule.causes not in formed:
                    formed[rule.causes] = spells(records, rule.causes)
                own = [s for s in formed[rule.causes] if s[0] == employee]
                mine = [r for r in records if r.employee == employee and r.cause in rule.causes]
                if isinstance(rule, Threshold):
                    fired = threshold(rule, own, mine, last_alert.get(employee), day)
                    if fired:
                        last_alert[employee] = day
                        due = day + ONE_DAY * rule.respond_within_days
                        result.append((employee, rule_id, ruleset.version, day, due, fired))
                elif isinstance(rule, SpellLength):
                    for _, first, last in own:
                        on = first + ONE_DAY * (rule.at_day - 1)
                        if on == day and covers(first, last, day):
                            if (employee, first) in alerted_spells:
                                continue
                            alerted_spells.add((employee, first))
                            due = first + ONE_DAY * rule.due_day
                            result.append(
                                (employee, rule_id, ruleset.version, day, due, "spell_length")
                            )
    return sorted(result, key=lambda a: (a[3], a[0], a[1]))


def threshold(
    rule: Threshold,
    own: list[tuple[str, dt.date, dt.date | None]],
    mine: list[Record],
    previous: dt.date | None,
    day: dt.date,
) -> str:
    """The reason the rule fires on `day`, or "" if it does not."""
    counting = [(f, last) for _, f, last in own if previous is None or f > previous]

    def absent(d: dt.date) -> bool:
        """A counting spell has an absence on working day d."""
        return (
            is_working(d)
            and any(covers(f, last, d) for f, last in counting)
            and any(covers(r.first, r.last, d) for r in mine)
        )

    by_days = by_spells = False
    if rule.min_days is not None and rule.days_window is not None:
        window = days(day - ONE_DAY * (rule.days_window - 1), day)
        by_days = sum(1 for d in window if absent(d)) >= rule.min_days
    if rule.min_spells is not None and rule.spells_window is not None:
        window = days(day - ONE_DAY * (rule.spells_window - 1), day)
        spells_in_window = sum(
            1 for f, last in counting if any(absent(d) and covers(f, last, d) for d in window)
        )
        by_spells = spells_in_window >= rule.min_spells
    if by_days and by_spells:
        return "days+spells"
    return "days" if by_days else "spells" if by_spells else ""
