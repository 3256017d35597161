"""In headless Chromium (Debian's): a CSO member opens Søg from the menu, types a word
and the results come as they type (htmx, under the Content-Security-Policy), the word
marked in its Danish forms; the closed item is among them for a member."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection

from samraad.audit import triggers
from samraad.meetings.models import AgendaItem
from tests.meetings.test_browser import sign_in
from tests.meetings.world import CLOSED_TITLE, Committees, build_committees
from tests.web.browser import CHROMIUM, page
from tests.web.world import build_world

__all__ = ["page"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def search_world(transactional_db: None) -> Iterator[Committees]:
    triggers.install(connection)
    world = build_committees(build_world())
    AgendaItem.objects.filter(meeting=world.march, number=2).update(
        text="Sygefraværet i forvaltningerne er steget."
    )
    AgendaItem.objects.get(meeting=world.march, number=2).save()  # the index follows
    yield world
    triggers.remove(connection)


def test_results_come_as_the_member_types(search_world: Committees, page) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text))
    sign_in(page, "mette")
    page.get_by_role("link", name="Søg", exact=True).click()
    page.get_by_label("Søg efter").press_sequentially("sygefravær")
    page.wait_for_selector(".search-result")
    assert page.locator(".result-title").all_inner_texts() == [
        "2. Sygefravær 2025 (mødet)",
        "2. Budget 2027 (mødet)",
    ]
    assert page.locator("mark").all_inner_texts() == ["Sygefravær", "Sygefraværet"]
    page.get_by_label("Søg efter").fill("afskedigelse")
    page.wait_for_selector(f"text={CLOSED_TITLE}")
    assert page.locator(".search-result .label strong").all_inner_texts() == ["Lukket punkt"]
    assert errors == []
