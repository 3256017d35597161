"""Compliance per unit and period, in both structures (spec/rules.md, "After an alert")."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from samraad.followup.compliance import ALERT_COLUMNS, follow_up
from samraad.followup.models import Alert, Conversation
from samraad.followup.status import load_follow_up
from samraad.stats import Structure
from tests.rules.db import load_example
from tests.stats.small_worlds import dataset

D = dt.date.fromisoformat
UNITS = dataset(
    [
        ("KK", None, "2024-01-01", None),
        ("ADM1", "KK", "2024-01-01", None),
        ("ADM2", "KK", "2024-01-01", None),
        ("DRIFT", "ADM1", "2024-01-01", "2024-06-30"),
        ("DRIFT", "ADM2", "2024-07-01", None),
    ],
    [],
    [],
).unit_rows
ALERTS = pl.DataFrame(
    [
        ("DRIFT", D("2024-03-01"), D("2024-03-15"), D("2024-03-10"), None),  # on time, ADM1
        ("DRIFT", D("2024-08-01"), D("2024-08-15"), D("2024-08-20"), None),  # late, under ADM2
        ("DRIFT", D("2024-12-20"), D("2025-01-03"), None, None),  # open on 2024-12-31
        ("DRIFT", D("2024-11-01"), D("2024-11-15"), None, None),  # overdue
        ("ADM2", D("2025-02-01"), D("2025-02-15"), None, None),  # outside the period
    ],
    schema=ALERT_COLUMNS,
    orient="row",
)
YEAR = (D("2024-01-01"), D("2024-12-31"))


def test_historic_structure_follows_the_tree_of_each_alerts_day() -> None:
    adm1 = follow_up(ALERTS, UNITS, "ADM1", *YEAR, today=D("2024-12-31"))
    adm2 = follow_up(ALERTS, UNITS, "ADM2", *YEAR, today=D("2024-12-31"))
    assert (adm1.raised, adm1.closed_on_time, adm1.compliance) == (1, 1, 1)
    assert (adm2.raised, adm2.closed_late, adm2.open, adm2.overdue) == (3, 1, 1, 1)
    assert adm2.to_json()["compliance"] == 0.0


def test_current_structure_puts_every_alert_where_the_unit_is_now() -> None:
    adm2 = follow_up(
        ALERTS, UNITS, "ADM2", *YEAR, today=D("2024-12-31"), structure=Structure.CURRENT
    )
    assert (adm2.raised, adm2.closed_on_time, adm2.closed_late, adm2.open, adm2.overdue) == (
        4,
        1,
        1,
        1,
        1,
    )
    assert adm2.to_json()["compliance"] == 25.0


def test_no_alerts_give_zeros_and_no_compliance() -> None:
    empty = follow_up(ALERTS, UNITS, "ADM1", D("2023-01-01"), D("2023-12-31"), D("2024-01-01"))
    assert empty.to_json() == {
        "alerts_raised": 0,
        "closed_on_time": 0,
        "closed_late": 0,
        "open": 0,
        "overdue": 0,
        "lapsed": 0,
        "compliance": None,
        "compliance_without_lapsed": None,
    }


@pytest.mark.django_db
def test_loader_reads_stored_alerts_and_conversations() -> None:
    load_example()
    Alert.objects.create(
        employee_id="X2",
        rule_id="conversation",
        ruleset_version="v",
        title="t",
        raised_on=D("2024-07-05"),
        due_by=D("2024-07-19"),
        reason="days",
        unit_id="DRIFT",
    )
    Conversation.objects.create(
        conversation_id="C1", employee_id="X2", held_on=D("2024-07-10"), kind="absence_conversation"
    )
    figures = load_follow_up("ADM2", *YEAR, today=D("2024-12-31"))
    assert (figures.raised, figures.closed_on_time) == (1, 1)
    assert load_follow_up("ADM1", *YEAR, today=D("2024-12-31")).raised == 0
