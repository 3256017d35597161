"""The written procedure's mail: each voting member with a login and an address gets
the draft minutes' link and the deadline. Sent when the procedure starts (after the
transaction commits); what fails then is sent by `samraad run-daily`. Each mail is
claimed before it goes out (one UPDATE only one process can win), like followup/mail.py,
so no member gets it twice."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from samraad.documents.formatting import format_date
from samraad.meetings.models import ProcedureMail

SUBJECT = "Referat i skriftlig proces: {committee}, mødet den {date}"
BODY = (
    "Kære {name}\n\n"
    "Udkastet til referat af {committee_name}s møde den {date} er sendt i skriftlig proces.\n\n"
    "Læs det, og godkend det eller gør indsigelse, senest {deadline}:\n"
    "  {link}\n\n"
    "Er der ingen indsigelser, når fristen er udløbet, er referatet godkendt.\n\n"
    "Venlig hilsen\nSekretariatet, {committee_name}\n"
)


@dataclass(frozen=True)
class MailResult:
    sent: int
    failed: int


def compose(mail: ProcedureMail) -> EmailMessage:
    started = mail.procedure
    meeting = started.meeting
    committee = meeting.series.committee
    link = settings.BASE_URL.rstrip("/") + reverse("meetings:meeting", args=[meeting.pk])
    date = format_date(meeting.date, "da")
    sender = settings.DEFAULT_FROM_EMAIL
    domain = sender.rpartition("@")[2] or "samraad.localhost"
    return EmailMessage(
        subject=SUBJECT.format(committee=committee.code, date=date),
        body=BODY.format(
            name=mail.member.name,
            committee_name=committee.name,
            date=date,
            deadline=format_date(started.deadline, "da"),
            link=link,
        ),
        from_email=sender,
        to=[mail.recipient],
        headers={"Message-ID": f"<procedure-{started.pk}-{mail.member_id}@{domain}>"},
    )


def send_pending(using: str = "default") -> MailResult:
    ids = list(
        ProcedureMail.objects.filter(sent_at__isnull=True, claimed_at__isnull=True).values_list(
            "id", flat=True
        )
    )
    if not ids:
        return MailResult(0, 0)
    connection = mailers[using]
    sent = failed = 0
    try:
        for mail_id in ids:
            claimed = ProcedureMail.objects.filter(
                id=mail_id, sent_at__isnull=True, claimed_at__isnull=True
            ).update(claimed_at=timezone.now(), attempts=F("attempts") + 1)
            if not claimed:
                continue
            mail = ProcedureMail.objects.select_related(
                "procedure__meeting__series__committee", "member"
            ).get(id=mail_id)
            try:
                connection.open()
                if connection.send_messages([compose(mail)]) != 1:
                    raise RuntimeError("the mail server accepted no message")
            except Exception as exc:  # any failure: released, retried by run-daily
                with suppress(Exception):
                    connection.close()
                ProcedureMail.objects.filter(id=mail_id).update(
                    claimed_at=None, last_error=f"{type(exc).__name__}: {exc}"[:2000]
                )
                failed += 1
                continue
            ProcedureMail.objects.filter(id=mail_id).update(sent_at=timezone.now(), last_error="")
            sent += 1
    finally:
        connection.close()
    return MailResult(sent, failed)
