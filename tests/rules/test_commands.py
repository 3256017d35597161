"""`samraad alerts`, `run-daily` and `conversations add` through the command (spec/cli.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core import mail

from samraad.cli import main
from samraad.followup.models import Alert, Conversation
from tests.rules.db import load_example, manager
from tests.rules.test_spec_example import FIELDS, expected_alerts

pytestmark = pytest.mark.django_db
ALERTS_2024 = ["alerts", "--from", "2024-01-01", "--to", "2024-12-31"]
ADD = ["conversations", "add", "--held-on", "2024-07-10"]


@pytest.fixture
def example() -> None:
    load_example()


def test_alerts_json_is_the_spec_examples_list(
    example: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*ALERTS_2024, "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert [{k: a[k] for k in FIELDS} for a in output] == expected_alerts()


def test_alerts_of_a_later_period_count_earlier_alerts(
    example: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["alerts", "--from", "2024-10-01", "--to", "2024-11-30", "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert [(a["employee_id"], a["rule_id"], a["raised_on"]) for a in output] == [
        ("X1", "conversation", "2024-10-07"),
        ("X3", "conversation", "2024-11-29"),
    ]


def test_alerts_table_lists_each_alert(example: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ALERTS_2024) == 0
    out = capsys.readouterr().out
    assert "2024-07-05  2024-07-19  X2            conversation          days" in out
    assert out.rstrip().endswith("8 alerts")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["alerts", "--from", "2024-13-01", "--to", "2024-12-31"], "not a date"),
        (["alerts", "--from", "2024-12-31", "--to", "2024-01-01"], "is after --to"),
        ([*ALERTS_2024, "--rules", "/nonexistent/rules.toml"], "/nonexistent/rules.toml"),
        (["run-daily", "--today", "yesterday"], "not a date"),
        (
            [*ADD, "--employee", "NOBODY", "--kind", "absence_conversation"],
            "unknown employee: NOBODY",
        ),
        (
            [*ADD, "--employee", "X1", "--kind", "chat"],
            "invalid choice",
        ),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    example: None, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_bad_rule_file_names_file_and_rule(
    example: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "kk.toml"
    rules.write_text('[[rule]]\nid = "talk"\nkind = "threshold"\ntitle = "t"\n')
    assert main([*ALERTS_2024, "--rules", str(rules)]) == 2
    assert f"{rules}: rule 'talk': " in capsys.readouterr().err


def test_rules_given_twice_form_a_history(
    example: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = (
        '[[rule]]\nid = "clock"\nkind = "spell_length"\ntitle = "t"\nat_day = {}\ndue_day = 40\n'
    )
    early = tmp_path / "early.toml"
    early.write_text('version = "early"\n' + clock.format(14))
    late = tmp_path / "late.toml"
    late.write_text('version = "late"\napplies_from = 2024-09-01\n' + clock.format(5))
    argv = [*ALERTS_2024, "--rules", str(early), "--rules", str(late), "--json"]
    assert main(argv) == 0
    output = json.loads(capsys.readouterr().out)
    assert [(a["employee_id"], a["raised_on"], a["ruleset_version"]) for a in output] == [
        ("X2", "2024-07-07", "early"),  # S6 from 24 June, day 14
        ("X1", "2024-10-11", "late"),  # S5 from 7 October, day 5 (partial leave counts)
        ("X3", "2024-11-22", "late"),  # S7 from 18 November, day 5
    ]


def test_run_daily_stores_and_mails_once(example: None, capsys: pytest.CaptureFixture[str]) -> None:
    manager("KK", "M0", "kim@kk.example")
    assert main(["run-daily", "--today", "2024-07-08"]) == 0
    assert main(["run-daily", "--today", "2024-07-08"]) == 0
    out = capsys.readouterr().out
    assert "run-daily 2024-07-08: 2 new alerts (0 stored before), 2 mails queued" in out
    assert "run-daily 2024-07-08: 0 new alerts (2 stored before), 0 mails queued" in out
    assert len(mail.outbox) == 2
    assert {m.to[0] for m in mail.outbox} == {"kim@kk.example"}


def test_conversation_closes_the_alerts_it_answers(
    example: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run-daily", "--today", "2024-07-08"]) == 1  # no manager: mail fails
    argv = ["conversations", "add", "--employee", "X2", "--held-on", "2024-07-10"]
    assert main([*argv, "--kind", "absence_conversation", "--note", "Plan: gradvis start"]) == 0
    captured = capsys.readouterr()
    assert "never write health details" in captured.err
    closed = Alert.objects.filter(employee_id="X2").order_by("raised_on")
    assert [f"closed alert {a.pk}: {a.rule_id}" in captured.out for a in closed] == [True, True]
    assert Conversation.objects.get().note == "Plan: gradvis start"
