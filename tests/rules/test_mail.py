"""Mail to managers through a real SMTP server on loopback: once per alert, to the right
manager, in the manager's language, with nothing about health."""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from samraad.followup.daily import run_daily
from samraad.followup.models import Alert, OutboxMail
from tests.rules.db import load_example, manager
from tests.rules.smtp import free_port, mailers, smtp_server

pytestmark = pytest.mark.django_db
# X3's statutory-7a (raised 1 Dec, due 16 Dec), employer-period-end (12 Dec, due 18 Dec)
# and refund-claim (17 Dec, due 23 Dec); alerts past due when stored are history, not mailed.
DEC_16, DEC_17 = dt.date(2024, 12, 16), dt.date(2024, 12, 17)


@pytest.fixture
def example(settings: SettingsWrapper) -> None:
    settings.BASE_URL = "https://samraad.kk.example"
    settings.DEFAULT_FROM_EMAIL = "samraad@kk.example"
    load_example()
    manager("ADM1", "M1", "anna@kk.example")
    manager("ADM2", "M2", "bob@kk.example", language="en")


def test_two_runs_send_exactly_one_mail_per_alert(example: None, settings: SettingsWrapper) -> None:
    port = free_port()
    settings.MAILERS = mailers(port)
    with smtp_server(port) as inbox:
        first = run_daily(DEC_16)
        second = run_daily(DEC_17)
        third = run_daily(DEC_17)
    assert (first.sent.sent, second.sent.sent, third.sent.sent) == (2, 1, 0)
    assert (second.stored.new, third.stored.new) == (1, 0)
    assert len(inbox.messages) == 3
    assert inbox.recipients == [["bob@kk.example"]] * 3
    mailed = set(OutboxMail.objects.values_list("alert__rule_id", flat=True))
    assert mailed == {"statutory-7a", "employer-period-end", "refund-claim"}


def test_the_mail_says_who_which_rule_why_by_when_and_where(
    example: None, settings: SettingsWrapper
) -> None:
    port = free_port()
    settings.MAILERS = mailers(port)
    with smtp_server(port) as inbox:
        run_daily(DEC_17)
    alert = Alert.objects.get(rule_id="refund-claim")
    message = next(m for m in inbox.messages if alert.title in str(m["Subject"]))
    body = message.get_content()
    assert message["To"] == "bob@kk.example"
    assert message["Message-ID"] == f"<alert-{alert.pk}@kk.example>"
    assert "Employee X3 is covered by the rule" in body  # bob reads English
    assert "on 17 December 2024 the absence had lasted 30 calendar days" in body
    assert "Due by: 23 December 2024." in body
    assert f"https://samraad.kk.example/alerts/{alert.pk}/conversation/" in body
    for private in ("own_sickness", "sick", "diagnos", "1959", "hk", "18.5"):
        assert private not in body.replace("diagnosis or health details", "")


def test_danish_is_the_default(settings: SettingsWrapper) -> None:
    load_example()
    manager("KK", "M0", "kim@kk.example")
    port = free_port()
    settings.MAILERS = mailers(port)
    with smtp_server(port) as inbox:
        run_daily(dt.date(2024, 10, 8))  # X1's conversation alert of 7 October
    (message,) = inbox.messages
    body = message.get_content()
    assert "Medarbejder X1 er omfattet af reglen" in body
    assert "Hvorfor: 3 fraværsforløb inden for reglens periode." in body
    assert "Frist: 21. oktober 2024." in body


def test_a_failed_send_is_retried_on_the_next_run(example: None, settings: SettingsWrapper) -> None:
    port = free_port()
    settings.MAILERS = mailers(port)
    down = run_daily(DEC_17)  # no server listening yet
    assert (down.sent.sent, down.sent.failed) == (0, 2)
    assert all(m.last_error for m in OutboxMail.objects.all())
    with smtp_server(port) as inbox:
        again = run_daily(DEC_17)
    assert (again.sent.sent, again.sent.failed) == (2, 0)
    assert len(inbox.messages) == 2
    assert set(OutboxMail.objects.values_list("attempts", flat=True)) == {2}


def test_a_mail_interrupted_while_sending_is_not_sent_again(
    example: None, settings: SettingsWrapper
) -> None:
    port = free_port()
    settings.MAILERS = mailers(port)
    run_daily(dt.date(2024, 12, 1))  # queues X3's conversation and 7a mails; no server
    # as if a run died between handing the mails to the server and marking them sent
    OutboxMail.objects.update(claimed_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    with smtp_server(port) as inbox:
        report = run_daily(dt.date(2024, 12, 1))
    assert inbox.messages == []
    assert report.sent.interrupted == 2


def test_a_mail_another_run_is_sending_now_is_not_called_interrupted(
    example: None, settings: SettingsWrapper
) -> None:
    port = free_port()
    settings.MAILERS = mailers(port)
    run_daily(dt.date(2024, 12, 1))  # queues two mails; no server
    # as if a second run had claimed them a minute ago and were talking to the server
    OutboxMail.objects.update(claimed_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
    with smtp_server(port) as inbox:
        report = run_daily(dt.date(2024, 12, 1))
    assert inbox.messages == []
    assert (report.sent.sent, report.sent.failed, report.sent.interrupted) == (0, 0, 0)
    assert "interrupted" not in report.render()


def test_an_alert_without_a_manager_waits_until_one_is_known(settings: SettingsWrapper) -> None:
    load_example()
    port = free_port()
    settings.MAILERS = mailers(port)
    with smtp_server(port) as inbox:
        waiting = run_daily(dt.date(2024, 10, 8))
        assert (waiting.sent.sent, waiting.sent.failed) == (0, 1)
        assert "no manager for unit SKOLE" in OutboxMail.objects.get().last_error
        manager("ADM1", "M1", "anna@kk.example")
        later = run_daily(dt.date(2024, 10, 9))
    assert later.sent.sent == 1
    assert inbox.recipients == [["anna@kk.example"]]
