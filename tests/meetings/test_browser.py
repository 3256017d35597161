"""In headless Chromium (Debian's): the CSO's secretary builds the June agenda from the
annual cycle, writes the minutes of an item with a statement, a decision and an action,
sends them in written procedure; a member approves; when the deadline has passed
(run-daily) the chair sees them approved; the action is on September's agenda."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from django.db import connection, connections
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.audit import triggers
from samraad.meetings.daily import run_committee_day
from samraad.meetings.models import AgendaItem
from tests.meetings.world import Committees, build_committees
from tests.web.browser import CHROMIUM, page
from tests.web.world import PASSWORD, build_world

__all__ = ["page"]  # the fixture, shared with the web app's browser tests
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def browser_committees(transactional_db: None) -> Iterator[Committees]:
    triggers.install(connection)
    world = build_committees(build_world())
    AgendaItem.objects.filter(meeting=world.june).delete()  # June's agenda is still to make
    yield world
    triggers.remove(connection)


def sign_in(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log ind").click()
    page.wait_for_url(re.compile(r".*/$"))


def open_meeting(page, day: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("link", name="Udvalg", exact=True).click()
    page.get_by_role("link", name="Centralt Samarbejdsorgan").click()
    page.get_by_role("link", name=day).click()


def test_from_the_annual_cycle_to_approved_minutes_and_the_next_agenda(
    browser_committees: Committees,
    page,
    settings: SettingsWrapper,  # type: ignore[no-untyped-def]
) -> None:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    sign_in(page, "sofie")
    open_meeting(page, "11. juni 2026")
    assert page.locator("#draft li").all_inner_texts() == [
        "Referat fra CSO-mødet den 5. marts 2026",
        "Sygefravær 2025",
        "Eventuelt",
    ]
    page.get_by_role("button", name="Byg dagsordenen ud fra årshjulet").click()
    page.get_by_text("Dagsordenen er bygget ud fra årshjulet.").wait_for()
    assert page.locator("#agenda > li h3").all_inner_texts() == [
        "Referat fra CSO-mødet den 5. marts 2026",
        "Sygefravær 2025",
        "Eventuelt",
    ]

    page.get_by_role("link", name="Sygefravær 2025").click()
    page.get_by_role("textbox", name="Referat", exact=True).fill(
        "CSO drøftede fraværet i forvaltningerne."
    )
    page.get_by_label("Beslutning eller konklusion").fill("CSO tog orienteringen til efterretning.")
    page.get_by_role("button", name="Gem referatet").click()
    page.get_by_label("Taler", exact=True).select_option(label="Mette Holm")
    page.get_by_label("Udtalelse", exact=True).fill("Mette Holm spurgte til fraværet i BUF.")
    page.get_by_role("button", name="Tilføj udtalelsen").click()
    page.get_by_text("Udtalelsen er tilføjet.").wait_for()
    page.get_by_label("Handling", exact=True).fill("Analyse af langtidsfravær i BUF")
    page.get_by_label("Ansvarlig").fill("Koncern HR")
    page.get_by_label("Frist").fill("2026-08-31")
    page.get_by_role("button", name="Tilføj handlingen").click()
    page.get_by_text("Handlingen er tilføjet.").wait_for()
    assert "Mette Holm spurgte til fraværet i BUF." in page.locator("#statements").inner_text()

    page.get_by_role("link", name="CSO, mødet den 11. juni 2026").click()
    page.get_by_label("Frist").fill("2026-06-22")
    page.get_by_role("button", name="Send referatet i skriftlig proces").click()
    page.get_by_text("Referatet er sendt i skriftlig proces.").wait_for()
    assert page.locator("#minutes-status").inner_text() == "I skriftlig proces"

    sign_in(page, "mette")
    open_meeting(page, "11. juni 2026")
    assert "CSO tog orienteringen til efterretning." in page.locator("#agenda").inner_text()
    page.get_by_label("Godkendt").check()
    page.get_by_role("button", name="Send mit svar").click()
    page.get_by_text("Tak: dit svar er registreret.").wait_for()

    # The deadline passes without objections; run-daily concludes the procedure. (Under
    # Playwright the test runs in another context, with a connection of its own: closed.)
    settings.SAMRAAD_TODAY = "2026-06-23"
    try:
        assert run_committee_day(dt.date(2026, 6, 23)).approved == 1
    finally:
        connections.close_all()

    sign_in(page, "frede")
    open_meeting(page, "11. juni 2026")
    assert page.locator("#minutes-status").inner_text() == "Godkendt"
    assert (
        page.locator("#versions")
        .inner_text()
        .startswith("Version 1 godkendt 22. juni 2026 (I skriftlig proces)")
    )
    assert "Mette Holm" in page.locator("#procedure").inner_text()

    sign_in(page, "sofie")
    open_meeting(page, "10. september 2026")
    page.get_by_role("button", name="Byg dagsordenen ud fra årshjulet").click()
    agenda = page.locator("#agenda")
    agenda.wait_for()
    titles = page.locator("#agenda > li h3").all_inner_texts()
    assert titles == [
        "Referat fra CSO-mødet den 11. juni 2026",
        "Opfølgning på aftalte handlinger",
        "Budget 2027",
        "Eventuelt",
    ]
    assert "Analyse af langtidsfravær i BUF" in agenda.inner_text()
    assert [m for m in messages if "Content Security Policy" in m] == []
