"""In a real browser (headless Chromium, Debian's): HR chooses a quarter and a comparison
on a unit page; htmx fetches the quarters when the kind changes, and the chosen page has
its own URL, to bookmark."""

from __future__ import annotations

import re

import pytest

from tests.web.browser import CHROMIUM, sign_in
from tests.web.world import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


def test_choosing_a_quarter_and_a_comparison(browser_world: World, page) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "carl")
    page.goto("/units/SOL/?structure=current")
    assert page.get_by_label("Periode", exact=True).input_value() == "2026-06-15"
    page.get_by_label("Periodetype").select_option(label="Kvartal")
    # htmx has swapped in the quarters, the newest (so far) chosen
    period = page.get_by_label("Periode", exact=True)
    period.locator("option[value='2026-Q1']").wait_for(state="attached")
    assert period.input_value() == "2026-Q2"
    period.select_option(label="1. kvartal 2026")
    page.get_by_label("Sammenlign med").select_option(value="parent")
    page.get_by_role("button", name="Vis", exact=True).click()
    page.wait_for_url(re.compile(r".*kind=quarter&period=2026-Q1&listed=quarter&compare=parent"))

    assert "structure=current" in page.url  # kept
    card = page.locator(".card[data-period='0']")
    assert "1. kvartal 2026 (01.01.2026–31.03.2026)" in card.inner_text()
    assert "0,99 %" in card.inner_text()
    assert "Center for Dagtilbud: 0,87 %" in card.inner_text()
    assert "Forskel: +0,13 procentpoint" in card.inner_text()
    heading = "Faggrupper (1. kvartal 2026)"
    assert page.get_by_role("heading", name=heading).is_visible()
    assert page.locator("svg.chart polyline.compare").count() >= 1
    # the month so far, hollow and named
    assert page.locator("svg.chart circle.this-year.incomplete").count() == 1
    assert page.get_by_text("indeværende måned, til og med 15. juni 2026").first.is_visible()

    # the URL is the page: opened again (a bookmark), the same choices
    url = page.url
    page.goto("/")
    page.goto(url)
    assert page.get_by_label("Periode", exact=True).input_value() == "2026-Q1"
    assert page.get_by_label("Sammenlign med").input_value() == "parent"
