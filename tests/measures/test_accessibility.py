"""The measures pages and the sickness item with its buttons, at a desktop and a phone
width: axe-core's WCAG 2.1 AA checks find nothing and nothing is wider than the screen
(as tests/meetings/test_accessibility.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.db import connection

from samraad.audit import triggers
from samraad.meetings.models import AgendaItem, RecurringItem
from tests.measures.test_measures_form import last_years
from tests.meetings.world import build_committees
from tests.web.browser import CHROMIUM, sign_in
from tests.web.test_accessibility import WIDTHS, browser, violations
from tests.web.world import build_world

__all__ = ["browser"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def measure_pages(transactional_db: None) -> Iterator[dict[str, list[str]]]:
    """Made before the browser starts (under Playwright the test body would use a
    database connection of its own)."""
    triggers.install(connection)
    world = build_committees(build_world())
    rule = RecurringItem.objects.get(committee_id="CSO", title="Sygefravær {last_year}")
    rule.report = "sickness_absence"
    rule.save()
    item = AgendaItem.objects.get(meeting=world.june, number=2)
    item.recurring = rule
    item.save()
    last_years()
    yield {
        "hanna": ["/measures/", "/measures/BUF/2026/", "/measures/BUF/2025/"],
        "carl": ["/measures/", "/measures/KK/2026/"],
        "sofie": [f"/items/{item.pk}/"],
    }
    triggers.remove(connection)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_measures_page_breaks_the_automated_checks(
    measure_pages: dict[str, list[str]], browser: tuple[object, str], width: str
) -> None:
    chromium, url = browser
    found: dict[str, object] = {}
    for user, paths in measure_pages.items():
        context = chromium.new_context(  # type: ignore[attr-defined]
            base_url=url, bypass_csp=True, viewport=WIDTHS[width]
        )
        page = context.new_page()
        sign_in(page, user)
        for path in paths:
            page.goto(path)
            problems = violations(page)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            if problems or overflow > 0:
                found[f"{user} {path}"] = {"axe": problems, "too wide by": overflow}
        context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
