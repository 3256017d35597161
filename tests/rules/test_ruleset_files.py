"""Rule-set files: the shipped default, checks with clear errors, histories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samraad.rules import RuleHistory, RuleSetError, default_ruleset, load_ruleset
from samraad.rules.kinds import SpellLength, Threshold
from samraad.rules.ruleset import parse_ruleset
from tests.rules.scenarios import alerts, world

RULE = """
[[rule]]
id = "conversation"
kind = "threshold"
title = "Samtale"
min_days = {min_days}
days_window = 365
respond_within_days = 14
"""


def test_default_rule_set_is_the_spec_table() -> None:
    rules = default_ruleset().rules
    assert [r.id for r in rules] == [
        "conversation",
        "statutory-7a",
        "employer-period-end",
        "refund-claim",
        "retention-plan",
    ]
    conversation = rules[0]
    assert isinstance(conversation, Threshold)
    assert (conversation.min_days, conversation.days_window) == (10, 365)
    assert (conversation.min_spells, conversation.spells_window) == (3, 365)
    assert conversation.respond_within_days == 14
    assert conversation.causes == {"own_sickness"}
    clocks = [(r.at_day, r.due_day) for r in rules[1:] if isinstance(r, SpellLength)]
    assert clocks == [(14, 28), (25, 30), (30, 35), (56, 63)]
    assert all(r.causes == {"own_sickness", "work_injury", "pregnancy_related"} for r in rules[1:])


def test_version_defaults_to_the_files_sha256() -> None:
    text = RULE.format(min_days=10)
    assert parse_ruleset(text, "x.toml").version == (
        __import__("hashlib").sha256(text.encode()).hexdigest()
    )
    named = parse_ruleset('version = "kk-2026-1"\n' + text, "x.toml")
    assert named.version == "kk-2026-1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[rule]]\nid = "a"\nkind = "magic"\ntitle = "t"',
            "x.toml: rule 'a': unknown kind 'magic'",
        ),
        (
            '[[rule]]\nid = "a"\nkind = "threshold"\ntitle = "t"\nmin_days = 10\n'
            "respond_within_days = 1",
            "x.toml: rule 'a': missing field 'days_window'",
        ),
        (
            '[[rule]]\nid = "a"\nkind = "threshold"\ntitle = "t"\nmin_days = 10\n'
            "days_window = -5\nrespond_within_days = 1",
            "x.toml: rule 'a': days_window must be at least 1, not -5",
        ),
        (
            '[[rule]]\nid = "a"\nkind = "spell_length"\ntitle = "t"\ncauses = ["flu"]\n'
            "at_day = 14\ndue_day = 28",
            "x.toml: rule 'a': unknown cause 'flu'",
        ),
        (
            '[[rule]]\nid = "a"\nkind = "spell_length"\ntitle = "t"\nat_day = 14\ndue_day = 28\n'
            '[[rule]]\nid = "a"\nkind = "spell_length"\ntitle = "t"\nat_day = 1\ndue_day = 2',
            "x.toml: rule 'a': duplicate rule id 'a'",
        ),
        ('applies_from = "2026-01-01"\n', "x.toml: applies_from must be a TOML date"),
        ("applies_from = 2026-01-01T10:00:00\n", "x.toml: applies_from must be a TOML date"),
        ('[[rule]]\nkind = "spell_length"\ntitle = "t"', "x.toml: rule #1: missing field 'at_day'"),
        (
            '[[rule]]\nid = "a"\nkind = "spell_length"\ntitle = "t"\nat_day = 14\ndue_day = 28\n'
            "colour = 1",
            "x.toml: rule 'a': unknown field 'colour'",
        ),
        ("[[rule]\n", "x.toml: not valid TOML"),
        (
            '[[rule]]\nid = "a"\nkind = "threshold"\ntitle = "t"\nrespond_within_days = 1',
            "x.toml: rule 'a': a threshold needs min_days or min_spells",
        ),
        ("versions = 1", "x.toml: unknown top-level key 'versions'"),
    ],
)
def test_a_bad_file_names_file_rule_and_problem(text: str, message: str) -> None:
    with pytest.raises(RuleSetError) as error:
        parse_ruleset(text, "x.toml")
    assert str(error.value).startswith(message)


def test_an_unreadable_file_is_a_rule_set_error(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError, match="cannot read"):
        load_ruleset(tmp_path / "missing.toml")


def test_two_files_with_the_same_date_are_refused(tmp_path: Path) -> None:
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text("applies_from = 2026-01-01\n" + RULE.format(min_days=3))
    with pytest.raises(RuleSetError, match=r"b\.toml: applies_from 2026-01-01 is the same"):
        RuleHistory.from_files([tmp_path / "a.toml", tmp_path / "b.toml"])


def test_the_file_in_force_is_the_latest_applies_from_not_after_the_day(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text('version = "old"\n' + RULE.format(min_days=10))
    new = tmp_path / "new.toml"
    new.write_text('version = "new"\napplies_from = 2026-01-01\n' + RULE.format(min_days=3))
    history = RuleHistory.from_files([new, old])
    assert [r.version for r in history.rulesets] == ["old", "new"]
    in_force = history.in_force(dt.date(2025, 12, 31))
    assert in_force is not None and in_force.version == "old"
    in_force = history.in_force(dt.date(2026, 1, 1))
    assert in_force is not None and in_force.version == "new"
    # 5 sick days in December 2025 do not reach 10; on 1 January 2026 the new rule holds
    # with 5 days in its window (the December days count: a window is not a rule set).
    # Counting restarts after that alert: 2 days in January stay below 3.
    data = world(
        [("own_sickness", "2025-12-15", "2025-12-19"), ("own_sickness", "2026-01-05", "2026-01-06")]
    )
    assert alerts(data, history) == [("conversation", "2026-01-01", "2026-01-15", "days")]
