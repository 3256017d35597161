"""Numbers as the reader's language writes them: 1.234,5 in Danish, 1,234.5 in English.

`{{ value|number:1 }}` (one decimal; no argument: a whole number). A builtin of the
templates (settings.TEMPLATES), so no template loads it. Years and identifiers are not
numbers here: they are written as they are.
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from samraad.documents.formatting import format_number

register = template.Library()


@register.filter
def number(value: int | float | Decimal | None, places: int | str = 0) -> str:
    if value is None or value == "":
        return "–"
    # Half up, as every figure of the product is rounded (docs/statistics.md), and as
    # the documents write it: the same function (a unit page has a hundred numbers).
    english = (get_language() or "da").startswith("en")
    return format_number(Decimal(str(value)), int(places), "en" if english else "da")


@register.filter
def signed(value: int | float | Decimal | None, places: int | str = 0) -> str:
    """A difference: +0,53, −1,20 (a true minus sign), 0,00."""
    text = number(value, places)
    if value is None or value == "":
        return text
    if not any(c in "123456789" for c in text):
        return text.lstrip("-")
    return text.replace("-", "\u2212") if text.startswith("-") else f"+{text}"
