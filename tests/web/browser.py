"""Debian's headless Chromium for the browser tests: the world in a database the live
server sees, a signed-in page, and how to sign in."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from samraad.accounts.models import Role, RoleAssignment
from samraad.audit import triggers
from samraad.org.models import Manager
from samraad.people.models import Employee
from tests.web.world import PASSWORD, SINCE, World, build_world

# Playwright's sync API runs an event loop in this thread; Django then refuses database
# calls from the test body unless told that this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser_world(transactional_db: None) -> Iterator[World]:
    """The world in a database the live server's thread sees. The audit triggers are
    lifted for the flush that ends the test (it empties every table, the log too);
    tests of the triggers install them again (test_audit_log.entry)."""
    triggers.install(connection)
    world = build_world()
    Employee.objects.create(employee_id="M-DAG")
    Manager.objects.create(
        unit_id="DAG", employee_id="M-DAG", email="d@kk.example", valid_from=SINCE
    )
    dora = type(world.alice).objects.create_user("dora", "dora@kk.example", PASSWORD)
    RoleAssignment.objects.create(user=dora, role=Role.MANAGER, employee_id="M-DAG")
    yield world
    triggers.remove(connection)


@pytest.fixture
def page(live_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(15_000)
        yield context.new_page()
        context.close()
        browser.close()


def sign_in(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/accounts/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log ind").click()
    page.wait_for_url(re.compile(r".*/$"))
