"""`samraad run-daily`: replay up to today, store new alerts, send their mail; conclude
the committees' written procedures whose deadline has passed and send their mail; on the
first working day of a month, mail each subscription its unit's monthly report; then
purge what is past its retention period (`samraad purge`, as of the app's today).

Safe to run twice a day and from cron: alerts are unique per (employee, rule, day) and
each mail is claimed before it is sent (docs/rules.md).
"""

from __future__ import annotations

import argparse
from typing import Any

from samraad.cli.alerts import add_rules_option, rule_history
from samraad.cli.options import iso_date


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("run-daily", help="store today's alerts and mail the managers")
    parser.add_argument(
        "--today", type=iso_date, default=None, help="the day to replay up to (default: today)"
    )
    add_rules_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad import clock
    from samraad.followup.daily import run_daily
    from samraad.meetings.daily import run_committee_day
    from samraad.reports.daily import send_monthly_reports
    from samraad.retention.purge import purge

    today = args.today or clock.today()
    report = run_daily(today, rule_history(args.rules))
    print(report.render())
    committees = run_committee_day(today)
    print(committees.render())
    monthly = send_monthly_reports(today)
    print(monthly.render())
    print(purge(clock.today()).render())
    failed = report.sent.failed + committees.mail.failed + monthly.failed
    return 0 if failed == 0 else 1
