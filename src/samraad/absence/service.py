"""The pages' and the API's data: the pure dashboard over the cached Dataset.

Every unit's figures for a day and structure are computed in one call of the core and
kept (frames/cache.py); a page then only looks its unit up. Views and the API call
these functions after accounts.permissions has allowed the request.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction

import polars as pl

from samraad import disclosure
from samraad.absence.dashboard import (
    Cell,
    Comparison,
    Focus,
    PersonFigures,
    Tables,
    UnitStatistics,
    comparison,
    compute_focus,
    compute_tables,
    person_figures,
    unit_statistics,
)
from samraad.absence.periods import ChosenPeriod, PagePeriods, Period, PeriodChoices, year_before
from samraad.accounts.permissions import Scope
from samraad.disclosure import (
    ALERT_PART,
    ALERTS,
    EVERYTHING,
    JOB_GROUPS,
    LENGTH_GROUPS,
    Disclosure,
    Family,
    Policy,
    last_complete_month,
)
from samraad.disclosure.breakdowns import Part, parts_frame, parts_of
from samraad.disclosure.units import UnitVisibility
from samraad.followup.compliance import ALERT_COLUMNS, FollowUp, follow_up_by_unit
from samraad.followup.inbox import alert_counts
from samraad.followup.models import Alert
from samraad.followup.status import with_closed_on
from samraad.frames import cache
from samraad.frames.loading import load_frame
from samraad.frames.store import shared_frame
from samraad.org.tree import tree_on
from samraad.stats import (
    FiguresByKey,
    Structure,
    TableRequest,
    UnitFigures,
    age_pieces,
    by_job_group,
    empty_figures,
    figures_table,
    notice_pieces,
    rounded,
)
from samraad.vocabulary import Role


def _loaded(name: str) -> pl.DataFrame:
    """One of the frames apps declare (frames.sources), read from the database by one
    process and shared with the others."""
    return shared_frame(("frame", name), lambda: load_frame(name))


def job_groups() -> pl.DataFrame:
    """employment_id, job_group of every employment."""
    return _loaded("job_groups")


def names() -> pl.DataFrame:
    """employee_id, name of every employee (person-level data: callers are person-level
    views, which the permission layer has let through)."""
    return _loaded("names")


def birth_dates() -> pl.DataFrame:
    """employee_id, birth_date of every employee (null where unknown)."""
    return _loaded("birth_dates")


def endings() -> pl.DataFrame:
    """employment_id, end_reason, notice_date of every employment."""
    return _loaded("endings")


# The analyses' groups (docs/management-information.md, "Analyses"), as families of the
# disclosure policy: age bands split every employment's days (a breakdown of the units'
# figures); notice periods and the year before them are a family of their own.
AGE_BANDS = "age_bands"
NOTICES = "notices"


def _age_pieces() -> pl.DataFrame:
    return age_pieces(cache.dataset().employments, birth_dates())


def _notice_pieces() -> pl.DataFrame:
    return notice_pieces(cache.dataset().employments.join(endings(), on="employment_id"))


PIECES = {AGE_BANDS: (_age_pieces, True), NOTICES: (_notice_pieces, False)}


def pieces(family: str) -> pl.DataFrame:
    """The pieces of employments behind one of the analyses' families (stats.PIECE_COLUMNS)."""
    build, _ = PIECES[family]
    return cache.remember(("pieces", family), build)


def _family(name: str, adds_up: bool) -> Family:
    return Family(lambda: pieces(name), adds_up)


def periods_for(today: dt.date, person_level: bool) -> PagePeriods:
    """Person-level readers see up to today; everyone else whole months up to the last
    complete one (samraad.disclosure)."""
    if person_level:
        return PagePeriods(today)
    return PagePeriods(last_complete_month(today), whole_months=True)


