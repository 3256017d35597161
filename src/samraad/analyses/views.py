"""The analyses' pages: one per analysis and unit, for HR (everything) and committee
members (what the disclosure policy allows). Each names its definition, its period and
how many employees it covers. Figures only: nothing here is about one person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samraad.accounts.permissions import (
    UnitGrant,
    committee_access,
    hr_access,
    require_unit,
    scope_for,
    top_units,
)
from samraad.analyses import service
from samraad.analyses.tables import ALL, Cell
from samraad.clock import today
from samraad.org.tree import tree_on
from samraad.stats import BEFORE_NOTICE, NOTICE, UNKNOWN_AGE


@dataclass(frozen=True)
class Value:
    text: str
    suppressed: bool = False


@dataclass(frozen=True)
class Line:
    label: str
    values: list[Value]
    emphasised: bool = False


@dataclass(frozen=True)
class Section:
    caption: str
    columns: list[str]
    lines: list[Line]


@dataclass(frozen=True)
class AnalysisPage:
    unit_id: str
    name: str
    slug: str
    title: str
    definition: str
    start: dt.date
    end: dt.date
    covers: int | None
    sections: list[Section]
    person_level: bool


@dataclass(frozen=True)
class Analysis:
    title: str | Promise
    definition: str | Promise
    build: Callable[[str, UnitGrant, bool], tuple[service.Table, list[Section]]]


def _number(value: float | int | None, places: int = 2) -> Value:
    if value is None:
        return Value("–")
    return Value(number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True))


HIDDEN = Value("", suppressed=True)


def _band(key: str) -> str:
    if key == ALL:
        return _("All ages")
    if key == UNKNOWN_AGE:
        return _("Age unknown")
    if key.endswith("+"):
        return _("%(age)s years and over") % {"age": key[:-1]}
    low, high = key.split("-")
    if low == "0":
        return _("Under %(age)s years") % {"age": int(high) + 1}
    return _("%(low)s–%(high)s years") % {"low": low, "high": high}


def _values(cell: Cell, fields: list[tuple[str, int]]) -> list[Value]:
    if cell.suppressed:
        return [HIDDEN for _ in fields]
    return [_number(getattr(cell, name), places) for name, places in fields]


SHORT_FIELDS = [
    ("headcount", 0),
    ("fte", 1),
    ("short_spells", 0),
    ("short_frequency_rate", 1),
    ("short_days_per_fte", 2),
    ("frequency_rate", 1),
    ("absence_days_per_fte", 2),
]


def _short_term(
    unit: str, grant: UnitGrant, person_level: bool
) -> tuple[service.Table, list[Section]]:
    table = service.short_term(unit, today(), person_level)
    columns = [
        _("Employees"),
        _("FTE"),
        _("Spells of 1–3 days"),
        _("of these per 100 FTE"),
        _("days per FTE in them"),
        _("All spells per 100 FTE"),
        _("All days per FTE"),
    ]
    lines = [
        Line(_band(r.key), _values(r.cells[0], SHORT_FIELDS), r.emphasised) for r in table.rows
    ]
    return table, [Section(_("By age band"), columns, lines)]


SENIOR_FIELDS = [
    ("headcount", 0),
    ("fte", 1),
    ("absence_days_per_fte", 2),
    ("absence_rate", 2),
    ("long_share", 1),
    ("frequency_rate", 1),
]
PAIR_FIELDS = [("headcount", 0), ("absence_days_per_fte", 2), ("long_share", 1)]


def _seniors(
    unit: str, grant: UnitGrant, person_level: bool
) -> tuple[service.Table, list[Section]]:
    overall, by_job = service.seniors(unit, today(), person_level)
    columns = [
        _("Employees"),
        _("FTE"),
        _("Days per FTE"),
        _("Absence rate (%)"),
        _("Share in spells of 31+ days (%)"),
        _("Spells per 100 FTE"),
    ]
    lines = [Line(_band(r.key), _values(r.cells[0], SENIOR_FIELDS)) for r in overall.rows]
    sections = [Section(_("60 and over against the whole unit"), columns, lines)]
    if person_level:
        pair_columns = [
            _("60+: employees"),
            _("60+: days per FTE"),
            _("60+: share in 31+ days (%)"),
            _("Under 60: employees"),
            _("Under 60: days per FTE"),
            _("Under 60: share in 31+ days (%)"),
        ]
        pairs = [
            Line(
                r.key or "–", [*_values(r.cells[0], PAIR_FIELDS), *_values(r.cells[1], PAIR_FIELDS)]
            )
            for r in by_job.rows
        ]
        sections.append(Section(_("By job group"), pair_columns, pairs))
    return overall, sections


NOTICE_FIELDS = [("headcount", 0), ("absence_rate", 2), ("spells", 0)]


def _notice(unit: str, grant: UnitGrant, person_level: bool) -> tuple[service.Table, list[Section]]:
    table = service.notice(unit, today(), person_level)
    names = {BEFORE_NOTICE: _("The 12 months before notice"), NOTICE: _("The notice period")}
    columns = [_("Employees"), _("Absence rate (%)"), _("Spells ended")]
    lines = [
        Line(names[row.key], _values(row.cells[0], NOTICE_FIELDS), row.emphasised)
        for row in table.rows
    ]
    return table, [Section(_("Dismissals with a notice date"), columns, lines)]


def _job_groups(
    unit: str, grant: UnitGrant, person_level: bool
) -> tuple[service.Table, list[Section]]:
    table = service.job_groups(unit, today(), person_level)
    columns = [grant.tree.name(u) for u in table.columns]
    lines = []
    for row in table.rows:
        values = []
        for cell in row.cells:
            if cell.suppressed:
                values.append(HIDDEN)
            elif not cell.headcount:
                values.append(Value("–"))
            else:
                days = _number(cell.absence_days_per_fte).text
                values.append(Value(f"{days} ({cell.headcount})"))
        lines.append(Line(row.key or "–", values))
    return table, [Section(_("Days per FTE (employees)"), columns, lines)]


ANALYSES = {
    "short-term": Analysis(
        gettext_lazy("Short-term absence by age"),
        gettext_lazy(
            "Short-term absence is own-sickness spells of 1–3 calendar days that ended in "
            "the period: their number, per 100 FTE, and the absence days in them per FTE, "
            "by age band, the under-30s first. A person's age band is their age on each "
            "day: someone who turns 30 in the period counts under 30 until their "
            "birthday. The whole unit's figures are shown beside them."
        ),
        _short_term,
    ),
    "seniors": Analysis(
        gettext_lazy("Seniors (60+)"),
        gettext_lazy(
            "Employees aged 60 or over (on each day) against the whole unit, and by job "
            "group against the employees under 60 of the same job group: days per FTE "
            "and the share of the absence hours in spells of 31 days or more. Committee "
            "members see the 60+ and the whole unit only: the disclosure rule decides "
            "no cells of age and job group together."
        ),
        _seniors,
    ),
    "notice": Analysis(
        gettext_lazy("Absence in the notice period"),
        gettext_lazy(
            "Employments that ended in a dismissal with a notice date: the absence in the "
            "notice period (from the notice date to the last day of employment) against "
            "the same employments in the 12 months before notice. The days of both that "
            "lie in the period count; the absence rate compares them whatever their "
            "length. Employees: those with a notice period in the period."
        ),
        _notice,
    ),
    "job-groups": Analysis(
        gettext_lazy("Job groups across units"),
        gettext_lazy(
            "Own sickness in days per FTE by job group in the unit (first column) and in "
            "each unit directly below it — for the municipality, the administrations — "
            "with the number of employees in brackets."
        ),
        _job_groups,
    ),
}


def _access(request: HttpRequest, unit_id: str) -> tuple[UnitGrant, bool]:
    """HR sees everything; a committee member what the disclosure policy allows."""
    grant = require_unit(request.user, unit_id, today())
    if hr_access(grant.scope, unit_id, grant.tree):
        return grant, True
    if committee_access(grant.scope, unit_id, grant.tree):
        return grant, False
    raise PermissionDenied("the analyses are for HR and committee members")


def may_see_analyses(scope: object) -> bool:
    return bool(
        getattr(scope, "everything", False)
        or getattr(scope, "hr_roots", ())
        or getattr(scope, "aggregate_roots", ())
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The units whose analyses the user may open: the tops of their scope."""
    day = today()
    scope = scope_for(request.user, day)
    tree = tree_on(day)
    units = [
        (unit, tree.name(unit))
        for unit in top_units(scope, tree)
        if hr_access(scope, unit, tree) or committee_access(scope, unit, tree)
    ]
    if not units:
        raise PermissionDenied("the analyses are for HR and committee members")
    return render(request, "analyses/units.html", {"units": units})


@dataclass(frozen=True)
class Link:
    slug: str
    title: str
    definition: str


@login_required
def unit(request: HttpRequest, unit_id: str) -> HttpResponse:
    grant, person_level = _access(request, unit_id)
    links = [Link(slug, str(a.title), str(a.definition)) for slug, a in ANALYSES.items()]
    context = {
        "unit_id": unit_id,
        "name": grant.tree.name(unit_id),
        "links": links,
        "person_level": person_level,
    }
    return render(request, "analyses/index.html", context)


@login_required
def analysis(request: HttpRequest, unit_id: str, slug: str) -> HttpResponse:
    found = ANALYSES.get(slug)
    if found is None:
        raise Http404("no such analysis")
    grant, person_level = _access(request, unit_id)
    table, sections = found.build(unit_id, grant, person_level)
    page = AnalysisPage(
        unit_id,
        grant.tree.name(unit_id),
        slug,
        str(found.title),
        str(found.definition),
        *table.period,
        table.covers,
        sections,
        person_level,
    )
    return render(request, "analyses/analysis.html", {"page": page})
