"""Every error under /api/ is JSON `{"error": "…"}`, also those the API's views never see:
an unknown address (404), a method other than GET (405), a failed CSRF check on a POST
with the session cookie (403), a body over the upload limit (413), a crash (500)."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.csrf import csrf_failure as page_csrf_failure

from samraad.api.auth import error

# Headers of the original answer that stay on the JSON one.
KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")


def _message(status: int) -> str:
    messages = {
        404: "not found",
        405: "method not allowed; the API only answers GET",
        413: f"the request body is larger than {settings.SAMRAAD_UPLOAD_MAX_MB} MB",
        500: "internal error; the server's log has the details",
    }
    return messages.get(status) or HTTPStatus(status).phrase.lower()


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(reverse("api:openapi").rsplit("/", 1)[0] + "/")


class JsonErrorsMiddleware:
    """Outermost, so that it sees the answers of every other layer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code < 400 or not is_api(request):
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        answer = error(response.status_code, _message(response.status_code))
        for header in KEPT_HEADERS:
            if header in response:
                answer[header] = response[header]
        return answer


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: JSON under /api/, Django's page elsewhere."""
    if not is_api(request):
        return page_csrf_failure(request, reason)
    return error(403, f"CSRF check failed ({reason}); the API only answers GET")
