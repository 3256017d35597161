"""`{% report_panel unit_id %}`: the monthly report's box on the unit page (download,
subscribe). A tag, so the unit page (absence) needs no import of this app."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from samraad.accounts.permissions import require_unit
from samraad.clock import today
from samraad.fragments import html
from samraad.reports.views import panel

register = template.Library()


@register.simple_tag(takes_context=True)
def report_panel(context: dict[str, Any], unit_id: str) -> SafeString:
    request = context["request"]
    day = today()
    grant = require_unit(request.user, unit_id, day)  # the page asked already: no surprise
    found = panel(grant, int(request.user.pk), request.user.email, day)
    return html("reports/_panel.html", "report", found, request)
