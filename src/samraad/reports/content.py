"""What a monthly report says, as plain data (pure: no Django). The PDF (`document.py`)
and the Excel file (`workbook.py`) only lay it out.

Every figure is the statistics core's, looked up in tables computed once for every unit
(`Sources`), so a report's figures are `samraad stats`'s for the same unit, period,
structure and as-of day (the month's last day), to the last decimal. What the audience
may see is decided by a `Disclosure`: everything for `management` (person-level
readers), the small-group policy for `committee` (aggregates only; a unit, a length
group, a job group or an alert count covering fewer than 5 persons is left out, "–").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

import polars as pl

from samraad.disclosure import ALERT_PART, ALERTS, JOB_GROUPS, LENGTH_GROUPS, Disclosure
from samraad.disclosure.lengths import LengthRow, length_rows
from samraad.followup.compliance import ALERT_COLUMNS, FollowUp, follow_up_by_unit
from samraad.followup.longest import LongAbsence
from samraad.forecast import LEVEL, Outlook, forecast_units
from samraad.reports.periods import Month, Period, ReportPeriods
from samraad.stats import (
    Dataset,
    Structure,
    UnitFigures,
    by_job_group,
    day_number,
    empty_figures,
    figures_by_key,
    parents_on,
)
from samraad.targets.inheritance import target_of

NO_ALERTS = FollowUp(0, 0, 0, 0, 0)


class Audience(StrEnum):
    MANAGEMENT = "management"  # person-level readers: every figure, the longest absences
    COMMITTEE = "committee"  # aggregates only, groups under 5 suppressed


@dataclass(frozen=True)
class Figures:
    """One unit's figures for one period as `samraad stats --json` gives them; None
    where the audience may not see them."""

    start: dt.date
    end: dt.date
    working_days: int | None
    fte: float | None
    headcount: int | None
    planned_hours: float | None
    absence_hours: float | None
    absence_rate: float | None
    absence_days_per_fte: float | None
    spells: int | None
    suppressed: bool

    @classmethod
    def of(cls, figures: UnitFigures, shown: bool) -> Figures:
        if not shown:
            return cls(
                figures.start, figures.end, None, None, None, None, None, None, None, None, True
            )
        data = figures.to_json()
        return cls(
            figures.start,
            figures.end,
            figures.working_days,
            data["fte"],
            figures.headcount,
            data["planned_hours"],
            data["absence_hours"],
            data["absence_rate"],
            data["absence_days_per_fte"],
            figures.spells,
            False,
        )


@dataclass(frozen=True)
class HeadlineRow:
    key: str  # periods.KEYS
    this_year: Figures
    year_before: Figures


@dataclass(frozen=True)
class TrendRow:
    month: int  # 1–12
    this_year: float | None  # absence rate, percent; None after the report's month
    last_year: float | None


@dataclass(frozen=True)
class SubUnitRow:
    unit: str
    name: str
    last_12_months: Figures
    month: Figures


@dataclass(frozen=True)
class JobGroupRow:
    job_group: str
    figures: Figures


@dataclass(frozen=True)
class FollowUpRow:
    key: str  # periods.KEYS
    start: dt.date
    end: dt.date
    raised: int | None
    closed_on_time: int | None
    closed_late: int | None
    open: int | None
    overdue: int | None
    compliance: float | None  # percent closed by their due date, 4 decimals as stats
    suppressed: bool

    @classmethod
    def of(cls, key: str, period: Period, found: FollowUp, shown: bool) -> FollowUpRow:
        if not shown:
            return cls(key, *period, None, None, None, None, None, None, True)
        data = found.to_json()
        return cls(
            key,
            *period,
            found.raised,
            found.closed_on_time,
            found.closed_late,
            found.open,
            found.overdue,
            data["compliance"],
            False,
        )


@dataclass(frozen=True)
class YearOutlook:
    """The year against its target (absence/outlook.py's rule): the forecast made on the
    month's last day from what was known then, with its 80 % interval."""

    year: int
    target: Decimal | None
    target_set_for: str | None  # the unit whose target it is (itself or an ancestor)
    target_set_for_name: str
    observed: float | None  # days per FTE, 1 January to the month's end (the forecast's)
    forecast: float | None  # days per FTE for the whole year, 2 decimals
    low: float | None
    high: float | None
    level: float
    suppressed: bool

    @property
    def on_track(self) -> bool | None:
        """The forecast's point estimate, to the 2 decimals shown, at most the target."""
        if self.target is None or self.forecast is None:
            return None
        return Decimal(str(self.forecast)) <= self.target


@dataclass(frozen=True)
class LongestRow:
    employee_id: str
    name: str  # "" when payroll gave none
    unit: str
    unit_name: str
    spell_start: dt.date
    days: int
    degree: float
    last_conversation: dt.date | None
    last_conversation_kind: str
    next_step: str
    next_due: dt.date | None
    overdue: bool


@dataclass(frozen=True)
class MonthlyReport:
    unit: str
    name: str
    administration: str  # the name of the administration above (or the unit's own)
    month: Month
    structure: Structure
    audience: Audience
    made_on: dt.date
    headline: list[HeadlineRow]
    trend: list[TrendRow]
    sub_units: list[SubUnitRow]  # ranked: most days per FTE (last 12 months) first
    lengths: list[LengthRow]  # last 12 months
    job_groups: list[JobGroupRow]  # last 12 months, most days per FTE first
    follow_up: list[FollowUpRow]
    outlook: YearOutlook
    longest: list[LongestRow] | None  # management only

    @property
    def periods(self) -> ReportPeriods:
        return ReportPeriods(self.month)


class Tree:
    """Units on the report's day: names, parents, open children (from the Dataset's
    unit rows, so the pure report needs no database)."""

    def __init__(self, data: Dataset, day: dt.date, names: Mapping[str, str]):
        number = day_number(day)
        rows = data.unit_rows
        self.parents = parents_on(data, day)
        open_rows = rows.filter((pl.col("first") <= number) & (pl.col("last") >= number))
        self.children: dict[str, list[str]] = {}
        for unit, parent in open_rows.select("unit", "parent").unique().iter_rows():
            if parent is not None:
                self.children.setdefault(parent, []).append(unit)
        self.names = names

    def name(self, unit: str) -> str:
        return self.names.get(unit, unit)

    def children_of(self, unit: str) -> list[str]:
        return sorted(self.children.get(unit, []))

    def path(self, unit: str) -> list[str]:
        chain: list[str] = []
        current: str | None = unit
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parents.get(current)
        return chain[::-1]


@dataclass
class Sources:
    """Every unit's tables for one month and structure, computed once (`compute_sources`)
    and shared by all the month's reports."""

    month: Month
    structure: Structure
    today: dt.date  # the follow-up's statuses are as known on this day (as in stats)
    figures: Mapping[tuple[str, dt.date, dt.date], UnitFigures]
    job_groups: Mapping[str, dict[str, UnitFigures]]
    follow_up: dict[Period, dict[str, FollowUp]]
    targets: Mapping[str, Decimal]
    tree: Tree
    data: Dataset  # what the forecasts are made from (known on the month's last day)
    # the forecasts made so far, None for a unit without one (not open by then)
    forecasts: dict[str, Outlook | None] = field(default_factory=dict)

    def unit_figures(self, unit: str, period: Period) -> UnitFigures:
        found = self.figures.get((unit, *period))
        return found if found is not None else empty_figures(unit, period, self.structure)

    def forecast(self, unit: str) -> Outlook | None:
        """The unit's forecast made on the month's last day (made when first asked: a
        forecast of every unit takes seconds at Copenhagen scale, one a fraction)."""
        if unit not in self.forecasts:
            self.make_forecasts([unit])
        return self.forecasts[unit]

    def make_forecasts(self, units: Sequence[str]) -> None:
        """The forecasts of several units at once (`samraad report --all`)."""
        wanted = [u for u in dict.fromkeys(units) if u not in self.forecasts]
        if not wanted:
            return
        month = self.month
        found = forecast_units(
            self.data, month.year, month.last, units=wanted, structure=self.structure
        )
        made = {o.unit: o for o in found}
        self.forecasts.update({u: made.get(u) for u in wanted})


def compute_sources(
    data: Dataset,
    job_groups: pl.DataFrame,
    alerts: pl.DataFrame,
    targets: Mapping[str, Decimal],
    names: Mapping[str, str],
    month: Month,
    structure: Structure,
    today: dt.date,
) -> Sources:
    """`job_groups`: employment_id, job_group; `alerts`: followup.compliance.ALERT_COLUMNS;
    `targets`: every unit's own target for the month's year; `names`: unit names."""
    periods = ReportPeriods(month)
    as_of = month.last
    last_12 = periods.period("last_12_months")
    follow_up = {
        period: follow_up_by_unit(alerts, data.unit_rows, *period, today, structure, as_of)
        for _, period, _ in periods.headline()
    }
    return Sources(
        month,
        structure,
        today,
        figures_by_key(data, None, periods.all(), structure, as_of),
        by_job_group(data, job_groups, last_12, structure, as_of),
        follow_up,
        targets,
        Tree(data, as_of, names),
        data,
    )


def no_alerts() -> pl.DataFrame:
    return pl.DataFrame(schema=ALERT_COLUMNS)


# The longest absences below a unit on a day (followup.longest.longest, with the stored
# conversations and the rule set in force).
Longest = Callable[[str, dt.date], Sequence[LongAbsence]]


def monthly_report(
    sources: Sources,
    unit: str,
    audience: Audience,
    disclosure: Disclosure,
    *,
    longest: Longest | None = None,
    person_names: Mapping[str, str] | None = None,
    step_titles: Mapping[str, str] | None = None,
) -> MonthlyReport:
    """One unit's report. `longest` (management only) lists the longest absences;
    `person_names` gives their names where the reader may see them."""
    structure, tree = sources.structure, sources.tree
    periods = ReportPeriods(sources.month)
    last_12 = periods.period("last_12_months")
    month_period = periods.period("month")

    def figures(u: str, period: Period) -> Figures:
        return Figures.of(sources.unit_figures(u, period), disclosure.unit(structure, u, *period))

    def rate(u: str, period: Period | None) -> float | None:
        return None if period is None else figures(u, period).absence_rate

    lengths = disclosure.parts(LENGTH_GROUPS, structure, unit, *last_12)
    jobs = disclosure.parts(JOB_GROUPS, structure, unit, *last_12)
    path = tree.path(unit)
    return MonthlyReport(
        unit=unit,
        name=tree.name(unit),
        administration=tree.name(path[1] if len(path) > 1 else unit),
        month=sources.month,
        structure=structure,
        audience=audience,
        made_on=sources.today,
        headline=[
            HeadlineRow(key, figures(unit, this), figures(unit, earlier))
            for key, this, earlier in periods.headline()
        ],
        trend=[
            TrendRow(m, rate(unit, this), rate(unit, earlier))
            for m, this, earlier in periods.trend()
        ],
        sub_units=ranked_units(
            [
                SubUnitRow(c, tree.name(c), figures(c, last_12), figures(c, month_period))
                for c in tree.children_of(unit)
            ]
        ),
        lengths=length_rows(sources.unit_figures(unit, last_12), lengths),
        job_groups=ranked_groups(
            [
                JobGroupRow(g, Figures.of(f, jobs is None or g in jobs))
                for g, f in sources.job_groups.get(unit, {}).items()
            ]
        ),
        follow_up=[
            FollowUpRow.of(
                key,
                period,
                sources.follow_up[period].get(unit, NO_ALERTS),
                _alerts_shown(disclosure, structure, unit, period),
            )
            for key, period, _ in periods.headline()
        ],
        outlook=year_outlook(sources, unit, disclosure),
        longest=None
        if audience is Audience.COMMITTEE or longest is None
        else longest_rows(longest(unit, sources.month.last), tree, person_names or {}, step_titles),
    )


def _alerts_shown(disclosure: Disclosure, structure: Structure, unit: str, period: Period) -> bool:
    parts = disclosure.parts(ALERTS, structure, unit, *period)
    return parts is None or ALERT_PART in parts


def _days_key(figures: Figures, name: str) -> tuple[bool, float, str]:
    value = figures.absence_days_per_fte
    return (value is None, -(value or 0.0), name)


def ranked_units(rows: list[SubUnitRow]) -> list[SubUnitRow]:
    """Where absence is highest: most days per FTE over the last 12 months first, the
    suppressed last."""
    return sorted(rows, key=lambda r: _days_key(r.last_12_months, r.name))


def ranked_groups(rows: list[JobGroupRow]) -> list[JobGroupRow]:
    return sorted(rows, key=lambda r: _days_key(r.figures, r.job_group))


def year_outlook(sources: Sources, unit: str, disclosure: Disclosure) -> YearOutlook:
    """Target, year so far and forecast; for a committee only where the unit's own
    figures for the year so far may be shown (absence/outlook.py). A target is a
    decision, not a figure about persons: shown to all."""
    year = sources.month.year
    found = target_of(unit, sources.targets, sources.tree.parents)
    target, set_for = (None, None) if found is None else (found.value, found.set_for)
    name = "" if set_for is None else sources.tree.name(set_for)
    ytd = ReportPeriods(sources.month).period("year_to_date")
    ahead = sources.forecast(unit)
    if not disclosure.unit(sources.structure, unit, *ytd) or ahead is None:
        suppressed = ahead is not None
        return YearOutlook(year, target, set_for, name, None, None, None, None, LEVEL, suppressed)
    observed = sources.unit_figures(unit, ytd).to_json()["absence_days_per_fte"]
    return YearOutlook(
        year,
        target,
        set_for,
        name,
        observed,
        round(ahead.days_per_fte, 2),
        round(ahead.low, 2),
        round(ahead.high, 2),
        LEVEL,
        False,
    )


def longest_rows(
    found: Sequence[LongAbsence],
    tree: Tree,
    names: Mapping[str, str],
    step_titles: Mapping[str, str] | None = None,
) -> list[LongestRow]:
    rows = []
    for a in found:
        held, due = a.last_conversation, a.next_due
        rows.append(
            LongestRow(
                employee_id=a.employee_id,
                name=names.get(a.employee_id, ""),
                unit=a.unit,
                unit_name=tree.name(a.unit),
                spell_start=a.spell_start,
                days=a.days,
                degree=a.degree,
                last_conversation=None if held is None else held.held_on,
                last_conversation_kind="" if held is None else held.kind,
                next_step="" if due is None else (step_titles or {}).get(due.rule_id, due.title),
                next_due=None if due is None else due.due_by,
                overdue=due is not None and due.overdue(a_day(a)),
            )
        )
    return rows


def a_day(absence: LongAbsence) -> dt.date:
    """The day the list was made for: the spell's first day plus its days so far."""
    return absence.spell_start + dt.timedelta(days=absence.days - 1)
