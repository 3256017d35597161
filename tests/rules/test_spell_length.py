"""The spell_length kind on hand-computed worlds (spec/rules.md, "Kind spell_length")."""

from __future__ import annotations

from tests.rules.scenarios import STATUTORY_7A, alerts, conversation_rule, history, world


def test_fires_on_the_fourteenth_calendar_day_of_a_spell() -> None:
    data = world([("own_sickness", "2025-03-03", "2025-03-31")])
    assert alerts(data, history(STATUTORY_7A)) == [
        ("statutory-7a", "2025-03-16", "2025-03-31", "spell_length")
    ]


def test_does_not_fire_when_the_spell_ends_before() -> None:
    data = world([("own_sickness", "2025-03-03", "2025-03-15")])
    assert alerts(data, history(STATUTORY_7A)) == []


def test_records_merge_across_easter_into_one_spell() -> None:
    # 14–16 April and 22–30 April 2025, Easter between: one spell from the 14th.
    data = world(
        [("own_sickness", "2025-04-14", "2025-04-16"), ("own_sickness", "2025-04-22", "2025-04-30")]
    )
    assert alerts(data, history(STATUTORY_7A)) == [
        ("statutory-7a", "2025-04-27", "2025-05-12", "spell_length")
    ]


def test_a_spell_of_several_causes_runs_one_clock() -> None:
    # own sickness then a work injury: one spell for § 7a; 5 days only for the conversation
    data = world(
        [("own_sickness", "2025-03-03", "2025-03-07"), ("work_injury", "2025-03-10", "2025-03-21")]
    )
    assert alerts(data, history(conversation_rule(), STATUTORY_7A)) == [
        ("statutory-7a", "2025-03-16", "2025-03-31", "spell_length")
    ]


def test_a_cause_outside_the_rule_breaks_the_spell() -> None:
    data = world(
        [
            ("own_sickness", "2025-03-03", "2025-03-07"),
            ("child_sickness", "2025-03-10", "2025-03-10"),
            ("own_sickness", "2025-03-11", "2025-03-21"),
        ]
    )
    assert alerts(data, history(STATUTORY_7A)) == []


def test_fires_on_a_weekend_day_inside_the_spell() -> None:
    # Monday 3 March to Friday 14th and from Monday 17th: the 14th day is Sunday the 16th.
    data = world(
        [("own_sickness", "2025-03-03", "2025-03-14"), ("own_sickness", "2025-03-17", "2025-03-18")]
    )
    assert alerts(data, history(STATUTORY_7A)) == [
        ("statutory-7a", "2025-03-16", "2025-03-31", "spell_length")
    ]


def test_not_while_without_an_employment() -> None:
    employments = [("A", "KK", 37.0, "2025-01-01", "2025-03-10")]
    data = world([("own_sickness", "2025-03-03", None)], employments)
    assert alerts(data, history(STATUTORY_7A)) == []


def test_one_alert_per_spell_and_one_for_the_next() -> None:
    data = world(
        [("own_sickness", "2025-03-03", "2025-04-30"), ("own_sickness", "2025-06-02", "2025-06-30")]
    )
    assert alerts(data, history(STATUTORY_7A)) == [
        ("statutory-7a", "2025-03-16", "2025-03-31", "spell_length"),
        ("statutory-7a", "2025-06-15", "2025-06-30", "spell_length"),
    ]
