"""The committees' part of `samraad run-daily`: written procedures whose deadline has
passed are concluded (approved without objections, or objected), and the procedure mails
not sent yet go out. Idempotent: a second run the same day finds nothing to do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samraad.meetings.approval import conclude_due
from samraad.meetings.mail import MailResult, send_pending


@dataclass(frozen=True)
class CommitteeDay:
    approved: int
    objected: int
    mail: MailResult

    def render(self) -> str:
        return (
            f"written procedures: {self.approved} approved, {self.objected} with objections; "
            f"mail: {self.mail.sent} sent, {self.mail.failed} failed (retried next run)"
        )


def run_committee_day(today: dt.date) -> CommitteeDay:
    approved, objected = conclude_due(today)
    return CommitteeDay(approved, objected, send_pending())
