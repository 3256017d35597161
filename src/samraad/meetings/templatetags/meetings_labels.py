"""Vocabulary labels in the committees' templates, in the request's language."""

from __future__ import annotations

from django import template

from samraad.labels import label
from samraad.vocabulary import ACTION_STATUS, AGENDA_PURPOSE

register = template.Library()


@register.filter
def purpose_label(code: str | None) -> str:
    return label(AGENDA_PURPOSE, code) if code else ""


@register.filter
def action_status_label(code: str) -> str:
    return label(ACTION_STATUS, code)
