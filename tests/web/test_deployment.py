"""Deploying for real (finding 8): `samraad serve` refuses the development key, the HTTPS
settings behind a TLS proxy come from the environment, Django's deployment check finds
nothing to warn about with them, and a sign-in through the proxy succeeds."""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from tests.web.world import PASSWORD, World

SETTINGS = Path(__file__).resolve().parents[2] / "src" / "samraad" / "settings.py"
HOST = "samraad.kk.example"
KEY = "vT3-qK8_zL1xW6nR0bY5cJ2mH9sF4dG7pA1eU6iO3kN8tQ0wZ5rX2yB7vC4lM9jD"
PRODUCTION = {
    "SAMRAAD_SECRET_KEY": KEY,
    "SAMRAAD_ALLOWED_HOSTS": HOST,
    "SAMRAAD_BASE_URL": f"https://{HOST}",
    "SAMRAAD_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "SAMRAAD_SSL_REDIRECT": "True",
    "SAMRAAD_SECURE_COOKIES": "True",
    "SAMRAAD_HSTS_SECONDS": "31536000",
    "SAMRAAD_HSTS_INCLUDE_SUBDOMAINS": "True",
    "SAMRAAD_HSTS_PRELOAD": "True",
}
# The Django settings the variables above decide.
DEPLOYMENT = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "CSRF_TRUSTED_ORIGINS",
]


def read_settings(monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]) -> dict[str, Any]:
    """settings.py run afresh in the given environment."""
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def _serve(monkeypatch: pytest.MonkeyPatch, settings: SettingsWrapper, key: str) -> list[str]:
    """Run `samraad serve` with the key; the server itself is replaced by a note."""
    from samraad.cli import main

    started: list[str] = []
    monkeypatch.setattr(
        "samraad.web.server.serve", lambda host, port, processes=1: started.append(host)
    )
    settings.SECRET_KEY = key
    assert main(["serve"]) == (0 if key == KEY else 2)
    return started


@pytest.mark.django_db
def test_serve_refuses_to_start_with_the_development_key(
    monkeypatch: pytest.MonkeyPatch, settings: SettingsWrapper, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _serve(monkeypatch, settings, settings.DEVELOPMENT_SECRET_KEY) == []
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "samraad: error: SAMRAAD_SECRET_KEY is not set; set a long random value, e.g. from "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'\n"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["short-but-set", "a" * 60])
def test_serve_refuses_a_weak_key(
    monkeypatch: pytest.MonkeyPatch,
    settings: SettingsWrapper,
    capsys: pytest.CaptureFixture[str],
    key: str,
) -> None:
    assert _serve(monkeypatch, settings, key) == []
    error = capsys.readouterr().err
    assert error.startswith("samraad: error: SAMRAAD_SECRET_KEY is too weak: at least 50")
    assert error.count("\n") == 1


@pytest.mark.django_db
def test_serve_starts_with_the_development_key_in_demo_mode(
    monkeypatch: pytest.MonkeyPatch, settings: SettingsWrapper
) -> None:
    settings.SAMRAAD_DEMO = True
    from samraad.cli import main

    started: list[str] = []
    monkeypatch.setattr(
        "samraad.web.server.serve", lambda host, port, processes=1: started.append(host)
    )
    assert main(["serve"]) == 0
    assert started == ["127.0.0.1"]


@pytest.mark.django_db
def test_serve_starts_with_a_strong_key(
    monkeypatch: pytest.MonkeyPatch, settings: SettingsWrapper
) -> None:
    assert _serve(monkeypatch, settings, KEY) == ["127.0.0.1"]


def test_the_https_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    read = read_settings(monkeypatch, PRODUCTION)
    assert {name: read[name] for name in DEPLOYMENT} == {
        "SECRET_KEY": KEY,
        "ALLOWED_HOSTS": [HOST],
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "CSRF_TRUSTED_ORIGINS": [f"https://{HOST}"],
    }


def test_trusted_origins_can_be_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    origins = "https://samraad.kk.dk, https://intra.kk.dk:8443"
    read = read_settings(monkeypatch, {"SAMRAAD_CSRF_TRUSTED_ORIGINS": origins})
    assert read["CSRF_TRUSTED_ORIGINS"] == ["https://samraad.kk.dk", "https://intra.kk.dk:8443"]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "SAMRAAD_PROXY_SSL_HEADER",
            "X-Forwarded-Proto: https",
            "SAMRAAD_PROXY_SSL_HEADER must be a header name such as X-Forwarded-Proto, "
            "not 'X-Forwarded-Proto: https'",
        ),
        (
            "SAMRAAD_CSRF_TRUSTED_ORIGINS",
            "samraad.kk.dk",
            "SAMRAAD_CSRF_TRUSTED_ORIGINS: expected origins like https://samraad.kk.dk, "
            "not 'samraad.kk.dk'",
        ),
        (
            "SAMRAAD_SECURE_COOKIES",
            "yes",
            "SAMRAAD_SECURE_COOKIES must be True or False, not 'yes'",
        ),
        ("SAMRAAD_HSTS_SECONDS", "1y", "SAMRAAD_HSTS_SECONDS must be a whole number, not '1y'"),
    ],
)
def test_a_malformed_https_setting_is_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    with pytest.raises(ValueError) as refused:  # a SettingError of the fresh module
        read_settings(monkeypatch, {name: value})
    assert str(refused.value) == message


