"""Lapsed alerts (bortfaldet): the employee left, or moved outside the manager's units,
before the alert was answered. Set from the data alone on every store (run-daily),
counted apart in compliance, never overdue.

KK ─┬─ A (Anna manages it) ── A1
    └─ B

Alerts raised 1 March 2026, due 15 March:
  E1 left on 10 March (unanswered)                 → lapsed from 11 March
  E2 moved from A to B on 20 March (unanswered)    → overdue 16–19 March, lapsed from 20 March
  E3 stays in A (unanswered)                       → overdue
  E4 moved from A to A1 on 20 March (unanswered)   → still Anna's: overdue
  E5 left on 10 March, conversation on 5 March     → closed on time
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl
import pytest

from samraad.followup.models import Alert, Conversation, OutboxMail
from samraad.followup.status import Status, load_follow_up, status, status_q, with_closed_on
from samraad.followup.store import mark_lapsed, store_alerts
from samraad.org.models import Manager, Unit, UnitPeriod
from samraad.people.models import Employee, Employment
from samraad.rules.engine import ALERT_SCHEMA

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
SINCE = D("2024-01-01")
RAISED, DUE = D("2026-03-01"), D("2026-03-15")
TODAY = D("2026-06-15")
JOBS = [  # employee, unit, start, end
    ("E1", "A", "2024-01-01", "2026-03-10"),
    ("E2", "A", "2024-01-01", "2026-03-19"),
    ("E2", "B", "2026-03-20", None),
    ("E3", "A", "2024-01-01", None),
    ("E4", "A", "2024-01-01", "2026-03-19"),
    ("E4", "A1", "2026-03-20", None),
    ("E5", "A", "2024-01-01", "2026-03-10"),
]


@pytest.fixture
def world() -> None:
    for unit, parent in [("KK", None), ("A", "KK"), ("A1", "A"), ("B", "KK")]:
        Unit.objects.create(unit_id=unit)
        UnitPeriod.objects.create(
            unit_id=unit, name=unit, kind="unit", parent_id=parent, valid_from=SINCE
        )
    for n, (employee, unit, start, end) in enumerate(JOBS):
        Employee.objects.get_or_create(employee_id=employee)
        Employment.objects.create(
            employment_id=f"J{n}",
            employee_id=employee,
            unit_id=unit,
            job_group="x",
            weekly_hours=Decimal(37),
            start_date=D(start),
            end_date=D(end) if end else None,
        )
    Employee.objects.create(employee_id="M-A")
    Manager.objects.create(unit_id="A", employee_id="M-A", email="a@kk.example", valid_from=SINCE)
    rows = [
        (e, "conversation", "v1", "Samtale", RAISED, DUE, "days", 10, 1, None)
        for e in ("E1", "E2", "E3", "E4", "E5")
    ]
    store_alerts(pl.DataFrame(rows, schema=ALERT_SCHEMA, orient="row"), today=RAISED)
    Conversation.objects.create(
        conversation_id="C5", employee_id="E5", held_on=D("2026-03-05"), kind="absence_conversation"
    )


def _statuses(today: dt.date) -> dict[str, str]:
    alerts = with_closed_on(Alert.objects.all())
    return {
        a.employee_id: str(status(a.closed_on, a.due_by, today, a.lapsed_on))  # type: ignore[attr-defined]
        for a in alerts
    }


def test_left_and_moved_out_lapse_the_day_after_moved_within_does_not(world: None) -> None:
    lapsed = dict(Alert.objects.values_list("employee_id", "lapsed_on"))
    assert lapsed == {
        "E1": D("2026-03-11"),
        "E2": D("2026-03-20"),
        "E3": None,
        "E4": None,
        "E5": D("2026-03-11"),
    }
    assert _statuses(TODAY) == {
        "E1": "lapsed",
        "E2": "lapsed",
        "E3": "overdue",
        "E4": "overdue",
        "E5": "closed",
    }
    # Before the move E2's alert was overdue; before leaving E1's was open.
    assert _statuses(D("2026-03-10"))["E1"] == "open"
    assert _statuses(D("2026-03-19"))["E2"] == "overdue"


def test_the_database_filter_agrees_with_the_status_function(world: None) -> None:
    for day in (D("2026-03-10"), D("2026-03-19"), TODAY):
        expected = _statuses(day)
        for wanted in Status:
            found = with_closed_on(Alert.objects.all()).filter(status_q(wanted, day))
            got = sorted(found.values_list("employee_id", flat=True))
            assert got == sorted(e for e, s in expected.items() if s == wanted), (day, wanted)


def test_compliance_counts_lapsed_apart_and_shows_the_share_without_them(world: None) -> None:
    figures = load_follow_up("A", D("2026-01-01"), TODAY, TODAY)
    assert (
        figures.raised,
        figures.closed_on_time,
        figures.closed_late,
        figures.open,
        figures.overdue,
        figures.lapsed,
    ) == (5, 1, 0, 0, 2, 2)
    # spec/rules.md: closed on time / raised; beside it, closed on time / (raised − lapsed)
    assert figures.to_json()["compliance"] == 20.0
    assert figures.to_json()["compliance_without_lapsed"] == 33.3333
    # On 19 March E2 was still Anna's, and overdue.
    before = load_follow_up("A", D("2026-01-01"), TODAY, D("2026-03-19"))
    assert (before.overdue, before.lapsed, before.open) == (3, 1, 0)


def test_marking_is_idempotent_and_follows_the_data(world: None) -> None:
    assert mark_lapsed() == 0
    # An import takes E1's leaving back: the alert is overdue again.
    Employment.objects.filter(employee_id="E1").update(end_date=None)
    assert mark_lapsed() == 1
    assert mark_lapsed() == 0
    assert _statuses(TODAY)["E1"] == "overdue"


def test_the_day_of_the_run_changes_nothing(world: None) -> None:
    before = dict(Alert.objects.values_list("employee_id", "lapsed_on"))
    Alert.objects.update(lapsed_on=None)
    rows = [("E3", "conversation", "v1", "Samtale", TODAY, TODAY, "days", 10, 1, None)]
    stored = store_alerts(pl.DataFrame(rows, schema=ALERT_SCHEMA, orient="row"), today=TODAY)
    assert stored.lapsed == 3  # E1, E2 and E5 again; the new alert of E3 does not lapse
    after = dict(Alert.objects.filter(raised_on=RAISED).values_list("employee_id", "lapsed_on"))
    assert after == before


def test_a_lapsed_alert_is_not_mailed(world: None) -> None:
    rows = [("E1", "conversation", "v1", "Samtale", D("2026-03-02"), D("2026-03-16"))]
    frame = pl.DataFrame(
        [(*r, "days", 10, 1, None) for r in rows], schema=ALERT_SCHEMA, orient="row"
    )
    stored = store_alerts(frame, today=D("2026-03-12"))
    assert stored.new == 1
    assert stored.queued == 0  # E1 left on 10 March: nobody to talk to
    assert not OutboxMail.objects.filter(alert__raised_on=D("2026-03-02")).exists()
    assert OutboxMail.objects.count() == 5  # the five of 1 March, queued that day
