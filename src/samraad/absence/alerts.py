"""Alerts as the pages and the API show them, from the rules app's stored alerts.

The rules app owns alerts and their status; this module only selects the ones inside
a scope and shapes them for a page. Until the rules app is installed it finds none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from samraad.absence import cache
from samraad.accounts.permissions import Access, Scope, unit_access

STATUS_LABELS = {"open": _("Open"), "overdue": _("Overdue"), "closed": _("Closed")}


@dataclass(frozen=True)
class AlertRow:
    alert_id: int
    employee_id: str
    unit_id: str
    unit_name: str
    rule_id: str
    title: str
    raised_on: dt.date
    due_by: dt.date
    reason: str
    status: str  # open, overdue or closed

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.alert_id,
            "employee_id": self.employee_id,
            "unit": self.unit_id,
            "rule_id": self.rule_id,
            "title": self.title,
            "raised_on": self.raised_on.isoformat(),
            "due_by": self.due_by.isoformat(),
            "reason": self.reason,
            "status": self.status,
        }


def alerts_for_scope(scope: Scope, today: dt.date, status: str | None = None) -> list[AlertRow]:
    if not scope.person_level:
        return []
    return []


def alert_counts(employee_ids: list[str], today: dt.date) -> dict[str, tuple[int, int]]:
    """(open, overdue) per person."""
    return {}


def _visible(scope: Scope, unit_id: str, today: dt.date) -> bool:
    return unit_access(scope, unit_id, cache.org_tree(today)) is Access.PERSON
