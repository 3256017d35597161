"""Subscriptions are mailed on the first working day of a month (not on a weekend or a
Danish holiday), the month before's report attached as PDF, once per subscription and
month however often run-daily runs; in the audience the subscriber's access gives."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core import mail
from django.utils import timezone

from samraad.audit.models import AuditEntry
from samraad.cli import main
from samraad.reports.daily import first_working_day, send_monthly_reports
from samraad.reports.models import SentReport, Subscription
from samraad.reports.periods import Month
from tests.reports.reading import pdf_text
from tests.web.world import STAFF, World, build_world, employee_ids


def subscribe(user: object, unit: str, on: str = "2025-12-01") -> Subscription:
    return Subscription.objects.create(
        user=user, unit_id=unit, created_on=dt.date.fromisoformat(on)
    )


@pytest.mark.parametrize(
    ("month", "first"),
    [
        ("2026-06", "2026-06-01"),  # a Monday
        ("2026-01", "2026-01-02"),  # New Year's Day
        ("2026-02", "2026-02-02"),  # 1 February is a Sunday
        ("2026-04", "2026-04-01"),
        ("2027-01", "2027-01-04"),  # a Friday holiday, then the weekend
        ("2027-03", "2027-03-01"),
        ("2029-04", "2029-04-03"),  # Easter Monday, 2 April
    ],
)
def test_the_first_working_day(month: str, first: str) -> None:
    assert first_working_day(Month.parse(month)) == dt.date.fromisoformat(first)


def test_sent_on_the_first_working_day_once(world: World) -> None:
    subscribe(world.alice, "SOL")
    assert send_monthly_reports(dt.date(2026, 5, 31)).due is False  # a Sunday
    result = send_monthly_reports(dt.date(2026, 6, 1))
    assert (result.sent, result.failed, result.skipped) == (1, 0, 0)
    [message] = mail.outbox
    assert message.to == ["alice@kk.example"]
    assert message.subject == "Månedsrapport om sygefravær: Børnehuset Solsikken, maj 2026"
    [(name, content, kind)] = message.attachments
    assert (name, kind) == ("SOL-2026-05.pdf", "application/pdf")
    assert "Månedsrapport for maj 2026 · til ledelsen" in pdf_text(content)
    # run again that day, and the next days: nothing more
    for day in (1, 1, 2, 3):
        again = send_monthly_reports(dt.date(2026, 6, day))
        assert again.sent == 0
    assert len(mail.outbox) == 1
    sent = SentReport.objects.get()
    assert (sent.month, sent.recipient, sent.audience) == (
        dt.date(2026, 5, 1),
        "alice@kk.example",
        "management",
    )
    # the next month's, on its first working day
    assert send_monthly_reports(dt.date(2026, 7, 1)).sent == 1
    assert mail.outbox[1].attachments[0][0] == "SOL-2026-06.pdf"


def test_not_on_a_holiday(world: World) -> None:
    subscribe(world.carl, "KK")
    assert send_monthly_reports(dt.date(2026, 1, 1)).due is False
    assert mail.outbox == []
    assert send_monthly_reports(dt.date(2026, 1, 2)).sent == 1
    assert mail.outbox[0].attachments[0][0] == "KK-2025-12.pdf"


def test_a_missed_first_working_day_is_caught_up_once(world: World) -> None:
    """run-daily did not run on 1 June: the next working day's run sends it."""
    subscribe(world.alice, "SOL")
    assert send_monthly_reports(dt.date(2026, 6, 6)).due is False  # a Saturday
    assert send_monthly_reports(dt.date(2026, 6, 8)).sent == 1
    assert send_monthly_reports(dt.date(2026, 6, 9)).sent == 0


def test_a_subscription_made_later_starts_next_month(world: World) -> None:
    subscribe(world.alice, "SOL", on="2026-06-03")
    assert send_monthly_reports(dt.date(2026, 6, 4)).sent == 0
    assert send_monthly_reports(dt.date(2026, 7, 1)).sent == 1


def test_a_claimed_month_is_not_sent_again(world: World) -> None:
    """Another run has claimed it (and is sending it, or died while sending it)."""
    found = subscribe(world.alice, "SOL")
    SentReport.objects.create(
        subscription=found, month=dt.date(2026, 5, 1), claimed_at=timezone.now()
    )
    assert send_monthly_reports(dt.date(2026, 6, 1)).sent == 0
    assert mail.outbox == []


def test_a_committee_member_gets_the_committee_report(world: World) -> None:
    subscribe(world.mette, "DAG")
    assert send_monthly_reports(dt.date(2026, 6, 1)).sent == 1
    text = pdf_text(mail.outbox[0].attachments[0][1])
    assert "til MED-udvalget (kun samlede tal)" in text
    everyone = [e for unit in STAFF for e in employee_ids(unit)]
    assert [e for e in everyone if e in text] == []
    assert SentReport.objects.get().audience == "committee"
    assert not AuditEntry.objects.filter(page="reports:mail").exists()


def test_a_management_report_by_mail_is_audited(world: World) -> None:
    subscribe(world.hanna, "BUF")
    send_monthly_reports(dt.date(2026, 6, 1))
    entry = AuditEntry.objects.get(page="reports:mail")
    assert (entry.username, entry.unit_id) == ("hanna", "BUF")
    assert entry.detail == "2026-05 management pdf by mail to hanna@kk.example"


def test_no_mail_for_a_unit_the_user_may_no_longer_see(world: World) -> None:
    subscribe(world.alice, "SOE")  # Bob's unit
    world.bob.email = ""
    world.bob.save()
    subscribe(world.bob, "SOE")
    result = send_monthly_reports(dt.date(2026, 6, 1))
    assert (result.sent, result.skipped) == (0, 2)
    assert mail.outbox == []


def test_run_daily_mails_the_reports(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    subscribe(world.alice, "SOL")
    assert main(["run-daily", "--today", "2026-06-01"]) == 0
    assert (
        "monthly reports: 1 sent, 0 failed (retried next run), 0 skipped" in capsys.readouterr().out
    )
    assert main(["run-daily", "--today", "2026-06-01"]) == 0
    assert "monthly reports: 0 sent" in capsys.readouterr().out
    assert [m.attachments[0][0] for m in mail.outbox if m.attachments] == ["SOL-2026-05.pdf"]


def _on_postgresql() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


# SQLite's test database lives in memory with a shared cache, where a second connection
# gets "database table is locked" at once instead of waiting as on a database file: two
# connections racing cannot be run there.
@pytest.mark.skipif(not _on_postgresql(), reason="PostgreSQL only (SQLite's test database)")
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_time_send_each_report_once() -> None:
    """Two run-daily processes on the first working day (threads here, each with its own
    database connection): every subscription's claim is won by one of them."""
    from django.db import connection

    world = build_world()
    for user, unit in [
        (world.alice, "SOL"),
        (world.hanna, "BUF"),
        (world.carl, "KK"),
        (world.mette, "DAG"),
        (world.bob, "SOE"),
    ]:
        subscribe(user, unit)
    start = threading.Barrier(2)
    results: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            results.append(send_monthly_reports(dt.date(2026, 6, 1)).sent)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(results) == 5
    assert sorted(m.attachments[0][0] for m in mail.outbox) == [
        "BUF-2026-05.pdf",
        "DAG-2026-05.pdf",
        "KK-2026-05.pdf",
        "SOE-2026-05.pdf",
        "SOL-2026-05.pdf",
    ]
    assert SentReport.objects.filter(sent_at__isnull=False).count() == 5
