"""The report on the unit page: who may download it and in which audience, what the audit
log records, and subscribing (only to a unit the user may see)."""

from __future__ import annotations

from django.test import Client

from samraad.audit.models import Action, AuditEntry
from samraad.reports.models import Subscription
from tests.reports.reading import pdf_text, sheets
from tests.web.world import World

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_manager_downloads_the_management_report_and_it_is_audited(
    client: Client, world: World
) -> None:
    client.force_login(world.alice)
    response = client.get("/units/SOL/report/", {"month": "2026-05", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert 'filename="rapport-SOL-2026-05.xlsx"' in response["Content-Disposition"]
    assert "De længste igangværende fravær" in sheets(response.content)
    entry = AuditEntry.objects.get(page="reports:download")
    assert (entry.username, entry.action, entry.unit_id, entry.detail) == (
        "alice",
        Action.EXPORT,
        "SOL",
        "2026-05 management xlsx",
    )


def test_the_default_month_is_the_last_complete_one(client: Client, world: World) -> None:
    client.force_login(world.hanna)
    response = client.get("/units/BUF/report/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Månedsrapport for maj 2026 · til ledelsen" in pdf_text(response.content)


def test_no_download_outside_the_scope(client: Client, world: World) -> None:
    client.force_login(world.alice)
    assert client.get("/units/SOE/report/").status_code == 403
    assert client.get("/units/NOPE/report/").status_code == 404
    client.force_login(world.henrik)  # HovedMED BUF: not KFF
    assert client.get("/units/KFF/report/").status_code == 403
    client.force_login(world.ada)  # an administrator sees no statistics
    assert client.get("/units/KK/report/").status_code == 403
    assert not AuditEntry.objects.filter(page="reports:download").exists()


def test_anonymous_users_are_sent_to_sign_in(client: Client, world: World) -> None:
    response = client.get("/units/SOL/report/")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]


def test_bad_months_and_formats(client: Client, world: World) -> None:
    client.force_login(world.carl)
    assert client.get("/units/KK/report/", {"month": "2026-13"}).status_code == 400
    assert client.get("/units/KK/report/", {"format": "docx"}).status_code == 400
    # June 2026 is not over on 15 June
    assert client.get("/units/KK/report/", {"month": "2026-06"}).status_code == 404


def test_subscribing_only_to_a_unit_in_scope(client: Client, world: World) -> None:
    client.force_login(world.alice)
    response = client.post("/units/SOL/report/subscribe/")
    assert response.status_code == 302
    assert response["Location"] == "/units/SOL/"
    assert client.post("/units/SOE/report/subscribe/").status_code == 403
    assert client.post("/units/NOPE/report/subscribe/").status_code == 404
    assert client.get("/units/SOL/report/subscribe/").status_code == 405
    found = Subscription.objects.get()
    assert (found.user, found.unit_id, str(found.created_on)) == (world.alice, "SOL", "2026-06-15")
    # subscribing twice keeps one subscription
    client.post("/units/SOL/report/subscribe/")
    assert Subscription.objects.count() == 1


def test_unsubscribing(client: Client, world: World) -> None:
    client.force_login(world.alice)
    client.post("/units/SOL/report/subscribe/")
    assert client.post("/units/SOE/report/unsubscribe/").status_code == 403
    assert client.post("/units/SOL/report/unsubscribe/").status_code == 302
    assert not Subscription.objects.exists()


def test_the_unit_page_offers_the_report_and_the_subscription(client: Client, world: World) -> None:
    client.force_login(world.alice)
    page = client.get("/units/SOL/").content.decode()
    assert 'action="/units/SOL/report/"' in page
    assert '<option value="2026-05">maj 2026</option>' in page
    assert 'action="/units/SOL/report/subscribe/"' in page
    client.post("/units/SOL/report/subscribe/")
    page = client.get("/units/SOL/").content.decode()
    assert 'action="/units/SOL/report/unsubscribe/"' in page
    assert "Du får rapporten med mail på den første arbejdsdag i hver måned." in page
