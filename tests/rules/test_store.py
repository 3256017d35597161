"""Stored alerts: idempotent, placed in the unit and with the manager of their day."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from samraad.followup.models import Alert, OutboxMail
from samraad.followup.store import store_alerts
from samraad.frames.loading import load_dataset
from samraad.rules import RuleHistory, replay
from samraad.rules.engine import ALERT_SCHEMA
from tests.rules.db import load_example, manager

pytestmark = pytest.mark.django_db
END_2024 = dt.date(2024, 12, 31)


@pytest.fixture
def example() -> None:
    load_example()
    manager("ADM1", "M1", "anna@kk.example")
    manager("ADM2", "M2", "bob@kk.example", language="en")
    manager("SKOLE", "M3", "sofie@kk.example")


def one_alert(employee: str, raised_on: str) -> pl.DataFrame:
    day = dt.date.fromisoformat(raised_on)
    row = (employee, "x", "v1", "X", day, day, "days", 10, 1, None)
    return pl.DataFrame([row], schema=ALERT_SCHEMA, orient="row")


def test_storing_the_same_replay_twice_adds_nothing(example: None) -> None:
    alerts = replay(load_dataset(), RuleHistory.default(), END_2024)
    first = store_alerts(alerts, today=END_2024)
    second = store_alerts(alerts, today=END_2024)
    assert (first.new, first.known) == (8, 0)
    assert (second.new, second.known, second.queued) == (0, 8, 0)
    assert Alert.objects.count() == 8


def test_alert_goes_to_the_manager_of_the_nearest_unit_above_on_its_day(example: None) -> None:
    alerts = replay(load_dataset(), RuleHistory.default(), END_2024)
    store_alerts(alerts, today=END_2024)
    placed = {
        (a.employee_id, a.rule_id): (a.unit_id, a.manager.email if a.manager else None)
        for a in Alert.objects.select_related("manager")
    }
    # DRIFT has no manager; from 1 July 2024 it lies under ADM2
    assert placed[("X2", "conversation")] == ("DRIFT", "bob@kk.example")
    assert placed[("X1", "conversation")] == ("SKOLE", "sofie@kk.example")
    assert placed[("X3", "refund-claim")] == ("DRIFT", "bob@kk.example")


def test_the_tree_of_the_alerts_day_decides_the_manager(example: None) -> None:
    # Before the transfer on 1 July 2024, DRIFT lay under ADM1.
    store_alerts(one_alert("X3", "2024-06-14"), today=dt.date(2024, 6, 14))
    alert = Alert.objects.select_related("manager").get()
    assert alert.manager is not None and alert.manager.email == "anna@kk.example"


def test_a_mail_is_queued_only_for_alerts_not_past_due(example: None) -> None:
    alerts = replay(load_dataset(), RuleHistory.default(), END_2024)
    stored = store_alerts(alerts, today=dt.date(2024, 12, 14))
    # due 16, 18 and 23 December: X3's statutory-7a, employer-period-end, refund-claim
    assert stored.queued == 3
    assert sorted(OutboxMail.objects.values_list("alert__rule_id", flat=True)) == [
        "employer-period-end",
        "refund-claim",
        "statutory-7a",
    ]


def test_storing_without_mail_queues_nothing(example: None) -> None:
    alerts = replay(load_dataset(), RuleHistory.default(), END_2024)
    stored = store_alerts(alerts, today=dt.date(2024, 12, 14), mail=False)
    assert (stored.new, stored.queued) == (8, 0)
    assert not OutboxMail.objects.exists()
