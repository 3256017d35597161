"""A monthly report from the stored data, for the command, the unit page and the mail:
the pure report (`content.py`) over the cached Dataset, the stored alerts and targets,
the disclosure policy of the day and, for management, the longest absences.

Every unit's tables for a month and structure are computed once (seconds at Copenhagen
scale) and kept for the day and version of the data, so a download or the month's
mails look their unit up."""

from __future__ import annotations

import datetime as dt

import polars as pl

from samraad import disclosure
from samraad.absence import service
from samraad.disclosure import Disclosure, last_complete_month
from samraad.followup.compliance import ALERT_COLUMNS
from samraad.followup.long_absences import longest_below
from samraad.followup.models import Alert
from samraad.followup.status import with_closed_on
from samraad.frames import cache
from samraad.org.tree import tree_on
from samraad.reports.content import (
    Audience,
    MonthlyReport,
    Sources,
    compute_sources,
    monthly_report,
)
from samraad.reports.periods import Month, ReportPeriods
from samraad.stats import Structure
from samraad.targets.store import TARGETS, read_targets


class ReportUnavailable(ValueError):
    """The month cannot be reported (not complete yet, or outside what the audience may
    be shown); the message says which."""


def default_structure(audience: Audience) -> Structure:
    """As the unit page: historic for management, current for committees (their
    breakdowns are decided in the current structure)."""
    return Structure.HISTORIC if audience is Audience.MANAGEMENT else Structure.CURRENT


def latest_month(today: dt.date) -> Month:
    """The last complete month: the one a report is made for by default."""
    return Month.of(last_complete_month(today))


def alert_frame(start: dt.date, end: dt.date) -> pl.DataFrame:
    rows = with_closed_on(Alert.objects.filter(raised_on__gte=start, raised_on__lte=end))
    values = list(rows.values_list(*ALERT_COLUMNS))
    return pl.DataFrame(values, schema=ALERT_COLUMNS, orient="row")


def sources(month: Month, structure: Structure, today: dt.date) -> Sources:
    """Every unit's tables for the month, kept for the day and version of the data."""

    def compute() -> Sources:
        periods = ReportPeriods(month)
        start = min(p for _, p, _ in periods.headline())[0]
        tree = tree_on(month.last)
        names = {u: t.name for u, t in tree.units.items()}
        return compute_sources(
            cache.dataset(),
            service.job_groups(),
            alert_frame(start, month.last),
            read_targets(month.year),
            names,
            month,
            structure,
            today,
        )

    key = ("report-sources", month, structure, today)
    return cache.remember(key, compute, depends=("data", "follow_up", TARGETS))


def person_names() -> dict[str, str]:
    """employee_id → name (person-level data: management reports only)."""
    return cache.remember("report-person-names", lambda: dict(service.names().iter_rows()))


def audience_disclosure(audience: Audience, today: dt.date) -> Disclosure:
    return disclosure.EVERYTHING if audience is Audience.MANAGEMENT else service.policy(today)


def check_month(month: Month, audience: Audience, today: dt.date) -> None:
    if month > latest_month(today):
        raise ReportUnavailable(
            f"{month} is not complete yet: the latest month to report is {latest_month(today)}"
        )
    shown = audience_disclosure(audience, today)
    periods = ReportPeriods(month)
    earliest = min(p for _, _, p in periods.headline())
    if audience is Audience.COMMITTEE and not shown.allows(earliest[0], month.last):
        raise ReportUnavailable(
            f"{month} lies too far back for a committee report: its periods a year earlier "
            "are outside the figures aggregates reach back to"
        )


def prepare(
    units: list[str], month: Month, audience: Audience, today: dt.date, structure: Structure | None
) -> None:
    """Make the month's tables and the units' forecasts at once, before many reports
    (`samraad report --all`): one forecast call for them all, not one each."""
    sources(month, structure or default_structure(audience), today).make_forecasts(units)


def report(
    unit: str,
    month: Month,
    audience: Audience,
    today: dt.date,
    structure: Structure | None = None,
) -> MonthlyReport:
    """The unit's report for the month, for the audience (the caller has asked the
    permission layer). Management reports list the longest absences, with names."""
    check_month(month, audience, today)
    chosen = structure or default_structure(audience)
    management = audience is Audience.MANAGEMENT
    names = person_names() if management else None
    return monthly_report(
        sources(month, chosen, today),
        unit,
        audience,
        audience_disclosure(audience, today),
        longest=(lambda u, day: longest_below(u, day)) if management else None,
        person_names=names,
    )
