"""The employees CSV (finding 4): an identifier or job group from the payroll export that a
spreadsheet would run as a formula arrives as text."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.test import Client

from samraad.people.models import Employee, Employment
from tests.web.world import SINCE, World

ATTACKS = ['=HYPERLINK("http://evil.example","Klik")', "+cmd|' /C calc'!A0", "@SUM(1+1)"]


def test_formulas_in_the_employee_csv_arrive_as_text(client: Client, world: World) -> None:
    for n, attack in enumerate(ATTACKS):
        Employee.objects.create(employee_id=attack)
        Employment.objects.create(
            employment_id=f"X{n}",
            employee_id=attack,
            unit_id="SOL",
            job_group="-1+1",
            weekly_hours=Decimal(37),
            start_date=SINCE,
        )
    client.force_login(world.alice)
    response = client.get("/units/SOL/employees.csv")
    text = response.getvalue().decode().removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    found = {row[0]: row[3] for row in rows[1:] if row[0].startswith("'")}
    assert found == {"'" + attack: "'-1+1" for attack in ATTACKS}
    assert [row[0] for row in rows[1:]].count("SOL-1") == 1
