"""One mail per alert to the manager, through an outbox (spec/rules.md; issue 3).

The mail says who (the pseudonymous employee id), which rule (its title), why (days or
spells, with the count, or how long the absence has lasted), by when, and where to
record the conversation. No diagnosis, no cause, nothing else about the person.

Sending is idempotent: a row is claimed (one UPDATE that only one process can win)
before the message goes to the server, and marked sent after. A send that fails is
released with its error and tried again next run. A row left claimed but not sent (the
process died while sending) is not sent again automatically: it may have gone out. It
is reported as interrupted once its claim is older than SAMRAAD_MAIL_CLAIM_SECONDS; a
younger claim is another run sending it right now.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from samraad.followup.models import Alert, OutboxMail
from samraad.followup.store import Organisation
from samraad.org.models import Manager

MONTHS = {
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "en": "January February March April May June July August September October November December",
}
TEXT = {
    "da": {
        "subject": "Opfølgning på sygefravær: {title}",
        "days": "{days} fraværsdage inden for reglens periode",
        "spells": "{spells} fraværsforløb inden for reglens periode",
        "days+spells": "{days} fraværsdage og {spells} fraværsforløb inden for reglens periode",
        "spell_length": "fraværet har på {raised_on} varet {spell_day} kalenderdage",
        "body": (
            "Kære leder\n\n"
            "Medarbejder {employee} er omfattet af reglen:\n"
            "  {title}\n\n"
            "Hvorfor: {why}.\n"
            "Frist: {due_by}.\n\n"
            "Registrér samtalen eller den anden opfølgning her:\n"
            "  {link}\n\n"
            "Mailen indeholder bevidst ingen oplysninger om diagnose eller helbred.\n"
            "Skriv heller ikke sådanne oplysninger i noten til samtalen.\n\n"
            "Venlig hilsen\nSamråd\n"
        ),
    },
    "en": {
        "subject": "Absence follow-up: {title}",
        "days": "{days} days of absence within the rule's window",
        "spells": "{spells} spells of absence within the rule's window",
        "days+spells": "{days} days and {spells} spells of absence within the rule's window",
        "spell_length": "on {raised_on} the absence had lasted {spell_day} calendar days",
        "body": (
            "Dear manager\n\n"
            "Employee {employee} is covered by the rule:\n"
            "  {title}\n\n"
            "Why: {why}.\n"
            "Due by: {due_by}.\n\n"
            "Record the conversation or other follow-up here:\n"
            "  {link}\n\n"
            "This mail deliberately holds no diagnosis or health details.\n"
            "Do not write such details in the note on the conversation either.\n\n"
            "Kind regards\nSamråd\n"
        ),
    },
}


@dataclass(frozen=True)
class SendResult:
    sent: int
    failed: int
    # claimed longer ago than SAMRAAD_MAIL_CLAIM_SECONDS and never marked sent: check the
    # mail server's log
    interrupted: int


def long_date(day: dt.date, language: str) -> str:
    month = MONTHS[language].split()[day.month - 1]
    return f"{day.day}. {month} {day.year}" if language == "da" else f"{day.day} {month} {day.year}"


def alert_link(alert: Alert) -> str:
    """The page where the manager records the conversation."""
    path = reverse("followup:conversation", args=[alert.pk])
    return f"{settings.BASE_URL.rstrip('/')}{path}"


def compose(alert: Alert, manager: Manager) -> EmailMessage:
    language = manager.language if manager.language in TEXT else "da"
    text = TEXT[language]
    why = text[alert.reason].format(
        days=alert.days,
        spells=alert.spells,
        spell_day=alert.spell_day,
        raised_on=long_date(alert.raised_on, language),
    )
    body = text["body"].format(
        employee=alert.employee_id,
        title=alert.title,
        why=why,
        due_by=long_date(alert.due_by, language),
        link=alert_link(alert),
    )
    sender = settings.DEFAULT_FROM_EMAIL
    domain = sender.rpartition("@")[2] or "samraad.localhost"
    return EmailMessage(
        subject=text["subject"].format(title=alert.title),
        body=body,
        from_email=sender,
        to=[manager.email],
        # The same id on a resend lets a mail client show it once.
        headers={"Message-ID": f"<alert-{alert.pk}@{domain}>"},
    )


def send_pending(using: str = "default") -> SendResult:
    """Send every queued mail not sent yet, one claim at a time."""
    stale = timezone.now() - dt.timedelta(seconds=settings.SAMRAAD_MAIL_CLAIM_SECONDS)
    interrupted = OutboxMail.objects.filter(sent_at__isnull=True, claimed_at__lt=stale).count()
    pending = OutboxMail.objects.filter(sent_at__isnull=True, claimed_at__isnull=True)
    ids = list(pending.values_list("id", flat=True))
    if not ids:
        return SendResult(0, 0, interrupted)
    organisation: Organisation | None = None
    connection = mailers[using]
    sent = failed = 0
    try:
        for outbox_id in ids:
            claimed = OutboxMail.objects.filter(
                id=outbox_id, sent_at__isnull=True, claimed_at__isnull=True
            ).update(claimed_at=timezone.now(), attempts=F("attempts") + 1)
            if not claimed:
                continue  # another run took it
            row = OutboxMail.objects.select_related("alert", "alert__manager").get(id=outbox_id)
            alert = row.alert
            if alert.manager is None:
                # A manager may have been imported since the alert was stored.
                organisation = organisation or Organisation()
                alert.manager = organisation.manager_of(alert.unit_id, alert.raised_on)
                if alert.manager is not None:
                    alert.save(update_fields=["manager"])
            if alert.manager is None:
                _release(row, f"no manager for unit {alert.unit_id} on {alert.raised_on}")
                failed += 1
                continue
            try:
                connection.open()
                if connection.send_messages([compose(alert, alert.manager)]) != 1:
                    raise RuntimeError("the mail server accepted no message")
            except Exception as exc:  # any failure: released, and retried next run
                with suppress(Exception):
                    connection.close()
                _release(row, f"{type(exc).__name__}: {exc}")
                failed += 1
                continue
            OutboxMail.objects.filter(id=row.id).update(
                sent_at=timezone.now(), recipient=alert.manager.email, last_error=""
            )
            sent += 1
    finally:
        connection.close()
    return SendResult(sent, failed, interrupted)


def _release(row: OutboxMail, error: str) -> None:
    OutboxMail.objects.filter(id=row.id).update(claimed_at=None, last_error=error[:2000])
