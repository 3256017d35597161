"""A committee report holds aggregates only: no person (no id, no name, no longest
absences), and no figure of a group under 5 persons (a unit, a length group, a job
group, a count of alerts): it says "–" instead, as the unit page does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from samraad.cli import main
from samraad.disclosure import MIN_CELL
from tests.reports.reading import pdf_text, sheets
from tests.web.world import STAFF, World, employee_ids

EVERY_PERSON = [e for unit in STAFF for e in employee_ids(unit)]
UNITS = ["KK", "BUF", "DAG", "SKO", "KFF"]


def committee_report(tmp_path: Path, unit: str, kind: str) -> bytes:
    out = tmp_path / f"{unit}.{kind}"
    args = ["report", "--unit", unit, "--month", "2026-05", "--audience", "committee"]
    assert main([*args, "--out", str(out)]) == 0
    return out.read_bytes()


def persons_in(text: str) -> list[str]:
    return [e for e in EVERY_PERSON if re.search(rf"\b{re.escape(e)}\b", text)]


@pytest.mark.parametrize("unit", UNITS)
def test_the_committee_pdf_names_no_person(world: World, tmp_path: Path, unit: str) -> None:
    text = pdf_text(committee_report(tmp_path, unit, "pdf"))
    assert persons_in(text) == []
    assert "længste" not in text
    assert "færre end 5 personer" in text


@pytest.mark.parametrize("unit", UNITS)
def test_the_committee_workbook_has_no_person_and_no_group_under_five(
    world: World, tmp_path: Path, unit: str
) -> None:
    book = sheets(committee_report(tmp_path, unit, "xlsx"))
    every_cell = " ".join(str(v) for rows in book.values() for row in rows for v in row)
    assert persons_in(every_cell) == []
    assert "De længste igangværende fravær" not in book
    headcount = 4  # the column of `Ansatte` in the figure columns after the name(s)
    for row in book["Hvor er sygefraværet højest"][1:]:
        assert row[headcount] is None or row[headcount] >= MIN_CELL, row
    for row in book["Faggrupper"][1:]:
        assert row[3] is None or row[3] >= MIN_CELL, row
    for row in book["Nøgletal"][1:]:
        assert row[5] is None or row[5] >= MIN_CELL, row
    # In this world fewer than 5 persons were sick in any group, or got an alert.
    for row in book["Fraværets længde"][1:]:
        assert row[1] in (None, 0), row
    for row in book["Er samtalerne blevet afholdt"][1:]:
        assert row[3:] == [None] * 6, row


def test_a_unit_of_three_is_not_shown_to_the_committee(
    client: Client, world: World, tmp_path: Path
) -> None:
    book = sheets(committee_report(tmp_path, "DAG", "xlsx"))
    rows = {row[0]: row for row in book["Hvor er sygefraværet højest"][1:]}
    assert STAFF["MAE"] < MIN_CELL
    assert rows["MAE"][2:] == [None] * 9
    # SOL's 8 are hidden too: DAG's figures less SOL's would be MAE's. The report
    # hides what the unit page hides from the same committee member.
    client.force_login(world.mette)
    page = client.get("/units/DAG/").context["page"]
    hidden = {row.key for row in page.sub_units if row.cell.suppressed}
    assert hidden == {"SOL", "MAE"}
    assert {u for u, row in rows.items() if row[4] is None} == hidden
    text = re.sub(r"\s+", " ", pdf_text(committee_report(tmp_path, "DAG", "pdf")))
    assert "Vuggestuen Mælkebøtten – – – –" in text


def test_the_management_report_lists_the_persons(world: World, tmp_path: Path) -> None:
    out = tmp_path / "BUF.xlsx"
    assert main(["report", "--unit", "BUF", "--month", "2026-05", "--out", str(out)]) == 0
    assert "De længste igangværende fravær" in sheets(out.read_bytes())


def test_a_committee_member_downloads_the_committee_report(client: Client, world: World) -> None:
    client.force_login(world.mette)
    response = client.get("/units/DAG/report/", {"month": "2026-05", "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "til MED-udvalget" in text
    assert persons_in(text) == []
