"""What an operator sees in the terminal: a taken port is one line and exit 2, before
anything slow starts; a refused request is one line, a server error keeps its traceback."""

from __future__ import annotations

import logging
import socket

import pytest
from django.test import Client

from samraad.cli import main
from samraad.web.logs import OneLineForClientErrors
from tests.web.world import World


@pytest.fixture
def taken_port() -> object:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def test_serve_on_a_taken_port_says_so_in_one_line(
    taken_port: int, capsys: pytest.CaptureFixture[str], settings: object, db: None
) -> None:
    settings.SAMRAAD_DEMO = True  # type: ignore[attr-defined]  # no secret key needed
    assert main(["serve", "--port", str(taken_port)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"samraad: error: port {taken_port} on 127.0.0.1 is in use; choose another with --port"
    ]


def test_the_demo_checks_the_port_before_loading(
    taken_port: int, capsys: pytest.CaptureFixture[str], db: None
) -> None:
    assert main(["demo", "--employees", "50", "--years", "1", "--port", str(taken_port)]) == 2
    captured = capsys.readouterr()
    assert "in use" in captured.err and "Generating" not in captured.out


def record(status: int) -> logging.LogRecord:
    try:
        raise PermissionError("no")
    except PermissionError:
        import sys

        entry = logging.LogRecord("django.request", logging.WARNING, "", 0, "x", (), sys.exc_info())
    entry.status_code = status
    return entry


def test_a_refused_request_is_logged_without_its_traceback() -> None:
    entry = record(403)
    OneLineForClientErrors().filter(entry)
    assert entry.exc_info is None


def test_a_server_error_keeps_its_traceback() -> None:
    entry = record(500)
    OneLineForClientErrors().filter(entry)
    assert entry.exc_info is not None


def test_a_403_in_the_app_logs_one_line(
    client: Client, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    client.force_login(world.bob)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get("/units/SOL/").status_code == 403
    handler_filter = OneLineForClientErrors()
    for entry in caplog.records:
        handler_filter.filter(entry)
        assert entry.exc_info is None
