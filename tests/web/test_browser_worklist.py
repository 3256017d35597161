"""In a real browser (headless Chromium, Debian's): a manager opens the home page on the
most urgent alert, by name, records a retention plan for a § 7b alert, finds the alert
closed and cannot register it twice; central HR filters the inbox by unit and rule and
pages through it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connections

from samraad.followup.models import Alert, RetentionPlan
from samraad.people.models import Employee
from tests.web.browser import CHROMIUM, sign_in
from tests.web.world import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
D = dt.date.fromisoformat


@pytest.fixture
def closing(page):  # type: ignore[no-untyped-def]
    """The page, and this test body's own database connection closed at its end: with
    Playwright's event loop running, the body's ORM calls get a connection of their
    own, which would keep PostgreSQL from dropping the test database."""
    yield page
    connections.close_all()


def alert(employee: str, rule: str, raised: dt.date, due: dt.date, unit: str) -> Alert:
    return Alert.objects.create(
        employee_id=employee,
        rule_id=rule,
        ruleset_version="test",
        title=f"Regel {rule}",
        raised_on=raised,
        due_by=due,
        reason="spell_length",
        unit_id=unit,
    )


def test_manager_records_a_retention_plan_once(browser_world: World, closing) -> None:  # type: ignore[no-untyped-def]
    page = closing
    # Besides SOL-1's conversation (due 22 June): SOL-2's § 7b alert, overdue since 8 June.
    alert("SOL-2", "retention-plan", D("2026-06-01"), D("2026-06-08"), "SOL")
    Employee.objects.filter(employee_id="SOL-2").update(name="Karen Blixen")
    Employee.objects.filter(employee_id="SOL-1").update(name="Tove Ditlevsen")
    sign_in(page, "alice")

    waiting = page.locator("#waiting-alerts")
    assert waiting.get_by_role("heading").inner_text() == "2 advis venter på dig"
    first = waiting.locator("li").first
    assert "Karen Blixen" in first.inner_text() and "overskredet" in first.inner_text()
    first.get_by_role("link", name="Karen Blixen").click()
    page.get_by_role("heading", name=re.compile("Fastholdelsesplan")).wait_for()

    # A second tab opens the same form before the first registers (a double registration).
    stale = page.context.new_page()
    stale.goto(page.url)

    page.get_by_label("Dato for fastholdelsesplanen").fill("2026-06-12")
    page.get_by_label("Dato for opfølgning på planen").fill("2026-07-10")
    page.get_by_label("Notat").fill("Plan aftalt med gradvis tilbagevenden.")
    page.get_by_role("button", name="Registrér").click()
    page.get_by_text("Registreringen er gemt, og adviset er lukket.").wait_for()

    page.get_by_role("link", name=re.compile(r"^Lukket \(1\)$")).click()
    row = page.locator("#alerts-table tr[data-alert]")
    assert row.count() == 1 and "Karen Blixen" in row.inner_text()
    assert row.get_by_role("link", name="Registrér fastholdelsesplan").count() == 0
    row.get_by_role("link", name="Se registreringen").click()
    registered = page.locator("#registration")
    assert "12. juni 2026" in registered.inner_text()
    assert "Plan aftalt med gradvis tilbagevenden." in registered.inner_text()
    assert page.get_by_role("button", name="Registrér").count() == 0

    stale.get_by_label("Dato for fastholdelsesplanen").fill("2026-06-13")
    stale.get_by_role("button", name="Registrér").click()
    stale.locator("#refused").wait_for()
    assert "allerede besvaret" in stale.locator("#refused").inner_text()
    assert stale.get_by_role("button", name="Registrér").count() == 0
    assert RetentionPlan.objects.count() == 1
    assert RetentionPlan.objects.get().done_on == D("2026-06-12")


def test_central_hr_filters_by_unit_and_rule_and_pages(browser_world: World, closing) -> None:  # type: ignore[no-untyped-def]
    page = closing
    start = D("2025-09-01")
    for n in range(60):  # 60 conversation alerts in the library, 5 § 7b alerts
        raised = start + dt.timedelta(days=n)
        alert(f"BIB-{n % 6 + 1}", "conversation", raised, raised + dt.timedelta(14), "BIB")
    for n in range(5):
        raised = start + dt.timedelta(days=n)
        alert(f"BIB-{n + 1}", "retention-plan", raised, raised + dt.timedelta(7), "BIB")
    sign_in(page, "carl")
    page.get_by_role("link", name="Advis", exact=True).click()
    page.locator("#alerts-table").wait_for()

    page.get_by_label("Enhed").select_option("BIB")
    page.get_by_label("Regel", exact=True).select_option("conversation")
    page.get_by_role("button", name="Filtrér").click()
    page.wait_for_url(re.compile(r"unit=BIB"))
    rows = page.locator("#alerts-table tr[data-alert]")
    assert rows.count() == 50
    assert page.get_by_text("Side 1 af 2 (60 advis)").is_visible()
    assert re.search(r"Overskredet \(60\)", page.locator("nav.switch").inner_text())
    assert "Regel conversation" in rows.first.inner_text()
    first_due = rows.first.locator("td").nth(3).inner_text()
    assert first_due == "15.09.2025"

    page.get_by_role("link", name="Næste").click()
    page.get_by_text("Side 2 af 2 (60 advis)").wait_for()
    assert rows.count() == 10
    assert rows.last.locator("td").nth(3).inner_text() == "13.11.2025"
    assert page.get_by_role("link", name="Næste").count() == 0

    page.get_by_label("Regel", exact=True).select_option("retention-plan")
    page.get_by_role("button", name="Filtrér").click()
    page.locator("#alerts-table").get_by_text("Regel retention-plan").first.wait_for()
    assert rows.count() == 5
