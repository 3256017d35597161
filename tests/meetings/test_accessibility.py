"""The committees' pages for each role that opens them, and the public pages, at a
desktop and a phone width: axe-core's WCAG 2.1 AA checks find nothing and nothing is
wider than the screen (as tests/web/test_accessibility.py for the rest of the app)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.db import connection

from samraad.audit import triggers
from samraad.meetings.models import AgendaItem, Note
from tests.meetings.world import Committees, build_committees
from tests.web.browser import CHROMIUM, sign_in
from tests.web.test_accessibility import WIDTHS, browser, violations
from tests.web.world import build_world

__all__ = ["browser"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def committee_pages(transactional_db: None) -> Iterator[dict[str, list[str]]]:
    """The world and its pages, made before the browser starts: under Playwright the
    test body would use a database connection of its own."""
    triggers.install(connection)
    yield pages(build_committees(build_world()))
    triggers.remove(connection)


def pages(world: Committees) -> dict[str, list[str]]:
    note = Note.objects.create(committee_id="CSO", title="Notat", date=world.june.date)
    closed = AgendaItem.objects.get(meeting=world.march, closed=True).pk
    plan = world.march.series.committee.action_plans.get().pk
    return {
        "sofie": [
            "/committees/",
            "/committees/CSO/",
            "/committees/CSO/cycle/",
            "/committees/CSO/actions/",
            "/committees/CSO/notes/",
            f"/notes/{note.pk}/",
            "/committees/CSO/plans/",
            f"/plans/{plan}/",
            "/committees/CSO/import/",
            "/committees/CSO/members/",
            f"/meetings/{world.march.pk}/",
            f"/meetings/{world.september.pk}/",
            f"/items/{closed}/",
        ],
        "mette": [
            f"/meetings/{world.march.pk}/",
            f"/items/{closed}/",
            "/search/",
            "/search/?q=budget+or+personalesag",
        ],
        "carl": ["/committees/", "/committees/new/"],
        "": [
            "/public/",
            "/public/committees/CSO/",
            f"/public/meetings/{world.march.pk}/",
        ],
    }


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_committee_page_breaks_the_automated_checks(
    committee_pages: dict[str, list[str]], browser: tuple[object, str], width: str
) -> None:
    chromium, url = browser
    found: dict[str, object] = {}
    for user, paths in committee_pages.items():
        context = chromium.new_context(  # type: ignore[attr-defined]
            base_url=url, bypass_csp=True, viewport=WIDTHS[width]
        )
        page = context.new_page()
        if user:
            sign_in(page, user)
        for path in paths:
            page.goto(path)
            problems = violations(page)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            if problems or overflow > 0:
                found[f"{user or 'anonymous'} {path}"] = {"axe": problems, "too wide by": overflow}
        context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
