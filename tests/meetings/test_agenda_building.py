"""Agendas from the annual cycle, in the database: the right recurring items on the
right meeting, open actions until they are done, the action plan's status in its yearly
item; items added before "Eventuelt", moved and removed with the numbers kept in order."""

from __future__ import annotations

import datetime as dt

import pytest

from samraad.meetings import approval
from samraad.meetings.agenda import AgendaError, add_item, build_agenda, move_item, remove_item
from samraad.meetings.models import Action, AgendaItem, Meeting
from samraad.meetings.recording import set_action_status
from tests.meetings.world import Committees

TODAY = dt.date(2026, 6, 15)


def titles(meeting: Meeting) -> list[str]:
    return [f"{i.number}. {i.title}" for i in meeting.items.order_by("number")]


def test_september_gets_the_june_minutes_the_open_action_and_the_budget(
    committees: Committees,
) -> None:
    build_agenda(committees.september, TODAY)
    assert titles(committees.september) == [
        "1. Godkendelse af referat fra CSO-mødet den 11. juni 2026",
        "2. Opfølgning på aftalte handlinger",
        "3. Budget 2027",
        "4. Eventuelt",
    ]
    actions = committees.september.items.get(number=2)
    assert actions.text == (
        "- Analyse af langtidsfravær (aftalt 11. juni 2026, ansvarlig: KS, "
        "frist: 1. august 2026, status: ikke påbegyndt)"
    )
    assert [i.origin for i in committees.september.items.all()] == [
        "minutes",
        "actions",
        "cycle",
        "any_other_business",
    ]


def test_december_gets_the_meeting_series_and_the_plans_status(committees: Committees) -> None:
    build_agenda(committees.december, dt.date(2026, 11, 20))
    assert titles(committees.december)[2:] == [
        "3. Godkendelse af møderække for 2027",
        "4. Status på opfølgningsplanen",
        "5. Eventuelt",
    ]
    status = committees.december.items.get(number=4)
    assert status.text == (
        "Status for Opfølgningsplanen pr. 20. november 2026: 1 i gang.\n"
        "- 1. Dialogmøder: I gang, ansvarlig: KS."
    )
    assert status.recurring is not None and status.recurring.action_plan is not None


def test_a_finished_action_stays_off_later_agendas(committees: Committees) -> None:
    set_action_status(Action.objects.get(), "done", dt.date(2026, 8, 15))
    build_agenda(committees.september, TODAY)
    assert "2. Budget 2027" in titles(committees.september)


def test_an_action_finished_after_a_meeting_was_still_open_at_it(committees: Committees) -> None:
    set_action_status(Action.objects.get(), "done", dt.date(2026, 9, 10))
    build_agenda(committees.september, TODAY)
    assert "2. Opfølgning på aftalte handlinger" in titles(committees.september)


def test_minutes_approved_in_writing_come_back_for_information(committees: Committees) -> None:
    procedure = approval.start_procedure(
        committees.june, dt.date(2026, 6, 22), committees.sofie, TODAY
    )
    approval.conclude(procedure, dt.date(2026, 6, 23))
    build_agenda(committees.september, TODAY)
    first = committees.september.items.get(number=1)
    assert (first.title, first.purpose) == (
        "Referat fra CSO-mødet den 11. juni 2026",
        "orientation",
    )


def test_an_agenda_is_built_once(committees: Committees) -> None:
    with pytest.raises(AgendaError, match="allerede punkter"):
        build_agenda(committees.june, TODAY)


def test_items_go_before_eventuelt_move_and_go_with_numbers_in_order(
    committees: Committees,
) -> None:
    june = committees.june
    added = add_item(june, title="Trivselsundersøgelsen", purpose="discussion")
    assert titles(june) == [
        "1. Godkendelse af referat fra CSO-mødet den 5. marts 2026",
        "2. Sygefravær 2025",
        "3. Trivselsundersøgelsen",
        "4. Eventuelt",
    ]
    move_item(added, -1)
    eventuelt = june.items.get(title="Eventuelt")
    move_item(eventuelt, -1)  # Eventuelt stays last
    move_item(AgendaItem.objects.get(pk=added.pk), -5)  # out of range: nothing happens
    assert [t.split(". ", 1)[1] for t in titles(june)] == [
        "Godkendelse af referat fra CSO-mødet den 5. marts 2026",
        "Trivselsundersøgelsen",
        "Sygefravær 2025",
        "Eventuelt",
    ]
    remove_item(june.items.get(number=1))
    assert titles(june) == ["1. Trivselsundersøgelsen", "2. Sygefravær 2025", "3. Eventuelt"]
