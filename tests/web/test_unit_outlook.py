"""The unit page's year against the target: the target (inherited from above), the year
to date, the forecast `samraad forecast` makes, and whether the unit is on track; for
committee members only where the unit's own figures for the year so far are shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client

from samraad.forecast import forecast
from samraad.frames.loading import load_dataset
from samraad.org.models import Target
from samraad.stats import Structure, unit_figures
from tests.web.world import TODAY, World


def test_a_unit_without_a_target_inherits_its_administrations(client: Client, world: World) -> None:
    client.force_login(world.carl)
    page = client.get("/units/SOL/").context["page"]
    assert (page.outlook.target, page.outlook.target_set_for) == (Decimal("10.5"), "BUF")
    assert page.outlook.inherited
    assert page.target_set_for_name == "Børne- og Ungdomsforvaltningen"


def test_the_forecast_is_the_commands(client: Client, world: World) -> None:
    client.force_login(world.carl)
    found = client.get("/units/SOL/").context["page"].outlook
    expected = forecast(load_dataset(), "SOL", 2026, TODAY, structure=Structure.HISTORIC)
    ahead = expected.to_json()["forecast"]
    assert found.forecast.absence_days_per_fte == ahead["absence_days_per_fte"]
    assert (found.forecast.low, found.forecast.high) == (ahead["low"], ahead["high"])
    ytd = unit_figures(load_dataset(), "SOL", dt.date(2026, 1, 1), TODAY).to_json()
    assert found.year_to_date.absence_days_per_fte == ytd["absence_days_per_fte"]
    assert found.on_track is (Decimal(str(ahead["absence_days_per_fte"])) <= Decimal("10.5"))


def test_on_track_compares_the_forecast_with_the_target(client: Client, world: World) -> None:
    client.force_login(world.carl)
    ahead = client.get("/units/SOL/").context["page"].outlook.forecast.absence_days_per_fte
    Target.objects.create(unit_id="SOL", year=2026, absence_days_per_fte=Decimal(str(ahead)))
    at_target = client.get("/units/SOL/").context["page"].outlook
    assert (at_target.target_set_for, at_target.on_track) == ("SOL", True)
    Target.objects.filter(unit_id="SOL").update(absence_days_per_fte=Decimal(str(ahead)) - 1)
    assert client.get("/units/SOL/").context["page"].outlook.on_track is False


def test_committee_members_see_the_year_of_whole_months_or_nothing(
    client: Client, world: World
) -> None:
    client.force_login(world.henrik)
    buf = client.get("/units/BUF/").context["page"].outlook
    assert buf.year_to_date.end == dt.date(2026, 5, 31)
    made_then = forecast(
        load_dataset(), "BUF", 2026, dt.date(2026, 5, 31), structure=Structure.CURRENT
    )
    ahead = made_then.to_json()["forecast"]
    assert buf.forecast.absence_days_per_fte == ahead["absence_days_per_fte"]
    mae = client.get("/units/MAE/").context["page"].outlook
    assert mae.suppressed
    assert (mae.year_to_date, mae.forecast, mae.on_track) == (None, None, None)
    assert mae.target == Decimal("10.5")


def test_the_api_answers_with_the_pages_outlook(client: Client, world: World) -> None:
    client.force_login(world.carl)
    page = client.get("/units/SOL/").context["page"].outlook
    body = client.get("/api/v1/units/SOL/statistics").json()
    assert body["outlook"] == page.to_json()
    assert body["outlook"]["target"] == 10.5 and body["outlook"]["target_set_for"] == "BUF"
    rows = client.get("/api/v1/units/DAG/sub-units").json()["sub_units"]
    assert next(r for r in rows if r["unit"] == "SOL")["outlook"] == page.to_json()
