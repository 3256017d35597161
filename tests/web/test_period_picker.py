"""The unit page's period picker and comparison line (issue 11): each kind of period
gives the figures `samraad stats` gives for the same unit and period; committee members
are offered, and get, only whole months up to the last complete one; the compared unit
is one the reader may see; the month so far is marked, never drawn as a whole month."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.absence.periods import (
    PagePeriods,
    PeriodChoices,
    PeriodKind,
    PeriodRefused,
    rolling_start,
)
from samraad.cli import main
from tests.web.world import World

D = dt.date


def everything(start: dt.date, end: dt.date) -> bool:
    return True


def whole_months_to_may(start: dt.date, end: dt.date) -> bool:
    """A committee's policy on 15 June 2026, as far as periods go."""
    return start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and end <= D(2026, 5, 31)


PERSON = PeriodChoices(PagePeriods(D(2026, 6, 15)), everything)
COMMITTEE = PeriodChoices(PagePeriods(D(2026, 5, 31), whole_months=True), whole_months_to_may)


def newest(choices: PeriodChoices, kind: PeriodKind) -> tuple[str, dt.date, dt.date, bool]:
    found = choices.options(kind)[0]
    return found.key, found.start, found.end, found.complete


def test_person_level_readers_choose_up_to_today() -> None:
    assert newest(PERSON, PeriodKind.MONTH) == ("2026-06", D(2026, 6, 1), D(2026, 6, 15), False)
    assert newest(PERSON, PeriodKind.QUARTER) == ("2026-Q2", D(2026, 4, 1), D(2026, 6, 15), False)
    assert newest(PERSON, PeriodKind.YEAR) == ("2026", D(2026, 1, 1), D(2026, 6, 15), False)
    assert newest(PERSON, PeriodKind.ROLLING) == (
        "2026-06-15",
        D(2025, 6, 16),
        D(2026, 6, 15),
        True,
    )
    # the default is the page's own last 12 months; five years back at most
    assert PERSON.default().period == PagePeriods(D(2026, 6, 15)).last_12_months
    assert PERSON.options(PeriodKind.YEAR)[-1].key == "2021"
    assert len(PERSON.options(PeriodKind.MONTH)) == 5 * 12 + 6


def test_committee_members_are_offered_whole_months_up_to_the_last_complete_one() -> None:
    assert newest(COMMITTEE, PeriodKind.MONTH) == ("2026-05", D(2026, 5, 1), D(2026, 5, 31), True)
    assert newest(COMMITTEE, PeriodKind.QUARTER) == (
        "2026-Q2",
        D(2026, 4, 1),
        D(2026, 5, 31),
        False,
    )
    assert newest(COMMITTEE, PeriodKind.ROLLING) == (
        "2026-05-31",
        D(2025, 6, 1),
        D(2026, 5, 31),
        True,
    )
    for kind in PeriodKind:
        for option in COMMITTEE.options(kind):
            assert whole_months_to_may(option.start, option.end), option


@pytest.mark.parametrize(
    ("kind", "key", "why"),
    [
        ("month", "2026-06", "not a month period you may see"),  # June is not over
        ("rolling", "2026-06-15", "not a rolling period you may see"),  # not whole months
        ("rolling", "2026-05-15", "not a rolling period you may see"),
        ("quarter", "2026-05", "not a quarter period"),
        ("week", "2026-05", "kind: expected month, quarter, year or rolling"),
        ("", "2026-05", "period without kind"),
    ],
)
def test_the_committees_choices_refuse_anything_else(kind: str, key: str, why: str) -> None:
    with pytest.raises(PeriodRefused, match=why):
        COMMITTEE.choose(kind, key)


def test_a_year_earlier_and_rolling_starts() -> None:
    quarter = PERSON.choose("quarter", "2026-Q2")
    assert quarter.year_earlier == (D(2025, 4, 1), D(2025, 6, 15))
    february = PERSON.choose("month", "2024-02")
    assert february.year_earlier == (D(2023, 2, 1), D(2023, 2, 28))
    assert rolling_start(D(2025, 2, 28)) == D(2024, 3, 1)
    assert rolling_start(D(2026, 6, 15)) == D(2025, 6, 16)


def stats_json(capsys: pytest.CaptureFixture[str], unit: str, start: str, end: str) -> Any:
    capsys.readouterr()
    argv = ["stats", "--unit", unit, "--from", start, "--to", end, "--json"]
    assert main([*argv, "--structure", "historic"]) == 0
    return json.loads(capsys.readouterr().out)


