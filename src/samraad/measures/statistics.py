"""The sickness-absence attachment's figures: looked up in the absence service's tables
(the statistics core computes them, absence/service.py keeps them) and let through the
disclosure policy for committee audiences, as a committee member's pages are. Nothing
is computed here: figures are picked, checked against the policy and shaped by the
dashboard's own `Cell` and the shared `length_rows`, as the unit page shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from samraad.absence import service
from samraad.absence.dashboard import Cell
from samraad.absence.periods import Period
from samraad.committees.models import Committee
from samraad.disclosure import JOB_GROUPS, LENGTH_GROUPS, Policy
from samraad.disclosure.lengths import length_rows
from samraad.measures.compilation import danish_key
from samraad.measures.report import Figures, SicknessReport, UnitRow
from samraad.org.tree import tree_on
from samraad.stats import Structure, UnitFigures, empty_figures

# Long-term absence: spells of 31 days or more (spec/statistics.md, the length groups).
LONG_TERM = "31+"
# Today's organisation, as a committee member's pages show it; breakdowns (job groups,
# length groups) are decided by the policy in the current structure only.
STRUCTURE = Structure.CURRENT
Periods = tuple[Period, Period, Period]  # this year so far, the same last year, last year


class NoScope(Exception):
    """The committee covers no unit (a working group of no committee with one)."""


def no_long_term(figures: UnitFigures) -> bool:
    """No long spell at all: the group has no persons, which the rule allows to show
    (0 or at least MIN_CELL), so the share is shown as 0."""
    group = figures.by_length.get(LONG_TERM)
    return group is not None and group.spells == 0 and not group.absence_hours


def long_term_share(figures: UnitFigures, shown: set[str]) -> float | None:
    """The dashboard's share of the long-term group (percent of the period's absence
    hours), None where the policy hides it."""
    allowed = shown | ({LONG_TERM} if no_long_term(figures) else set())
    row = next((r for r in length_rows(figures, allowed, places=1) if r.label == LONG_TERM), None)
    return None if row is None else row.share


def _figures(
    found: Mapping[Period, UnitFigures],
    periods: Periods,
    shown: tuple[bool, ...],
    lengths: tuple[set[str], set[str]] | None,
) -> Figures:
    """Days per FTE in the three periods; the long-term share this year and last year
    (`lengths`: the length groups the policy shows then; None: no shares made)."""
    ytd, _, last_year = periods
    days = [
        Cell.of(found[p], ok).absence_days_per_fte for p, ok in zip(periods, shown, strict=True)
    ]
    if lengths is None:
        return Figures((days[0], days[1], days[2]), (None, None))
    long = [
        long_term_share(found[p], parts) if ok else None
        for p, ok, parts in zip((ytd, last_year), (shown[0], shown[2]), lengths, strict=True)
    ]
    return Figures((days[0], days[1], days[2]), (long[0], long[1]))


def _unit_figures(unit: str, today: dt.date, periods: Periods, policy: Policy) -> Figures:
    table = service.tables(today, STRUCTURE, person_level=False).figures
    found = {p: table.get((unit, *p)) or empty_figures(unit, p, STRUCTURE) for p in periods}
    shown = tuple(policy.unit(STRUCTURE, unit, *p) for p in periods)
    lengths = (
        policy.parts(LENGTH_GROUPS, STRUCTURE, unit, *periods[0]),
        policy.parts(LENGTH_GROUPS, STRUCTURE, unit, *periods[2]),
    )
    return _figures(found, periods, shown, lengths)


def _job_groups(
    unit: str, today: dt.date, periods: Periods, policy: Policy
) -> tuple[tuple[str, Figures], ...]:
    by_period = {p: service.job_group_figures(today, p, STRUCTURE).get(unit, {}) for p in periods}
    allowed = {p: policy.parts(JOB_GROUPS, STRUCTURE, unit, *p) for p in periods}
    rows = []
    for group in sorted({g for found in by_period.values() for g in found}):
        found = {p: by_period[p].get(group) or empty_figures(unit, p, STRUCTURE) for p in periods}
        shown = tuple(group in by_period[p] and group in allowed[p] for p in periods)
        # A job group's long-term share would split a shown group by spell length: a
        # breakdown of a breakdown, which the policy does not decide. Not made.
        rows.append((group, _figures(found, periods, shown, None)))
    return tuple(rows)


def sickness_report(committee: Committee, today: dt.date) -> SicknessReport:
    """The committee's unit and the units right under it, as a committee member may see
    them on `today`: whole months up to the last complete one."""
    scope = committee.scope_unit_id()
    tree = tree_on(today)
    if scope is None or scope not in tree.units:
        raise NoScope(committee.code)
    page = service.periods_for(today, person_level=False)
    periods = (page.year_to_date, page.year_to_date_last_year, page.last_year)
    policy = service.policy(today)
    units = [scope, *sorted(tree.children_of(scope), key=lambda u: danish_key(tree.name(u)))]
    rows = tuple(
        UnitRow(
            unit,
            tree.name(unit),
            _unit_figures(unit, today, periods, policy),
            _job_groups(unit, today, periods, policy),
        )
        for unit in units
    )
    return SicknessReport(
        committee=committee.name,
        scope=tree.name(scope),
        made_on=today,
        year_to_date=periods[0],
        year_to_date_last_year=periods[1],
        last_year=periods[2],
        rows=rows,
    )
