"""Parts of a page rendered once per value and language.

Django's templates take a tenth of a second for central HR's 500-row lists on the
server's CPU, and milliseconds for a unit page's period picker and forms; the same
parts are asked for again and again while the data holds. The value rendered (frozen
dataclasses, tuples) is the key, so a fragment is never another value's, and nothing
has to say when it is stale.

A form's CSRF token differs per session: the fragment is rendered with a placeholder,
which each request replaces with its own token.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from samraad.frames import cache

# Letters and digits only: the template's escaping leaves it as it is.
CSRF_PLACEHOLDER = "csrfPlaceholderReplacedPerRequest"


def html(
    template: str, name: str, value: Hashable, request: HttpRequest | None = None
) -> SafeString:
    """`template` rendered with `value` as `name`, kept by the value and the language.
    With `request`, the template's forms carry that request's CSRF token."""

    def render() -> str:
        context: dict[str, object] = {name: value}
        if request is not None:
            context["csrf_token"] = CSRF_PLACEHOLDER
        return render_to_string(template, context)

    key = ("html", template, name, get_language(), value)
    try:
        hash(key)
    except TypeError:  # a value holding a list: rendered each time
        found = render()
    else:
        found = cache.remember(key, render, depends=())
    if request is not None:
        found = found.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(found)  # the template escaped


def rows_html(template: str, rows: Sequence[Hashable]) -> SafeString:
    """`template` rendered with `rows` (as `rows`), kept by the rows' values."""
    return html(template, "rows", tuple(rows))
