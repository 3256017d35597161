"""What every answer tells the browser (finding 9): a Content-Security-Policy that allows
no inline script or style, and `Cache-Control: no-store`, on pages, CSV files and the
API alike; and templates that need nothing inline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client, RequestFactory

from samraad.followup.models import Alert
from tests.web.world import World

SRC = Path(__file__).resolve().parents[2] / "src" / "samraad"
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Every kind of answer central HR gets: pages, partials, the CSV, the API, refusals.
ANSWERS = {
    "/": 200,
    "/org/": 200,
    "/org/DAG/children/": 200,
    "/units/SOL/": 200,
    "/units/SOL/employees/": 200,
    "/units/SOL/employees.csv": 200,
    "/employees/SOL-1/": 200,
    "/alerts/": 200,
    "/audit/?employee=SOL-1": 200,
    "/accounts/token/": 200,
    "/import/": 403,
    "/employees/NOBODY/": 404,
    "/api/v1/units/SOL/statistics": 200,
    "/api/v1/units/SOL/employees": 200,
    "/api/v1/alerts": 200,
    "/api/v1/units/NOPE/statistics": 404,
    "/api/openapi.json": 200,
}


@pytest.fixture
def carl(client: Client, world: World) -> Client:
    client.force_login(world.carl)
    return client


def _conversation(client: Client) -> str:
    return f"/alerts/{Alert.objects.get(employee_id='SOL-1').pk}/conversation/"


@pytest.mark.parametrize(("url", "status"), list(ANSWERS.items()))
def test_every_answer_carries_the_policy_and_no_store(carl: Client, url: str, status: int) -> None:
    response = carl.get(url)
    assert response.status_code == status
    assert response["Content-Security-Policy"] == POLICY
    assert "no-store" in response["Cache-Control"].split(", ")
    assert "private" in response["Cache-Control"].split(", ")


def test_the_conversation_form_and_the_sign_in_page_are_not_stored(
    carl: Client, client: Client
) -> None:
    assert "no-store" in carl.get(_conversation(carl))["Cache-Control"]
    carl.logout()
    assert "no-store" in client.get("/accounts/login/")["Cache-Control"]


def test_static_files_stay_cacheable(world: World) -> None:
    from samraad.web.server import application

    environ = RequestFactory().get("/static/samraad/samraad.css").environ
    headers: list[list[tuple[str, str]]] = []
    body = application()(environ, lambda status, found: headers.append(found))
    body.close()  # type: ignore[attr-defined]
    assert "Cache-Control" not in dict(headers[0])


INLINE = {
    "a <script> without src": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "an on… event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "a style attribute": re.compile(r"\sstyle\s*=", re.I),
    "a <style> element": re.compile(r"<style\b", re.I),
    "htmx's hx-on (it evaluates code)": re.compile(r"\s(?:data-)?hx-on", re.I),
    "a javascript: link": re.compile(r"javascript:", re.I),
}


@pytest.mark.parametrize("what", list(INLINE))
def test_no_template_has_inline_code_or_style(what: str) -> None:
    found = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("templates/**/*.html")
        if INLINE[what].search(path.read_text(encoding="utf-8"))
    ]
    assert found == [], f"{what} in {found}"


def test_htmx_is_told_to_inject_no_style_and_evaluate_nothing(carl: Client) -> None:
    page = carl.get("/").content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", page)
    assert config is not None
    assert config[1] == (
        '{"includeIndicatorStyles": false, "allowEval": false, "allowScriptTags": false, '
        '"historyEnabled": false, "historyCacheSize": 0}'
    )
