"""Danish by default, English only when the user picked it with the toggle; no copy of any
answer kept by a browser or a proxy; no request body larger than the upload limit."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers


class ChosenLanguageMiddleware:
    """Unlike Django's LocaleMiddleware, the browser's Accept-Language is not consulted:
    the users' language is Danish, whatever the machine's browser was installed with."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.known = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.known else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class NoStoreMiddleware:
    """`Cache-Control: no-store` (and no-cache, private, max-age=0) on every answer the
    app makes: person pages, employee lists, CSV files, alerts, the audit log, the API.

    All of them rather than the personal ones: a page of figures is also only for its
    audience, a rule with exceptions is a rule someone forgets on the next page, and
    nothing the app computes is worth a cached copy (every page is computed per user).
    Static files (htmx, the stylesheet) are served before Django's middleware and stay
    cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request whose body is larger than SAMRAAD_UPLOAD_MAX_MB before anything
    reads it (the CSRF check reads a posted form). The import holds about ten times its
    files in memory (docs/interchange.md), so the limit bounds what an upload can cost.
    Django itself keeps an uploaded file above FILE_UPLOAD_MAX_MEMORY_SIZE in a
    temporary file, so a body under the limit is not held in memory either."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.SAMRAAD_UPLOAD_MAX_MB
        if _content_length(request) > limit * 1024 * 1024:
            return render(request, "web/too_large.html", {"limit": limit}, status=413)
        return self.get_response(request)


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django then reads no body at all
