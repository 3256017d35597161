"""Small worlds in the database, through the ORM (the import is another module's job)."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

from samraad.absence.models import Absence
from samraad.org.models import Manager, Unit, UnitPeriod
from samraad.people.models import Employee, Employment
from tests.spec import EXAMPLE


def date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def rows(name: str) -> list[dict[str, str]]:
    with (EXAMPLE / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def load_example() -> None:
    """spec/example's units, employees, employments and absences."""
    for row in rows("units.csv"):
        Unit.objects.get_or_create(unit_id=row["unit_id"])
    for row in rows("units.csv"):
        UnitPeriod.objects.create(
            unit_id=row["unit_id"],
            name=row["name"],
            kind=row["kind"],
            parent_id=row["parent_id"] or None,
            valid_from=date(row["valid_from"]),
            valid_to=date(row["valid_to"]),
        )
    for row in rows("employees.csv"):
        Employee.objects.create(employee_id=row["employee_id"], gender=row["gender"])
    for row in rows("employments.csv"):
        Employment.objects.create(
            employment_id=row["employment_id"],
            employee_id=row["employee_id"],
            unit_id=row["unit_id"],
            job_group=row["job_group"],
            weekly_hours=Decimal(row["weekly_hours"]),
            start_date=date(row["start_date"]),
            end_date=date(row["end_date"]),
            end_reason=row["end_reason"],
        )
    for row in rows("absences.csv"):
        Absence.objects.create(
            absence_id=row["absence_id"],
            employee_id=row["employee_id"],
            cause=row["cause"],
            start_date=date(row["start_date"]),
            end_date=date(row["end_date"]),
            degree=Decimal(row["degree"] or "1"),
        )


def manager(
    unit: str, employee: str, email: str, language: str = "da", since: str = "2024-01-01"
) -> Manager:
    Employee.objects.get_or_create(employee_id=employee)
    return Manager.objects.create(
        unit_id=unit,
        employee_id=employee,
        email=email,
        language=language,
        valid_from=dt.date.fromisoformat(since),
    )
