"""The user's own units and the organisation tree to drill down (administration → centre → unit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samraad.absence import service
from samraad.absence.dashboard import Cell
from samraad.accounts.permissions import (
    Access,
    Scope,
    require_unit,
    scope_for,
    top_units,
    unit_access,
)
from samraad.audit.log import record
from samraad.clock import today
from samraad.followup.inbox import PENDING, Filters, Worklist, worklist
from samraad.labels import label
from samraad.org.tree import OrgTree, tree_on
from samraad.stats import Structure
from samraad.vocabulary import UNIT_KIND


@dataclass(frozen=True)
class UnitSummary:
    unit_id: str
    name: str
    kind: str
    has_children: bool
    person_level: bool
    cell: Cell | None


@dataclass(frozen=True)
class OverviewPage:
    today: dt.date
    period: tuple[dt.date, dt.date]
    units: list[UnitSummary]
    committees: tuple[str, ...]
    administrator: bool
    waiting: Worklist | None = None  # a manager's alerts waiting, the most urgent first


# How many of a manager's waiting alerts the home page names.
HOME_ALERTS = 5


@dataclass(frozen=True)
class TreeNode:
    unit_id: str
    name: str
    kind: str
    has_children: bool


@dataclass(frozen=True)
class TreePage:
    parent: TreeNode | None
    path: list[TreeNode]
    nodes: list[TreeNode]


def _summaries(scope: Scope, tree: OrgTree, units: list[str], day: dt.date) -> list[UnitSummary]:
    """Each unit with its last 12 months; figures computed with the right suppression."""
    access = {u: unit_access(scope, u, tree) for u in units}
    cells: dict[str, Cell] = {}
    for level in (Access.PERSON, Access.AGGREGATE):
        group = [u for u in units if access[u] is level]
        if group:
            person_level = level is Access.PERSON
            structure = Structure.HISTORIC if person_level else Structure.CURRENT
            cells |= service.headlines(group, day, structure, person_level)
    return [
        UnitSummary(
            u,
            tree.name(u),
            label(UNIT_KIND, tree.units[u].kind),
            bool(tree.children_of(u)),
            access[u] is Access.PERSON,
            cells.get(u),
        )
        for u in units
    ]


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    day = today()
    scope = scope_for(request.user, day)
    tree = tree_on(day)
    units = top_units(scope, tree) if scope.sees_statistics else []
    waiting = None
    if scope.manager and scope.person_level:
        waiting = worklist(scope, day, Filters(status=PENDING), 1, HOME_ALERTS)
        # The alerts are named: person-level data, audited.
        record(request, scope, "absence:overview", subjects=[r.employee_id for r in waiting.rows])
    page = OverviewPage(
        today=day,
        period=service.periods_for(day, scope.person_level).last_12_months,
        units=_summaries(scope, tree, units, day),
        committees=scope.committees,
        administrator=scope.administrator,
        waiting=waiting,
    )
    return render(request, "absence/overview.html", {"page": page})


def _node(tree: OrgTree, unit_id: str) -> TreeNode:
    unit = tree.units[unit_id]
    return TreeNode(
        unit_id, unit.name, label(UNIT_KIND, unit.kind), bool(tree.children_of(unit_id))
    )


@login_required
def tree(request: HttpRequest) -> HttpResponse:
    """The tree from the user's top units; `?unit=ID` opens one unit's children
    (what the HTMX partial does in place, for a browser without JavaScript)."""
    day = today()
    unit_id = request.GET.get("unit")
    if unit_id:
        grant = require_unit(request.user, unit_id, day)
        org = grant.tree
        path = [_node(org, u) for u in org.path(unit_id) if unit_access(grant.scope, u, org)]
        nodes = [_node(org, u) for u in org.children_of(unit_id)]
        page = TreePage(_node(org, unit_id), path, nodes)
    else:
        scope = scope_for(request.user, day)
        org = tree_on(day)
        page = TreePage(None, [], [_node(org, u) for u in top_units(scope, org)])
    return render(request, "absence/tree.html", {"page": page})


@login_required
def children(request: HttpRequest, unit_id: str) -> HttpResponse:
    """HTMX partial: one unit's children, to expand the tree in place."""
    grant = require_unit(request.user, unit_id, today())
    nodes = [_node(grant.tree, u) for u in grant.tree.children_of(unit_id)]
    return render(request, "absence/_children.html", {"nodes": nodes})
