"""The annual cycle (meetings/cycle.py) alone: which meeting a recurring item lands on,
and the draft agenda it gives, from "Godkendelse af referat" first to "Eventuelt" last."""

from __future__ import annotations

import datetime as dt

import pytest

from samraad.meetings.cycle import (
    DraftItem,
    OpenAction,
    PreviousMeeting,
    Recurring,
    draft_agenda,
    filled,
    lands_on,
)

D = dt.date
# CSO 2026: March, June, September, December.
YEAR = [D(2026, 3, 5), D(2026, 6, 11), D(2026, 9, 10), D(2026, 12, 3)]
SICKNESS = Recurring("1", "Sygefravær {last_year}", "orientation", month=6)
BUDGET = Recurring("2", "Budget {next_year}", "orientation", month=9)
SERIES = Recurring("3", "Godkendelse af møderække for {next_year}", "approval", position="last")
SURVEY = Recurring("4", "Trivselsundersøgelsen", "discussion", month=4)
RULES = [SICKNESS, BUDGET, SERIES, SURVEY]
TODAY = D(2026, 8, 20)


def titles(items: tuple[DraftItem, ...]) -> list[str]:
    return [f"{item.number}. {item.title}" for item in items]


def test_a_month_rule_lands_on_the_first_meeting_in_or_after_its_month() -> None:
    assert lands_on(SICKNESS, YEAR) == D(2026, 6, 11)
    assert lands_on(SURVEY, YEAR) == D(2026, 6, 11)  # no meeting in April
    assert lands_on(Recurring("x", "Januar", month=1), YEAR) == D(2026, 3, 5)


def test_a_month_after_the_last_meeting_lands_on_the_last_meeting() -> None:
    assert lands_on(Recurring("x", "Sidst", month=12), YEAR[:3]) == D(2026, 9, 10)


def test_a_position_rule_lands_on_the_first_or_last_meeting_in_any_order() -> None:
    unordered = [YEAR[2], YEAR[0], YEAR[3], YEAR[1]]
    assert lands_on(SERIES, unordered) == D(2026, 12, 3)
    assert lands_on(Recurring("x", "Først", position="first"), unordered) == D(2026, 3, 5)
    assert lands_on(SERIES, []) is None


def test_the_years_are_filled_in_for_the_meetings_year() -> None:
    assert filled("Budget {next_year}, sygefravær {last_year} ({year})", 2026) == (
        "Budget 2027, sygefravær 2025 (2026)"
    )


def test_june_gets_the_previous_minutes_the_sickness_absence_and_the_survey() -> None:
    previous = PreviousMeeting(D(2026, 3, 5), approved_in_writing=False)
    draft = draft_agenda(YEAR[1], YEAR, RULES, previous, [], "CSO", TODAY)
    assert titles(draft) == [
        "1. Godkendelse af referat fra CSO-mødet den 5. marts 2026",
        "2. Sygefravær 2025",
        "3. Trivselsundersøgelsen",
        "4. Eventuelt",
    ]
    assert [(d.purpose, d.origin, d.rule) for d in draft] == [
        ("approval", "minutes", ""),
        ("orientation", "cycle", "1"),
        ("discussion", "cycle", "4"),
        (None, "any_other_business", ""),
    ]
    assert draft[0].text == "Referat af mødet er vedlagt."


def test_minutes_approved_in_writing_are_for_information() -> None:
    previous = PreviousMeeting(D(2025, 10, 9), approved_in_writing=True)
    first = draft_agenda(YEAR[0], YEAR, RULES, previous, [], "CSO", TODAY)[0]
    assert (first.title, first.purpose, first.text) == (
        "Referat fra CSO-mødet den 9. oktober 2025",
        "orientation",
        "Referatet er godkendt i skriftlig proces.",
    )


def test_the_last_meeting_gets_next_years_meeting_series_before_eventuelt() -> None:
    draft = draft_agenda(YEAR[3], YEAR, RULES, None, [], "CSO", TODAY)
    assert titles(draft) == ["1. Godkendelse af møderække for 2027", "2. Eventuelt"]


def test_open_actions_come_back_second_oldest_first_late_ones_marked() -> None:
    actions = [
        OpenAction("Plan for evaluering", "KS", None, "open", D(2026, 6, 11)),
        OpenAction(
            "Analyse af langtidsfravær", "Lene Munck", D(2026, 8, 1), "in_progress", D(2026, 3, 5)
        ),
    ]
    previous = PreviousMeeting(D(2026, 6, 11), approved_in_writing=True)
    draft = draft_agenda(YEAR[2], YEAR, RULES, previous, actions, "CSO", TODAY)
    assert titles(draft) == [
        "1. Referat fra CSO-mødet den 11. juni 2026",
        "2. Opfølgning på aftalte handlinger",
        "3. Budget 2027",
        "4. Eventuelt",
    ]
    assert draft[1].text == (
        "- Analyse af langtidsfravær (aftalt 5. marts 2026, ansvarlig: Lene Munck, "
        "frist: 1. august 2026 (overskredet), status: i gang)\n"
        "- Plan for evaluering (aftalt 11. juni 2026, ansvarlig: KS, status: ikke påbegyndt)"
    )


def test_each_year_places_the_rule_among_its_own_meetings() -> None:
    """December 2026 has a meeting; 2027 has only January's, which is its last."""
    both = [*YEAR, D(2027, 1, 14)]
    december = Recurring("x", "Julestatus", month=12)
    assert titles(draft_agenda(YEAR[3], both, [december], None, [], "CSO", TODAY)) == [
        "1. Julestatus",
        "2. Eventuelt",
    ]
    assert titles(draft_agenda(YEAR[2], both, [december], None, [], "CSO", TODAY)) == [
        "1. Eventuelt"
    ]
    assert titles(draft_agenda(D(2027, 1, 14), both, [december], None, [], "CSO", TODAY)) == [
        "1. Julestatus",
        "2. Eventuelt",
    ]


def test_a_meeting_outside_the_year_is_refused() -> None:
    with pytest.raises(ValueError, match="not one of the year's meetings"):
        draft_agenda(D(2026, 5, 1), YEAR, RULES, None, [], "CSO", TODAY)


@pytest.mark.parametrize(("month", "position"), [(None, None), (6, "last"), (13, None), (0, None)])
def test_a_rule_needs_one_month_or_one_position(month: int | None, position: str | None) -> None:
    with pytest.raises(ValueError):
        Recurring("x", "Forkert", month=month, position=position)  # type: ignore[arg-type]