def _deploy_check(tmp_path: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {
        # Not this test run's own: test_browser.py allows async-unsafe calls, for one.
        **{k: v for k, v in os.environ.items() if not k.startswith(("SAMRAAD_", "DJANGO_"))},
        "DJANGO_SETTINGS_MODULE": "samraad.settings",
        "SAMRAAD_DB": str(tmp_path / "check.sqlite3"),
        **environment,
    }
    command = [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def test_deploy_check_finds_nothing_with_the_production_settings(tmp_path: Path) -> None:
    checked = _deploy_check(tmp_path, PRODUCTION)
    assert (checked.returncode, checked.stderr) == (0, ""), checked.stderr
    assert checked.stdout == "System check identified no issues (0 silenced).\n"


def test_deploy_check_warns_about_the_development_defaults(tmp_path: Path) -> None:
    checked = _deploy_check(tmp_path, {})
    assert checked.returncode == 1
    found = sorted(set(re.findall(r"security\.W\d+", checked.stderr)))
    assert found == [
        "security.W004",
        "security.W008",
        "security.W009",
        "security.W012",
        "security.W016",
    ]


def test_sign_in_through_a_tls_proxy_succeeds(
    world: World, settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = read_settings(monkeypatch, PRODUCTION)
    for name in DEPLOYMENT:
        setattr(settings, name, read[name])
    client = Client(enforce_csrf_checks=True)
    # The proxy talks plain http to the app and says the browser used https.
    proxy = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": HOST}
    form = client.get("/accounts/login/", **proxy)
    assert form.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())
    assert token is not None
    signed_in = client.post(
        "/accounts/login/",
        {"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": token[1]},
        HTTP_ORIGIN=f"https://{HOST}",
        HTTP_REFERER=f"https://{HOST}/accounts/login/",
        **proxy,
    )
    assert (signed_in.status_code, signed_in["Location"]) == (302, "/")
    assert signed_in.cookies["sessionid"]["secure"] is True
    assert signed_in["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert client.get("/", **proxy).status_code == 200


def test_plain_http_past_the_proxy_is_sent_to_https(
    world: World, settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = read_settings(monkeypatch, PRODUCTION)
    for name in DEPLOYMENT:
        setattr(settings, name, read[name])
    response = Client().get("/accounts/login/", HTTP_HOST=HOST)
    assert (response.status_code, response["Location"]) == (
        301,
        f"https://{HOST}/accounts/login/",
    )
