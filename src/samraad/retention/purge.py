"""The retention purge (`samraad purge [--dry-run]`, and every `samraad run-daily`).

What it deletes (docs/operations.md "Retention and purge"):
- **a person** (people.Employee) with everything about them: employments, absence
  records (absence.Absence), alerts and their mail (followup.Alert, OutboxMail),
  conversations (followup.Conversation), manager rows (org.Manager) and a manager role
  that names them (accounts.RoleAssignment), once SAMRAAD_RETENTION_PERSON_YEARS have
  passed since the person's last employment ended. A person stays while any of these
  reaches into the period: an employment open or ending within it, a manager row, an
  absence record, an alert raised or a conversation held within it. A person without
  any employment is left alone (nothing dates them);
- **audit entries** older than SAMRAAD_RETENTION_AUDIT_YEARS, through the audit log's
  purge gate (audit/triggers.py);
- **failed sign-ins** older than 30 days (signin/throttle.py).
A period of 0 years keeps that kind for ever. Every purge that deletes anything writes
one audit entry with the counts by table. A dry run counts the same, by running the
same deletions in a transaction that is rolled back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from samraad.absence.models import Absence
from samraad.audit import triggers
from samraad.audit.actor import acting_as, current_actor
from samraad.audit.models import Action, AuditEntry
from samraad.followup.models import Alert, Conversation
from samraad.frames import store, versions
from samraad.org.models import Manager
from samraad.people.models import Employee, Employment
from samraad.signin import throttle

AUDIT_TABLE = "audit.AuditEntry"
FAILURES_TABLE = "signin.LoginFailure"


@dataclass(frozen=True)
class Periods:
    person_years: int
    audit_years: int

    @classmethod
    def from_settings(cls) -> Periods:
        return cls(settings.SAMRAAD_RETENTION_PERSON_YEARS, settings.SAMRAAD_RETENTION_AUDIT_YEARS)


@dataclass(frozen=True)
class PurgeReport:
    today: dt.date
    person_cutoff: dt.date | None  # data of persons gone before this day is deleted
    audit_cutoff: dt.date | None
    deleted: dict[str, int] = field(default_factory=dict)  # "app.Model" → rows
    dry_run: bool = False

    @property
    def total(self) -> int:
        return sum(self.deleted.values())

    def describe(self) -> str:
        return "; ".join(f"{table}: {n}" for table, n in sorted(self.deleted.items()) if n)

    def render(self) -> str:
        head = "would delete" if self.dry_run else "deleted"
        cut = [
            f"persons gone before {self.person_cutoff}" if self.person_cutoff else "persons kept",
            f"audit entries before {self.audit_cutoff}" if self.audit_cutoff else "audit kept",
        ]
        return f"purge ({', '.join(cut)}): {head} {self.total} rows" + (
            f" ({self.describe()})" if self.total else ""
        )


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def expired_persons(cutoff: dt.date) -> QuerySet[Employee]:
    """Persons whose every trace ended before `cutoff`."""
    later = Q(end_date__isnull=True) | Q(end_date__gte=cutoff)
    keep = [
        Employment.objects.filter(later).values("employee_id"),
        Manager.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=cutoff)).values(
            "employee_id"
        ),
        Absence.objects.filter(later).values("employee_id"),
        Alert.objects.filter(Q(raised_on__gte=cutoff) | Q(due_by__gte=cutoff)).values(
            "employee_id"
        ),
        Conversation.objects.filter(Q(held_on__gte=cutoff) | Q(follow_up_on__gte=cutoff)).values(
            "employee_id"
        ),
    ]
    persons = Employee.objects.filter(employments__isnull=False).distinct()
    for rows in keep:
        persons = persons.exclude(pk__in=rows)
    return persons


def _delete_persons(cutoff: dt.date) -> dict[str, int]:
    ids = list(expired_persons(cutoff).values_list("pk", flat=True))
    if not ids:
        return {}
    _, counts = Employee.objects.filter(pk__in=ids).delete()
    return dict(counts)


def _delete_audit(cutoff: dt.date) -> int:
    before = timezone.make_aware(dt.datetime.combine(cutoff, dt.time.min))
    with triggers.purge_gate(connection), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {triggers.TABLE} WHERE at < %s", [before])
        return int(cursor.rowcount)


def _purge(today: dt.date, periods: Periods) -> PurgeReport:
    person_cutoff = years_before(today, periods.person_years) if periods.person_years else None
    audit_cutoff = years_before(today, periods.audit_years) if periods.audit_years else None
    deleted: dict[str, int] = {}
    if person_cutoff:
        deleted |= _delete_persons(person_cutoff)
    if audit_cutoff:
        deleted[AUDIT_TABLE] = _delete_audit(audit_cutoff)
    now = timezone.make_aware(dt.datetime.combine(today, dt.time(12)))
    deleted[FAILURES_TABLE] = throttle.purge_old(now)
    deleted = {table: n for table, n in deleted.items() if n}
    return PurgeReport(today, person_cutoff, audit_cutoff, deleted)


def purge(today: dt.date, periods: Periods | None = None, *, dry_run: bool = False) -> PurgeReport:
    """Delete what is past its period, and record the counts in the audit log."""
    periods = periods or Periods.from_settings()
    with acting_as("samraad purge"), transaction.atomic():
        report = _purge(today, periods)
        if dry_run:
            transaction.set_rollback(True)
            return PurgeReport(
                report.today, report.person_cutoff, report.audit_cutoff, report.deleted, True
            )
        if report.total:
            _record(report)
            versions.changed("data")
            versions.changed("follow_up")
            # The shared files hold the purged persons' rows: gone with them.
            transaction.on_commit(store.clear)
    return report


def _record(report: PurgeReport) -> None:
    actor = current_actor()
    AuditEntry.objects.create(
        user_id=actor.user_id,
        username=actor.username,
        action=Action.PURGE,
        page="retention:purge",
        path="",
        detail=report.render(),
    )
