"""Store replayed alerts with the unit and manager of their day, and queue their mail.

Idempotent: an alert is unique on (employee, rule, raised_on), so storing the same
replay twice, or from two processes at once, adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import polars as pl
from django.db import transaction

from samraad.org.models import Manager, UnitPeriod
from samraad.people.models import Employment
from samraad.rules.models import Alert, OutboxMail

BATCH = 2_000


@dataclass(frozen=True)
class Stored:
    new: int  # alerts stored now
    known: int  # alerts of the replay that were stored before
    queued: int  # mails put in the outbox now


class Organisation:
    """Units, managers and employments over time, in memory, to place many alerts at once."""

    def __init__(self, employees: set[str] | None = None) -> None:
        self.parents: dict[str, list[tuple[dt.date, dt.date | None, str | None]]] = defaultdict(
            list
        )
        for period in UnitPeriod.objects.all():
            self.parents[period.unit_id].append(
                (period.valid_from, period.valid_to, period.parent_id)
            )
        self.managers: dict[str, list[Manager]] = defaultdict(list)
        for manager in Manager.objects.order_by("-valid_from", "id"):
            self.managers[manager.unit_id].append(manager)
        jobs = Employment.objects.order_by("start_date", "employment_id")
        if employees is not None and len(employees) < 500:
            jobs = jobs.filter(employee_id__in=employees)
        self.jobs: dict[str, list[Employment]] = defaultdict(list)
        for job in jobs:
            self.jobs[job.employee_id].append(job)

    def unit_of(self, employee: str, day: dt.date) -> str | None:
        """The unit of the employee's main employment on `day` (most weekly hours)."""
        active = [j for j in self.jobs.get(employee, []) if _covers(j.start_date, j.end_date, day)]
        if not active:
            return None
        return max(active, key=lambda j: j.weekly_hours).unit_id  # ties: the earliest start

    def parent_of(self, unit: str, day: dt.date) -> str | None:
        for first, last, parent in self.parents.get(unit, []):
            if _covers(first, last, day):
                return parent
        return None

    def manager_of(self, unit: str | None, day: dt.date) -> Manager | None:
        """The manager of `unit` on `day`, or of the nearest unit above that has one
        (the tree as it was that day)."""
        seen: set[str] = set()
        while unit is not None and unit not in seen:
            seen.add(unit)
            for manager in self.managers.get(unit, []):
                if _covers(manager.valid_from, manager.valid_to, day):
                    return manager
            unit = self.parent_of(unit, day)
        return None


def _covers(first: dt.date, last: dt.date | None, day: dt.date) -> bool:
    return first <= day and (last is None or day <= last)


def store_alerts(alerts: pl.DataFrame, today: dt.date, *, mail: bool = True) -> Stored:
    """Store the alerts not stored yet; queue a mail for each stored alert without one
    that is not yet past its due_by (an alert years old is history, not news).
    `mail=False` (the demo) stores without queueing any mail."""
    known = _known(alerts)
    fresh = [
        row
        for row in alerts.iter_rows(named=True)
        if (row["employee_id"], row["rule_id"], row["raised_on"]) not in known
    ]
    organisation = Organisation({row["employee_id"] for row in fresh})
    objects = []
    for row in fresh:
        unit = organisation.unit_of(row["employee_id"], row["raised_on"])
        manager = organisation.manager_of(unit, row["raised_on"])
        objects.append(
            Alert(
                employee_id=row["employee_id"],
                rule_id=row["rule_id"],
                ruleset_version=row["ruleset_version"],
                title=row["title"],
                raised_on=row["raised_on"],
                due_by=row["due_by"],
                reason=row["reason"],
                days=row["days"],
                spells=row["spells"],
                spell_day=row["spell_day"],
                unit_id=unit,
                manager=manager,
            )
        )
    with transaction.atomic():
        Alert.objects.bulk_create(objects, batch_size=BATCH, ignore_conflicts=True)
        queued = queue_mail(today) if mail else 0
    return Stored(new=len(objects), known=alerts.height - len(fresh), queued=queued)


def _known(alerts: pl.DataFrame) -> set[tuple[str, str, dt.date]]:
    if alerts.is_empty():
        return set()
    earliest = alerts["raised_on"].min()
    stored = Alert.objects.filter(raised_on__gte=earliest).values_list(
        "employee_id", "rule_id", "raised_on"
    )
    return set(stored)


def queue_mail(today: dt.date) -> int:
    """An outbox row for every alert without one whose due_by is not past."""
    waiting = Alert.objects.filter(mail__isnull=True, due_by__gte=today).values_list(
        "id", flat=True
    )
    rows = [OutboxMail(alert_id=alert_id) for alert_id in waiting]
    OutboxMail.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    return len(rows)
