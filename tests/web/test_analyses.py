"""The analyses' pages: HR sees every figure, committee members what the disclosure
policy allows, managers none; each page names its period and how many it covers, and
its figures are the statistics core's for the groups it defines."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from django.test import Client

from samraad.absence import service
from samraad.absence.models import Absence
from samraad.frames.loading import load_dataset
from samraad.people.models import Employee, Employment
from samraad.stats import Dataset, Structure, unit_figures
from tests.web.world import TODAY, World

YOUNG = ["SOL-1", "SOL-2", "SOL-3", "SOE-1", "BIB-1"]
LAST_12 = (dt.date(2025, 6, 16), TODAY)


@pytest.fixture
def aged(world: World) -> World:
    """Five under-30s, the rest born in 1960 (60+), MAE's without a birth date; SOE-2
    dismissed with notice on 1 March, gone at the end of May, ill 13–17 April."""
    Employee.objects.filter(employee_id__in=YOUNG).update(birth_date=dt.date(2000, 1, 1))
    Employee.objects.exclude(employee_id__in=YOUNG).exclude(employee_id__startswith="MAE").update(
        birth_date=dt.date(1960, 1, 1)
    )
    Employment.objects.filter(employee_id="SOE-2").update(
        end_date=dt.date(2026, 5, 31), end_reason="dismissal", notice_date=dt.date(2026, 3, 1)
    )
    Absence.objects.create(
        absence_id="N1",
        employee_id="SOE-2",
        cause="own_sickness",
        start_date=dt.date(2026, 4, 13),
        end_date=dt.date(2026, 4, 17),
    )
    return world


def only(data: Dataset, people: list[str]) -> Dataset:
    return Dataset(
        data.units, data.employments.filter(pl.col("employee_id").is_in(people)), data.absences
    )


def test_hr_sees_short_term_absence_by_age_with_the_under_30s_first(
    client: Client, aged: World
) -> None:
    client.force_login(aged.hanna)
    page = client.get("/analyses/BUF/short-term/").context["page"]
    assert (page.start, page.end, page.covers) == (*LAST_12, 17)
    lines = page.sections[0].lines
    assert [line.label for line in lines] == [
        "Under 30 år",
        "Alle aldre",
        "30–39 år",
        "40–49 år",
        "50–59 år",
        "60 år og derover",
        "Alder ukendt",
    ]
    assert lines[0].emphasised
    young = unit_figures(only(load_dataset(), YOUNG), "BUF", *LAST_12).to_json()
    # employees, FTE, 1–3-day spells … all days per FTE
    assert lines[0].values[0].text == "4"  # SOL-1, SOL-2, SOL-3, SOE-1 (BIB-1 is in KFF)
    assert lines[0].values[2].text == str(young["by_length"]["1-3"]["spells"])
    assert lines[0].values[-1].text == f"{young['absence_days_per_fte']:.2f}".replace(".", ",")


def test_committee_members_see_only_what_the_policy_vouches_for(
    client: Client, aged: World
) -> None:
    client.force_login(aged.henrik)
    page = client.get("/analyses/BUF/short-term/").context["page"]
    period = service.periods_for(TODAY, False).last_12_months
    assert (page.start, page.end) == period
    allowed = service.policy(TODAY).parts(service.AGE_BANDS, Structure.CURRENT, "BUF", *period)
    for line in page.sections[0].lines[2:]:
        suppressed = all(v.suppressed for v in line.values)
        headcount = None if suppressed else int(line.values[0].text)
        assert suppressed or headcount == 0 or headcount >= 5
    bands = ["0-29", "", "30-39", "40-49", "50-59", "60+", "unknown"]
    for band, line in zip(bands, page.sections[0].lines, strict=True):
        if band and line.values[0].text not in ("0",):
            assert line.values[0].suppressed is (band not in allowed)
    seniors = client.get("/analyses/BUF/seniors/").context["page"]
    assert len(seniors.sections) == 1  # no job groups by age for committees


def test_managers_have_no_analyses(client: Client, aged: World) -> None:
    client.force_login(aged.alice)
    assert client.get("/analyses/SOL/short-term/").status_code == 403
    assert client.get("/analyses/").status_code == 403


def test_the_notice_period_against_the_year_before(client: Client, aged: World) -> None:
    client.force_login(aged.hanna)
    page = client.get("/analyses/SOE/notice/").context["page"]
    assert page.covers == 1
    before, notice = page.sections[0].lines
    # March–May 2026 has 60 working days, 5 of them ill: 8.33 %; none the year before
    assert [v.text for v in before.values] == ["1", "0,00", "0"]
    assert [v.text for v in notice.values] == ["1", "8,33", "1"]


def test_seniors_by_job_group_for_hr(client: Client, aged: World) -> None:
    client.force_login(aged.carl)
    page = client.get("/analyses/KK/seniors/").context["page"]
    overall, by_job = page.sections
    assert [line.label for line in overall.lines] == ["Alle aldre", "60 år og derover"]
    hk = next(line for line in by_job.lines if line.label == "hk")
    # BIB-2..6 are 60+ hk; no hk under 60
    assert [v.text for v in hk.values][:1] + [v.text for v in hk.values][3:4] == ["5", "0"]


def test_job_groups_across_the_administrations(client: Client, aged: World) -> None:
    client.force_login(aged.carl)
    page = client.get("/analyses/KK/job-groups/").context["page"]
    section = page.sections[0]
    assert section.columns == [
        "Københavns Kommune",
        "Børne- og Ungdomsforvaltningen",
        "Kultur- og Fritidsforvaltningen",
    ]
    rows = {line.label: [v.text for v in line.values] for line in section.lines}
    assert [text.split(" ")[-1] for text in rows["pædagog"]] == ["(9)", "(9)", "–"]
    assert rows["hk"][2].endswith("(5)")


def test_unknown_analysis_is_404_and_the_menu_links_committees(client: Client, aged: World) -> None:
    client.force_login(aged.henrik)
    assert client.get("/analyses/BUF/nope/").status_code == 404
    assert client.get("/analyses/").context["units"] == [("BUF", "Børne- og Ungdomsforvaltningen")]