def tables(today: dt.date, structure: Structure, person_level: bool = True) -> Tables:
    """Every unit's page figures for the day and structure: the core's frames computed
    once for every process (seconds at Copenhagen scale) and read by the others from the
    shared files (frames.store), then kept in this process."""
    periods = periods_for(today, person_level)

    def share(name: Hashable, compute: Callable[[], pl.DataFrame]) -> pl.DataFrame:
        return shared_frame(("tables", name, today, structure, person_level), compute)

    return cache.remember(
        ("tables", today, structure, person_level),
        lambda: compute_tables(cache.dataset, job_groups, periods, structure, today, share),
    )


def job_group_figures(
    today: dt.date, period: Period, structure: Structure
) -> Mapping[str, dict[str, UnitFigures]]:
    """Every unit's figures by job group for one period (the tables hold the last 12
    months only); the tree of `today` for the current structure, as the tables."""
    return cache.remember(
        ("job_group_figures", today, period, structure),
        lambda: by_job_group(cache.dataset(), job_groups(), period, structure, today),
    )


def _raised_alerts() -> pl.DataFrame:
    rows = Alert.objects.values_list("employee_id", "unit_id", "raised_on")
    schema = {"employee_id": pl.String, "unit_id": pl.String, "raised_on": pl.Date}
    return pl.DataFrame(list(rows), schema=schema, orient="row")


def policy(today: dt.date) -> Policy:
    """The disclosure policy of the day for readers without person-level access."""
    families = {name: _family(name, adds_up) for name, (_, adds_up) in PIECES.items()}

    # Its decisions are shared by every process through files (frames.store): computed
    # once a day for the whole server, not once per worker.
    def units(compute: Callable[[], UnitVisibility]) -> UnitVisibility:
        frame = shared_frame(("unit-visibility", today), lambda: compute().to_frame())
        return UnitVisibility.from_frame(frame)

    def keep(key: Hashable, decide: Callable[[], set[Part]]) -> set[Part]:
        depends = ("data", "follow_up") if ALERTS in str(key) else ("data",)
        frame = shared_frame(("parts", today, key), lambda: parts_frame(decide()), depends)
        return parts_of(frame)

    def build() -> Policy:
        data = cache.dataset()
        return disclosure.policy(
            data, today, job_groups, _raised_alerts, families, units=units, keep=keep
        )

    return cache.remember(("policy", today), build)


def disclosure_for(today: dt.date, person_level: bool) -> Disclosure:
    return EVERYTHING if person_level else policy(today)


def warm(today: dt.date) -> None:
    """Compute what the pages need before the first user asks (serve starts this)."""
    tree_on(today)
    for structure in Structure:
        tables(today, structure)
    follow_up_table(today, Structure.HISTORIC)
    # A committee member's first page: their tables, and the policy's decisions for the
    # page's breakdowns (seconds each at Copenhagen scale, once a day).
    tables(today, Structure.CURRENT, person_level=False)
    shown, period = policy(today), periods_for(today, person_level=False).last_12_months
    for root in tree_on(today).roots():
        for kind in (LENGTH_GROUPS, JOB_GROUPS, ALERTS):
            shown.parts(kind, Structure.CURRENT, root, *period)
    # central HR's lists of the municipality and the administrations, with their alert
    # counts (the page's first rows, the exports' all): seconds once, so before anyone asks
    central = Scope(None, frozenset({Role.CENTRAL_HR}), True, frozenset(), frozenset())
    for unit in tree_on(today).tops():
        employees_with_alerts(unit, today, central, PAGE_ROWS)
        employees_with_alerts(unit, today, central)
    # The rest a first unit page may ask: a committee member's other structure, and the
    # follow-up of both audiences in both structures.
    tables(today, Structure.HISTORIC, person_level=False)
    for structure in Structure:
        for person_level in (True, False):
            follow_up_table(today, structure, person_level)


def period_choices(today: dt.date, person_level: bool) -> PeriodChoices:
    """The periods the unit page's picker offers the reader: up to today for
    person-level readers, whole months the policy allows for everyone else."""
    return cache.remember(
        ("period-choices", today, person_level),
        lambda: PeriodChoices(
            periods_for(today, person_level), disclosure_for(today, person_level).allows
        ),
    )


