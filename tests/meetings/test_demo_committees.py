"""The demo's committees (demo/committees.py): CSO and a HovedMED per administration
with members, two years of meetings from the annual cycle with minutes, the seeds
imported as CSO meetings, and the logins sekretaer and formand on the CSO."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from samraad.committees.models import Committee, Member
from samraad.demo.committees import SEED_DATES, create_demo_committees
from samraad.demo.users import create_demo_users
from samraad.meetings.models import ActionPlan, Meeting, Note, RecurringItem
from samraad.org.models import Unit, UnitPeriod
from tests.web.world import World

TODAY = dt.date(2026, 6, 15)
ADMINISTRATIONS = ("OKF", "BUF", "SUF", "SOF", "KFF", "KTF", "BIF")


@pytest.fixture
def municipality(db: None) -> None:
    Unit.objects.create(unit_id="KK")
    UnitPeriod.objects.create(
        unit_id="KK", name="Københavns Kommune", kind="municipality", valid_from="2015-01-01"
    )
    for code in ADMINISTRATIONS:
        Unit.objects.create(unit_id=code)
        UnitPeriod.objects.create(
            unit_id=code,
            name=f"Forvaltning {code}",
            kind="administration",
            parent_id="KK",
            valid_from="2015-01-01",
        )


def test_cso_and_a_hovedmed_per_administration_with_members(municipality: None) -> None:
    create_demo_committees(TODAY, 42)
    mains = Committee.objects.filter(level="main")
    assert sorted(c.unit_id for c in mains) == sorted(ADMINISTRATIONS)
    assert {c.parent_id for c in mains} == {"CSO"}
    assert Committee.objects.get(code="CSO").unit_id == "KK"
    assert set(Committee.objects.filter(level="working_group").values_list("code", flat=True)) == {
        "TG-DSK",
        "AG-FR",
    }
    for committee in Committee.objects.exclude(level="working_group"):
        roles = set(committee.members.values_list("role", flat=True))
        assert roles == {"chair", "vice_chair", "secretary", "member"}, committee.code
        assert set(committee.members.values_list("side", flat=True)) == {"management", "employee"}
    assert (
        Member.objects.filter(side="employee").exclude(organisation="ledelsen").count()
        == Member.objects.filter(side="employee").count()
    )


def test_the_same_seed_gives_the_same_committees_again(municipality: None) -> None:
    create_demo_committees(TODAY, 42)
    first = list(Member.objects.order_by("id").values_list("committee_id", "name", "role"))
    for model in (Meeting, Note, ActionPlan, RecurringItem, Member):
        model.objects.all().delete()
    Committee.objects.filter(parent__isnull=False).delete()
    Committee.objects.all().delete()
    create_demo_committees(TODAY, 42)
    assert list(Member.objects.order_by("id").values_list("committee_id", "name", "role")) == first


def test_two_years_of_meetings_with_minutes_and_the_seeds_imported(municipality: None) -> None:
    create_demo_committees(TODAY, 42)
    cso = Meeting.objects.filter(series__committee_id="CSO")
    imported = sorted(cso.exclude(imported_from="").values_list("date", flat=True))
    assert imported == sorted(SEED_DATES.values())
    generated = cso.filter(imported_from="")
    assert sorted({m.date.year for m in generated}) == [2025, 2026]
    held = [m for m in generated.order_by("date") if m.date < TODAY]
    assert [m.minutes_status for m in held[:-1]] == ["approved"] * (len(held) - 1)
    assert held[-1].minutes_status == "written_procedure"
    for meeting in held:
        titles = [i.title for i in meeting.items.all()]
        assert titles[0].startswith(("Godkendelse af referat", "Referat fra")), titles
        assert titles[-1] == "Eventuelt"
    june = generated.get(date=dt.date(2026, 6, 4))
    assert "Sygefravær 2025" in [i.title for i in june.items.all()]
    next_one = generated.filter(date__gte=TODAY).order_by("date").first()
    assert next_one is not None and next_one.agenda_published_on is not None
    assert generated.filter(date__gt=next_one.date, items__isnull=False).count() == 0


def test_sekretaer_and_formand_sit_on_the_cso(client: Client, world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SAMRAAD_DEMO = True
    logins = dict(create_demo_users(TODAY))
    assert {"sekretaer", "formand"} <= set(logins)
    seats = {
        m.user.username: m.role
        for m in Member.objects.filter(committee_id="CSO", user__isnull=False)
    }
    assert (seats["sekretaer"], seats["formand"]) == ("secretary", "chair")
    assert client.login(username="sekretaer", password="demo")
    assert client.get("/committees/CSO/import/").status_code == 200
    create_demo_users(TODAY)  # again: the seats are kept, not made twice
    assert Member.objects.filter(committee_id="CSO", role="secretary").count() == 1
