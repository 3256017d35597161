"""The threshold kind on hand-computed worlds (spec/rules.md, "Kind threshold")."""

from __future__ import annotations

from tests.rules.scenarios import alerts, conversation_rule, history, world

CONVERSATION = history(conversation_rule())


def test_ten_sick_days_raise_an_alert_on_the_tenth() -> None:
    # Monday 3 March to Friday 14 March 2025: 10 working days
    data = world([("own_sickness", "2025-03-03", "2025-03-14")])
    assert alerts(data, CONVERSATION) == [("conversation", "2025-03-14", "2025-03-28", "days")]


def test_partial_sick_leave_counts_as_a_whole_day() -> None:
    data = world([("own_sickness", "2025-03-03", "2025-03-14", 0.25)])
    assert alerts(data, CONVERSATION) == [("conversation", "2025-03-14", "2025-03-28", "days")]


def test_spell_across_a_weekend_counts_once() -> None:
    # Friday and Monday are one spell; Wednesday begins the second; the third is Friday.
    data = world(
        [
            ("own_sickness", "2025-03-07", "2025-03-07"),
            ("own_sickness", "2025-03-10", "2025-03-10"),
            ("own_sickness", "2025-03-12", "2025-03-12"),
            ("own_sickness", "2025-03-14", "2025-03-14"),
        ]
    )
    assert alerts(data, CONVERSATION) == [("conversation", "2025-03-14", "2025-03-28", "spells")]


def test_spell_across_easter_counts_once() -> None:
    # Maundy Thursday 17 April to Easter Monday 21 April 2025 are not working days.
    data = world(
        [
            ("own_sickness", "2025-04-14", "2025-04-16"),
            ("own_sickness", "2025-04-22", "2025-04-22"),
            ("own_sickness", "2025-05-06", "2025-05-06"),
        ]
    )
    assert alerts(data, CONVERSATION) == []
    third = world(
        [
            ("own_sickness", "2025-04-14", "2025-04-16"),
            ("own_sickness", "2025-04-23", "2025-04-23"),  # a working day (22nd) between
            ("own_sickness", "2025-05-06", "2025-05-06"),
        ]
    )
    assert alerts(third, CONVERSATION) == [("conversation", "2025-05-06", "2025-05-20", "spells")]


def test_counting_restarts_after_an_alert() -> None:
    # 10 days alert on 14 March; the next 10 days (5–16 May) alert again on the 10th of
    # them, not on 5 May when 11 days would lie in the window without the restart.
    data = world(
        [
            ("own_sickness", "2025-03-03", "2025-03-14"),
            ("own_sickness", "2025-05-05", "2025-05-16"),
        ]
    )
    assert alerts(data, CONVERSATION) == [
        ("conversation", "2025-03-14", "2025-03-28", "days"),
        ("conversation", "2025-05-16", "2025-05-30", "days"),
    ]


def test_a_long_spell_alerts_only_once() -> None:
    data = world([("own_sickness", "2025-01-06", "2025-06-30")])
    assert alerts(data, CONVERSATION) == [("conversation", "2025-01-17", "2025-01-31", "days")]


def test_an_open_ended_absence_alerts_once() -> None:
    data = world([("own_sickness", "2025-01-06", None)])
    assert alerts(data, CONVERSATION) == [("conversation", "2025-01-17", "2025-01-31", "days")]


def test_days_and_spells_on_the_same_day() -> None:
    rules = history(conversation_rule(min_days=3, min_spells=2))
    data = world(
        [("own_sickness", "2025-03-03", "2025-03-04"), ("own_sickness", "2025-03-06", "2025-03-06")]
    )
    assert alerts(data, rules) == [("conversation", "2025-03-06", "2025-03-20", "days+spells")]


def test_other_causes_do_not_count_nor_join_spells() -> None:
    data = world(
        [
            ("own_sickness", "2025-03-03", "2025-03-07"),
            ("child_sickness", "2025-03-10", "2025-03-10"),
            ("own_sickness", "2025-03-11", "2025-03-14"),
        ]
    )
    assert alerts(data, CONVERSATION) == []


def test_days_outside_the_window_fall_out() -> None:
    rules = history(conversation_rule(min_days=3, min_spells=None))
    # Windows of 365 days: two days in March 2025, one in March 2026 (a year and more later)
    data = world(
        [("own_sickness", "2025-03-03", "2025-03-04"), ("own_sickness", "2026-03-05", "2026-03-05")]
    )
    assert alerts(data, rules) == []


def test_employee_who_leaves_and_returns_is_alerted_on_return() -> None:
    # Sick 17–28 March (10 working days) but employed only until the 25th; back 14 April.
    employments = [
        ("A", "KK", 37.0, "2025-01-01", "2025-03-25"),
        ("A", "KK", 37.0, "2025-04-14", None),
    ]
    data = world([("own_sickness", "2025-03-17", "2025-03-28")], employments)
    assert alerts(data, CONVERSATION) == [("conversation", "2025-04-14", "2025-04-28", "days")]


def test_nobody_is_alerted_without_an_employment() -> None:
    employments = [("A", "KK", 37.0, "2025-01-01", "2025-03-25")]
    data = world([("own_sickness", "2025-03-17", "2025-03-28")], employments)
    assert alerts(data, CONVERSATION) == []
