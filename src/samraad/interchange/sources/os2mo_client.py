"""Talking to OS2mo's GraphQL API: client-credentials sign-in and paged queries.

OS2mo signs clients in through Keycloak (OpenID Connect): a POST of `grant_type=
client_credentials`, the client id and secret to the token endpoint gives a bearer token
(docs/src/tech-docs/iam/auth.md in OS2mo's repository). Its tokens live minutes, so a
401 during a long read signs in again, once. Queries are paged by cursor: each page
answers `page_info { next_cursor }`, null on the last (graphql/intro.md, "Pagination").
Only the standard library: urllib and json.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

TIMEOUT_SECONDS = 120


class OS2moError(Exception):
    """OS2mo could not be reached, refused the sign-in or the query."""


class Refused(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"{code} {reason}")
        self.code = code


@dataclass
class Client:
    url: str  # the GraphQL endpoint, e.g. https://mo.kommune.dk/graphql/v30
    token_url: str = ""
    client_id: str = ""
    client_secret: str = ""
    _token: str | None = None

    def pages(self, query: str, page_size: int) -> Iterator[list[dict[str, Any]]]:
        """The objects of `query` (its collection aliased `page`), one page at a time."""
        cursor: str | None = None
        while True:
            data = self.execute(query, {"limit": page_size, "cursor": cursor})
            page = data["page"]
            yield page["objects"]
            cursor = page["page_info"]["next_cursor"]
            if cursor is None:
                return

    def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        answer = self._post_signed_in(body)
        if answer.get("errors"):
            messages = "; ".join(str(e.get("message", e)) for e in answer["errors"])
            raise OS2moError(f"OS2mo refused the query: {messages}")
        data = answer.get("data")
        if not isinstance(data, dict):
            raise OS2moError("OS2mo answered without data")
        return data

    def _post_signed_in(self, body: bytes) -> dict[str, Any]:
        for attempt in (1, 2):
            headers = {"Content-Type": "application/json", "Accept": "application/json"}
            if self.token_url:
                headers["Authorization"] = f"Bearer {self._signed_in(renew=attempt == 2)}"
            try:
                return _post(self.url, body, headers)
            except Refused as exc:
                if exc.code == 401 and self.token_url and attempt == 1:
                    continue  # the token ran out: sign in again
                raise OS2moError(f"OS2mo at {self.url} answered {exc}") from None
        raise AssertionError("unreachable")

    def _signed_in(self, renew: bool) -> str:
        if self._token is None or renew:
            form = urllib.parse.urlencode(
                {
                    "grant_type": "client_credentials",
                    "client_id": self.client_id,
                    "client_secret": self.client_secret,
                }
            ).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            try:
                answer = _post(self.token_url, form, headers)
            except Refused as exc:
                raise OS2moError(f"signing in to OS2mo at {self.token_url} failed: {exc}") from None
            token = answer.get("access_token")
            if not isinstance(token, str):
                raise OS2moError(f"signing in at {self.token_url} gave no access_token")
            self._token = token
        return self._token


def _post(url: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        exc.close()
        raise Refused(exc.code, exc.reason) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise OS2moError(f"{url} cannot be reached: {reason}") from None
    except json.JSONDecodeError:
        raise OS2moError(f"{url} answered something other than JSON") from None
    if not isinstance(answer, dict):
        raise OS2moError(f"{url} answered something other than a JSON object")
    return answer
