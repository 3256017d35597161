"""The employee list opens in Danish Excel: an .xlsx with real numbers, and a CSV with `;`
and a decimal comma in Danish (`,` and `.` in English); names beside the keys."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client

from samraad import spreadsheet
from samraad.audit.models import AuditEntry
from samraad.people.models import Employee, Employment
from tests.web.world import World


def part_timer() -> None:
    Employee.objects.filter(employee_id="SOL-2").update(name="Karen Blixen")
    Employment.objects.filter(employee_id="SOL-2").update(weekly_hours=Decimal("29.6"))


def test_the_danish_csv_has_semicolons_and_decimal_commas(client: Client, world: World) -> None:
    part_timer()
    client.force_login(world.alice)
    text = client.get("/units/SOL/employees.csv").getvalue().decode()
    assert text.startswith("\ufeff")  # Excel reads the file as UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0][:5] == ["Medarbejder", "Navn", "Enhed", "Faggruppe", "Timer pr. uge"]
    row = next(r for r in rows if r[0] == "SOL-2")
    assert row[1] == "Karen Blixen" and row[4] == "29,6"


def test_the_english_csv_has_commas_and_decimal_points(client: Client, world: World) -> None:
    part_timer()
    client.force_login(world.alice)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    text = client.get("/units/SOL/employees.csv").getvalue().decode().removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Employee", "Name", "Unit"]
    assert next(r for r in rows if r[0] == "SOL-2")[4] == "29.6"


def test_the_excel_file_holds_numbers(client: Client, world: World) -> None:
    part_timer()
    client.force_login(world.alice)
    response = client.get("/units/SOL/employees.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["SOL-2"][1] == "Karen Blixen"
    assert rows["SOL-2"][4] == 29.6 and isinstance(rows["SOL-2"][5], int)


def test_names_stand_beside_the_keys_for_the_manager(client: Client, world: World) -> None:
    part_timer()
    client.force_login(world.alice)
    assert "Karen Blixen" in client.get("/units/SOL/employees/").content.decode()
    assert "Karen Blixen" in client.get("/employees/SOL-2/").content.decode()
    body = client.get("/api/v1/units/SOL/employees").json()
    assert {e["employee_id"]: e["name"] for e in body["employees"]}["SOL-2"] == "Karen Blixen"


def test_names_are_never_shown_to_a_committee(client: Client, world: World) -> None:
    part_timer()
    client.force_login(world.mette)
    for url in ("/", "/units/SOL/", "/units/DAG/", "/org/?unit=DAG"):
        assert "Karen Blixen" not in client.get(url).content.decode()


def test_the_csv_is_made_once_per_list_and_language_and_anew_after_a_change(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = []
    real = spreadsheet.csv_lines
    monkeypatch.setattr(spreadsheet, "csv_lines", lambda *a: made.append(1) or real(*a))
    client.force_login(world.alice)
    first = client.get("/units/SOL/employees.csv").getvalue()
    assert client.get("/units/SOL/employees.csv").getvalue() == first and len(made) == 1
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert client.get("/units/SOL/employees.csv").getvalue() != first and len(made) == 2
    client.post("/i18n/setlang/", {"language": "da", "next": "/"})
    # The data changed (an employment saved): the file is made anew.
    Employment.objects.get(employee_id="SOL-2").save()
    assert client.get("/units/SOL/employees.csv").getvalue() == first and len(made) == 3
    # Each download is still recorded, the kept ones too.
    downloads = AuditEntry.objects.filter(page="absence:employees_csv", user_id=world.alice.pk)
    assert downloads.count() == 4
