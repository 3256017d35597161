"""A small explicit municipality for the web tests, and its users (Alice, Bob, …).

KK ─┬─ BUF ─┬─ DAG (centre) ─┬─ SOL  8 employees  (Alice manages it)
    │       │                └─ MAE  3 employees  (too few for a committee)
    │       └─ SKO (centre) ─── SOE  6 employees  (Bob manages it)
    └─ KFF ──── BIB  6 employees

Today is Monday 15 June 2026. Every employee works 37 hours from 2024; some were sick.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User

from samraad.absence.models import Absence
from samraad.accounts.models import Role, RoleAssignment
from samraad.committees.models import Committee, Member
from samraad.followup.models import Alert
from samraad.org.models import Manager, Target, Unit, UnitPeriod
from samraad.people.models import Employee, Employment

TODAY = dt.date(2026, 6, 15)
PASSWORD = "correct horse battery staple"
SINCE = dt.date(2024, 1, 1)

UNITS = [
    ("KK", "Københavns Kommune", "municipality", None),
    ("BUF", "Børne- og Ungdomsforvaltningen", "administration", "KK"),
    ("KFF", "Kultur- og Fritidsforvaltningen", "administration", "KK"),
    ("DAG", "Center for Dagtilbud", "centre", "BUF"),
    ("SKO", "Center for Skoler", "centre", "BUF"),
    ("SOL", "Børnehuset Solsikken", "unit", "DAG"),
    ("MAE", "Vuggestuen Mælkebøtten", "unit", "DAG"),
    ("SOE", "Skolen ved Søerne", "unit", "SKO"),
    ("BIB", "Biblioteket", "unit", "KFF"),
]
STAFF = {"SOL": 8, "MAE": 3, "SOE": 6, "BIB": 6}
JOBS = {"SOL": "pædagog", "MAE": "pædagog", "SOE": "lærer", "BIB": "hk"}


@dataclass(frozen=True)
class World:
    alice: User  # manager of SOL
    bob: User  # manager of SOE
    hanna: User  # HR partner for BUF
    carl: User  # central HR
    mette: User  # CSO member: the whole municipality, aggregates only
    henrik: User  # HovedMED BUF member
    ada: User  # administrator


def employee_ids(unit: str) -> list[str]:
    return [f"{unit}-{i}" for i in range(1, STAFF[unit] + 1)]


def build_world() -> World:
    for unit_id, name, kind, parent in UNITS:
        Unit.objects.create(unit_id=unit_id)
        UnitPeriod.objects.create(
            unit_id=unit_id, name=name, kind=kind, parent_id=parent, valid_from=SINCE
        )
    for unit, count in STAFF.items():
        for i in range(1, count + 1):
            employee = f"{unit}-{i}"
            Employee.objects.create(employee_id=employee)
            Employment.objects.create(
                employment_id=f"J-{employee}",
                employee_id=employee,
                unit_id=unit,
                job_group="ac" if i == 1 else JOBS[unit],
                weekly_hours=Decimal(37),
                start_date=SINCE,
            )
    sick = [
        # SOL-1: two spells this spring; SOL-2: a long spell last autumn; MAE-1 one day.
        ("SOL-1", "2026-03-02", "2026-03-06"),
        ("SOL-1", "2026-05-04", "2026-05-05"),
        ("SOL-2", "2025-10-01", "2025-11-14"),
        ("MAE-1", "2026-02-10", "2026-02-10"),
        ("SOE-1", "2026-01-12", "2026-01-16"),
        ("BIB-1", "2025-09-01", "2025-09-03"),
    ]
    for n, (employee, start, end) in enumerate(sick, start=1):
        Absence.objects.create(
            absence_id=f"A{n}",
            employee_id=employee,
            cause="own_sickness",
            start_date=dt.date.fromisoformat(start),
            end_date=dt.date.fromisoformat(end),
        )
    for manager in ("M-SOL", "M-SOE"):
        Employee.objects.create(employee_id=manager)
    Manager.objects.create(
        unit_id="SOL", employee_id="M-SOL", email="alice@kk.example", valid_from=SINCE
    )
    Manager.objects.create(
        unit_id="SOE", employee_id="M-SOE", email="bob@kk.example", valid_from=SINCE
    )
    Target.objects.create(unit_id="BUF", year=2026, absence_days_per_fte=Decimal("10.5"))
    Alert.objects.create(
        employee_id="SOL-1",
        rule_id="conversation",
        ruleset_version="test",
        title="Sygefraværssamtale: 10 sygedage eller 3 forløb inden for 12 måneder",
        raised_on=dt.date(2026, 6, 8),
        due_by=dt.date(2026, 6, 22),
        reason="spells",
        unit_id="SOL",
    )
    Alert.objects.create(
        employee_id="SOE-1",
        rule_id="statutory-7a",
        ruleset_version="test",
        title="Sygedagpengeloven § 7a: samtale senest 4 uger efter første sygedag",
        raised_on=dt.date(2026, 5, 1),
        due_by=dt.date(2026, 5, 15),
        reason="spell_length",
        unit_id="SOE",
    )
    return World(
        alice=_user("alice", Role.MANAGER, employee="M-SOL"),
        bob=_user("bob", Role.MANAGER, employee="M-SOE"),
        hanna=_user("hanna", Role.HR_PARTNER, unit="BUF"),
        carl=_user("carl", Role.CENTRAL_HR),
        mette=_member("mette", _committee("CSO", "central", "KK")),
        henrik=_member("henrik", _committee("HMED-BUF", "main", "BUF")),
        ada=_user("ada", Role.ADMINISTRATOR),
    )


def _user(
    name: str,
    role: Role,
    *,
    employee: str | None = None,
    unit: str | None = None,
) -> User:
    user = User.objects.create_user(name, f"{name}@kk.example", PASSWORD)
    RoleAssignment.objects.create(user=user, role=role, employee_id=employee, unit_id=unit)
    return user


def _committee(code: str, level: str, unit: str) -> Committee:
    return Committee.objects.create(code=code, name=code, level=level, unit_id=unit)


def _member(name: str, committee: Committee) -> User:
    """A committee member with a login: a seat, no role assignment."""
    user = User.objects.create_user(name, f"{name}@kk.example", PASSWORD)
    Member.objects.create(
        committee=committee,
        name=name.title(),
        user=user,
        side="employee",
        valid_from=dt.date(2020, 1, 1),
    )
    return user