def focus(
    today: dt.date, structure: Structure, person_level: bool, chosen: ChosenPeriod | None
) -> Focus | None:
    """Every unit's figures for a chosen period and the same a year earlier (None for
    the page's own last twelve months, which the page's tables hold already)."""
    if chosen is None or chosen.period == periods_for(today, person_level).last_12_months:
        return None
    periods = (chosen.period, chosen.year_earlier)
    return cache.remember(
        ("focus", periods, today, structure),
        lambda: compute_focus(cache.dataset(), job_groups(), periods, structure, today),
    )


def statistics(
    unit: str,
    today: dt.date,
    structure: Structure,
    person_level: bool,
    chosen: ChosenPeriod | None = None,
) -> UnitStatistics:
    """The unit page's figures; for a chosen period instead of the last twelve months
    when `chosen` is given (the caller has checked that the reader may see it)."""
    found = focus(today, structure, person_level, chosen)

    def compute() -> UnitStatistics:
        children = tree_on(today).children_of(unit)
        shown = disclosure_for(today, person_level)
        return unit_statistics(tables(today, structure, person_level), unit, children, shown, found)

    key = ("statistics", unit, today, structure, person_level, found and found.periods)
    return cache.remember(key, compute)


def compared(
    unit: str,
    other: str,
    today: dt.date,
    structure: Structure,
    person_level: bool,
    chosen: ChosenPeriod | None = None,
) -> Comparison:
    """The unit against another (its parent, the municipality) for the page's periods;
    the caller has checked that the reader may see the other unit with the same access."""
    found = focus(today, structure, person_level, chosen)

    def compute() -> Comparison:
        shown = disclosure_for(today, person_level)
        return comparison(tables(today, structure, person_level), unit, other, shown, found)

    key = ("compared", unit, other, today, structure, person_level, found and found.periods)
    return cache.remember(key, compute)


def headlines(
    units: list[str], today: dt.date, structure: Structure, person_level: bool
) -> dict[str, Cell]:
    """Each unit's last 12 months, for lists of units."""
    period = periods_for(today, person_level).last_12_months
    found = tables(today, structure, person_level).figures
    shown = disclosure_for(today, person_level)
    return {
        u: Cell.of(
            found.get((u, *period)) or empty_figures(u, period, structure),
            shown.unit(structure, u, *period),
        )
        for u in units
    }


def period_figures(
    start: dt.date, end: dt.date, structure: Structure, as_of: dt.date | None
) -> FiguresByKey:
    """Every unit's figures for one period (the API's question): the core's table
    computed once for every process (frames.store), then kept."""
    request = TableRequest(periods=[(start, end)], structure=structure, as_of=as_of or end)
    key = ("period", start, end, structure, as_of)

    def build() -> FiguresByKey:
        frame = shared_frame(key, lambda: figures_table(cache.dataset(), request))
        return FiguresByKey(frame, structure, request.causes)

    return cache.remember(key, build)


def unit_period_figures(
    unit: str, start: dt.date, end: dt.date, structure: Structure, as_of: dt.date | None
) -> UnitFigures:
    found = period_figures(start, end, structure, as_of).get((unit, start, end))
    return found if found is not None else empty_figures(unit, (start, end), structure)


# The employee list's page shows this many persons, the most sick days first; the
# exports hold them all.
PAGE_ROWS = 500


@dataclass(frozen=True)
class EmployeeRow:
    employee_id: str
    name: str  # from employees.csv's optional `name`; empty when payroll gave none
    unit_id: str
    unit_name: str
    job_group: str
    weekly_hours: float
    sick_days: int
    spells: int
    open_alerts: int = 0
    overdue_alerts: int = 0


