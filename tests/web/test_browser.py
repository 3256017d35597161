"""In a real browser (headless Chromium, Debian's): a manager drills down, opens an alert,
records the conversation and sees the alert closed; a committee member finds no person."""

from __future__ import annotations

import re

import pytest

from tests.web.browser import CHROMIUM, sign_in
from tests.web.world import STAFF, World, employee_ids

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


def test_manager_drills_down_and_records_a_conversation(browser_world: World, page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "dora")
    page.get_by_role("link", name="Organisation", exact=True).click()
    page.get_by_role("link", name="Vis enheder under Center for Dagtilbud").click()
    page.locator("#tree").get_by_role("link", name="Børnehuset Solsikken").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Børnehuset Solsikken")
    page.get_by_role("link", name="Vis medarbejdere").click()
    page.locator("#employees-table").wait_for()
    page.get_by_role("link", name="SOL-1", exact=True).click()
    page.get_by_role("heading", name="Medarbejder SOL-1").wait_for()

    page.get_by_role("link", name="Registrér samtale").first.click()
    page.get_by_label("Dato for samtalen").fill("2026-06-12")
    page.get_by_label("Samtaletype").select_option("absence_conversation")
    page.get_by_label("Der deltog en bisidder").check()
    page.get_by_label("Opfølgningsdato").fill("2026-08-01")
    page.get_by_label("Notat").fill("Aftalt nedsat tid i to uger.")
    page.get_by_role("button", name="Registrér samtalen").click()

    page.get_by_text("Samtalen er registreret, og adviset er lukket.").wait_for()
    assert page.locator("#alerts-table tr[data-alert]").count() == 0
    page.get_by_role("link", name=re.compile(r"^Lukket \(\d+\)$")).click()
    closed = page.locator("#alerts-table tr[data-alert]")
    assert closed.count() == 1
    assert "SOL-1" in closed.inner_text() and "Lukket" in closed.inner_text()


def test_committee_member_finds_no_personal_data(browser_world: World, page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "mette")
    assert page.get_by_role("link", name="Advis").count() == 0
    seen = [page.content()]
    page.get_by_role("link", name="Organisation", exact=True).click()
    page.get_by_role("link", name="Vis enheder under Københavns Kommune").click()
    page.get_by_role("link", name="Vis enheder under Børne- og Ungdomsforvaltningen").click()
    page.get_by_role("link", name="Vis enheder under Center for Dagtilbud").click()
    page.locator("#tree").get_by_role("link", name="Vuggestuen Mælkebøtten").click()
    seen.append(page.content())
    assert page.get_by_text("færre end 5 medarbejdere").first.is_visible()
    assert page.get_by_role("button", name="Vis medarbejdere").count() == 0
    for path in ("/units/DAG/", "/units/KK/", "/units/SOL/"):
        page.goto(path)
        seen.append(page.content())
    response = page.goto("/units/SOL/employees/")
    assert response is not None and response.status == 403
    people = [e for unit in STAFF for e in employee_ids(unit)]
    leaked = [e for e in people for html in seen if re.search(rf"\b{re.escape(e)}\b", html)]
    assert leaked == []
