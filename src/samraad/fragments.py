"""A table's rows rendered once per list and language.

Django's templates take a tenth of a second for central HR's 500-row lists on the
server's CPU, and the same lists are asked for again and again while the data holds.
The rows themselves (frozen dataclasses) are the key, so a fragment is never another
list's, and nothing has to say when it is stale.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from samraad.frames import cache


def rows_html(template: str, rows: Sequence[Hashable]) -> SafeString:
    """`template` rendered with `rows`, kept by the rows' values."""

    def render() -> str:
        return render_to_string(template, {"rows": rows})

    key = ("rows-html", template, get_language(), tuple(rows))
    try:
        hash(key)
    except TypeError:  # a row holding a list: rendered each time
        return mark_safe(render())  # the template escaped
    return mark_safe(cache.remember(key, render, depends=()))  # the template escaped
