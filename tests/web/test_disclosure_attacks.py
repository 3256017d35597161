"""The attacks of the hardening issue, played as a committee member would, through the
API: nothing they can add up or subtract gives a group of fewer than 5 employees.

The world is the web tests' own, with one more unit that moves: MUS (3 employees) lies
under KFF until January 2026 and under BUF from February, so that the historic and the
current figures of both administrations differ by exactly MUS's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import combinations

import numpy as np
import pytest
from django.test import Client

from samraad.org.models import Unit, UnitPeriod
from samraad.people.models import Employee, Employment
from tests.web.world import SINCE, STAFF, UNITS, World

MOVED = dt.date(2026, 2, 1)
MONTHS = [
    (dt.date(2025, 6 + m, 1) if m < 7 else dt.date(2026, m - 6, 1)) for m in range(12)
]  # June 2025 … May 2026: the last twelve complete months on 15 June 2026


def month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


PERIODS = [(m, month_end(m)) for m in MONTHS] + [(MONTHS[0], month_end(MONTHS[-1]))]


@pytest.fixture
def moved(world: World) -> World:
    Unit.objects.create(unit_id="MUS")
    UnitPeriod.objects.create(
        unit_id="MUS",
        name="Musikskolen",
        kind="unit",
        parent_id="KFF",
        valid_from=SINCE,
        valid_to=MOVED - dt.timedelta(days=1),
    )
    UnitPeriod.objects.create(
        unit_id="MUS", name="Musikskolen", kind="unit", parent_id="BUF", valid_from=MOVED
    )
    for i in range(1, 4):
        Employee.objects.create(employee_id=f"MUS-{i}")
        Employment.objects.create(
            employment_id=f"J-MUS-{i}",
            employee_id=f"MUS-{i}",
            unit_id="MUS",
            job_group="musiker",
            weekly_hours=Decimal(37),
            start_date=SINCE,
        )
    return world


OWN = {**STAFF, "MUS": 3}  # employees per unit (no unit has staff of its own above)
PARENTS = {u: p for u, _, _, p in UNITS}


def parent(unit: str, day: dt.date, structure: str) -> str | None:
    if unit == "MUS":
        return "BUF" if structure == "current" or day >= MOVED else "KFF"
    return PARENTS[unit]


def below(ancestor: str, unit: str, day: dt.date, structure: str) -> bool:
    u: str | None = unit
    while u is not None:
        if u == ancestor:
            return True
        u = parent(u, day, structure)
    return False


def published(client: Client) -> list[tuple[str, str, tuple[dt.date, dt.date]]]:
    """Every (structure, unit, period) figure the API gives this reader unsuppressed."""
    found = []
    for structure in ("historic", "current"):
        for start, end in PERIODS:
            for unit, *_ in [*UNITS, ("MUS",)]:
                url = f"/api/v1/units/{unit}/statistics?from={start}&to={end}&structure={structure}"
                response = client.get(url)
                if response.status_code == 200 and not response.json()["suppressed"]:
                    found.append((structure, unit, (start, end)))
    return found


def test_nothing_shown_adds_up_to_fewer_than_five(client: Client, moved: World) -> None:
    client.force_login(moved.mette)
    shown = published(client)
    atoms = [(u, m) for u in OWN for m in MONTHS]  # a unit's staff in one month
    rows = [
        [below(unit, u, m, structure) and period[0] <= m <= period[1] for u, m in atoms]
        for structure, unit, period in shown
    ]
    matrix = np.array(rows, dtype=float)
    rank = np.linalg.matrix_rank(matrix)
    small = [i for i, (u, _) in enumerate(atoms) if OWN[u] < 5]
    for size in (1, 2):
        for chosen in combinations(small, size):
            if sum(OWN[atoms[i][0]] for i in chosen) >= 5:
                continue
            target = np.array([i in chosen for i in range(len(atoms))], dtype=float)
            assert np.linalg.matrix_rank(np.vstack([matrix, target])) > rank, [
                atoms[i] for i in chosen
            ]
    # …while the municipality stays whole in both structures, and each administration
    # is shown from the month MUS moved on (before it, either structure of KFF or BUF
    # with the rest would give MUS)
    assert all((s, "KK", p) in shown for s in ("historic", "current") for p in PERIODS)
    for structure in ("historic", "current"):
        for start, end in PERIODS[8:12]:  # February to May 2026
            assert (structure, "BUF", (start, end)) in shown
            assert (structure, "KFF", (start, end)) in shown


def test_a_unit_hidden_in_a_table_is_hidden_on_its_own(client: Client, moved: World) -> None:
    """SOL is hidden beside the small MAE in DAG's table; its own answer hides it too."""
    client.force_login(moved.henrik)
    table = client.get("/api/v1/units/DAG/sub-units").json()["sub_units"]
    assert {row["unit"]: row["suppressed"] for row in table} == {"SOL": True, "MAE": True}
    assert client.get("/api/v1/units/SOL/statistics").json()["suppressed"] is True


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("from=2026-03-01&to=2026-03-31", 200),
        ("from=2026-03-02&to=2026-03-31", 400),  # not from a month's first day
        ("from=2026-03-01&to=2026-03-30", 400),  # not to a month's last day
        ("from=2026-06-01&to=2026-06-30", 400),  # June is not over on 15 June
        ("from=2026-03-01&to=2026-03-31&as_of=2026-03-31", 400),
    ],
)
def test_committee_periods_are_whole_months(
    client: Client, world: World, query: str, status: int
) -> None:
    client.force_login(world.mette)
    assert client.get(f"/api/v1/units/KK/statistics?{query}").status_code == status


def test_person_level_readers_ask_any_period(client: Client, world: World) -> None:
    client.force_login(world.carl)
    url = "/api/v1/units/KK/statistics?from=2026-03-02&to=2026-06-15&as_of=2026-06-15"
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("unit", ["KK", "BUF", "KFF", "DAG", "SOL", "SOE", "BIB"])
def test_length_groups_hidden_on_the_page_are_hidden_in_the_api(
    client: Client, world: World, unit: str
) -> None:
    """The finding: the API gave a length group of 3 spells that the page hid."""
    client.force_login(world.mette)
    page = client.get(f"/units/{unit}/").context["page"]
    hidden_on_page = {r.label for r in page.statistics.by_length if r.suppressed}
    body = client.get(f"/api/v1/units/{unit}/statistics").json()
    if body["suppressed"]:
        assert page.statistics.headline[0].suppressed
        return
    hidden_in_api = {k for k, v in body["by_length"].items() if v.get("suppressed")}
    assert hidden_in_api == hidden_on_page
    for values in body["by_length"].values():
        assert values.get("suppressed") or values["spells"] == 0  # no group has 5 spellers