# SOL: 8 employees of 37 hours; SOL-1 sick 2–6 March 2026 (5 working days) and 4–5 May
# 2026 (2 days); SOL-2 1 October – 14 November 2025 (33 working days).
@pytest.mark.parametrize(
    ("query", "start", "end", "rate", "days", "spells"),
    [
        # May 2026: 19 working days (Ascension 14 May, Whit Monday 25 May); 2 days of 8
        # × 19: 2/152 = 1,3158 %
        ("kind=month&period=2026-05", "2026-05-01", "2026-05-31", 1.3158, 0.25, 1),
        # Q1 2026: 63 working days; 5/504 = 0,9921 %
        ("kind=quarter&period=2026-Q1", "2026-01-01", "2026-03-31", 0.9921, 0.625, 1),
        # 2025: 250 working days; 33/2000 = 1,65 %
        ("kind=year&period=2025", "2025-01-01", "2025-12-31", 1.65, 4.125, 1),
        ("kind=rolling&period=2026-03-31", "2025-04-01", "2026-03-31", 1.9, 4.75, 2),
        ("", "2025-06-16", "2026-06-15", 2.0, 5.0, 3),
    ],
)
def test_each_kind_of_period_gives_the_figures_of_samraad_stats(
    client: Client,
    world: World,
    capsys: pytest.CaptureFixture[str],
    query: str,
    start: str,
    end: str,
    rate: float,
    days: float,
    spells: int,
) -> None:
    client.force_login(world.carl)
    page = client.get(f"/units/SOL/?{query}").context["page"]
    cell = page.statistics.headline[0]
    assert (cell.start.isoformat(), cell.end.isoformat()) == (start, end)
    assert (cell.headcount, cell.absence_rate, cell.absence_days_per_fte, cell.spells) == (
        8,
        rate,
        days,
        spells,
    )
    theirs = stats_json(capsys, "SOL", start, end)
    assert (cell.absence_rate, cell.absence_days_per_fte, cell.fte, cell.spells) == (
        theirs["absence_rate"],
        theirs["absence_days_per_fte"],
        theirs["fte"],
        theirs["spells"],
    )
    assert {r.label: (r.spells, r.absence_hours) for r in page.statistics.by_length} == {
        label: (group["spells"], group["absence_hours"])
        for label, group in theirs["by_length"].items()
    }
    # the same period a year earlier, beside it
    if query:
        earlier = page.statistics.headline[1]
        before = stats_json(capsys, "SOL", earlier.start.isoformat(), earlier.end.isoformat())
        assert earlier.absence_rate == before["absence_rate"]


