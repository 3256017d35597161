"""The daily job: replay up to today, store what is new, send what is queued."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samraad.followup.mail import SendResult, send_pending
from samraad.followup.store import Stored, store_alerts
from samraad.frames.loading import load_dataset
from samraad.rules.engine import replay
from samraad.rules.ruleset import RuleHistory


@dataclass(frozen=True)
class DailyReport:
    today: dt.date
    stored: Stored
    sent: SendResult

    def render(self) -> str:
        lines = [
            f"run-daily {self.today}: {self.stored.new} new alerts "
            f"({self.stored.known} stored before), {self.stored.queued} mails queued",
            f"mail: {self.sent.sent} sent, {self.sent.failed} failed (retried next run)",
        ]
        if self.stored.lapsed:
            lines.insert(
                1,
                f"lapsed: {self.stored.lapsed} alerts' lapse day set or changed "
                "(employee left or moved outside the manager's units)",
            )
        if self.sent.interrupted:
            lines.append(
                f"mail: {self.sent.interrupted} interrupted while sending earlier; not resent "
                "automatically (see docs/rules.md)"
            )
        return "\n".join(lines)


def run_daily(today: dt.date, history: RuleHistory | None = None) -> DailyReport:
    alerts = replay(load_dataset(), history or RuleHistory.default(), today)
    stored = store_alerts(alerts, today)
    return DailyReport(today, stored, send_pending())
