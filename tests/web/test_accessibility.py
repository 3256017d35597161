"""Every page, for every role that may open it, at a desktop and a phone width: the
automated WCAG 2.1 AA checks of axe-core (vendored: tests/web/vendor/axe.min.js, MPL 2.0,
run in Debian's headless Chromium) find nothing, and nothing is wider than the screen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.browser import ARGS, CHROMIUM, sign_in
from tests.web.world import World

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = {
    "carl": [
        "/",
        "/org/",
        "/org/?unit=BUF",
        "/units/KK/",
        "/units/SOL/",
        "/units/SOL/?kind=quarter&period=2026-Q1&compare=parent",
        "/units/SOL/employees/",
        "/employees/SOL-1/",
        "/alerts/",
        "/audit/",
        "/accounts/token/",
    ],
    "alice": ["/", "/units/SOL/", "/units/SOL/employees/", "/employees/SOL-2/", "/alerts/"],
    "mette": [
        "/",
        "/org/",
        "/units/KK/",
        "/units/DAG/",
        "/units/DAG/?kind=month&compare=municipality",
        "/units/SOL/?structure=historic",
    ],
    "ada": ["/", "/import/"],
}
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def browser(live_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium, live_server.url
        chromium.close()


def violations(page) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_page_breaks_the_automated_checks(
    browser_world: World, browser: tuple[object, str], width: str
) -> None:
    # The world first: built after Playwright has started, it would be written over a
    # database connection of Playwright's context, left open (PostgreSQL then cannot
    # drop the test database).
    chromium, url = browser
    found: dict[str, object] = {}
    for user, pages in PAGES.items():
        # The CSP of the app would refuse the test's own script: axe is injected past it.
        context = chromium.new_context(  # type: ignore[attr-defined]
            base_url=url, bypass_csp=True, viewport=WIDTHS[width]
        )
        page = context.new_page()
        sign_in(page, user)
        for path in pages:
            page.goto(path)
            problems = violations(page)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            if problems or overflow > 0:
                found[f"{user} {path}"] = {"axe": problems, "too wide by": overflow}
        context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