def test_the_period_applies_to_the_units_below_and_the_job_groups(
    client: Client, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    client.force_login(world.carl)
    page = client.get("/units/DAG/?kind=quarter&period=2026-Q1").context["page"]
    # MAE: 3 employees, MAE-1 sick one day: 1/189 = 0,5291 %
    assert [(r.key, r.cell.absence_rate) for r in page.sub_units] == [
        ("SOL", 0.9921),
        ("MAE", 0.5291),
    ]
    assert stats_json(capsys, "MAE", "2026-01-01", "2026-03-31")["absence_rate"] == 0.5291
    assert "Enheder under, højeste fravær først (1. kvartal 2026)" in page_text(client, "DAG")
    jobs = client.get("/units/SOL/?kind=quarter&period=2026-Q1").context["page"].statistics
    # the one ac (SOL-1) had the five days: 5/63 = 7,9365 %
    assert [(b.key, b.cell.absence_rate) for b in jobs.job_groups] == [
        ("ac", 7.9365),
        ("pædagog", 0.0),
    ]


def page_text(client: Client, unit: str) -> str:
    return client.get(f"/units/{unit}/?kind=quarter&period=2026-Q1").content.decode()


def test_the_comparison_line_against_the_parent(client: Client, world: World) -> None:
    client.force_login(world.carl)
    page = client.get("/units/SOL/?kind=quarter&period=2026-Q1&compare=parent").context["page"]
    assert page.compared_name == "Center for Dagtilbud"
    compared = page.headline[0].compared
    # DAG: SOL's five days and MAE's one over 11 × 63 days: 6/693 = 0,8658 %;
    # SOL − DAG = 5/504 − 6/693 = 0,1263 points and 5/8 − 6/11 = 7/88 days per FTE
    assert (compared.cell.absence_rate, compared.cell.absence_days_per_fte) == (0.8658, 0.5455)
    assert (compared.absence_rate_points, compared.absence_days_per_fte) == (0.1263, 0.0795)
    # the chart's third line and the table's third column: DAG's months this year
    # (February: MAE-1's day of 11 × 20, 1/220; March: SOL-1's five of 11 × 22, 5/242)
    line = next(s for s in page.chart.series if s.css == "compare")
    assert line.name == "Center for Dagtilbud"
    assert [m.compared.absence_rate for m in page.months[:3]] == [0.0, 0.4545, 2.0661]
    assert [d.title for d in line.dots[1:3]] == [
        "Center for Dagtilbud februar: 0,45 %",
        "Center for Dagtilbud marts: 2,07 %",
    ]
    text = client.get("/units/SOL/?kind=quarter&period=2026-Q1&compare=parent").content.decode()
    assert "Forskel: +0,13 procentpoint · +0,08 dage pr. fuldtidsansat" in text


def test_the_municipality_and_the_policy_for_a_committee_member(
    client: Client, world: World
) -> None:
    client.force_login(world.mette)
    page = client.get("/units/DAG/?kind=year&period=2026&compare=municipality").context["page"]
    compared = page.headline[0].compared
    # KK: 23 employees, January–May 2026: 6 + 5 days (SOL, MAE, SOE) of 23 × 100 days
    assert (compared.cell.start, compared.cell.end) == (D(2026, 1, 1), D(2026, 5, 31))
    assert (compared.cell.headcount, compared.cell.absence_rate) == (23, 0.5596)
    assert compared.absence_rate_points == 0.1605
    # MAE has 3 employees: hidden, and so is any difference from it
    mae = client.get("/units/MAE/?compare=parent").context["page"].headline[0]
    assert mae.cell.suppressed and not mae.compared.cell.suppressed
    assert mae.compared.absence_rate_points is None


def test_a_manager_compares_only_with_what_they_may_see(client: Client, world: World) -> None:
    client.force_login(world.alice)  # manages SOL alone
    response = client.get("/units/SOL/")
    assert [o.value for o in response.context["picker"].compares] == [""]
    assert 'name="compare"' not in response.content.decode()
    assert client.get("/units/SOL/?compare=parent").status_code == 403
    client.force_login(world.hanna)  # HR partner of BUF: DAG yes, KK no
    compares = client.get("/units/SOL/").context["picker"].compares
    assert [o.value for o in compares] == ["", "parent"]
    assert client.get("/units/SOL/?compare=municipality").status_code == 403
    assert client.get("/units/SOL/?compare=everyone").status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "kind=month&period=2026-06",  # the current month
        "kind=rolling&period=2026-06-15",  # not whole months
        "kind=month&period=2026-6",
        "kind=quarter&period=2026-Q5",
        "kind=year&period=2019",  # before the horizon
        "period=2026-05",
    ],
)
def test_the_server_refuses_a_committee_member_anything_else(
    client: Client, world: World, query: str
) -> None:
    client.force_login(world.mette)
    for path in ("/units/DAG/", "/units/DAG/figures.csv", "/units/DAG/periods/"):
        assert client.get(f"{path}?{query}").status_code == 400, path


def test_the_picker_offers_a_committee_member_only_whole_months(
    client: Client, world: World
) -> None:
    client.force_login(world.mette)
    picker = client.get("/units/DAG/?kind=month").context["picker"]
    assert [(o.value, o.label) for o in picker.periods[:2]] == [
        ("2026-05", "Maj 2026"),
        ("2026-04", "April 2026"),
    ]
    # htmx asks for the periods of another kind
    html = client.get("/units/DAG/periods/?kind=rolling&structure=current").content.decode()
    assert '<option value="2026-05-31" selected>12 måneder til og med 31. maj 2026</option>' in html
    assert "2026-06" not in html


def test_the_month_so_far_is_marked_incomplete(client: Client, world: World) -> None:
    client.force_login(world.carl)
    page = client.get("/units/SOL/").context["page"]
    assert page.incomplete == "indeværende måned, til og med 15. juni 2026"
    june = page.months[5]
    assert (june.label, june.note) == ("Juni", "indeværende måned, til og med 15. juni 2026")
    this_year = next(s for s in page.chart.series if s.css == "this-year")
    assert [d.incomplete for d in this_year.dots] == [False] * 5 + [True]
    # June is no part of the solid line: only of the dotted one to its hollow point
    x_june = this_year.dots[5].x
    assert all(f"{x_june}," not in segment for segment in this_year.segments)
    assert this_year.partial.endswith(f"{this_year.dots[5].x:.1f},{this_year.dots[5].y:.1f}")
    assert page.chart.incomplete.label == "indeværende måned, til og med 15. juni 2026"
    text = client.get("/units/SOL/").content.decode()
    assert 'Juni <span class="label">(indeværende måned, til og med 15. juni 2026)</span>' in text
    # whole months for a committee member: nothing is incomplete
    client.force_login(world.mette)
    assert client.get("/units/SOL/").context["page"].incomplete == ""