def employees(unit: str, today: dt.date) -> list[EmployeeRow]:
    """Everyone employed below the unit (today's tree) in the last 12 months, with
    their own-sickness days and spells in that window; the most days first."""
    tree = tree_on(today)
    below = list(tree.below(unit))
    start = year_before(today) + dt.timedelta(days=1)

    def compute() -> pl.DataFrame:
        data = cache.dataset()
        jobs = (
            data.employments.filter(pl.col("unit_id").is_in(below))
            .filter(pl.col("start_date") <= today)
            .filter(pl.col("end_date").is_null() | (pl.col("end_date") >= start))
            .join(job_groups(), on="employment_id", how="left")
            .join(names(), on="employee_id", how="left")
            .sort("start_date", descending=True)
            .unique("employee_id", keep="first")
        )
        people = jobs["employee_id"].to_list()
        figures = person_figures(data, people, (start, today))
        rows = [
            _row(job, figures[job["employee_id"]], tree.name(job["unit_id"]))
            for job in jobs.iter_rows(named=True)
        ]
        ordered = sorted(rows, key=lambda r: (-r.sick_days, -r.spells, r.employee_id))
        values = [[getattr(r, name) for name in EMPLOYEE_COLUMNS] for r in ordered]
        return pl.DataFrame(values, schema=EMPLOYEE_COLUMNS, orient="row")

    # Seconds for the whole municipality: computed once for every process.
    def build() -> list[EmployeeRow]:
        frame = shared_frame(("employees", unit, today), compute)
        return [EmployeeRow(*row) for row in frame.iter_rows()]

    return cache.remember(("employees", unit, today), build)


# An EmployeeRow's fields from the data (the alert counts are added per reader).
EMPLOYEE_COLUMNS = {
    "employee_id": pl.String,
    "name": pl.String,
    "unit_id": pl.String,
    "unit_name": pl.String,
    "job_group": pl.String,
    "weekly_hours": pl.Float64,
    "sick_days": pl.Int64,
    "spells": pl.Int64,
}


def employees_with_alerts(
    unit: str, today: dt.date, scope: Scope, limit: int | None = None
) -> list[EmployeeRow]:
    """The employees (the first `limit`, or all), with their open and overdue alerts as
    the scope sees them; kept per version of the data and follow-up."""
    return cache.remember(
        employees_key(unit, today, scope, limit),
        lambda: with_alerts(employees(unit, today)[:limit], today, scope),
        EMPLOYEES_DEPEND_ON,
    )


EMPLOYEES_DEPEND_ON = ("data", "follow_up")


def employees_key(unit: str, today: dt.date, scope: Scope, limit: int | None) -> Hashable:
    """What `employees_with_alerts` keeps its rows under (and an export made of them)."""
    return ("employees-with-alerts", unit, today, _seen_by(scope), limit)


def _seen_by(scope: Scope) -> Hashable:
    """What of a scope decides which alerts it counts (followup.inbox.alert_counts)."""
    return (scope.person_level, scope.everything, tuple(sorted(scope.person_roots)))


ALERT_COUNT_COLUMNS = {"employee_id": pl.String, "open": pl.Int64, "overdue": pl.Int64}


def open_alerts(employees: list[str], today: dt.date, scope: Scope) -> dict[str, tuple[int, int]]:
    """(open, overdue) alerts of each of the employees, as the scope sees them: counted
    once per version of the data and follow-up for every process (central HR's list of
    the municipality asks of every alert: seconds), then read from the shared file."""
    ids = hashlib.sha256("\x1f".join(employees).encode()).hexdigest()
    key, depends = ("alert-counts", ids, today, _seen_by(scope)), ("data", "follow_up")

    def compute() -> pl.DataFrame:
        counts = alert_counts(scope, employees, today)
        rows = [(employee, *found) for employee, found in counts.items()]
        return pl.DataFrame(rows, schema=ALERT_COUNT_COLUMNS, orient="row")

    def build() -> dict[str, tuple[int, int]]:
        frame = shared_frame(key, compute, depends)
        return {employee: (opened, overdue) for employee, opened, overdue in frame.iter_rows()}

    return cache.remember(key, build, depends)


