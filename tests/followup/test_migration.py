"""Migration 0003 (the records of each action, lapsed_on, Conversation.alert) keeps what
was stored before: alerts, conversations, and the alerts those conversations closed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from samraad.followup.models import Alert
from samraad.followup.status import Status, status, with_closed_on
from samraad.people.models import Employee

BEFORE = [("followup", "0002_take_over_earlier_rows")]
D = dt.date.fromisoformat


@pytest.mark.django_db(transaction=True)
def test_rows_stored_before_are_kept_and_stay_closed() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Employee.objects.create(employee_id="E1")  # people's tables are as they are now
    alerts = old.get_model("followup", "Alert")
    for rule, raised in [("retention-plan", "2026-03-01"), ("refund-claim", "2026-03-05")]:
        alerts.objects.create(
            employee_id="E1",
            rule_id=rule,
            ruleset_version="v",
            title=rule,
            raised_on=D(raised),
            due_by=D(raised) + dt.timedelta(7),
            reason="spell_length",
        )
    old.get_model("followup", "Conversation").objects.create(
        conversation_id="C1", employee_id="E1", held_on=D("2026-03-06"), kind="retention_plan"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    found = {
        a.rule_id: (a.closed_on, a.lapsed_on)  # type: ignore[attr-defined]
        for a in with_closed_on(Alert.objects.all())
    }
    assert found == {
        "retention-plan": (D("2026-03-06"), None),
        "refund-claim": (D("2026-03-06"), None),  # any conversation, as before
    }
    closed_on, due_by = found["retention-plan"][0], D("2026-03-08")
    assert status(closed_on, due_by, D("2026-06-15")) is Status.CLOSED
