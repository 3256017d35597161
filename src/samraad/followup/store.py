"""Store replayed alerts with the unit and manager of their day, and queue their mail.

Idempotent: an alert is unique on (employee, rule, raised_on), so storing the same
replay twice, or from two processes at once, adds nothing the second time. Every store
also sets the day each alert lapses (`mark_lapsed`), from the data alone.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

import polars as pl
from django.db import connection, transaction
from django.utils import timezone

from samraad.followup.models import Alert, OutboxMail
from samraad.frames import versions
from samraad.org.models import Manager, UnitPeriod
from samraad.people.models import Employment

BATCH = 2_000


@dataclass(frozen=True)
class Stored:
    new: int  # alerts stored now
    known: int  # alerts of the replay that were stored before
    queued: int  # mails put in the outbox now
    lapsed: int = 0  # alerts whose lapsed_on changed now (followup.store.mark_lapsed)


class Job(NamedTuple):
    employee_id: str
    unit_id: str
    weekly_hours: Decimal
    start_date: dt.date
    end_date: dt.date | None


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
        self.manager_units = {m.pk: m.unit_id for ms in self.managers.values() for m in ms}
        jobs = Employment.objects.order_by("start_date", "employment_id")
        if employees is not None and len(employees) < 500:
            jobs = jobs.filter(employee_id__in=employees)
        self.jobs: dict[str, list[Job]] = defaultdict(list)
        for row in jobs.values_list(*Job._fields):
            job = Job(*row)
            self.jobs[job.employee_id].append(job)
        self._out_days: dict[tuple[str, str], list[dt.date]] = {}

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

    def inside(self, employee: str, root: str, day: dt.date) -> bool:
        """Whether the employee has an employment on `day` in `root` or a unit below it
        (the tree of that day)."""
        for job in self.jobs.get(employee, []):
            if _covers(job.start_date, job.end_date, day) and self.below(job.unit_id, root, day):
                return True
        return False

    def below(self, unit: str | None, root: str, day: dt.date) -> bool:
        seen: set[str] = set()
        while unit is not None and unit not in seen:
            if unit == root:
                return True
            seen.add(unit)
            unit = self.parent_of(unit, day)
        return False

    def lapse_day(self, employee: str, root: str, raised_on: dt.date) -> dt.date | None:
        """The first day after `raised_on` on which the employee has no employment in
        `root` or below: they left, or moved outside it. Only the days an employment of
        theirs starts or ends are looked at: a reorganisation alone lapses nothing."""
        key = (employee, root)
        out = self._out_days.get(key)
        if out is None:
            days = set()
            for job in self.jobs.get(employee, []):
                days.add(job.start_date)
                if job.end_date is not None:
                    days.add(job.end_date + dt.timedelta(days=1))
            out = sorted(d for d in days if not self.inside(employee, root, d))
            self._out_days[key] = out
        found = bisect.bisect_right(out, raised_on)
        return out[found] if found < len(out) else None

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
    date, now = connection.ops.adapt_datefield_value, timezone.now()
    created = connection.ops.adapt_datetimefield_value(now)
    rows = []
    for row in fresh:
        unit = organisation.unit_of(row["employee_id"], row["raised_on"])
        manager = organisation.manager_of(unit, row["raised_on"])
        rows.append(
            (
                row["employee_id"],
                row["rule_id"],
                row["ruleset_version"],
                row["title"],
                date(row["raised_on"]),
                date(row["due_by"]),
                row["reason"],
                row["days"],
                row["spells"],
                row["spell_day"],
                unit,
                None if manager is None else manager.pk,
                created,
            )
        )
    with transaction.atomic():
        _insert(rows)
        lapsed = mark_lapsed()
        queued = queue_mail(today) if mail else 0
        if rows or lapsed:
            versions.changed("follow_up")
    return Stored(new=len(rows), known=alerts.height - len(fresh), queued=queued, lapsed=lapsed)


def mark_lapsed(organisation: Organisation | None = None) -> int:
    """Set every alert's `lapsed_on` from the data: the first day its employee had no
    employment in the units of the alert's manager (the manager's unit and below; the
    alert's own unit when no manager was found). Deterministic and idempotent: it reads
    only the stored data, whatever the day it runs, and writes only what changed (an
    import that ends or moves an employment, or takes such an end back). Returns how
    many alerts changed. Whether an alert is lapsed also depends on whether it was
    answered before that day (`followup.status`)."""
    organisation = organisation or Organisation()
    changed = []
    alerts = Alert.objects.filter(unit__isnull=False).values_list(
        "id", "employee_id", "unit_id", "manager_id", "raised_on", "lapsed_on"
    )
    managed = organisation.manager_units
    for pk, employee, unit, manager, raised_on, before in alerts.iterator(chunk_size=BATCH):
        after = organisation.lapse_day(employee, managed.get(manager, unit), raised_on)
        if after != before:
            changed.append((connection.ops.adapt_datefield_value(after), pk))
    table = connection.ops.quote_name(Alert._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(changed), BATCH):
            cursor.executemany(
                f"UPDATE {table} SET lapsed_on = %s WHERE id = %s", changed[start : start + BATCH]
            )
    return len(changed)


INSERT_COLUMNS = (
    "employee_id",
    "rule_id",
    "ruleset_version",
    "title",
    "raised_on",
    "due_by",
    "reason",
    "days",
    "spells",
    "spell_day",
    "unit_id",
    "manager_id",
    "created_at",
)


def _insert(rows: Sequence[Sequence[Any]]) -> None:
    """Insert in plain batches: building a model object per alert costs a minute at
    Copenhagen scale. A row already stored (another process) is skipped."""
    table = connection.ops.quote_name(Alert._meta.db_table)
    marks = ", ".join(["%s"] * len(INSERT_COLUMNS))
    sql = (
        f"INSERT INTO {table} ({', '.join(INSERT_COLUMNS)}) VALUES ({marks}) "
        "ON CONFLICT (employee_id, rule_id, raised_on) DO NOTHING"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _known(alerts: pl.DataFrame) -> set[tuple[str, str, dt.date]]:
    if alerts.is_empty():
        return set()
    earliest = alerts["raised_on"].min()
    stored = Alert.objects.filter(raised_on__gte=earliest).values_list(
        "employee_id", "rule_id", "raised_on"
    )
    return set(stored)


def queue_mail(today: dt.date) -> int:
    """An outbox row for every alert without one whose due_by is not past and that has
    not lapsed."""
    waiting = (
        Alert.objects.filter(mail__isnull=True, due_by__gte=today)
        .exclude(lapsed_on__lte=today)
        .values_list("id", flat=True)
    )
    rows = [OutboxMail(alert_id=alert_id) for alert_id in waiting]
    OutboxMail.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    return len(rows)