def with_alerts(rows: list[EmployeeRow], today: dt.date, scope: Scope) -> list[EmployeeRow]:
    counts = open_alerts([r.employee_id for r in rows], today, scope)
    return [
        replace(r, open_alerts=counts[r.employee_id][0], overdue_alerts=counts[r.employee_id][1])
        if r.employee_id in counts
        else r
        for r in rows
    ]


def _row(job: dict[str, object], figures: PersonFigures, unit_name: str) -> EmployeeRow:
    return EmployeeRow(
        employee_id=str(job["employee_id"]),
        name=str(job["name"] or ""),
        unit_id=str(job["unit_id"]),
        unit_name=unit_name,
        job_group=str(job["job_group"] or ""),
        weekly_hours=float(job["weekly_hours"]),  # type: ignore[arg-type]
        sick_days=figures.sick_days,
        spells=figures.spells,
    )


@dataclass(frozen=True)
class FollowUpCell:
    """Follow-up on the alerts raised in the last 12 months (spec/rules.md, "After an alert")."""

    raised: int | None
    closed_on_time: int | None
    closed_late: int | None
    open: int | None
    overdue: int | None
    compliance: float | None  # percent of those raised closed by their due date (spec)
    suppressed: bool
    lapsed: int | None = None
    compliance_without_lapsed: float | None = None  # the same of those not lapsed

    @classmethod
    def of(cls, found: FollowUp) -> FollowUpCell:
        def percent(share: Fraction | None) -> float | None:
            return None if share is None else rounded(100 * share, 1)

        return cls(
            found.raised,
            found.closed_on_time,
            found.closed_late,
            found.open,
            found.overdue,
            percent(found.compliance),
            False,
            found.lapsed,
            percent(found.answerable_compliance),
        )


NO_FOLLOW_UP = FollowUpCell(0, 0, 0, 0, 0, None, False, 0)


def _alert_frame(period: Period) -> pl.DataFrame:
    start, end = period
    rows = with_closed_on(Alert.objects.filter(raised_on__gte=start, raised_on__lte=end))
    columns = ("unit_id", "raised_on", "due_by", "closed_on", "lapsed_on")
    values = list(rows.values_list(*columns))
    return pl.DataFrame(values, schema=ALERT_COLUMNS, orient="row")


# A unit's FollowUp as a row of a shared frame: every field is a count.
FOLLOW_UP_SCHEMA = {"unit": pl.String} | {f.name: pl.Int64 for f in dataclasses.fields(FollowUp)}


def follow_up_table(
    today: dt.date, structure: Structure, person_level: bool = True
) -> dict[str, FollowUpCell]:
    period = periods_for(today, person_level).last_12_months

    def compute() -> pl.DataFrame:
        units = cache.dataset().unit_rows
        counted = follow_up_by_unit(_alert_frame(period), units, *period, today, structure, today)
        rows = [{"unit": unit, **dataclasses.asdict(found)} for unit, found in counted.items()]
        return pl.DataFrame(rows, schema=FOLLOW_UP_SCHEMA)

    def build() -> dict[str, FollowUpCell]:
        counted = shared_frame(key, compute, depends)
        return {
            row.pop("unit"): FollowUpCell.of(FollowUp(**row))
            for row in counted.iter_rows(named=True)
        }

    key, depends = ("follow_up", today, structure, person_level), ("data", "follow_up")
    return cache.remember(key, build, depends)


def follow_up_cell(
    unit: str, today: dt.date, structure: Structure, person_level: bool
) -> FollowUpCell:
    found = follow_up_table(today, structure, person_level).get(unit, NO_FOLLOW_UP)
    if person_level:
        return found
    # Alerts are about persons: their counts are a family of the disclosure rule too.
    period = periods_for(today, person_level).last_12_months
    if ALERT_PART in policy(today).parts(ALERTS, structure, unit, *period):
        return found
    return FollowUpCell(None, None, None, None, None, None, True)
