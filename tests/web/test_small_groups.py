"""A committee member sees figures only, never a person, never a cell under 5 employees."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from samraad.absence.dashboard import Cell
from samraad.disclosure import MIN_CELL
from tests.web.world import STAFF, World, employee_ids

EVERY_PERSON = [e for unit in STAFF for e in employee_ids(unit)]
COMMITTEE_URLS = [
    "/",
    "/org/",
    "/org/?unit=DAG",
    "/units/KK/",
    "/units/BUF/",
    "/units/DAG/",
    "/units/SOL/",
    "/units/MAE/",
    "/units/SOE/",
    "/units/BIB/",
    "/units/DAG/?structure=current",
    "/api/v1/units/DAG/sub-units",
    "/api/v1/units/MAE/statistics",
    "/api/v1/units/KK/statistics",
]


def _cells(page: object) -> list[Cell]:
    stats = page.statistics  # type: ignore[attr-defined]
    cells = [*stats.headline, *stats.months_this_year, *stats.months_last_year]
    return cells + [b.cell for b in [*stats.job_groups, *stats.sub_units]]


@pytest.mark.parametrize("url", COMMITTEE_URLS)
def test_cso_member_sees_no_person(client: Client, world: World, url: str) -> None:
    client.force_login(world.mette)
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    found = [e for e in EVERY_PERSON if re.search(rf"\b{re.escape(e)}\b", text)]
    assert found == []


@pytest.mark.parametrize("unit", ["KK", "BUF", "DAG", "SOL", "MAE", "SOE", "BIB"])
def test_cso_member_sees_no_cell_under_five(client: Client, world: World, unit: str) -> None:
    client.force_login(world.mette)
    page = client.get(f"/units/{unit}/").context["page"]
    for cell in _cells(page):
        assert cell.suppressed or (cell.headcount or 0) >= MIN_CELL
    for row in page.statistics.by_length:
        assert row.suppressed or row.spells == 0


def test_small_unit_is_marked_not_shown_for_the_committee(client: Client, world: World) -> None:
    client.force_login(world.henrik)
    text = client.get("/units/DAG/").content.decode()
    assert "færre end 5 medarbejdere" in text
    body = client.get("/api/v1/units/MAE/statistics").json()
    assert body["suppressed"] is True and "headcount" not in body and "absence_rate" not in body


def test_hr_partner_sees_the_small_unit_in_full(client: Client, world: World) -> None:
    client.force_login(world.hanna)
    body = client.get("/api/v1/units/MAE/statistics").json()
    assert body["suppressed"] is False and body["headcount"] == 3


def test_hovedmed_member_sees_only_the_administration(client: Client, world: World) -> None:
    client.force_login(world.henrik)
    assert client.get("/units/BUF/").status_code == 200
    assert client.get("/units/KFF/").status_code == 403
    assert client.get("/units/KK/").status_code == 403


def test_one_hidden_cell_takes_its_smallest_neighbour_along(client: Client, world: World) -> None:
    # SOL = 1 ac + 7 pædagoger: with ac hidden, pædagog = SOL − ac would give it away.
    client.force_login(world.henrik)
    jobs = client.get("/units/SOL/").context["page"].statistics.job_groups
    assert [(b.key, b.cell.suppressed) for b in jobs] == [("ac", True), ("pædagog", True)]
    # DAG = SOL + MAE: with MAE hidden, SOL is hidden in DAG's table too.
    subs = client.get("/units/DAG/").context["page"].statistics.sub_units
    assert {b.key: b.cell.suppressed for b in subs} == {"SOL": True, "MAE": True}
    api = client.get("/api/v1/units/DAG/sub-units").json()["sub_units"]
    assert {row["unit"]: row["suppressed"] for row in api} == {"SOL": True, "MAE": True}


def test_person_level_readers_see_every_cell(client: Client, world: World) -> None:
    client.force_login(world.hanna)
    subs = client.get("/units/DAG/").context["page"].statistics.sub_units
    assert {b.key: b.cell.headcount for b in subs} == {"SOL": 8, "MAE": 3}
