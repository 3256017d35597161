from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.absence.models import Absence
from samraad.frames import cache
from samraad.meetings.models import AgendaItem, RecurringItem
from samraad.people.models import Employee, Employment
from tests.meetings.world import Committees, build_committees
from tests.web.world import JOBS, SINCE, TODAY, build_world

# Job groups added to SOL: a tiny one (2) and one of 5, which the policy hides with it
# (else the tiny one would be the unit's total minus the shown groups).
TINY, HIDDEN_WITH_IT = "jordemoder", "sosu"
ADDED = {TINY: 2, HIDDEN_WITH_IT: 5}
# Spells that make the length groups publishable somewhere: long spells of five SOL
# employees in 2025 and again in 2026, one-day spells of four more BIB employees in 2025.
SPELLS = [
    *((f"SOL-{i}", "2025-03-03", "2025-04-11") for i in range(3, 7)),
    *((f"SOL-{i}", "2026-02-02", "2026-03-13") for i in range(2, 7)),
    *((f"BIB-{i}", "2025-09-08", "2025-09-08") for i in range(2, 6)),
]


def grow(world: object) -> None:
    """The web tests' world with job groups and spells of its own (see above); its
    one "ac" per unit becomes the unit's own job group."""
    for employment in Employment.objects.filter(job_group="ac"):
        employment.job_group = JOBS[employment.unit_id]
        employment.save()
    for group, count in ADDED.items():
        for n in range(1, count + 1):
            employee = Employee.objects.create(employee_id=f"SOL-{group}-{n}")
            Employment.objects.create(
                employment_id=f"J-{employee.employee_id}",
                employee=employee,
                unit_id="SOL",
                job_group=group,
                weekly_hours=Decimal(37),
                start_date=SINCE,
            )
    for n, (employee, start, end) in enumerate(SPELLS, start=1):
        Absence.objects.create(
            absence_id=f"M{n}",
            employee_id=employee,
            cause="own_sickness",
            start_date=dt.date.fromisoformat(start),
            end_date=dt.date.fromisoformat(end),
        )
    cache.invalidate()


@pytest.fixture(autouse=True)
def frozen_day(settings: SettingsWrapper) -> Iterator[None]:
    settings.SAMRAAD_TODAY = TODAY.isoformat()
    settings.SAMRAAD_DATA_CHECK_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.invalidate()
    yield
    cache.invalidate()


@pytest.fixture
def committees(db: None) -> Committees:
    """tests/meetings/world.py, grown (above): the CSO's June meeting's item 2 is the
    year's sickness absence item, made from the annual cycle's rule that says so."""
    built = build_committees(build_world())
    grow(built.world)
    rule = RecurringItem.objects.get(committee_id="CSO", title="Sygefravær {last_year}")
    rule.report = "sickness_absence"
    rule.save()
    AgendaItem.objects.filter(meeting=built.june, number=2).update(recurring=rule)
    return built


def sickness_item(committees: Committees) -> AgendaItem:
    return AgendaItem.objects.get(meeting=committees.june, number=2)
