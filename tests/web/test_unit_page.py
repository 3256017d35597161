"""The unit page's figures are the statistics core's, for the periods the page names."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from samraad.frames.loading import load_dataset
from samraad.stats import unit_figures
from tests.web.world import TODAY, World


def test_headline_is_the_cores_last_12_months(client: Client, world: World) -> None:
    client.force_login(world.carl)
    page = client.get("/units/SOL/").context["page"]
    last_12 = page.headline[0].cell
    assert (last_12.start, last_12.end) == (dt.date(2025, 6, 16), dt.date(2026, 6, 15))
    expected = unit_figures(load_dataset(), "SOL", last_12.start, last_12.end).to_json()
    assert last_12.absence_rate == expected["absence_rate"]
    assert last_12.absence_days_per_fte == expected["absence_days_per_fte"]
    assert last_12.headcount == 8


def test_sub_units_are_ranked_highest_absence_first(client: Client, world: World) -> None:
    client.force_login(world.carl)
    page = client.get("/units/DAG/").context["page"]
    assert [row.key for row in page.sub_units] == ["SOL", "MAE"]


def test_job_groups_split_the_unit(client: Client, world: World) -> None:
    client.force_login(world.carl)
    stats = client.get("/units/SOL/").context["page"].statistics
    assert {b.key: b.cell.headcount for b in stats.job_groups} == {"ac": 1, "pædagog": 7}


def test_employee_list_counts_sick_days_and_spells(client: Client, world: World) -> None:
    client.force_login(world.alice)
    rows = client.get("/units/SOL/employees/").context["page"].rows
    # SOL-2: 1 October – 14 November 2025, 33 working days; SOL-1: 2–6 March (5 days)
    # and 4–5 May (2 days), two spells and an open alert. The most days first.
    assert [(r.employee_id, r.sick_days, r.spells, r.open_alerts) for r in rows[:3]] == [
        ("SOL-2", 33, 1, 0),
        ("SOL-1", 7, 2, 1),
        ("SOL-3", 0, 0, 0),
    ]


def test_follow_up_counts_the_overdue_alert(client: Client, world: World) -> None:
    client.force_login(world.carl)
    f = client.get("/units/SOE/").context["page"].follow_up
    assert (f.raised, f.overdue, f.compliance) == (1, 1, 0.0)
    client.force_login(world.henrik)
    assert client.get("/units/SOE/").context["page"].follow_up.suppressed


def test_structure_switch_keeps_the_unit(client: Client, world: World) -> None:
    client.force_login(world.carl)
    page = client.get("/units/BUF/?structure=current").context["page"]
    assert str(page.structure) == "current"


def test_english_by_the_toggle(client: Client, world: World) -> None:
    client.force_login(world.alice)
    assert "Sidste 12 måneder" in client.get("/units/SOL/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/units/SOL/"})
    assert "Last 12 months" in client.get("/units/SOL/").content.decode()


def test_danish_whatever_the_browser_asks_for(client: Client, world: World) -> None:
    client.force_login(world.alice)
    text = client.get("/units/SOL/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Sidste 12 måneder" in text


def test_the_pages_follow_up_equals_the_commands(world: World) -> None:
    """Counted once (followup.compliance); the page's table and `samraad stats` agree."""
    from samraad.absence.periods import PagePeriods
    from samraad.absence.service import follow_up_table
    from samraad.followup.status import load_follow_up
    from samraad.stats import Structure

    start, end = PagePeriods(TODAY).last_12_months
    table = follow_up_table(TODAY, Structure.HISTORIC)
    for unit in ["KK", "BUF", "DAG", "SOL", "SOE", "KFF", "BIB"]:
        theirs = load_follow_up(unit, start, end, TODAY).to_json()
        mine = table.get(unit)
        assert (mine.raised if mine else 0) == theirs["alerts_raised"], unit
        assert (mine.overdue if mine else 0) == theirs["overdue"], unit
        assert (mine.open if mine else 0) == theirs["open"], unit
