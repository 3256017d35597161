"""In headless Chromium: the app works under its Content-Security-Policy (htmx expands the
tree and lists the employees) and the browser reports no violation on any page."""

from __future__ import annotations

import pytest

from tests.web.browser import CHROMIUM, sign_in
from tests.web.world import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


def test_no_page_breaks_the_policy(browser_world: World, page) -> None:  # type: ignore[no-untyped-def]
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    sign_in(page, "dora")
    page.get_by_role("link", name="Organisation", exact=True).click()
    page.get_by_role("link", name="Vis enheder under Center for Dagtilbud").click()
    page.locator("#tree").get_by_role("link", name="Børnehuset Solsikken").click()
    page.locator(".legend .swatch.this-year").wait_for()
    assert (
        page.locator(".legend .swatch.this-year").evaluate(
            "e => getComputedStyle(e).backgroundColor"
        )
        == "rgb(31, 95, 168)"
    )
    page.get_by_role("link", name="Vis medarbejdere").click()
    page.locator("#employees-table").wait_for()
    page.get_by_role("link", name="SOL-1", exact=True).click()
    page.get_by_role("heading", name="Medarbejder SOL-1").wait_for()
    for path in ("/alerts/", "/accounts/token/", "/org/?unit=DAG"):
        page.goto(path)
    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Dansk").wait_for()
    violations = [m for m in messages if "Content Security Policy" in m]
    assert violations == []