def test_on_the_first_day_of_a_month(
    client: Client, world: World, settings: SettingsWrapper
) -> None:
    settings.SAMRAAD_TODAY = "2026-06-01"
    client.force_login(world.carl)
    page = client.get("/units/SOL/").context["page"]
    assert page.incomplete == "indeværende måned, til og med 1. juni 2026"
    this_year = next(s for s in page.chart.series if s.css == "this-year")
    assert this_year.dots[-1].incomplete
    assert "(indeværende måned, til og med 1. juni 2026)" in this_year.dots[-1].title


def test_the_export_holds_the_pages_period_and_comparison(client: Client, world: World) -> None:
    client.force_login(world.mette)
    response = client.get("/units/DAG/figures.csv?kind=quarter&period=2026-Q1&compare=parent")
    assert response["Content-Disposition"] == (
        'attachment; filename="fravaer-DAG-2026-01-01-2026-03-31.csv"'
    )
    lines = b"".join(response.streaming_content).decode().lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Del;Række;Fra;Til;Medarbejdere;Årsværk;Fraværsprocent")
    assert "Nøgletal;1. kvartal 2026;2026-01-01;2026-03-31;11;11,0;0,8658;0,5455;2" in lines
    assert any(
        line.startswith("Sammenlignet med Børne- og Ungdomsforvaltningen;") for line in lines
    )
    # MAE's 3 employees are hidden in the export as on the page
    assert (
        "Enheder under;Vuggestuen Mælkebøtten;2026-01-01;2026-03-31;"
        "vises ikke: færre end 5 medarbejdere"
    ) in lines


def test_the_api_takes_the_pickers_periods_and_comparison(client: Client, world: World) -> None:
    client.force_login(world.carl)
    body = client.get("/api/v1/units/SOL/statistics?kind=quarter&period=2026-Q1&compare=parent")
    found = body.json()
    assert (found["from"], found["to"], found["absence_rate"]) == (
        "2026-01-01",
        "2026-03-31",
        0.9921,
    )
    compared = found["compared"]
    assert (compared["unit"], compared["name"], compared["absence_rate"]) == (
        "DAG",
        "Center for Dagtilbud",
        0.8658,
    )
    assert (compared["absence_rate_points"], compared["absence_days_per_fte_difference"]) == (
        0.1263,
        0.0795,
    )
    assert client.get("/api/v1/units/SOL/statistics?kind=month&from=2026-01-01").status_code == 400
    client.force_login(world.mette)
    refused = client.get("/api/v1/units/DAG/statistics?kind=month&period=2026-06")
    assert refused.status_code == 400
    assert refused.json() == {"error": "period: '2026-06' is not a month period you may see"}
    # MAE is hidden from a committee (3 employees), so is its difference from DAG
    mae = client.get("/api/v1/units/MAE/statistics?kind=month&compare=parent").json()
    assert mae["suppressed"] and not mae["compared"]["suppressed"]
    assert mae["compared"]["absence_rate_points"] is None
    client.force_login(world.alice)
    assert client.get("/api/v1/units/SOL/statistics?compare=parent").status_code == 403


def test_a_kind_changed_without_javascript_takes_the_newest_of_it(
    client: Client, world: World
) -> None:
    client.force_login(world.carl)
    # the list still held months when the form was sent: its period is left out
    page = client.get("/units/SOL/?kind=quarter&period=2026-05&listed=month").context["page"]
    assert (page.period.key, page.period.start, page.period.end) == (
        "2026-Q2",
        D(2026, 4, 1),
        D(2026, 6, 15),
    )
    # but a month given as a quarter is refused
    assert client.get("/units/SOL/?kind=quarter&period=2026-05&listed=quarter").status_code == 400


def test_the_default_needs_no_option_of_the_policy() -> None:
    """Data younger than a year: no rolling 12 months is whole months of the policy's
    horizon, yet the page opens on its last 12 months (each cell hidden by the rule)."""
    young = PeriodChoices(
        PagePeriods(D(2026, 5, 31), whole_months=True),
        lambda start, end: whole_months_to_may(start, end) and start >= D(2026, 1, 1),
    )
    assert young.options(PeriodKind.ROLLING) == []
    assert young.choose(None, None).period == (D(2025, 6, 1), D(2026, 5, 31))
    with pytest.raises(PeriodRefused, match="no rolling period is available"):
        young.choose("rolling", None)


def test_in_english_by_the_toggle(client: Client, world: World) -> None:
    client.force_login(world.carl)
    client.post("/i18n/setlang/", {"language": "en", "next": "/units/SOL/"})
    response = client.get("/units/SOL/?kind=month&compare=parent")
    assert response.context["page"].period_label == "June 2026 (current month, up to 15 June 2026)"
    text = response.content.decode()
    assert "Compare with" in text and "the unit above (Center for Dagtilbud)" in text
