"""The one place that reads the environment.

Every value has a documented default (docs/settings.md); a test checks that each
one is documented. Booleans are "True" or "False" and nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


class SettingError(ValueError):
    pass


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw not in ("True", "False"):
        raise SettingError(f"{name} must be True or False, not {raw!r}")
    return raw == "True"


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingError(f"{name} must be a whole number, not {raw!r}") from None


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default)
    if value not in choices:
        raise SettingError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def database_config() -> dict[str, Any]:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    path = env_str("SAMRAAD_DB", "samraad.sqlite3")
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(Path(path).resolve()),
        "OPTIONS": {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL;"},
        "TEST": {"NAME": None},
    }


DEBUG = env_bool("SAMRAAD_DEBUG", False)
# A fixed key is only acceptable for the demo and development; production sets one.
SECRET_KEY = env_str("SAMRAAD_SECRET_KEY", "samraad-insecure-development-key-change-me")
ALLOWED_HOSTS = [h for h in env_str("SAMRAAD_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
BASE_URL = env_str("SAMRAAD_BASE_URL", "http://127.0.0.1:8000")

DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "samraad.org",
    "samraad.people",
    "samraad.absence",
    "samraad.demo",
    "samraad.accounts",
    "samraad.audit",
    "samraad.web",
    "samraad.rules",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Danish unless the user chose English with the toggle (not the browser's language).
    "samraad.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "samraad.urls"
WSGI_APPLICATION = "samraad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samraad.web.context.navigation",
            ],
        },
    },
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env_str("SAMRAAD_STATIC_ROOT", str(Path("static").resolve()))

# Web app: sign-in and the demo. The password "demo" is refused unless SAMRAAD_DEMO.
AUTHENTICATION_BACKENDS = ["samraad.accounts.backends.ModelBackendRefusingDemo"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "samraad.accounts.backends.DemoPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "org:overview"
LOGOUT_REDIRECT_URL = "web:login"
SESSION_COOKIE_AGE = env_int("SAMRAAD_SESSION_SECONDS", 8 * 3600)
SAMRAAD_DEMO = env_bool("SAMRAAD_DEMO", False)
# How often (seconds) a process looks whether the data changed, to drop its cache.
SAMRAAD_DATA_CHECK_SECONDS = env_int("SAMRAAD_DATA_CHECK_SECONDS", 2)
# The day the app takes as today (ISO date); empty: the real date. For demos and tests.
SAMRAAD_TODAY = env_str("SAMRAAD_TODAY", "")

# Mail (follow-up alerts), through Django's MAILERS. Defaults suit a local relay.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("SAMRAAD_SMTP_HOST", "127.0.0.1"),
            "port": env_int("SAMRAAD_SMTP_PORT", 25),
            "username": env_str("SAMRAAD_SMTP_USER", ""),
            "password": env_str("SAMRAAD_SMTP_PASSWORD", ""),
            "use_tls": env_bool("SAMRAAD_SMTP_TLS", False),
            "timeout": 30,
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("SAMRAAD_MAIL_FROM", "samraad@localhost")

# Imports from payroll and the organisation system (docs/sources/). The employee key is a
# keyed hash of the CPR number: without a secret, SD and Opus imports refuse to run.
SAMRAAD_CPR_KEY = env_str("SAMRAAD_CPR_KEY", "")
# An edited copy of interchange/sources/loenart.toml; empty: the shipped table.
SAMRAAD_LOENART_TABLE = env_str("SAMRAAD_LOENART_TABLE", "")
SAMRAAD_OS2MO_URL = env_str("SAMRAAD_OS2MO_URL", "")
SAMRAAD_OS2MO_TOKEN_URL = env_str("SAMRAAD_OS2MO_TOKEN_URL", "")
SAMRAAD_OS2MO_CLIENT_ID = env_str("SAMRAAD_OS2MO_CLIENT_ID", "")
SAMRAAD_OS2MO_CLIENT_SECRET = env_str("SAMRAAD_OS2MO_CLIENT_SECRET", "")
SAMRAAD_OS2MO_EMPLOYEE_KEY = env_choice("SAMRAAD_OS2MO_EMPLOYEE_KEY", "uuid", ("uuid", "cpr"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SAMRAAD_LOG_LEVEL", "WARNING")},
}
