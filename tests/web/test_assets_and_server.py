"""Everything the browser loads comes from the app; `samraad serve` serves it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from samraad.followup.models import Alert
from tests.web.world import World

SRC = Path(__file__).resolve().parents[2] / "src" / "samraad"


def test_no_template_loads_anything_from_the_internet() -> None:
    for template in SRC.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        remote = re.findall(r'(?:src|href)="(?:https?:)?//[^"]+"', text)
        assert remote == [], template


def test_htmx_is_the_real_file_vendored() -> None:
    htmx = (SRC / "web" / "static" / "samraad" / "htmx.min.js").read_text(encoding="utf-8")
    assert htmx.startswith("var htmx=function()") and len(htmx) > 40_000


def test_the_wsgi_application_serves_the_static_files(world: World) -> None:
    from django.test import RequestFactory

    from samraad.web.server import application

    environ = RequestFactory().get("/static/samraad/htmx.min.js").environ
    started: list[str] = []
    response = application()(environ, lambda status, headers: started.append(status))
    body = b"".join(response)
    response.close()  # type: ignore[attr-defined]
    assert started == ["200 OK"] and body.startswith(b"var htmx")


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_serve_refuses_a_bad_port(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    from samraad.cli import main

    assert main(["serve", "--port", port]) == 2
    assert "port" in capsys.readouterr().err


ROLES = {
    "alice": 200,
    "bob": 404,
    "hanna": 200,
    "carl": 200,
    "mette": 403,
    "henrik": 403,
    "ada": 403,
}


@pytest.mark.parametrize(("role", "status"), list(ROLES.items()))
def test_conversation_form_by_role(client: Client, world: World, role: str, status: int) -> None:
    client.force_login(getattr(world, role))
    alert = Alert.objects.get(employee_id="SOL-1")
    assert client.get(f"/alerts/{alert.pk}/conversation/").status_code == status
