"""The subscriptions' part of `samraad run-daily`: on the first working day of a month
(Monday to Friday, not a Danish public holiday nor an agreed day off: the statistics'
calendar, from `holidays`), each subscription gets the unit's report for the month
before, as a PDF attached to a mail, exactly once.

- Who gets what is decided that day: the user's access to the unit then (a manager or
  HR: the management report; a committee member: the committee report). A user who can
  no longer see the unit gets nothing (counted as skipped).
- Once: a subscription's month is claimed by inserting its row (one per subscription
  and month, a unique constraint) before the mail is made; a second run, or a run at the
  same time, finds the row and leaves it. A failed send releases the claim and is
  tried again on the next run that month (a later working day); a claim never marked
  sent (the process died while sending) is not sent again: it may have gone out.
- Subscriptions made after the month's first working day start with the next month.
- Every mailed management report is recorded in the audit log with the persons it lists.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import IntegrityError, transaction
from django.utils import timezone

from samraad.accounts.permissions import Access, scope_for, unit_access
from samraad.audit.models import Action, AuditEntry
from samraad.documents.model import Language
from samraad.org.tree import tree_on
from samraad.reports.content import Audience, MonthlyReport
from samraad.reports.document import report_pdf
from samraad.reports.gather import report
from samraad.reports.models import SentReport, Subscription
from samraad.reports.periods import Month
from samraad.reports.words import WORDS, month_name
from samraad.stats import work_calendar

TEXT = {
    "da": {
        "subject": "Månedsrapport om sygefravær: {name}, {month}",
        "body": (
            "Hej\n\n"
            "Her er månedsrapporten om sygefraværet i {name} for {month} ({audience}).\n"
            "Rapporten kan også hentes på enhedens side:\n  {link}\n\n"
            "Du får den, fordi du abonnerer på den. Afmeld på enhedens side.\n\n"
            "Venlig hilsen\nSamråd\n"
        ),
    },
    "en": {
        "subject": "Monthly sickness-absence report: {name}, {month}",
        "body": (
            "Hello\n\n"
            "Here is the monthly report on sickness absence in {name} for {month} "
            "({audience}).\nIt can also be downloaded on the unit's page:\n  {link}\n\n"
            "You get it because you subscribe to it. Unsubscribe on the unit's page.\n\n"
            "Kind regards\nSamråd\n"
        ),
    },
}


def first_working_day(month: Month) -> dt.date:
    calendar = work_calendar()
    day = month.first
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class MonthlyMail:
    today: dt.date
    due: bool  # today is the month's first working day or a later one that month
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # no access to the unit any more, or no mail address

    def render(self) -> str:
        if not self.due:
            return "monthly reports: none due today (sent on the first working day of a month)"
        return (
            f"monthly reports: {self.sent} sent, {self.failed} failed (retried next run), "
            f"{self.skipped} skipped (no access or no mail address)"
        )


def is_due(today: dt.date) -> bool:
    """A working day, on or after the month's first working day."""
    return work_calendar().is_working_day(today) and today >= first_working_day(Month.of(today))


def send_monthly_reports(today: dt.date, using: str = "default") -> MonthlyMail:
    if not is_due(today):
        return MonthlyMail(today, False)
    month = Month.of(today).shifted(-1)
    first = first_working_day(Month.of(today))
    waiting = (
        Subscription.objects.filter(created_on__lte=first)
        .exclude(sent__month=month.first)
        .select_related("user")
        .order_by("id")
    )
    sent = failed = skipped = 0
    connection = mailers[using]
    try:
        for subscription in waiting:
            outcome = _send_one(subscription, month, today, connection)
            sent += outcome == "sent"
            failed += outcome == "failed"
            skipped += outcome == "skipped"
    finally:
        with suppress(Exception):
            connection.close()
    return MonthlyMail(today, True, sent, failed, skipped)


def _send_one(subscription: Subscription, month: Month, today: dt.date, connection: object) -> str:
    user = subscription.user
    access = unit_access(scope_for(user, today), subscription.unit_id, tree_on(today))
    if access is None or not user.is_active or not user.email:
        return "skipped"
    try:
        with transaction.atomic():
            claim = SentReport.objects.create(
                subscription=subscription, month=month.first, claimed_at=timezone.now()
            )
    except IntegrityError:
        return "claimed"  # another run has it
    audience = Audience.MANAGEMENT if access is Access.PERSON else Audience.COMMITTEE
    language: Language = "en" if subscription.language == "en" else "da"
    try:
        found = report(subscription.unit_id, month, audience, today)
        message = compose(found, user.email, language)
        connection.open()  # type: ignore[attr-defined]
        if connection.send_messages([message]) != 1:  # type: ignore[attr-defined]
            raise RuntimeError("the mail server accepted no message")
    except Exception:  # any failure: the claim is released, and tried on the next run
        with suppress(Exception):
            connection.close()  # type: ignore[attr-defined]
        claim.delete()
        return "failed"
    SentReport.objects.filter(id=claim.id).update(
        sent_at=timezone.now(), recipient=user.email, audience=str(audience)
    )
    if found.longest is not None:
        AuditEntry.objects.create(
            user_id=user.pk,
            username=user.get_username(),
            roles=scope_for(user, today).describe(),
            action=Action.EXPORT,
            page="reports:mail",
            path="",
            unit_id=subscription.unit_id,
            subjects=" ".join(sorted({r.employee_id for r in found.longest})),
            detail=f"{month} {audience} pdf by mail to {user.email}",
        )
    return "sent"


def compose(found: MonthlyReport, recipient: str, lang: Language) -> EmailMessage:
    from django.urls import reverse

    text, words = TEXT[lang], WORDS[lang]
    month = month_name(found.month, lang)
    link = settings.BASE_URL.rstrip("/") + reverse("absence:unit", args=[found.unit])
    fields = {"name": found.name, "month": month, "audience": words[str(found.audience)]}
    message = EmailMessage(
        subject=text["subject"].format(**fields),
        body=text["body"].format(**fields, link=link),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
    )
    message.attach(f"{found.unit}-{found.month}.pdf", report_pdf(found, lang), "application/pdf")
    return message
