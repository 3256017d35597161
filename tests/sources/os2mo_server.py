"""A small OS2mo for tests: a real HTTP endpoint answering the GraphQL query shapes that
samraad's OS2mo reader sends (v30: paged collections, validities, *_response fields),
behind a client-credentials sign-in whose tokens run out, as Keycloak's do."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CLIENT_ID, CLIENT_SECRET = "samraad", "s3cret"
ORG = {"uuid": "0000aaaa-0000-4000-8000-000000000000", "name": "Testby Kommune"}
U1, U2, U3, U4 = (f"0000000{n}-1111-4000-8000-000000000000" for n in (1, 2, 3, 4))
P1, P2, P3, P4 = (f"0000000{n}-2222-4000-8000-000000000000" for n in (1, 2, 3, 4))
E1, E2, E3, E4 = (f"0000000{n}-3333-4000-8000-000000000000" for n in (1, 2, 3, 4))


def validity(start: str, end: str | None = None) -> dict[str, str | None]:
    """[start, end): OS2mo's datetimes at local midnight (v29 and later)."""
    return {"from": f"{start}T00:00:00+01:00", "to": end and f"{end}T00:00:00+01:00"}


def unit(name: str, kind: str, parent: str | None, start: str, end: str | None = None) -> dict:
    return {
        "user_key": name.upper()[:4],
        "name": name,
        "parent_response": parent and {"uuid": parent},
        "unit_type_response": {"current": {"name": kind}},
        "validity": validity(start, end),
    }


def engagement(
    person: str, unit: str, job: str, fraction: int | None, start: str, end: str | None = None
) -> dict:
    return {
        "user_key": "-",
        "fraction": fraction,
        "person_response": {"uuid": person},
        "org_unit_response": {"uuid": unit},
        "job_function_response": {"current": {"name": job}},
        "validity": validity(start, end),
    }


def person(name: str, cpr: str | None) -> dict:
    return {"name": name, "cpr_number": cpr, "validity": validity("1990-01-01")}


TESTBY = {
    "org_units": [
        {"uuid": U1, "validities": [unit("Børn og Unge", "Forvaltning", None, "2015-01-01")]},
        {
            "uuid": U2,
            "validities": [  # the school moves from Børn og Unge to Kultur on 1 July 2025
                unit("Skolen", "Afdeling", U1, "2015-01-01", "2025-07-01"),
                unit("Skolen", "Afdeling", U3, "2025-07-01"),
            ],
        },
        {"uuid": U3, "validities": [unit("Kultur", "Forvaltning", None, "2015-01-01")]},
        {"uuid": U4, "validities": [unit("Vuggestuen", "Afdeling", U1, "2015-01-01")]},
    ],
    "engagements": [
        {"uuid": E1, "validities": [engagement(P1, U2, "Lærer", 1_000_000, "2020-08-01")]},
        {
            "uuid": E2,
            "validities": [  # Bo moves to the school on 1 April 2025
                engagement(P2, U4, "Pædagog", 810_811, "2021-03-01", "2025-04-01"),
                engagement(P2, U2, "Pædagog", 810_811, "2025-04-01"),
            ],
        },
        {"uuid": E3, "validities": [engagement(P3, U4, "Medhjælper", None, "2024-12-01")]},
        {
            "uuid": E4,
            "validities": [engagement(P4, U3, "AC", 1_000_000, "2023-01-01", "2025-03-01")],
        },
    ],
    "employees": [
        {"uuid": P1, "validities": [person("Anna Jensen", "1502801002")]},
        {"uuid": P2, "validities": [person("Bo Nielsen", "0107721011")]},
        {"uuid": P3, "validities": [person("Cecilie Holm", None)]},
        {"uuid": P4, "validities": [person("Dennis Lund", "3011851015")]},
    ],
}


@dataclass
class OS2mo:
    url: str
    token_url: str
    queries: list[dict[str, Any]] = field(default_factory=list)
    tokens_issued: int = 0


@contextmanager
def serving(world: dict[str, list[dict]] = TESTBY, token_lasts: int = 3) -> Iterator[OS2mo]:
    """An OS2mo on a free local port; each token answers `token_lasts` queries."""
    state: dict[str, int] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(world, state, token_lasts))
    port = server.server_address[1]
    os2mo = OS2mo(f"http://127.0.0.1:{port}/graphql/v30", f"http://127.0.0.1:{port}/auth/token")
    server.os2mo = os2mo  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield os2mo
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _handler(world: dict[str, list[dict]], state: dict[str, int], token_lasts: int) -> type:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet in tests
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            os2mo: OS2mo = self.server.os2mo  # type: ignore[attr-defined]
            if self.path == "/auth/token":
                self._token(urllib.parse.parse_qs(body.decode()), os2mo)
            elif self.path == "/graphql/v30":
                self._graphql(json.loads(body), os2mo)
            else:
                self._send(404, {"detail": "Not Found"})

        def _token(self, form: dict[str, list[str]], os2mo: OS2mo) -> None:
            given = {k: v[0] for k, v in form.items()}
            expected = {
                "grant_type": "client_credentials",
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
            }
            if given != expected:
                self._send(401, {"error": "unauthorized_client"})
                return
            os2mo.tokens_issued += 1
            token = f"token-{os2mo.tokens_issued}"
            state[token] = token_lasts
            self._send(200, {"access_token": token, "expires_in": 300, "token_type": "Bearer"})

        def _graphql(self, request: dict[str, Any], os2mo: OS2mo) -> None:
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if state.get(token, 0) <= 0:
                self._send(401, {"detail": "Token expired"})
                return
            state[token] -= 1
            os2mo.queries.append(request)
            self._send(200, _answer(world, request["query"], request.get("variables") or {}))

        def _send(self, status: int, answer: dict[str, Any]) -> None:
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _answer(world: dict[str, list[dict]], query: str, variables: dict[str, Any]) -> dict:
    if re.search(r"\borg\s*\{", query):
        return {"data": {"org": ORG}}
    found = re.search(r"page:\s*(\w+)\(", query)
    if found is None or found.group(1) not in world:
        return {"errors": [{"message": "Cannot query field on type Query"}]}
    whole = "from_date: null, to_date: null" in query
    if not (
        whole and "validities(start: null, end: null)" in query
    ):  # only the whole history is answered here
        return {"errors": [{"message": "this test OS2mo answers whole histories only"}]}
    objects = world[found.group(1)]
    start = int(variables.get("cursor") or 0)
    limit = int(variables["limit"])
    after = start + limit
    cursor = str(after) if after < len(objects) else None
    page = {"objects": objects[start:after], "page_info": {"next_cursor": cursor}}
    return {"data": {"page": page}}
