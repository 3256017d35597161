"""Targets in the web app: HR sets a unit's target (their administrations; central HR
all) and breaks it down to the units below; every change is in the audit log."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from samraad.audit.models import AuditEntry
from samraad.org.models import Target
from tests.web.world import TODAY, World


def changes() -> list[tuple[str, str, str, str]]:
    return [
        (e.username, e.page, e.unit_id, e.detail)
        for e in AuditEntry.objects.exclude(action="role").order_by("id")
    ]


def test_hr_sets_a_target_in_danish_and_the_page_shows_it(client: Client, world: World) -> None:
    client.force_login(world.hanna)
    assert client.get("/units/SOL/").context["targets"].years[0].effective.set_for == "BUF"
    response = client.post("/units/SOL/target/", {"year": "2026", "value": "9,5"})
    assert response.status_code == 302
    assert Target.objects.get(unit_id="SOL", year=2026).absence_days_per_fte == Decimal("9.5")
    assert changes() == [("hanna", "targets:set", "SOL", "target 2026 SOL: none -> 9.5")]
    outlook = client.get("/units/SOL/").context["page"].outlook
    assert (outlook.target, outlook.target_set_for) == (Decimal("9.5"), "SOL")
    client.post("/units/SOL/target/", {"year": "2026", "value": "9"})
    assert changes()[-1][3] == "target 2026 SOL: 9.5 -> 9"


def test_only_hr_of_the_unit_may_set_it(client: Client, world: World) -> None:
    for user, unit in [(world.alice, "SOL"), (world.henrik, "BUF"), (world.hanna, "BIB")]:
        client.force_login(user)
        assert (
            client.post(f"/units/{unit}/target/", {"year": "2026", "value": "9"}).status_code == 403
        )
    client.force_login(world.alice)
    assert client.get("/units/SOL/").context["targets"] is None
    client.force_login(world.carl)
    assert client.post("/units/BIB/target/", {"year": "2026", "value": "9"}).status_code == 302
    assert (
        not Target.objects.filter(unit_id__in=["SOL", "BUF"], year=2026)
        .exclude(absence_days_per_fte=Decimal("10.5"))
        .exists()
    )


def test_a_bad_value_saves_nothing(client: Client, world: World) -> None:
    client.force_login(world.carl)
    response = client.post("/units/SOL/target/", {"year": "2026", "value": "-1"}, follow=True)
    assert not Target.objects.filter(unit_id="SOL").exists()
    assert "Måltallet blev ikke gemt" in response.content.decode()
    assert changes() == []


def test_hr_breaks_the_target_down_and_saves_it(client: Client, world: World) -> None:
    client.force_login(world.hanna)
    page = client.get("/units/BUF/target/breakdown/?year=2026").context["page"]
    assert [row.unit_id for row in page.rows] == ["DAG", "SKO"]
    assert abs(page.weighted_mean - 10.5) <= 0.01
    url = "/units/BUF/target/breakdown/"
    client.post(url, {"year": "2026", "method": "same", "baseline_years": "1"})
    saved = dict(Target.objects.filter(year=2026).values_list("unit_id", "absence_days_per_fte"))
    assert saved == {"BUF": Decimal("10.5"), "DAG": Decimal("10.5"), "SKO": Decimal("10.5")}
    assert changes() == [
        (
            "hanna",
            "targets:breakdown",
            "BUF",
            "target 2026 DAG: none -> 10.5; target 2026 SKO: none -> 10.5",
        )
    ]
    # again, without leave to replace: nothing is saved
    again = client.post(url, {"year": "2026", "method": "proportional"}, follow=True)
    assert "Intet blev gemt" in again.content.decode()
    assert len(changes()) == 1
    client.post(url, {"year": "2026", "method": "proportional", "replace": "on"})
    assert len(changes()) == 2
    proportional = client.get(f"{url}?year=2026").context["page"]
    assert [r.existing for r in proportional.rows] == [r.target for r in proportional.rows]


def test_the_breakdown_is_for_hr_only(client: Client, world: World) -> None:
    client.force_login(world.alice)
    assert client.get("/units/SOL/target/breakdown/").status_code == 403


def test_warm_up_breaks_down_the_administrations_targets(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from samraad.targets import views

    views.warm(TODAY)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("broken down again")

    monkeypatch.setattr(views, "breakdown", refuse)
    client.force_login(world.carl)
    page = client.get("/units/BUF/target/breakdown/").context["page"]
    assert page.result is not None and page.rows
