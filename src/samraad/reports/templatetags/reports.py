"""`{% report_panel unit_id %}`: the monthly report's box on the unit page (download,
subscribe). A tag, so the unit page (absence) needs no import of this app."""

from __future__ import annotations

from typing import Any

from django import template

from samraad.accounts.permissions import require_unit
from samraad.clock import today
from samraad.reports.views import panel

register = template.Library()


@register.inclusion_tag("reports/_panel.html", takes_context=True)
def report_panel(context: dict[str, Any], unit_id: str) -> dict[str, Any]:
    request = context["request"]
    day = today()
    grant = require_unit(request.user, unit_id, day)  # the page asked already: no surprise
    return {
        "report": panel(grant, int(request.user.pk), request.user.email, day),
        "csrf_token": context.get("csrf_token"),
    }
